"use client";

import { memo, useId } from "react";
import { NumberField, SelectField } from "@/components/ui/fields";
import type { Draft, DraftEvaluation } from "@/lib/scenario";
import { useScenarioStore } from "@/lib/store";

type Settings = NonNullable<Draft["ec2"]>;

/**
 * How the equivalent ECS-on-EC2 cluster is built and bought; defaults follow AWS's guidance. Memoized: its props (the
 * settings, the scenario's problems) stay the same objects while a workload is edited, so a keystroke skips it.
 */
export const Ec2SettingsEditor = memo(function Ec2SettingsEditor({
  settings,
  problems,
}: {
  settings: Settings | undefined;
  problems: DraftEvaluation["scenarioProblems"];
}) {
  const update = useScenarioStore((s) => s.updateEc2);
  const s = settings ?? {};
  const problem = (field: string) => problems.find((p) => p.path === `ec2.${field}`)?.message;
  const trunkId = useId();
  // The draft may carry raw typed text in numeric fields; the schema reports it.
  const set = (patch: Record<string, unknown>) => update(patch as Partial<Settings>);
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900" data-testid="ec2-settings">
      <summary className="touch-summary cursor-pointer text-sm font-semibold">EC2 cluster settings</summary>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField
          label="Networking"
          value={s.networking ?? "awsvpc"}
          onChange={(v) => set({ networking: v })}
          error={problem("networking")}
          hint={(s.networking ?? "awsvpc") === "awsvpc" ? "Each task gets an ENI: tasks per instance are capped." : "No ENI cap on tasks per instance."}
          options={[
            { value: "awsvpc", label: "awsvpc" },
            { value: "bridge", label: "bridge / host" },
          ]}
        />
        <div className="flex items-center gap-2 pt-6">
          <input
            id={trunkId}
            type="checkbox"
            className="h-4 w-4"
            checked={s.eniTrunking ?? false}
            disabled={(s.networking ?? "awsvpc") !== "awsvpc"}
            onChange={(e) => set({ eniTrunking: e.target.checked })}
          />
          <label htmlFor={trunkId} className="text-sm font-medium">
            ENI trunking (more awsvpc tasks per instance)
          </label>
        </div>
        <NumberField
          label="Headroom (%)"
          value={s.headroomPercent ?? 5}
          onChange={(v) => set({ headroomPercent: v })}
          error={problem("headroomPercent")}
          hint="CPU and memory kept free on each instance."
        />
        <NumberField
          label="Reserved memory (MiB)"
          value={s.reservedMemoryMiB ?? 256}
          onChange={(v) => set({ reservedMemoryMiB: v })}
          error={problem("reservedMemoryMiB")}
          hint="ECS_RESERVED_MEMORY per instance."
        />
        <SelectField
          label="Cluster scaling"
          value={s.scaling ?? "always-on"}
          onChange={(v) => set({ scaling: v })}
          error={problem("scaling")}
          hint="For batch and part-of-the-month workloads."
          options={[
            { value: "always-on", label: "Stays up all month" },
            { value: "scale-with-tasks", label: "Scales with the tasks (hourly)" },
          ]}
        />
        <NumberField
          label="EC2 Spot share (%)"
          value={s.spotPercent ?? 0}
          onChange={(v) => set({ spotPercent: v })}
          error={problem("spotPercent")}
          hint="Share of instance-hours on Spot (estimate)."
        />
        <SelectField
          label="Commitment"
          value={s.commitment ?? "none"}
          onChange={(v) => set({ commitment: v })}
          error={problem("commitment")}
          hint="Savings Plan / Reserved Instance discount estimates."
          options={[
            { value: "none", label: "None (on-demand)" },
            { value: "1yr", label: "1 year" },
            { value: "3yr", label: "3 years" },
          ]}
        />
        <NumberField
          label="EBS root volume (GiB)"
          value={s.ebsRootGiB ?? 30}
          onChange={(v) => set({ ebsRootGiB: v })}
          error={problem("ebsRootGiB")}
          hint="gp3, per instance."
        />
      </div>
    </details>
  );
});
