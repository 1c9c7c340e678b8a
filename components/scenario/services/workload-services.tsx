"use client";

import { CheckField, FieldGroup, NumberField } from "@/components/ui/fields";
import type { DraftWorkload } from "@/lib/scenario";
import { useScenarioStore } from "@/lib/store";
import type { ServiceHint } from "./props";

/** Per workload: a public IP on each task, and the logs it ingests and keeps. */
export function WorkloadServices({
  workloads,
  problem,
  hint,
}: {
  workloads: readonly DraftWorkload[];
  /** The schema's message for workload i's field, if any. */
  problem: (i: number, field: string) => string | undefined;
  hint: ServiceHint;
}) {
  const updateWorkload = useScenarioStore((s) => s.updateWorkload);
  return (
    <FieldGroup title="Per workload: public IP and logs" hint={`${hint("publicIp")} ${hint("logs")}`} testId="services-workloads">
      {workloads.map((w, i) => (
        <div key={i} className="space-y-2 sm:col-span-2 sm:grid sm:grid-cols-3 sm:gap-3 sm:space-y-0">
          <CheckField
            label={`${w.name || `Workload ${i + 1}`}: a public IP on each task`}
            checked={w.publicIp === true}
            onChange={(v) => updateWorkload(i, { publicIp: v ? true : undefined })}
            testId={`public-ip-${i}`}
          />
          <NumberField
            label="Logs ingested (GiB / month)"
            value={w.logs?.ingestedGiBPerMonth ?? 0}
            onChange={(v) => updateWorkload(i, { logs: { ...w.logs, ingestedGiBPerMonth: v } })}
            error={problem(i, "logs.ingestedGiBPerMonth") ?? problem(i, "logs")}
            testId={`logs-ingested-${i}`}
          />
          <NumberField
            label="Logs stored (GiB)"
            value={w.logs?.storedGiB ?? 0}
            onChange={(v) => updateWorkload(i, { logs: { ...w.logs, storedGiB: v } })}
            error={problem(i, "logs.storedGiB")}
            testId={`logs-stored-${i}`}
          />
          {problem(i, "publicIp") ? (
            <p role="alert" className="text-xs font-medium text-red-700 sm:col-span-3 dark:text-red-300">
              {problem(i, "publicIp")}
            </p>
          ) : null}
        </div>
      ))}
    </FieldGroup>
  );
}
