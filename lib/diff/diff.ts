import type { Ec2Catalog, ExtrasCatalog, FargateCatalog } from "@/lib/catalog";
import { estimateEc2WithWholeBill, estimateManagedInstances, estimateScenario, type FargateEstimate, type WorkloadEstimate } from "@/lib/pricing";
import { dec, sum, ZERO, type Decimal } from "@/lib/core";
import type { Scenario, Workload } from "@/lib/scenario";
import { changeReasons, workloadSummary } from "./reasons";

/**
 * The cost difference between two scenarios (BASE and HEAD), workload by workload, matched by name (the n-th
 * workload named "api" in BASE matches the n-th one in HEAD). Totals are the engine's scenario totals, so whatever
 * the engine counts in a scenario's monthly cost is compared; what no workload accounts for is `other`.
 * Amounts are exact decimals (JSON: full-precision strings); round only for display.
 */

export type Change = "added" | "removed" | "changed" | "unchanged";

export interface LineItemDiff {
  name: string;
  baseMonthlyCost: Decimal | null;
  headMonthlyCost: Decimal | null;
  difference: Decimal;
}

export interface WorkloadDiff {
  name: string;
  change: Change;
  baseMonthlyCost: Decimal | null;
  headMonthlyCost: Decimal | null;
  difference: Decimal;
  reasons: string[];
  /** What the importer or the diff had to assume or could not price for this workload (empty for scenario files). */
  assumptions: string[];
  lineItems: LineItemDiff[];
}

/** What a side's files left unsaid: notes on the whole file, and per workload (by its index in the scenario). */
export interface SideNotes {
  warnings?: readonly string[];
  assumptions?: readonly (readonly string[] | undefined)[];
}

export interface SideSummary {
  name: string | null;
  region: string | null;
  monthlyCost: Decimal;
  /** Part of monthlyCost that no workload's line items account for (scenario-level items); zero in scenario v1. */
  otherMonthlyCost: Decimal;
  /** Price source and date of the snapshot, for the report's footnote. */
  prices: string | null;
}

export interface CostDiff {
  base: SideSummary;
  head: SideSummary;
  difference: {
    monthlyCost: Decimal;
    /** Growth in percent of the base, rounded half-up to 2 decimals; null when the base costs nothing and the head does. */
    percent: string | null;
  };
  workloads: WorkloadDiff[];
  /** Notes on the files as a whole (skipped objects, workloads left out of the Fargate cost), each once. */
  warnings: string[];
  /**
   * With the EC2 catalog: the same two setups on ECS Managed Instances and on self-managed EC2 (whole bills; null
   * where a side is not priced or the file does not exist), so the report shows how each alternative moves too.
   */
  clusters?: ClusterDiff[];
}

export interface ClusterDiff {
  side: "ECS Managed Instances" | "EC2 self-managed";
  baseMonthlyCost: Decimal | null;
  headMonthlyCost: Decimal | null;
}

const HUNDRED = dec(100);

function summary(scenario: Scenario | null, est: FargateEstimate | null): SideSummary {
  const monthlyCost = est?.totals.monthlyCost ?? ZERO;
  const workloads = sum((est?.workloads ?? []).map((w) => w.monthlyCost));
  return {
    name: scenario?.name ?? null,
    region: scenario?.region ?? null,
    monthlyCost,
    otherMonthlyCost: monthlyCost.minus(workloads),
    prices: est ? `${est.catalog.source}, published ${est.catalog.publishedAt}` : null,
  };
}

/** Exact growth check: (head - base) / base > limit / 100, without dividing (a base of zero that grows grows infinitely). */
export function totalGrowsMoreThan(base: Decimal, head: Decimal, limitPercent: number): boolean {
  const d = head.minus(base);
  if (d.lte(0)) return false;
  if (base.eq(0)) return true;
  return d.times(HUNDRED).gt(base.times(dec(limitPercent)));
}

export function growsMoreThan(diff: CostDiff, limitPercent: number): boolean {
  return totalGrowsMoreThan(diff.base.monthlyCost, diff.head.monthlyCost, limitPercent);
}

export function percentOf(difference: Decimal, base: Decimal): string | null {
  if (base.eq(0)) return difference.eq(0) ? "0.00" : null;
  return difference.times(HUNDRED).div(base).round(2, 1).toFixed(2);
}

type Entry = { key: string; name: string; w: Workload; est: WorkloadEstimate; notes: readonly string[] };

function entries(scenario: Scenario | null, est: FargateEstimate | null, notes?: SideNotes): Entry[] {
  if (!scenario || !est) return [];
  const seen = new Map<string, number>();
  return scenario.workloads.map((w, i) => {
    const n = (seen.get(w.name) ?? 0) + 1;
    seen.set(w.name, n);
    return { key: `${w.name}\u0000${n}`, name: n > 1 ? `${w.name} (${n})` : w.name, w, est: est.workloads[i]!, notes: notes?.assumptions?.[i] ?? [] };
  });
}

function lineItemDiffs(base: WorkloadEstimate | null, head: WorkloadEstimate | null): LineItemDiff[] {
  const names: string[] = [];
  const b = new Map<string, Decimal>();
  const h = new Map<string, Decimal>();
  for (const [side, est] of [
    [b, base],
    [h, head],
  ] as const) {
    for (const li of est?.lineItems ?? []) {
      if (!b.has(li.name) && !h.has(li.name)) names.push(li.name);
      side.set(li.name, (side.get(li.name) ?? ZERO).plus(li.monthlyCost));
    }
  }
  return names.map((name) => {
    const bc = b.get(name) ?? null;
    const hc = h.get(name) ?? null;
    return { name, baseMonthlyCost: bc, headMonthlyCost: hc, difference: (hc ?? ZERO).minus(bc ?? ZERO) };
  });
}

