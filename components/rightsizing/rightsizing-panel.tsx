"use client";

import { useState } from "react";
import { RightsizingSources } from "./rightsizing-sources";
import { RightsizingTable } from "./rightsizing-table";
import { useApplyRecommendation } from "./use-apply-recommendation";
import { useRightsizingSource } from "./use-rightsizing-source";

/**
 * Right-sizing: Compute Optimizer recommendations (live, through the server route), an uploaded
 * ExportECSServiceRecommendations CSV, or our own rule on an uploaded utilization CSV. It sits right above the
 * workloads it changes, folded until used, so it is found without pushing the calculator down.
 */
export function RightsizingPanel({ region }: { region: string }) {
  const source = useRightsizingSource(region);
  const apply = useApplyRecommendation(region);
  const [open, setOpen] = useState(false);
  // Unfolds when something arrives (a list or an error); the person can fold it again.
  const arrived = `${source.loaded?.id ?? ""}|${source.error ?? ""}`;
  const [seen, setSeen] = useState(arrived);
  if (arrived !== seen) {
    setSeen(arrived);
    if (source.loaded || source.error) setOpen(true);
  }
  return (
    <details
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden dark:border-slate-700 dark:bg-slate-900"
      data-testid="rightsizing"
    >
      <summary className="cursor-pointer">
        <h2 id="rightsizing-heading" className="inline text-lg font-semibold">
          Right-sizing
        </h2>
        <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">find over-provisioned services and put the right size into the scenario</span>
      </summary>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Most Fargate tasks are over-provisioned. Load Compute Optimizer&apos;s recommendations for your ECS services, or upload your own data; each service is
        priced in the region of its ARN.
      </p>
      <RightsizingSources busy={source.busy} progress={source.progress} onFetch={source.fetchLive} onExport={source.fromExport} onUtilization={source.fromUtilization} />
      {source.error ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200" data-testid="rightsizing-error">
          {source.error}
        </p>
      ) : null}
      {source.loaded ? <RightsizingTable loaded={source.loaded} scenarioRegion={region} onApply={apply} /> : null}
    </details>
  );
}
