"use client";

import { memo } from "react";
import { fargateCatalog } from "@/lib/catalog";
import { validMemoriesFor, validVcpus } from "@/lib/pricing/sizes";
import { HOURS_PER_MONTH } from "@/lib/pricing/units";
import { EKS_OVERHEAD_MIB, STORAGE_LIMITS_GIB } from "@/lib/scenario/schema";
import type { DraftSchedule, DraftWorkload } from "@/lib/scenario/draft";
import { useScenarioStore } from "@/lib/store/scenario-store";
import { buttonClass, NumberField, SelectField, TextField } from "@/components/ui/fields";

const SAVINGS_PLANS = [
  { value: "none", label: "None (on-demand)" },
  { value: "1yr-no-upfront", label: "Compute SP, 1 year, no upfront" },
  { value: "1yr-all-upfront", label: "Compute SP, 1 year, all upfront" },
  { value: "3yr-no-upfront", label: "Compute SP, 3 years, no upfront" },
  { value: "3yr-all-upfront", label: "Compute SP, 3 years, all upfront" },
];

function describeRange(values: readonly number[]): string {
  if (values.length === 0) return "";
  if (values.length <= 3) return values.join(", ");
  const step = values[1]! - values[0]!;
  return `${values[0]}–${values[values.length - 1]} in ${step} GiB steps`;
}

