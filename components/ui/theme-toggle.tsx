"use client";

import { useEffect, useSyncExternalStore } from "react";
import { buttonClass } from "./fields";

const KEY = "fargate-estimator:theme";
const EVENT = "fargate-estimator:theme";

const isDark = () => document.documentElement.classList.contains("dark");
function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  return () => window.removeEventListener(EVENT, onChange);
}
function apply(dark: boolean) {
  document.documentElement.classList.toggle("dark", dark);
  window.dispatchEvent(new Event(EVENT));
}

/** Light/dark theme: follows the system until the user picks one; remembered in local storage. */
export function ThemeToggle() {
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  useEffect(() => {
    const saved = window.localStorage.getItem(KEY);
    apply(saved ? saved === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches);
  }, []);
  return (
    <button
      type="button"
      className={buttonClass}
      aria-pressed={dark}
      onClick={() => {
        apply(!dark);
        window.localStorage.setItem(KEY, !dark ? "dark" : "light");
      }}
    >
      {dark ? "Light theme" : "Dark theme"}
    </button>
  );
}