/** Head's notes, then base's notes that head does not repeat (marked "base:"), each once. */
function mergeNotes(head: readonly string[], base: readonly string[]): string[] {
  const out = [...new Set(head)];
  for (const b of new Set(base)) if (!head.includes(b)) out.push(`base: ${b}`);
  return out;
}

/**
 * BASE and HEAD scenarios (null: the file does not exist on that side) -> their cost difference. `notes` carry what
 * the importer assumed on each side into the diff (per workload `assumptions`, and `warnings` for the files).
 */
export function diffScenarios(
  base: Scenario | null,
  head: Scenario | null,
  catalog: FargateCatalog,
  extras?: ExtrasCatalog,
  ec2Catalog?: Ec2Catalog,
  notes: { base?: SideNotes; head?: SideNotes } = {},
): CostDiff {
  const baseEst = base ? estimateScenario(base, catalog, extras) : null;
  const headEst = head ? estimateScenario(head, catalog, extras) : null;
  const baseEntries = entries(base, baseEst, notes.base);
  const headEntries = entries(head, headEst, notes.head);
  const baseByKey = new Map(baseEntries.map((e) => [e.key, e]));
  const headKeys = new Set(headEntries.map((e) => e.key));
  const regions = { base: base?.region ?? "", head: head?.region ?? "" };

  const workloads: WorkloadDiff[] = headEntries.map((h) => {
    const b = baseByKey.get(h.key);
    if (!b) {
      return {
        name: h.name,
        change: "added",
        baseMonthlyCost: null,
        headMonthlyCost: h.est.monthlyCost,
        difference: h.est.monthlyCost,
        reasons: [`added: ${workloadSummary(h.w, h.est)}`],
        assumptions: [...h.notes],
        lineItems: lineItemDiffs(null, h.est),
      };
    }
    const reasons = changeReasons(b.w, h.w, b.est, h.est, regions);
    const difference = h.est.monthlyCost.minus(b.est.monthlyCost);
    return {
      name: h.name,
      change: reasons.length || !difference.eq(0) ? "changed" : "unchanged",
      baseMonthlyCost: b.est.monthlyCost,
      headMonthlyCost: h.est.monthlyCost,
      difference,
      reasons,
      assumptions: mergeNotes(h.notes, b.notes),
      lineItems: lineItemDiffs(b.est, h.est),
    };
  });
  for (const b of baseEntries) {
    if (headKeys.has(b.key)) continue;
    workloads.push({
      name: b.name,
      change: "removed",
      baseMonthlyCost: b.est.monthlyCost,
      headMonthlyCost: null,
      difference: b.est.monthlyCost.neg(),
      reasons: [`removed: ${workloadSummary(b.w, b.est)}`],
      assumptions: [...b.notes],
      lineItems: lineItemDiffs(b.est, null),
    });
  }

  const baseSummary = summary(base, baseEst);
  const headSummary = summary(head, headEst);
  const difference = headSummary.monthlyCost.minus(baseSummary.monthlyCost);
  const result: CostDiff = {
    base: baseSummary,
    head: headSummary,
    difference: { monthlyCost: difference, percent: percentOf(difference, baseSummary.monthlyCost) },
    workloads,
    warnings: mergeNotes(notes.head?.warnings ?? [], notes.base?.warnings ?? []),
  };
  if (ec2Catalog) {
    const whole = (s: Scenario | null, est: FargateEstimate | null, mi: boolean) => {
      if (!s || !est) return null;
      const c = mi ? estimateManagedInstances(s, est, ec2Catalog, extras) : estimateEc2WithWholeBill(s, est, ec2Catalog, extras);
      return c.wholeBill.monthlyCost;
    };
    result.clusters = [
      { side: "ECS Managed Instances", baseMonthlyCost: whole(base, baseEst, true), headMonthlyCost: whole(head, headEst, true) },
      { side: "EC2 self-managed", baseMonthlyCost: whole(base, baseEst, false), headMonthlyCost: whole(head, headEst, false) },
    ];
  }
  return result;
}

/** The JSON contract of `estimate diff --format json` (decimals as full-precision strings). */
export function diffToJson(diff: CostDiff): unknown {
  const s = (d: Decimal | null) => (d === null ? null : d.toString());
  const side = (x: SideSummary) => ({
    name: x.name,
    region: x.region,
    monthlyCost: s(x.monthlyCost),
    ...(x.otherMonthlyCost.eq(0) ? {} : { otherMonthlyCost: s(x.otherMonthlyCost) }),
  });
  return {
    base: side(diff.base),
    head: side(diff.head),
    difference: { monthlyCost: s(diff.difference.monthlyCost), percent: diff.difference.percent },
    warnings: diff.warnings,
    ...(diff.clusters
      ? { clusters: diff.clusters.map((c) => ({ side: c.side, baseMonthlyCost: s(c.baseMonthlyCost), headMonthlyCost: s(c.headMonthlyCost) })) }
      : {}),
    workloads: diff.workloads.map((w) => ({
      name: w.name,
      change: w.change,
      baseMonthlyCost: s(w.baseMonthlyCost),
      headMonthlyCost: s(w.headMonthlyCost),
      difference: s(w.difference),
      reasons: w.reasons,
      assumptions: w.assumptions,
      lineItems: w.lineItems.map((li) => ({
        name: li.name,
        baseMonthlyCost: s(li.baseMonthlyCost),
        headMonthlyCost: s(li.headMonthlyCost),
        difference: s(li.difference),
      })),
    })),
  };
}
