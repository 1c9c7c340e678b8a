"use client";

import { useMemo, useState } from "react";
import { useOpenedEarly } from "@/components/ui/use-opened-early";
import { HOURS_PER_MONTH } from "@/lib/core";
import type { ExtrasCatalog } from "@/lib/catalog";
import { serviceHints, type ServiceHints } from "@/lib/results";
import type { Draft, DraftEvaluation, DraftServices } from "@/lib/scenario";
import { ContainerRegistry } from "./services/container-registry";
import { DataTransfer } from "./services/data-transfer";
import { EksClusters } from "./services/eks-clusters";
import { FileSystems } from "./services/file-systems";
import { LoadBalancers } from "./services/load-balancers";
import { NatGateways } from "./services/nat-gateways";
import { WorkloadServices } from "./services/workload-services";

/**
 * "Networking and shared services": what a Fargate service pays beside its tasks (scenario version 2).
 * Closed and empty, it changes nothing: the estimate is compute only, as before.
 */
export function ServicesSection({ draft, evaluation, extras }: { draft: Draft; evaluation: DraftEvaluation; extras: ExtrasCatalog | null }) {
  const region = evaluation.priced?.region ?? draft.region ?? "us-east-1";
  const hints = useMemo(() => serviceHints(extras, region), [extras, region]);
  const s: DraftServices = draft.services ?? {};
  const problem = (path: string) => evaluation.scenarioProblems.find((p) => p.path === path)?.message;
  const wProblem = (i: number, field: string) => evaluation.workloadProblems[i]?.[field];
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

  return (
    <details
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid="services-section"
      ref={details}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="touch-summary cursor-pointer text-sm font-semibold">Networking and shared services</summary>
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
            <WorkloadServices workloads={draft.workloads} problem={wProblem} hint={hint} />
            <LoadBalancers services={s} problem={problem} hint={hint} />
            <NatGateways services={s} problem={problem} hint={hint} />
            <DataTransfer services={s} problem={problem} hint={hint} />
            <FileSystems services={s} problem={problem} hint={hint} />
            <EksClusters services={s} problem={problem} hint={hint} />
            <ContainerRegistry services={s} problem={problem} hint={hint} />
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
