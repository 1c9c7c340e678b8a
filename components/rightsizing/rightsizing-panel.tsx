"use client";

import dynamic from "next/dynamic";
import { useCallback, useState } from "react";
import { useOpenedEarly } from "@/components/ui/use-opened-early";

// Folded until used: its body loads on first unfold (outside the first-load budget) and then stays mounted, so a
// list survives folding; the closed <details> hides it.
const RightsizingBody = dynamic(() => import("./rightsizing-body").then((m) => m.RightsizingBody), {
  ssr: false,
  loading: () => <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">Loading…</p>,
});

/**
 * Right-sizing: Compute Optimizer recommendations (live, through the server route), an uploaded
 * ExportECSServiceRecommendations CSV, or our own rule on an uploaded utilization CSV. It sits right above the
 * workloads it changes, folded until used, so it is found without pushing the calculator down.
 */
export function RightsizingPanel({ region }: { region: string }) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  // Unfolds when something arrives (a list or an error); the person can fold it again.
  const onArrived = useCallback(() => setOpen(true), []);
  const details = useOpenedEarly(() => {
    setOpen(true);
    setUsed(true);
  });
  return (
    <details
      ref={details}
      open={open}
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen(isOpen);
        if (isOpen) setUsed(true);
      }}
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden dark:border-slate-700 dark:bg-slate-900"
      data-testid="rightsizing"
    >
      <summary className="touch-summary cursor-pointer">
        <h2 id="rightsizing-heading" className="inline text-lg font-semibold">
          Right-sizing
        </h2>
        <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">find over-provisioned services and put the right size into the scenario</span>
      </summary>
      {used ? <RightsizingBody region={region} onArrived={onArrived} /> : null}
    </details>
  );
}
