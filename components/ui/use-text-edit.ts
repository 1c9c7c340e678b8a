"use client";

import { useSyncExternalStore } from "react";

/**
 * Which text field the person is typing in, if any: a fresh object each time the focused text field changes (focus
 * moving from one field to another, or leaving one), so a component can tell where one edit ends and the next begins.
 * Keystrokes inside one field are one edit: "1,000" typed over "1024" passes through "1", a complete value nobody meant.
 */
export interface TextEdit {
  field: Element | null;
}

const isTextField = (el: Element | null) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && (el.type === "text" || el.type === "search" || el.type === "number"));

const NONE: TextEdit = { field: null };
let current: TextEdit = NONE;
const listeners = new Set<() => void>();

function update() {
  const active = document.activeElement;
  const field = isTextField(active) ? active : null;
  if (field === current.field) return;
  current = field ? { field } : NONE;
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) {
    document.addEventListener("focusin", update);
    document.addEventListener("focusout", update);
    update();
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      document.removeEventListener("focusin", update);
      document.removeEventListener("focusout", update);
    }
  };
}

export function useTextEdit(): TextEdit {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => NONE,
  );
}
