"use client";

import { startTransition, useEffect, useState } from "react";
import { idleFollower } from "./idle";

/**
 * `value`, but updated only once it has stayed the same for `delayMs` and the browser is idle, and then in a
 * transition (a render React can interrupt); at the latest `maxWaitMs` after it changed, idle or not (a machine that is
 * never idle, or a value that keeps changing, still gets there: lib/browser/idle.ts idleFollower). For what is heavy
 * to render and need not follow every keystroke: line items, charts. The first render returns the value itself, and so
 * does every render while `immediate` (no wait: what the page shows while it loads, before anyone types); once it is
 * false, the value follows from the one last returned.
 */
export function useIdleValue<T>(value: T, delayMs = 150, maxWaitMs = 1000, immediate = false): T {
  const [idle, setIdle] = useState(value);
  // "Storing information from previous renders": the idle value kept equal to the value while immediate.
  if (immediate && !Object.is(idle, value)) setIdle(() => value);
  const [follower] = useState(() => idleFollower<T>((v) => startTransition(() => setIdle(() => v)), { delayMs, maxWaitMs }));
  useEffect(() => {
    if (Object.is(idle, value)) follower.settled();
    else follower.set(value);
  }, [follower, value, idle]);
  useEffect(() => () => follower.cancel(), [follower]);
  return immediate ? value : idle;
}
