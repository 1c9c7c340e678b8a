"use client";

import { useEffect } from "react";
import { useUndoStore } from "@/lib/store";

/** How long an undo offer stays on screen. */
const OFFER_MS = 12_000;

/** "Removed workload “api”. Undo": shown after a destructive action, bottom of the screen, for a few seconds. */
export function UndoBar() {
  const offer = useUndoStore((s) => s.offer);
  const undo = useUndoStore((s) => s.undo);
  const dismiss = useUndoStore((s) => s.dismiss);
  useEffect(() => {
    if (!offer) return;
    const t = window.setTimeout(() => {
      if (useUndoStore.getState().offer === offer) dismiss();
    }, OFFER_MS);
    return () => window.clearTimeout(t);
  }, [offer, dismiss]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4 print:hidden">
      {offer ? (
        <div
          data-testid="undo-bar"
          className="pointer-events-auto flex max-w-xl items-center gap-3 rounded-md bg-slate-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
        >
          <span>{offer.label}</span>
          {offer.restore ? (
            <button
              type="button"
              className="rounded px-2 py-1 font-semibold text-sky-300 underline hover:text-sky-200 focus:outline-none focus:ring-2 focus:ring-sky-400 dark:text-sky-800 dark:hover:text-sky-900"
              onClick={undo}
            >
              Undo
            </button>
          ) : null}
          <button
            type="button"
            aria-label="Dismiss"
            className="rounded px-1 text-slate-300 hover:text-white focus:outline-none focus:ring-2 focus:ring-sky-400 dark:text-slate-600 dark:hover:text-slate-900"
            onClick={dismiss}
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
