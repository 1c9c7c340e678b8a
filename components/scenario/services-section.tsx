"use client";

import { useId, useMemo, useState } from "react";
import { buttonClass, NumberField, SelectField, TextField } from "@/components/ui/fields";
import { useOpenedEarly } from "@/components/ui/use-opened-early";
import { HOURS_PER_MONTH } from "@/lib/core";
import type { ExtrasCatalog } from "@/lib/catalog/extras-schema";
import { serviceHints, type ServiceHints } from "@/lib/results/whole-bill";
import type { Draft, DraftEvaluation, DraftFileSystem, DraftLoadBalancer, DraftServices } from "@/lib/scenario/draft";
import { useScenarioStore } from "@/lib/store/scenario-store";

function Check({
  label,
  checked,
  onChange,
  hint,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  hint?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          className="h-4 w-4"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          data-testid={testId}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function Group({ title, hint, children, testId }: { title: string; hint?: string; children: React.ReactNode; testId?: string }) {
  return (
    <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid={testId}>
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {hint ? <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

const FS_CLASSES = [
  { value: "standard", label: "Standard" },
  { value: "standard-ia", label: "Standard-IA (Infrequent Access)" },
  { value: "archive", label: "Archive" },
  { value: "one-zone", label: "One Zone" },
  { value: "one-zone-ia", label: "One Zone-IA" },
];

/**
 * "Networking and shared services": what a Fargate service pays beside its tasks (scenario version 2).
 * Closed and empty, it changes nothing: the estimate is compute only, as before.
 */
export function ServicesSection({ draft, evaluation, extras }: { draft: Draft; evaluation: DraftEvaluation; extras: ExtrasCatalog | null }) {
  const region = evaluation.priced?.region ?? draft.region ?? "us-east-1";
  const hints = useMemo(() => serviceHints(extras, region), [extras, region]);
  const updateServices = useScenarioStore((s) => s.updateServices);
  const updateWorkload = useScenarioStore((s) => s.updateWorkload);
  const s: DraftServices = draft.services ?? {};
  const problem = (path: string) => evaluation.scenarioProblems.find((p) => p.path === path)?.message;
  const wProblem = (i: number, field: string) => evaluation.workloadProblems[i]?.[field];
  const lbs = s.loadBalancers ?? [];
  const fss = s.fileSystems ?? [];
  const setLb = (i: number, patch: Partial<DraftLoadBalancer>) => updateServices({ loadBalancers: lbs.map((lb, j) => (j === i ? { ...lb, ...patch } : lb)) });
  const setFs = (i: number, patch: Partial<DraftFileSystem>) => updateServices({ fileSystems: fss.map((fs, j) => (j === i ? { ...fs, ...patch } : fs)) });
  const used = draft.services !== undefined || draft.workloads.some((w) => w.publicIp !== undefined || w.logs !== undefined);
  // Closed, only the summary renders: typing in a workload never re-renders these fields.
  const [open, setOpen] = useState(used);
  const [wasUsed, setWasUsed] = useState(used);
  const details = useOpenedEarly(() => setOpen(true));
  if (used !== wasUsed) {
    setWasUsed(used);
    if (used) setOpen(true);
  }
  const hint = (key: keyof ServiceHints) => hints?.[key] ?? "Loading prices…";
  // Numeric fields may hold raw typed text; the schema reports it on the field.
  const nat = s.natGateways ?? {};
  const dt = s.dataTransfer ?? {};
  const eks = s.eksClusters ?? {};
  const ecr = s.containerRegistry ?? {};

  return (
    <details
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid="services-section"
      ref={details}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer text-sm font-semibold">Networking and shared services</summary>
      {open ? (
        <>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            What the service pays beside its tasks: public IP addresses, load balancers, NAT gateways, logs, data transfer, file systems, the EKS cluster and
            image storage. Leave it empty to price compute only. Prices are per month ({HOURS_PER_MONTH} hours) in this region.
          </p>
          {evaluation.pendingExtras ? (
            <p role="status" className="mt-2 text-xs text-slate-700 dark:text-slate-300">
              Loading the prices of these services…
            </p>
          ) : null}
          <div className="mt-3 space-y-3">
            <Group title="Per workload: public IP and logs" hint={`${hint("publicIp")} ${hint("logs")}`} testId="services-workloads">
              {draft.workloads.map((w, i) => (
                <div key={i} className="space-y-2 sm:col-span-2 sm:grid sm:grid-cols-3 sm:gap-3 sm:space-y-0">
                  <Check
                    label={`${w.name || `Workload ${i + 1}`}: a public IP on each task`}
                    checked={w.publicIp === true}
                    onChange={(v) => updateWorkload(i, { publicIp: v ? true : undefined })}
                    testId={`public-ip-${i}`}
                  />
                  <NumberField
                    label="Logs ingested (GiB / month)"
                    value={w.logs?.ingestedGiBPerMonth ?? 0}
                    onChange={(v) => updateWorkload(i, { logs: { ...w.logs, ingestedGiBPerMonth: v } })}
                    error={wProblem(i, "logs.ingestedGiBPerMonth") ?? wProblem(i, "logs")}
                    testId={`logs-ingested-${i}`}
                  />
                  <NumberField
                    label="Logs stored (GiB)"
                    value={w.logs?.storedGiB ?? 0}
                    onChange={(v) => updateWorkload(i, { logs: { ...w.logs, storedGiB: v } })}
                    error={wProblem(i, "logs.storedGiB")}
                    testId={`logs-stored-${i}`}
                  />
                  {wProblem(i, "publicIp") ? (
                    <p role="alert" className="text-xs font-medium text-red-700 sm:col-span-3 dark:text-red-300">
                      {wProblem(i, "publicIp")}
                    </p>
                  ) : null}
                </div>
              ))}
            </Group>

            <Group title="Load balancers" hint={hint("loadBalancer")} testId="services-load-balancers">
              {lbs.map((lb, i) => (
                <div
                  key={i}
                  className="grid grid-cols-1 gap-3 rounded-md bg-slate-50 p-2 sm:col-span-2 sm:grid-cols-2 dark:bg-slate-800/60"
                  data-testid={`lb-${i}`}
                >
                  <TextField
                    label="Name"
                    value={lb.name}
                    onChange={(name) => setLb(i, { name })}
                    error={problem(`services.loadBalancers.${i}.name`)}
                    testId={`lb-name-${i}`}
                  />
                  <SelectField
                    label="Type"
                    value={lb.type}
                    onChange={(v) => setLb(i, { type: v as DraftLoadBalancer["type"] })}
                    error={problem(`services.loadBalancers.${i}.type`)}
                    options={[
                      { value: "application", label: "Application (ALB)" },
                      { value: "network", label: "Network (NLB)" },
                    ]}
                    testId={`lb-type-${i}`}
                  />
                  <NumberField
                    label={lb.type === "network" ? "Average NLCUs per hour" : "Average LCUs per hour"}
                    value={lb.capacityUnits ?? 1}
                    onChange={(v) => setLb(i, { capacityUnits: v })}
                    error={problem(`services.loadBalancers.${i}.capacityUnits`)}
                    hint="Capacity units: the largest of new connections, active connections, bytes and rule evaluations each hour."
                    testId={`lb-lcu-${i}`}
                  />
                  <NumberField
                    label="Availability zones"
                    value={lb.azs ?? 2}
                    onChange={(v) => setLb(i, { azs: v })}
                    error={problem(`services.loadBalancers.${i}.azs`)}
                    testId={`lb-azs-${i}`}
                  />
                  <Check
                    label="Internet-facing (one public IPv4 per AZ)"
                    checked={lb.internetFacing ?? true}
                    onChange={(v) => setLb(i, { internetFacing: v })}
                    testId={`lb-public-${i}`}
                  />
                  <div className="flex items-end justify-end">
                    <button
                      type="button"
                      className={buttonClass}
                      onClick={() => updateServices({ loadBalancers: lbs.filter((_, j) => j !== i) })}
                      aria-label={`Remove load balancer ${lb.name}`}
                    >
                      Remove
                    </button>
                  </div>
                </div>
              ))}
              <div className="sm:col-span-2">
                <button
                  type="button"
                  className={buttonClass}
                  data-testid="add-load-balancer"
                  onClick={() =>
                    updateServices({
                      loadBalancers: [
                        ...lbs,
                        { name: lbs.length ? `lb-${lbs.length + 1}` : "web", type: "application", capacityUnits: 1, internetFacing: true, azs: 2 },
                      ],
                    })
                  }
                >
                  + Add load balancer
                </button>
              </div>
            </Group>

            <Group title="NAT gateways" hint={hint("nat")} testId="services-nat">
              <NumberField
                label="NAT gateways"
                value={nat.count ?? 0}
                onChange={(v) => updateServices({ natGateways: { ...nat, count: v } })}
                error={problem("services.natGateways.count") ?? problem("services.natGateways")}
                testId="nat-count"
              />
              <NumberField
                label="Data processed (GiB / month)"
                value={nat.processedGiBPerMonth ?? 0}
                onChange={(v) => updateServices({ natGateways: { ...nat, processedGiBPerMonth: v } })}
                error={problem("services.natGateways.processedGiBPerMonth")}
                hint="Traffic from private subnets to the internet, ECR and S3 without VPC endpoints."
                testId="nat-gib"
              />
            </Group>

            <Group title="Data transfer" testId="services-data-transfer">
              <NumberField
                label="Out to the internet (GiB / month)"
                value={dt.internetOutGiBPerMonth ?? 0}
                onChange={(v) => updateServices({ dataTransfer: { ...dt, internetOutGiBPerMonth: v } })}
                error={problem("services.dataTransfer.internetOutGiBPerMonth")}
                hint={hint("egress")}
                testId="egress-gib"
              />
              <NumberField
                label="Between availability zones (GiB / month)"
                value={dt.interAzGiBPerMonth ?? 0}
                onChange={(v) => updateServices({ dataTransfer: { ...dt, interAzGiBPerMonth: v } })}
                error={problem("services.dataTransfer.interAzGiBPerMonth")}
                hint={hint("interAz")}
                testId="inter-az-gib"
              />
            </Group>

            <Group title="EFS file systems" hint={hint("efs")} testId="services-efs">
              {fss.map((fs, i) => (
                <div
                  key={i}
                  className="grid grid-cols-1 gap-3 rounded-md bg-slate-50 p-2 sm:col-span-2 sm:grid-cols-2 dark:bg-slate-800/60"
                  data-testid={`fs-${i}`}
                >
                  <TextField label="Name" value={fs.name} onChange={(name) => setFs(i, { name })} error={problem(`services.fileSystems.${i}.name`)} />
                  <SelectField
                    label="Storage class"
                    value={fs.storageClass ?? "standard"}
                    onChange={(v) => setFs(i, { storageClass: v as DraftFileSystem["storageClass"] })}
                    error={problem(`services.fileSystems.${i}.storageClass`) ?? problem(`services.fileSystems.${i}`)}
                    options={FS_CLASSES}
                  />
                  <NumberField
                    label="Stored (GiB)"
                    value={fs.storedGiB ?? 0}
                    onChange={(v) => setFs(i, { storedGiB: v })}
                    error={problem(`services.fileSystems.${i}.storedGiB`)}
                  />
                  <NumberField
                    label="Read (GiB / month)"
                    value={fs.readGiBPerMonth ?? 0}
                    onChange={(v) => setFs(i, { readGiBPerMonth: v })}
                    error={problem(`services.fileSystems.${i}.readGiBPerMonth`)}
                  />
                  <NumberField
                    label="Written (GiB / month)"
                    value={fs.writeGiBPerMonth ?? 0}
                    onChange={(v) => setFs(i, { writeGiBPerMonth: v })}
                    error={problem(`services.fileSystems.${i}.writeGiBPerMonth`)}
                  />
                  <div className="flex items-end justify-end">
                    <button
                      type="button"
                      className={buttonClass}
                      onClick={() => updateServices({ fileSystems: fss.filter((_, j) => j !== i) })}
                      aria-label={`Remove file system ${fs.name}`}
                    >
                      Remove
                    </button>
                  </div>
                </div>
              ))}
              <div className="sm:col-span-2">
                <button
                  type="button"
                  className={buttonClass}
                  onClick={() =>
                    updateServices({
                      fileSystems: [
                        ...fss,
                        {
                          name: fss.length ? `fs-${fss.length + 1}` : "shared",
                          storageClass: "standard",
                          storedGiB: 10,
                          readGiBPerMonth: 0,
                          writeGiBPerMonth: 0,
                        },
                      ],
                    })
                  }
                >
                  + Add file system
                </button>
              </div>
            </Group>

            <Group title="EKS clusters" hint={hint("eks")} testId="services-eks">
              <NumberField
                label="Clusters"
                value={eks.count ?? 0}
                onChange={(v) => updateServices({ eksClusters: { ...eks, count: v } })}
                error={problem("services.eksClusters.count") ?? problem("services.eksClusters")}
                testId="eks-count"
              />
              <Check
                label="Kubernetes version in extended support"
                checked={eks.extendedSupport ?? false}
                onChange={(v) => updateServices({ eksClusters: { ...eks, extendedSupport: v } })}
              />
            </Group>

            <Group title="Container images (ECR)" hint={hint("ecr")} testId="services-ecr">
              <NumberField
                label="Stored (GiB)"
                value={ecr.storedGiB ?? 0}
                onChange={(v) => updateServices({ containerRegistry: { storedGiB: v } })}
                error={problem("services.containerRegistry.storedGiB")}
                testId="ecr-gib"
              />
            </Group>
            {evaluation.scenarioProblems.some((p) => p.path === "services") ? (
              <p role="alert" className="text-xs font-medium text-red-700 dark:text-red-300">
                {problem("services")}
              </p>
            ) : null}
          </div>
        </>
      ) : null}
    </details>
  );
}
