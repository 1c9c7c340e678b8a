"use client";

import dynamic from "next/dynamic";
import { memo } from "react";
import { CatalogInfo } from "@/components/results/catalog-info";
import { WorkloadResults } from "@/components/results/line-items";
import { Totals } from "@/components/results/totals";
import { shownFargate } from "@/lib/export/shown";
import type { ResultsView, SpotView } from "@/lib/results/view";

// Charts load after the page (recharts is the largest library here) and render from deferred values.
const chartPlaceholder = () => <div className="h-80 rounded-lg border border-slate-200 dark:border-slate-700" aria-hidden="true" />;
const BreakdownChart = dynamic(() => import("@/components/charts/breakdown-chart").then((m) => m.BreakdownChart), { ssr: false, loading: chartPlaceholder });
const DutyCycleChart = dynamic(() => import("@/components/charts/duty-cycle-chart").then((m) => m.DutyCycleChart), { ssr: false, loading: chartPlaceholder });
const WholeBillChart = dynamic(() => import("@/components/charts/whole-bill-chart").then((m) => m.WholeBillChart), { ssr: false, loading: chartPlaceholder });
// The EC2 detail renders once the EC2 prices have loaded (after the page): its code loads then too.
const Ec2Results = dynamic(() => import("@/components/results/ec2-results").then((m) => m.Ec2Results), { ssr: false });
// Services exist only in version 2 scenarios, which the server never renders (a share link lives in the hash).
const ServicesResults = dynamic(() => import("@/components/results/services-results").then((m) => m.ServicesResults), { ssr: false });
const SpotChart = dynamic(() => import("@/components/charts/spot-chart").then((m) => m.SpotChart), { ssr: false, loading: chartPlaceholder });

/** Line items, EC2 detail and charts: re-rendered from a deferred view so keystrokes update the totals first. */
const Details = memo(function Details({ view, spot }: { view: ResultsView; spot: SpotView | null }) {
  return (
    <>
      <div className="space-y-3" data-testid="line-items">
        {view.estimate.workloads.map((w, i) => (
          <WorkloadResults key={`${i}-${w.name}`} workload={w} shown={shownFargate(view.estimate).workloads[i]} testId={`items-${i}`} />
        ))}
      </div>
      <ServicesResults view={view} />
      {view.ec2 ? <Ec2Results ec2={view.ec2} /> : null}
      {view.whole ? <WholeBillChart slices={view.whole.slices} /> : null}
      <BreakdownChart rows={view.breakdown} />
      {view.dutyCycle.points.length ? (
        <DutyCycleChart
          points={view.dutyCycle.points}
          breakEvenPercent={view.dutyCycle.breakEvenPercent}
          note="Monthly cost (USD) of the whole scenario if its tasks ran this share of the month; EC2 per the cluster scaling setting."
        />
      ) : null}
      {spot ? <SpotChart points={spot.points} eligible={spot.eligible} /> : null}
      <CatalogInfo catalog={view.estimate.catalog} extra={view.ec2?.sources} />
    </>
  );
});

export function ResultsPanel({ view, detailView, spot, excluded }: { view: ResultsView; detailView: ResultsView; spot: SpotView | null; excluded: string[] }) {
  return (
    <section aria-labelledby="results-heading" className="space-y-4">
      <h2 id="results-heading" className="sr-only">
        Results
      </h2>
      <Totals view={view.totals} whole={view.whole} />
      {excluded.length ? (
        // Shown beside the editor, not above it, so the form never moves while the user types.
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
          {excluded.length === 1 ? "1 workload has" : `${excluded.length} workloads have`} a problem and {excluded.length === 1 ? "is" : "are"} left out of the totals until
          fixed: {excluded.join(", ")}.
        </p>
      ) : null}
      <Details view={detailView} spot={spot} />
    </section>
  );
}
