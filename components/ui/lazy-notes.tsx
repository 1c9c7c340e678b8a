"use client";

import { lazy, Suspense } from "react";
import type { workloadCardNotes } from "@/lib/scenario";

// Notes and warnings render from their own chunk (the server renders them in full; the page's first-load scripts
// stay lean). See result-notes.tsx, warnings.tsx (the two looks) and lib/results/notes.ts (which is which).
const Lazy = lazy(() => import("./result-notes"));

/** The engine's notes for a result, split into information and warnings. */
export function ResultNotes({ messages }: { messages: readonly string[] }) {
  return messages.length ? (
    <Suspense>
      <Lazy messages={messages} />
    </Suspense>
  ) : null;
}

/** The billing notes on a workload's card (EKS pod rounding, the minimum charge per run). */
export function WorkloadCardNotes({ workload }: { workload: Parameters<typeof workloadCardNotes>[0] }) {
  return (
    <Suspense>
      <Lazy workload={workload} />
    </Suspense>
  );
}
