"use client";

import { useEffect, useRef } from "react";

const FIELD = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

/**
 * Keyboard: after "+ Add …", focus moves to the new item's first field (issue 24 item 6), not left on the button
 * while the new fields appear elsewhere. `count` is how many items there are; `item(i)` finds item i's element.
 * Call the returned function when the button adds one.
 */
export function useFocusAdded(count: number, item: (index: number) => Element | null): () => void {
  const pending = useRef<number | null>(null);
  const find = useRef(item);
  useEffect(() => {
    find.current = item;
  });
  useEffect(() => {
    if (pending.current === null || count <= pending.current) return;
    pending.current = null;
    const field = find.current(count - 1)?.querySelector<HTMLElement>(FIELD);
    field?.focus();
  }, [count]);
  return () => {
    pending.current = count;
  };
}
