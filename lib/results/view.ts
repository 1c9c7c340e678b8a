import type { Ec2Catalog } from "@/lib/catalog/ec2-schema";
import type { FargateCatalog } from "@/lib/catalog/schema";
import { estimateAll, type Estimate } from "@/lib/pricing/estimate";
import { ZERO } from "@/lib/pricing/money";
import { spotSeries } from "@/lib/pricing/spot-series";
import type { Scenario } from "@/lib/scenario/schema";
import { breakdownRows, chartNumber, type BreakdownRow } from "./chart-data";

export interface ResultsView {
  estimate: Estimate;
  totals: {
    fargate: string;
    ec2: string | null;
    ec2Note?: string;
    /** EC2 minus the Fargate cost of the same workloads; negative when EC2 is cheaper. */
    difference: string | null;
    cheaper: "fargate" | "ec2" | "same" | null;
  };
  breakdown: BreakdownRow[];
  spot: { eligible: number; points: { spotPercent: number; monthlyCost: number; saving: number }[] };
  dutyCycle: { points: { dutyCyclePercent: number; fargate: number; ec2: number }[]; breakEvenPercent: number | null };
}

/** Everything the results panel shows, computed once per draft change. Pure: components only render this. */
export function buildResults(scenario: Scenario, catalog: FargateCatalog, ec2Catalog: Ec2Catalog): ResultsView {
  const estimate = estimateAll(scenario, catalog, ec2Catalog);
  const ec2 = estimate.ec2;
  const series = spotSeries(scenario, catalog);
  const base = series.points[0]?.monthlyCost ?? ZERO;
  const difference = ec2.monthlyCost === null ? null : ec2.monthlyCost.minus(ec2.comparedFargateMonthlyCost);
  const partial = ec2.monthlyCost !== null && !ec2.comparedFargateMonthlyCost.eq(estimate.totals.monthlyCost);
  return {
    estimate,
    totals: {
      fargate: estimate.totals.monthlyCost.toString(),
      ec2: ec2.monthlyCost === null ? null : ec2.monthlyCost.toString(),
      ec2Note:
        ec2.monthlyCost === null
          ? (ec2.warnings[0] ?? "No EC2 comparison for this scenario.")
          : partial
            ? `Compared with $${chartNumber(ec2.comparedFargateMonthlyCost).toFixed(2)} of Fargate: some workloads have no EC2 equivalent in our data.`
            : undefined,
      difference: difference === null ? null : difference.toString(),
      cheaper: difference === null ? null : difference.lt(0) ? "ec2" : difference.gt(0) ? "fargate" : "same",
    },
    breakdown: breakdownRows(estimate),
    spot: {
      eligible: series.eligible,
      points: series.points.map((p) => ({ spotPercent: p.spotPercent, monthlyCost: chartNumber(p.monthlyCost), saving: chartNumber(base.minus(p.monthlyCost)) })),
    },
    dutyCycle: {
      points: ec2.breakEven.series.map((p) => ({ dutyCyclePercent: p.dutyCyclePercent, fargate: chartNumber(p.fargateMonthlyCost), ec2: chartNumber(p.ec2MonthlyCost) })),
      breakEvenPercent: ec2.breakEven.dutyCyclePercent,
    },
  };
}