function sameProblems(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Only the card whose workload changed re-renders while typing (others keep the same props). */
export const WorkloadCard = memo(WorkloadCardView, (prev, next) =>
  prev.workload === next.workload &&
  prev.index === next.index &&
  prev.regionHasSpot === next.regionHasSpot &&
  prev.canRemove === next.canRemove &&
  sameProblems(prev.problems, next.problems),
);

function WorkloadCardView({
  index,
  workload: w,
  problems,
  regionHasSpot,
  canRemove,
}: {
  index: number;
  workload: DraftWorkload;
  problems: Record<string, string> | undefined;
  regionHasSpot: boolean;
  canRemove: boolean;
}) {
  const update = useScenarioStore((s) => s.updateWorkload);
  const duplicate = useScenarioStore((s) => s.duplicateWorkload);
  const remove = useScenarioStore((s) => s.removeWorkload);
  const set = (patch: Partial<DraftWorkload>) => update(index, patch);
  const p = problems ?? {};
  const platform = w.platform ?? "ecs";
  const os = w.os ?? "linux";
  const arch = w.arch ?? "x86_64";
  const schedule: DraftSchedule = w.schedule ?? { type: "always-on" };
  const vcpu = typeof w.vcpu === "number" ? w.vcpu : NaN;
  const memories = validMemoriesFor(vcpu, os);

  const spotReason =
    os === "windows"
      ? "Fargate Spot does not run Windows containers."
      : platform === "eks"
        ? "EKS on Fargate has no Spot capacity."
        : !regionHasSpot
          ? "No Fargate Spot price for this region in our snapshot."
          : undefined;
  const storageReason = os === "windows" ? `Windows tasks get the ${STORAGE_LIMITS_GIB.free} GiB included; more cannot be configured.` : undefined;

  const memoryHint =
    platform === "eks"
      ? `Pod request. Fargate adds ${EKS_OVERHEAD_MIB} MiB and rounds up to a valid size.`
      : memories.length
        ? `Valid for ${vcpu} vCPU: ${describeRange(memories)}`
        : "Pick a valid vCPU first.";

  const setSchedule = (type: string) => {
    if (type === "always-on") set({ schedule: { type: "always-on" } });
    if (type === "duty-cycle") set({ schedule: { type: "duty-cycle", percent: 50 } });
    if (type === "batch") set({ schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 60 } });
  };

  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid={`workload-${index}`}
      aria-label={`Workload ${index + 1}: ${w.name}`}
    >
      <div className="flex flex-wrap items-end gap-2">
        <TextField label="Name" value={w.name} onChange={(name) => set({ name })} error={p.name} className="min-w-40 flex-1" testId="workload-name" />
        <button type="button" className={buttonClass} onClick={() => duplicate(index)} aria-label={`Duplicate ${w.name}`}>
          Duplicate
        </button>
        <button type="button" className={buttonClass} onClick={() => remove(index)} disabled={!canRemove} aria-label={`Remove ${w.name}`}>
          Remove
        </button>
      </div>

      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <SelectField
          label="Platform"
          value={platform}
          onChange={(v) => set({ platform: v as DraftWorkload["platform"] })}
          error={p.platform}
          options={[
            { value: "ecs", label: "ECS" },
            { value: "eks", label: os === "windows" ? "EKS (Linux only)" : "EKS", disabled: os === "windows" },
          ]}
        />
        <SelectField
          label="Operating system"
          value={os}
          onChange={(v) => set({ os: v as DraftWorkload["os"] })}
          error={p.os}
          options={[
            { value: "linux", label: "Linux" },
            { value: "windows", label: platform === "eks" ? "Windows (ECS only)" : "Windows Server", disabled: platform === "eks" },
          ]}
        />
        <SelectField
          label="CPU architecture"
          value={arch}
          onChange={(v) => set({ arch: v as DraftWorkload["arch"] })}
          error={p.arch}
          hint={platform === "eks" ? "EKS on Fargate runs x86_64 only." : os === "windows" ? "Windows runs on x86_64 only." : undefined}
          options={[
            { value: "x86_64", label: "x86_64" },
            {
              value: "arm64",
              label: platform === "eks" ? "arm64 (not on EKS)" : os === "windows" ? "arm64 (not for Windows)" : "arm64 (Graviton)",
              disabled: platform === "eks" || os === "windows",
            },
          ]}
        />
        <NumberField
          label="vCPU"
          value={w.vcpu}
          onChange={(v) => set({ vcpu: v })}
          error={p.vcpu}
          hint={platform === "eks" ? "Pod request (e.g. 0.3)." : `Valid: ${validVcpus(os).join(", ")}`}
          suggestions={validVcpus(os)}
          testId="vcpu"
        />
        <NumberField
          label="Memory (GiB)"
          value={w.memoryGiB}
          onChange={(v) => set({ memoryGiB: v })}
          error={p.memoryGiB}
          hint={memoryHint}
          suggestions={platform === "ecs" ? memories : undefined}
          testId="memory"
        />
        <NumberField
          label="Ephemeral storage (GiB)"
          value={w.storageGiB ?? 20}
          onChange={(v) => set({ storageGiB: v })}
          error={p.storageGiB}
          hint={storageReason ?? `${STORAGE_LIMITS_GIB.free} GiB included; up to ${STORAGE_LIMITS_GIB[platform]}.`}
          disabled={Boolean(storageReason) && (w.storageGiB ?? 20) === 20}
          testId="storage"
        />
        <NumberField label="Tasks" value={w.tasks ?? 1} onChange={(v) => set({ tasks: v })} error={p.tasks} hint="Running at once." testId="tasks" />
        <SelectField
          label="Schedule"
          value={schedule.type}
          onChange={setSchedule}
          error={p["schedule.type"] ?? p.schedule}
          options={[
            { value: "always-on", label: "Always on" },
            { value: "duty-cycle", label: "Part of the month" },
            { value: "batch", label: "Batch runs" },
          ]}
          testId="schedule"
        />
        {schedule.type === "duty-cycle" ? (
          <NumberField
            label="Duty cycle (%)"
            value={schedule.percent}
            onChange={(v) => set({ schedule: { ...schedule, percent: v } })}
            error={p["schedule.percent"]}
            hint={`Share of the ${HOURS_PER_MONTH}-hour month the tasks run.`}
            testId="duty-cycle"
          />
        ) : null}
        {schedule.type === "batch" ? (
          <>
            <NumberField
              label="Runs per month"
              value={schedule.runsPerMonth}
              onChange={(v) => set({ schedule: { ...schedule, runsPerMonth: v } })}
              error={p["schedule.runsPerMonth"]}
              testId="runs"
            />
            <NumberField
              label="Seconds per run"
              value={schedule.secondsPerRun}
              onChange={(v) => set({ schedule: { ...schedule, secondsPerRun: v } })}
              error={p["schedule.secondsPerRun"]}
              hint={`Billed per second, at least ${fargateCatalog.minimumBillableSeconds[os]} s per task.`}
              testId="seconds"
            />
          </>
        ) : null}
        <NumberField
          label="Spot share (%)"
          value={w.spotPercent ?? 0}
          onChange={(v) => set({ spotPercent: v })}
          error={p.spotPercent}
          hint={spotReason ?? "Share of task-hours on Fargate Spot."}
          disabled={Boolean(spotReason) && (w.spotPercent ?? 0) === 0}
          testId="spot"
        />
        <SelectField
          label="Savings Plan"
          value={w.savingsPlan ?? "none"}
          onChange={(v) => set({ savingsPlan: v as DraftWorkload["savingsPlan"] })}
          error={p.savingsPlan}
          options={SAVINGS_PLANS}
        />
      </div>
    </fieldset>
  );
}
