"use client";

import dynamic from "next/dynamic";
import { RightsizingSources } from "./rightsizing-sources";
import { useRightsizingSource } from "./use-rightsizing-source";

// The table (and the pricing it needs) loads with the first recommendations.
const RightsizingTable = dynamic(() => import("./rightsizing-table").then((m) => m.RightsizingTable), {
  ssr: false,
  loading: () => <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">Pricing the recommendations…</p>,
});

/** What the folded panel holds: the sources, the error of the last attempt, and the recommendations. */
export function RightsizingBody({ region, onArrived }: { region: string; onArrived: () => void }) {
  const source = useRightsizingSource(region, onArrived);
  return (
    <>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Most Fargate tasks are over-provisioned. Load Compute Optimizer&apos;s recommendations for your ECS services, or upload your own data; each service is
        priced in the region of its ARN.
      </p>
      <RightsizingSources
        busy={source.busy}
        progress={source.progress}
        onFetch={source.fetchLive}
        onExport={source.fromExport}
        onUtilization={source.fromUtilization}
      />
      {source.error ? (
        <p
          role="alert"
          className="mt-3 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200"
          data-testid="rightsizing-error"
        >
          {source.error}
        </p>
      ) : null}
      {source.loaded ? <RightsizingTable loaded={source.loaded} scenarioRegion={region} /> : null}
    </>
  );
}
