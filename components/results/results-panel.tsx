"use client";

import { BreakdownChart } from "@/components/charts/breakdown-chart";
import { DutyCycleChart } from "@/components/charts/duty-cycle-chart";
import { Ec2Results } from "@/components/results/ec2-results";
import { SpotChart } from "@/components/charts/spot-chart";
import { CatalogInfo } from "@/components/results/catalog-info";
import { WorkloadResults } from "@/components/results/line-items";
import { Totals } from "@/components/results/totals";
import type { ResultsView } from "@/lib/results/view";

export function ResultsPanel({ view, children }: { view: ResultsView; children?: React.ReactNode }) {
  return (
    <section aria-labelledby="results-heading" className="space-y-4">
      <h2 id="results-heading" className="sr-only">
        Results
      </h2>
      <Totals view={view.totals} />
      {children}
      <div className="space-y-3" data-testid="line-items">
        {view.estimate.workloads.map((w, i) => (
          <WorkloadResults key={`${i}-${w.name}`} workload={w} testId={`items-${i}`} />
        ))}
      </div>
      <Ec2Results ec2={view.estimate.ec2} />
      <BreakdownChart rows={view.breakdown} />
      {view.dutyCycle.points.length ? (
        <DutyCycleChart
          points={view.dutyCycle.points}
          breakEvenPercent={view.dutyCycle.breakEvenPercent}
          note="Monthly cost (USD) of the whole scenario if its tasks ran this share of the month; EC2 per the cluster scaling setting."
        />
      ) : null}
      <SpotChart points={view.spot.points} eligible={view.spot.eligible} />
      <CatalogInfo catalog={view.estimate.catalog} extra={view.estimate.ec2.sources} />
    </section>
  );
}
