import type { Ec2Catalog } from "@/lib/catalog/ec2-schema";
import type { FargateCatalog } from "@/lib/catalog/schema";
import type { Ec2Estimate } from "@/lib/pricing/ec2";
import { estimateEc2 } from "@/lib/pricing/ec2";
import { estimateScenario } from "@/lib/pricing/estimate";
import type { FargateEstimate } from "@/lib/pricing/types";
import { ZERO } from "@/lib/pricing/money";
import { spotSeries } from "@/lib/pricing/spot-series";
import type { Scenario } from "@/lib/scenario/schema";
import { formatUsd } from "@/lib/format";
import { breakdownRows, chartNumber, type BreakdownRow } from "./chart-data";

export interface ResultsView {
  estimate: FargateEstimate;
  /** Null while the EC2 price catalog is still loading (it loads after the page). */
  ec2: Ec2Estimate | null;
  totals: {
    fargate: string;
    ec2: string | null;
    ec2Note?: string;
    /** EC2 minus the Fargate cost of the same workloads; negative when EC2 is cheaper. */
    difference: string | null;
    cheaper: "fargate" | "ec2" | "same" | null;
  };
  breakdown: BreakdownRow[];
  dutyCycle: { points: { dutyCyclePercent: number; fargate: number; ec2: number }[]; breakEvenPercent: number | null };
}

export interface SpotView {
  eligible: number;
  points: { spotPercent: number; monthlyCost: number; saving: number }[];
}

/** The "savings by Spot share" series (eleven estimates): computed apart so typing never waits for it. */
export function buildSpotView(scenario: Scenario, catalog: FargateCatalog): SpotView {
  const series = spotSeries(scenario, catalog);
  const base = series.points[0]?.monthlyCost ?? ZERO;
  return {
    eligible: series.eligible,
    points: series.points.map((p) => ({ spotPercent: p.spotPercent, monthlyCost: chartNumber(p.monthlyCost), saving: chartNumber(base.minus(p.monthlyCost)) })),
  };
}

/** What the results panel shows, computed once per draft change. Pure: components only render this. */
export function buildResults(scenario: Scenario, catalog: FargateCatalog, ec2Catalog: Ec2Catalog | null): ResultsView {
  const estimate = estimateScenario(scenario, catalog);
  const ec2 = ec2Catalog ? estimateEc2(scenario, estimate, ec2Catalog) : null;
  const difference = ec2?.monthlyCost == null ? null : ec2.monthlyCost.minus(ec2.comparedFargateMonthlyCost);
  const partial = ec2?.monthlyCost != null && !ec2.comparedFargateMonthlyCost.eq(estimate.totals.monthlyCost);
  return {
    estimate,
    ec2,
    totals: {
      fargate: estimate.totals.monthlyCost.toString(),
      ec2: ec2?.monthlyCost == null ? null : ec2.monthlyCost.toString(),
      ec2Note: !ec2
        ? "Loading EC2 prices…"
        : ec2.monthlyCost === null
          ? (ec2.warnings[0] ?? "No EC2 comparison for this scenario.")
          : partial
            ? `Compared with ${formatUsd(ec2.comparedFargateMonthlyCost)} of Fargate: some workloads have no EC2 equivalent in our data.`
            : undefined,
      difference: difference === null ? null : difference.toString(),
      cheaper: difference === null ? null : difference.lt(0) ? "ec2" : difference.gt(0) ? "fargate" : "same",
    },
    breakdown: breakdownRows(estimate),
    dutyCycle: {
      points: (ec2?.breakEven.series ?? []).map((p) => ({ dutyCyclePercent: p.dutyCyclePercent, fargate: chartNumber(p.fargateMonthlyCost), ec2: chartNumber(p.ec2MonthlyCost) })),
      breakEvenPercent: ec2?.breakEven.dutyCyclePercent ?? null,
    },
  };
}
