"use client";

import { useEffect, useRef } from "react";

/**
 * A <details> the server rendered toggles natively: a click before React has hydrated it opens it in the page, and
 * React never hears the toggle. On mount, this reads the element's real state and calls `onOpen` when it is already
 * open, so a panel unfolded early still renders its body. Returns the ref to put on the <details>.
 */
export function useOpenedEarly(onOpen: () => void) {
  const ref = useRef<HTMLDetailsElement>(null);
  const first = useRef(onOpen);
  useEffect(() => {
    if (ref.current?.open) first.current();
  }, []);
  return ref;
}
