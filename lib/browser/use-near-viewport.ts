"use client";

import { useEffect, useState, type RefObject } from "react";
import { watchNearViewport } from "./near-viewport";

/** Whether the element is within `marginPx` of the viewport (`initial`, true unless said, until first measured). */
export function useNearViewport(ref: RefObject<Element | null>, marginPx = 800, initial = true): boolean {
  const [near, setNear] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return watchNearViewport(el, setNear, marginPx);
  }, [ref, marginPx]);
  return near;
}

/**
 * `value` while `live`; otherwise the last value returned while live. For a drawing nobody can see (far off screen):
 * returning the same React element lets React skip it entirely; it catches up as soon as it is `live` again.
 */
export function useHeldWhileNotLive<T>(value: T, live: boolean): T {
  const [held, setHeld] = useState(value);
  if (live && held !== value) setHeld(value);
  return live ? value : held;
}
