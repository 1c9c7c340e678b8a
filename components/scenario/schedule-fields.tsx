"use client";

import { NumberField, SelectField } from "@/components/ui/fields";
import { HOURS_PER_MONTH } from "@/lib/core";
import type { DraftWorkload } from "@/lib/scenario";
import type { WorkloadCardModel } from "./use-workload-card";
import { BatchFields } from "./batch-fields";

/** Tasks (pods on EKS) and when they run: always, part of the month, or batch runs. */
export function ScheduleFields({
  w,
  m,
  p,
  set,
}: {
  w: DraftWorkload;
  m: WorkloadCardModel;
  p: Record<string, string>;
  set: (patch: Partial<DraftWorkload>) => void;
}) {
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
