import { centsString, sum, type Decimal } from "@/lib/core";
import type { FargateEstimate, LineItem } from "@/lib/pricing";

/** The stacks of the per-workload breakdown chart, in display order. */
export const BREAKDOWN_KEYS = ["vCPU", "Memory", "Storage", "OS license", "Spot", "Public IPv4 and logs"] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

function keyOf(li: LineItem): BreakdownKey {
  if (li.component === "public-ipv4" || li.component === "logs") return "Public IPv4 and logs";
  if (li.purchase === "spot") return "Spot";
  if (li.component === "memory") return "Memory";
  if (li.component === "storage") return "Storage";
  if (li.component === "os-license") return "OS license";
  return "vCPU";
}

/** Dollars rounded to cents, as numbers for the chart library (the exact values stay in the estimate). */
const chartNumber = (d: Decimal) => Number(centsString(d));

export type BreakdownRow = { workload: string } & Record<BreakdownKey, number>;

/** Per workload: monthly cost by component (Spot as its own stack). */
export function breakdownRows(estimate: FargateEstimate): BreakdownRow[] {
  return estimate.workloads.map((w) => {
    const row = { workload: w.name } as BreakdownRow;
    for (const key of BREAKDOWN_KEYS) row[key] = chartNumber(sum(w.lineItems.filter((li) => keyOf(li) === key).map((li) => li.monthlyCost)));
    return row;
  });
}

export { chartNumber };

/**
 * The rows the breakdown chart draws: all of them up to `max`, else the `max` costliest, in their order (hundreds of
 * bars are unreadable, and drawing them holds the page for a second). A bar summing the rest would dwarf them; the
 * chart says how many it leaves out, and its data table keeps every row.
 */
export function chartRows(rows: BreakdownRow[], max = 30): BreakdownRow[] {
  if (rows.length <= max) return rows;
  const total = (r: BreakdownRow) => BREAKDOWN_KEYS.reduce((s, k) => s + r[k], 0);
  return rows
    .map((r, i) => ({ r, i, t: total(r) }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.r);
}
