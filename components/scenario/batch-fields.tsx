"use client";

import { useState } from "react";
import { NumberField } from "@/components/ui/fields";
import { UnitSelect } from "@/components/ui/unit-select";
import {
  type DraftSchedule,
  DURATION_UNITS,
  durationConversionText,
  type DurationUnit,
  fromRunsPerMonth,
  fromSeconds,
  naturalDurationUnit,
  RUNS_PERIODS,
  runsConversionText,
  type RunsPeriod,
  toRunsPerMonth,
  toSeconds,
} from "@/lib/scenario";
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

/** Runs (per day, week or month) and duration (seconds or minutes) of a batch schedule. */
export function BatchFields({
  schedule,
  m,
  p,
  set,
}: {
  schedule: BatchSchedule;
  m: WorkloadCardModel;
  p: Record<string, string>;
  set: (s: BatchSchedule) => void;
}) {
  const [period, setPeriod] = useState<RunsPeriod>("month");
  const [unit, setUnit] = useState<DurationUnit>(() => naturalDurationUnit(schedule.secondsPerRun));
  const runs = useTyped(
    schedule.runsPerMonth,
    (v) => toRunsPerMonth(v, period),
    (v) => fromRunsPerMonth(v, period),
  );
  const duration = useTyped(
    schedule.secondsPerRun,
    (v) => toSeconds(v, unit),
    (v) => fromSeconds(v, unit),
  );
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
