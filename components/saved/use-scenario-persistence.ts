"use client";

import { useCallback, useEffect, useMemo, useRef } from "react";
import type { Draft } from "@/lib/scenario";

type Persistence = typeof import("./persistence");

/**
 * The calculator's handle on the saved scenarios (see ./persistence, loaded right after the page so the first load
 * stays small). `lastLink` is the share token in the address bar for what is on screen; `loaded` turns true once the
 * first load (saved list, then the address bar's link) is done, so nothing is written before it.
 */
export function useScenarioPersistence(onLoaded?: () => void) {
  // The latest callback, read when the first load is done (the effect below runs once).
  const loadedCallback = useRef(onLoaded);
  useEffect(() => {
    loadedCallback.current = onLoaded;
  }, [onLoaded]);
  const loaded = useRef(false);
  const lastLink = useRef<string | null>(null);
  const held = useRef<Draft | null>(null);
  const mod = useRef<Persistence | null>(null);
  const refs = useMemo(() => ({ loaded, lastLink, held }), []);

  useEffect(() => {
    let live = true;
    let stop = () => {};
    const done = () => loadedCallback.current?.();
    import("./persistence").then(
      (m) => {
        if (!live) return;
        mod.current = m;
        stop = m.start(refs, done);
      },
      // Its code did not arrive (offline, a new deployment): the editor still works, without the saved list.
      () => {
        refs.loaded.current = true;
        done();
      },
    );
    return () => {
      live = false;
      stop();
    };
  }, [refs]);

  const open = useCallback((id: string) => mod.current?.open(id, refs), [refs]);
  const startNew = useCallback(() => mod.current?.startNew(refs), [refs]);
  const save = useCallback((draft: Draft) => mod.current?.save(draft, refs), [refs]);
  const openAsNew = useCallback((draft: Draft) => mod.current?.openAsNew(draft, refs), [refs]);
  return { loaded, lastLink, held, open, startNew, save, openAsNew };
}
