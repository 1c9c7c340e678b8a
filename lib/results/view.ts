import type { Ec2Catalog, ExtrasCatalog, FargateCatalog } from "@/lib/catalog";
import {
  type Ec2WithWholeBill,
  estimateEc2WithWholeBill,
  estimateManagedInstances,
  estimateScenario,
  type FargateEstimate,
  type ManagedInstancesEstimate,
  NOT_INCLUDED,
  spotSeries,
} from "@/lib/pricing";
import { ZERO, allocateCents, formatUsd } from "@/lib/core";
import { shownEc2, shownFargate } from "@/lib/export";
import type { Scenario } from "@/lib/scenario";
import { breakdownRows, chartNumber, type BreakdownRow } from "./chart-data";
import { billBreakdown, type BillSlice } from "./bill-breakdown";
import type { Clusters } from "./clusters";

export interface ResultsView {
  estimate: FargateEstimate;
  /** Null while the EC2 price catalog is still loading (it loads after the page). */
  ec2: Ec2WithWholeBill | null;
  /** The same cluster on ECS Managed Instances; null while the EC2 or extras catalog is still loading. */
  managedInstances: ManagedInstancesEstimate | null;
  /** Set when the scenario has costs beside compute (version 2): the split and what is not priced. */
  whole: {
    fargateCompute: string;
    fargateBeside: string;
    ec2Compute: string | null;
    ec2Beside: string | null;
    managedInstancesCompute: string | null;
    managedInstancesBeside: string | null;
    slices: BillSlice[];
    notes: string[];
    notIncluded: readonly string[];
  } | null;
  totals: {
    /** The whole bill (compute + beside compute). */
    fargate: string;
    ec2: string | null;
    ec2Note?: string;
    /** EC2 minus the Fargate cost of the same workloads; negative when EC2 is cheaper. */
    difference: string | null;
    cheaper: "fargate" | "ec2" | "same" | null;
    /** Set while the EC2 estimate of this input is being computed (ec2 is null until then, the figure reads "pricing…"). */
    ec2Pricing?: true;
    /** Set while the Managed Instances estimate of this input is being computed (likewise). */
    managedInstancesPricing?: true;
    /**
     * Set when the EC2 and Managed Instances figures (and the differences) are the last ones computed, for the input
     * before the latest edit: their update is on its way (updatingView). Shown marked as such, never as current.
     */
    updating?: true;
    /** ECS Managed Instances' whole bill, why there is none, and its difference with Fargate (negative: it is cheaper). */
    managedInstances: string | null;
    managedInstancesNote?: string;
    managedInstancesDifference: string | null;
    managedInstancesCheaper: "fargate" | "managed-instances" | "same" | null;
  };
  breakdown: BreakdownRow[];
  /** EC2 (and, when priced, ECS Managed Instances: same duty cycles) against Fargate; the break-even is EC2's. */
  dutyCycle: { points: { dutyCyclePercent: number; fargate: number; ec2: number; managedInstances?: number }[]; breakEvenPercent: number | null };
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

/**
 * "compute + beside it" under each whole-bill total, in cents that add up to the total shown (largest remainder, as
 * the CSV and the CLI table split them): $122.48 + $270.17 is never shown under $392.64 (issue 24 item 2).
 */
export function fargateSplit(estimate: FargateEstimate): { fargateCompute: string; fargateBeside: string } {
  const [compute, beside] = allocateCents([estimate.totals.computeMonthlyCost, estimate.totals.servicesMonthlyCost], estimate.totals.monthlyCost);
  return { fargateCompute: compute!, fargateBeside: beside! };
}

/** Whether the estimate has costs beside compute (the whole bill is shown, with its split). */
export const hasWhole = (estimate: FargateEstimate): boolean => estimate.services.lineItems.length > 0 || estimate.totals.servicesMonthlyCost.gt(0);

/** ResultsView.whole of a Fargate estimate with costs beside compute, before the clusters are priced. */
export function wholeWithoutClusters(estimate: FargateEstimate): NonNullable<ResultsView["whole"]> {
  return {
    ...fargateSplit(estimate),
    ec2Compute: null,
    ec2Beside: null,
    managedInstancesCompute: null,
    managedInstancesBeside: null,
    slices: billBreakdown(estimate),
    notes: estimate.services.notes,
    notIncluded: NOT_INCLUDED,
  };
}

/** A cluster (EC2 or Managed Instances): the instances' shown total (as in its table and the CSV), and the rest of the shown total beside it. */
function clusterSplit(c: Ec2WithWholeBill | ManagedInstancesEstimate | null, estimate: FargateEstimate): { compute: string | null; beside: string | null } {
  const shown = c?.wholeBill?.monthlyCost != null ? shownEc2(c, shownFargate(estimate).services.total) : null;
  if (!shown) return { compute: null, beside: null };
  return { compute: shown.instances.total, beside: shown.besideInstances };
}

/**
 * What the results panel shows, computed once per draft change. Pure: components only render this.
 * The headline compares whole bills: each side's compute plus everything beside it (the same services on both).
 */
export function buildResults(
  scenario: Scenario,
  catalog: FargateCatalog,
  ec2Catalog: Ec2Catalog | null,
  extras?: ExtrasCatalog | null,
  /** The scenario's Fargate estimate when already computed (for these same arguments). */
  fargate?: FargateEstimate,
  /**
   * The EC2 and Managed Instances estimates when computed elsewhere (the page's cluster worker) for these same
   * arguments, or why they could not be; `ec2Catalog` is then not used. Without them and without `ec2Catalog`, the
   * two sides are being priced (`ec2Pricing`, `managedInstancesPricing`).
   */
  clusters?: Clusters | { error: string },
): ResultsView {
  const estimate = fargate ?? estimateScenario(scenario, catalog, extras ?? undefined);
  const given = clusters && "ec2" in clusters ? clusters : null;
  const error = clusters && "error" in clusters ? clusters.error : undefined;
  const ec2 = given ? given.ec2 : ec2Catalog && !error ? estimateEc2WithWholeBill(scenario, estimate, ec2Catalog, extras ?? undefined) : null;
  const mi = given ? given.managedInstances : ec2Catalog && extras && !error ? estimateManagedInstances(scenario, estimate, ec2Catalog, extras) : null;
  const miWb = mi?.wholeBill;
  const miDifference = miWb?.monthlyCost == null ? null : miWb.monthlyCost.minus(miWb.comparedFargateMonthlyCost);
  const wb = ec2?.wholeBill;
  const difference = wb?.monthlyCost == null ? null : wb.monthlyCost.minus(wb.comparedFargateMonthlyCost);
  const partial = wb?.monthlyCost != null && !wb.comparedFargateMonthlyCost.eq(estimate.totals.monthlyCost);
  const ec2Shown = clusterSplit(ec2, estimate);
  const miShown = clusterSplit(mi, estimate);
  return {
    estimate,
    ec2,
    managedInstances: mi,
    whole: hasWhole(estimate)
      ? {
          ...fargateSplit(estimate),
          ec2Compute: ec2Shown.compute,
          ec2Beside: ec2Shown.beside,
          managedInstancesCompute: miShown.compute,
          managedInstancesBeside: miShown.beside,
          slices: billBreakdown(estimate),
          notes: estimate.services.notes,
          notIncluded: NOT_INCLUDED,
        }
      : null,
    totals: {
      fargate: estimate.totals.monthlyCost.toString(),
      ec2: wb?.monthlyCost == null ? null : wb.monthlyCost.toString(),
      // Not priced yet: the figure itself says so ("pricing…", the same height as a figure: no note line to come and go).
      ...(ec2 || error ? {} : { ec2Pricing: true }),
      ec2Note: !ec2
        ? error
        : ec2.monthlyCost === null
          ? (ec2.warnings[0] ?? "No EC2 comparison for this scenario.")
          : partial
            ? `Compared with ${formatUsd(wb!.comparedFargateMonthlyCost)} of Fargate: some workloads have no EC2 equivalent in our data.`
            : undefined,
      difference: difference === null ? null : difference.toString(),
      cheaper: difference === null ? null : difference.lt(0) ? "ec2" : difference.gt(0) ? "fargate" : "same",
      managedInstances: miWb?.monthlyCost == null ? null : miWb.monthlyCost.toString(),
      ...(mi || error ? {} : { managedInstancesPricing: true }),
      managedInstancesNote: !mi
        ? error
        : mi.monthlyCost === null
          ? (mi.warnings.at(-1) ?? "No ECS Managed Instances comparison for this scenario.")
          : undefined,
      managedInstancesDifference: miDifference === null ? null : miDifference.toString(),
      managedInstancesCheaper: miDifference === null ? null : miDifference.lt(0) ? "managed-instances" : miDifference.gt(0) ? "fargate" : "same",
    },
    breakdown: breakdownRows(estimate),
    dutyCycle: {
      points: (ec2?.breakEven.series ?? []).map((p, i) => {
        const m = mi?.breakEven.series[i];
        return {
          dutyCyclePercent: p.dutyCyclePercent,
          fargate: chartNumber(p.fargateMonthlyCost),
          ec2: chartNumber(p.ec2MonthlyCost),
          ...(m && m.dutyCyclePercent === p.dutyCyclePercent ? { managedInstances: chartNumber(m.ec2MonthlyCost) } : {}),
        };
      }),
      breakEvenPercent: ec2?.breakEven.dutyCyclePercent ?? null,
    },
  };
}
