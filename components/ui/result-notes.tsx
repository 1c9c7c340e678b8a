"use client";

import { fargateCatalog } from "@/lib/catalog/fargate";
import { splitNotes } from "@/lib/results";
import { workloadCardNotes } from "@/lib/scenario";
import { Notes, Warnings } from "./warnings";

const RULES = { eksOverheadMiB: fargateCatalog.eksOverheadMiB, minimumBillableSeconds: fargateCatalog.minimumBillableSeconds };

/**
 * Either the engine's notes for a result (split into information and warnings), or the billing notes of a workload
 * on its card. One module, loaded lazily by lazy-notes.tsx.
 */
export default function ResultNotes({ messages, workload }: { messages?: readonly string[]; workload?: Parameters<typeof workloadCardNotes>[0] }) {
  if (workload) return <Notes items={workloadCardNotes(workload, RULES).map((n) => n.text)} testId="card-notes" />;
  const { info, warnings } = splitNotes(messages ?? []);
  return (
    <>
      <Notes items={info} />
      <Warnings items={warnings} />
    </>
  );
}
