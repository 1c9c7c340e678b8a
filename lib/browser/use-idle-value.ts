"use client";

import { startTransition, useEffect, useState } from "react";
import { onIdle } from "./idle";

/**
 * `value`, but updated only once it has stayed the same for `delayMs` and the browser is idle, and then in a
 * transition (a render React can interrupt). For what is heavy to render and need not follow every keystroke:
 * line items, charts. The first render returns the value itself.
 */
export function useIdleValue<T>(value: T, delayMs = 150): T {
  const [idle, setIdle] = useState(value);
  useEffect(() => {
    if (Object.is(idle, value)) return;
    let cancelIdle = () => {};
    const t = setTimeout(() => {
      cancelIdle = onIdle(() => startTransition(() => setIdle(() => value)));
    }, delayMs);
    return () => {
      clearTimeout(t);
      cancelIdle();
    };
  }, [value, idle, delayMs]);
  return idle;
}
