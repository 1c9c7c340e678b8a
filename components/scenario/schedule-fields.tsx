"use client";

import { useState } from "react";
import { NumberField, SelectField, UnitSelect } from "@/components/ui/fields";
import { HOURS_PER_MONTH } from "@/lib/pricing/units";
import type { DraftSchedule, DraftWorkload } from "@/lib/scenario/draft";
import {
  DURATION_UNITS,
  durationConversionText,
  fromRunsPerMonth,
  fromSeconds,
  naturalDurationUnit,
  RUNS_PERIODS,
  runsConversionText,
  toRunsPerMonth,
  toSeconds,
  type DurationUnit,
  type RunsPeriod,
} from "@/lib/scenario/inputs";
import type { WorkloadCardModel } from "./use-workload-card";

type N = number | string;

/**
 * A number typed in a unit the scenario does not store (minutes, runs a day): the store gets the converted value,
 * and the field keeps showing what the person typed as long as it still converts to what is stored (an import or
 * a share link that changes the stored value shows that value in the chosen unit).
 */
function useTyped(stored: N, toStored: (v: N) => N, fromStored: (v: N) => N) {
  const [typed, setTyped] = useState<{ value: N } | null>(null);
  const shown = typed !== null && toStored(typed.value) === stored ? typed.value : fromStored(stored);
  return { shown, type: (v: N) => setTyped({ value: v }), forget: () => setTyped(null) };
}

type BatchSchedule = Extract<DraftSchedule, { type: "batch" }>;

function BatchFields({ schedule, m, p, set }: { schedule: BatchSchedule; m: WorkloadCardModel; p: Record<string, string>; set: (s: BatchSchedule) => void }) {
  const [period, setPeriod] = useState<RunsPeriod>("month");
  const [unit, setUnit] = useState<DurationUnit>(() => naturalDurationUnit(schedule.secondsPerRun));
  const runs = useTyped(schedule.runsPerMonth, (v) => toRunsPerMonth(v, period), (v) => fromRunsPerMonth(v, period));
  const duration = useTyped(schedule.secondsPerRun, (v) => toSeconds(v, unit), (v) => fromSeconds(v, unit));
  const Unit = unit === "minutes" ? "Minutes" : "Seconds";
  return (
    <>
      <NumberField
        label={`Runs per ${period}`}
        value={runs.shown}
        onChange={(v) => {
          runs.type(v);
          set({ ...schedule, runsPerMonth: toRunsPerMonth(v, period) });
        }}
        error={p["schedule.runsPerMonth"]}
        hint={runsConversionText(runs.shown, period) ?? "Each run starts every task."}
        testId="runs"
        addon={
          <UnitSelect
            label="Count runs per"
            value={period}
            onChange={(v) => {
              setPeriod(v as RunsPeriod);
              runs.forget();
            }}
            options={RUNS_PERIODS.map((x) => ({ value: x, label: `a ${x}` }))}
            testId="runs-period"
          />
        }
      />
      <NumberField
        label={`${Unit} per run`}
        value={duration.shown}
        onChange={(v) => {
          duration.type(v);
          set({ ...schedule, secondsPerRun: toSeconds(v, unit) });
        }}
        error={p["schedule.secondsPerRun"]}
        hint={durationConversionText(duration.shown, unit) ?? `Billed per second, at least ${m.minimumSeconds} s per ${m.eks ? "pod" : "task"}.`}
        testId="seconds"
        addon={
          <UnitSelect
            label="Duration unit"
            value={unit}
            onChange={(v) => {
              setUnit(v as DurationUnit);
              duration.forget();
            }}
            options={DURATION_UNITS.map((x) => ({ value: x, label: x === "minutes" ? "min" : "s" }))}
            testId="duration-unit"
          />
        }
      />
    </>
  );
}

/** Tasks (pods on EKS) and when they run: always, part of the month, or batch runs. */
export function ScheduleFields({ w, m, p, set }: { w: DraftWorkload; m: WorkloadCardModel; p: Record<string, string>; set: (patch: Partial<DraftWorkload>) => void }) {
  const { schedule } = m;
  const setSchedule = (type: string) => {
    if (type === "always-on") set({ schedule: { type: "always-on" } });
    if (type === "duty-cycle") set({ schedule: { type: "duty-cycle", percent: 50 } });
    if (type === "batch") set({ schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 60 } });
  };
  return (
    <>
      <NumberField
        label={m.eks ? "Pods" : "Tasks"}
        value={w.tasks ?? 1}
        onChange={(v) => set({ tasks: v })}
        error={p.tasks}
        hint={m.eks ? "Pods running at once (replicas)." : "Running at once."}
        testId="tasks"
      />
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
          hint={`Share of the ${HOURS_PER_MONTH}-hour month the ${m.eks ? "pods" : "tasks"} run.`}
          testId="duty-cycle"
        />
      ) : null}
      {schedule.type === "batch" ? <BatchFields schedule={schedule} m={m} p={p} set={(s) => set({ schedule: s })} /> : null}
    </>
  );
}
