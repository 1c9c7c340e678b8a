"use client";

import { useEffect, useState } from "react";
import { nextShownCount } from "./idle";

/**
 * How many of `total` items to render: `first` at once, then `step` more after each commit (on a timer), until all
 * are shown. A long list (the line items of 500 workloads) then renders in small commits that each land, instead of
 * one long interruptible render that a busy browser may never finish (each new update restarts it). A plain update,
 * not a transition: a few tables are a short task, and a transition could wait behind others that never settle.
 */
export function useShownCount(total: number, first = 20, step = 20): number {
  const [shown, setShown] = useState(() => Math.min(total, first));
  const [last, setLast] = useState(total);
  if (total !== last) {
    setLast(total);
    // A few more items while all were shown (a workload added, pasted, or put back): all at once, so what was just
    // added is there to scroll to. Fewer items (a smaller scenario opened): count from there, so a big one opened
    // next fills in steps too.
    if (shown >= last && total - last <= step) setShown(total);
    else if (shown > total) setShown(total);
  }
  useEffect(() => {
    if (shown >= total) return;
    const t = setTimeout(() => setShown((s) => nextShownCount(s, total, step)), 0);
    return () => clearTimeout(t);
  }, [shown, total, step]);
  return Math.min(shown, total);
}
