import { dec, formatUsd } from "@/lib/core";
import { meterWords } from "./words";

/** One bar pair of the estimate-vs-bill chart: dollars as numbers (already cents) and as the tables show them. */
export interface BillChartBar {
  key: string;
  label: string;
  estimate: number;
  bill: number;
  estimateText: string;
  billText: string;
}

/** Bars the chart shows before the rest are one "everything else" bar. */
export const CHART_BARS = 6;

/** The chart's bars from the comparison lines shown (cents as the table shows them, so the bars add up to its totals). */
export function comparisonChart(
  lines: readonly { key: string; region: string; platform: string; usageType: string; estimatedCost: string; billedCost: string }[],
): BillChartBar[] {
  const regions = new Set(lines.map((l) => l.region));
  const shown = lines
    .filter((l) => !(dec(l.estimatedCost).eq(0) && dec(l.billedCost).eq(0)))
    .map((l) => ({ l, size: dec(l.estimatedCost).gt(l.billedCost) ? dec(l.estimatedCost) : dec(l.billedCost) }))
    .sort((a, b) => b.size.cmp(a.size));
  const bar = (key: string, label: string, estimate: string, bill: string): BillChartBar => ({
    key,
    label,
    estimate: Number(estimate),
    bill: Number(bill),
    estimateText: formatUsd(estimate),
    billText: formatUsd(bill),
  });
  const head = shown.length > CHART_BARS ? shown.slice(0, CHART_BARS - 1) : shown;
  const rest = shown.slice(head.length);
  const out = head.map(({ l }) =>
    bar(l.key, `${meterWords(l.usageType)}${l.platform === "EKS" ? " (EKS)" : ""}${regions.size > 1 ? `, ${l.region}` : ""}`, l.estimatedCost, l.billedCost),
  );
  if (rest.length) {
    const sum = (f: (x: (typeof rest)[number]) => string) => rest.reduce((t, x) => t.plus(f(x)), dec(0)).toFixed(2);
    out.push(
      bar(
        "rest",
        `${rest.length} other usage types`,
        sum((x) => x.l.estimatedCost),
        sum((x) => x.l.billedCost),
      ),
    );
  }
  return out;
}
