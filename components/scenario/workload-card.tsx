"use client";

import { memo } from "react";
import { buttonClass, TextField } from "@/components/ui/fields";
import { WorkloadCardNotes } from "@/components/ui/lazy-notes";
import type { DraftWorkload } from "@/lib/scenario";
import { ScheduleFields } from "./schedule-fields";
import { useWorkloadActions, workloadCardModel } from "./use-workload-card";
import { PurchaseFields, RuntimeFields, SizeFields } from "./workload-fields";

function sameProblems(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

interface CardProps {
  index: number;
  workload: DraftWorkload;
  problems: Record<string, string> | undefined;
  regionHasSpot: boolean;
  canRemove: boolean;
}

/** Only the card whose workload changed re-renders while typing (others keep the same props). */
export const WorkloadCard = memo(
  WorkloadCardView,
  (prev, next) =>
    prev.workload === next.workload &&
    prev.index === next.index &&
    prev.regionHasSpot === next.regionHasSpot &&
    prev.canRemove === next.canRemove &&
    sameProblems(prev.problems, next.problems),
);

/**
 * One workload: name and actions, then its fields in four parts (runtime, size, schedule, purchase) and the
 * billing notes that apply to it (EKS pod rounding, the minimum charge per run), on the card where they are set.
 */
function WorkloadCardView({ index, workload: w, problems, regionHasSpot, canRemove }: CardProps) {
  const { set, duplicate, remove } = useWorkloadActions(index);
  const m = workloadCardModel(w, regionHasSpot);
  const p = problems ?? {};
  const parts = { w, m, p, set };
  return (
    <fieldset
      className="offscreen-skip rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid={`workload-${index}`}
      aria-label={`Workload ${index + 1}: ${w.name}`}
    >
      <div className="flex flex-wrap items-end gap-2">
        <TextField label="Name" value={w.name} onChange={(name) => set({ name })} error={p.name} className="min-w-40 flex-1" testId="workload-name" />
        <button type="button" className={buttonClass} onClick={duplicate} aria-label={`Duplicate ${w.name}`}>
          Duplicate
        </button>
        <button type="button" className={buttonClass} onClick={remove} disabled={!canRemove} aria-label={`Remove ${w.name}`}>
          Remove
        </button>
      </div>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <RuntimeFields {...parts} />
        <SizeFields {...parts} />
        <ScheduleFields {...parts} />
        <PurchaseFields {...parts} />
      </div>
      {typeof w.note === "string" && w.note ? (
        <details className="mt-3 text-xs text-slate-700 dark:text-slate-300" data-testid="workload-note">
          <summary className="cursor-pointer font-medium">Note: how this workload was made</summary>
          <p className="mt-1 whitespace-pre-line">{w.note}</p>
        </details>
      ) : null}
      <WorkloadCardNotes workload={{ ...w, platform: m.platform, os: m.os, schedule: m.schedule }} />
    </fieldset>
  );
}
