"use client";

import type { SavingsPlanTerm } from "@/lib/catalog";
import { formatUsd, formatUsdPerHour } from "@/lib/core";
import { ChartFrame, DataTable } from "./chart-frame";
import type { SavingsPlanSeries } from "./drawings";
import { SavingsPlanDrawing } from "./lazy-drawings";

export type SavingsPlanPoint = { commitment: number } & Record<SavingsPlanTerm, number>;

/** Short names in the legend, so it takes two lines on a phone rather than four. */
const SERIES: SavingsPlanSeries[] = [
  { term: "1yr-no-upfront", short: "1 yr, no upfront", color: "var(--chart-1)" },
  { term: "1yr-all-upfront", short: "1 yr, all upfront", color: "var(--chart-2)", dash: "6 3" },
  { term: "3yr-no-upfront", short: "3 yr, no upfront", color: "var(--chart-3)" },
  { term: "3yr-all-upfront", short: "3 yr, all upfront", color: "var(--chart-4)", dash: "6 3" },
];

/** Net savings over the bill's hours against the hourly commitment, one line per term, each term's best marked. */
export function SavingsPlanChart({
  points,
  recommended,
  hours,
}: {
  points: SavingsPlanPoint[];
  recommended: { term: SavingsPlanTerm; label: string; commitment: number; netSavings: number }[];
  hours: number;
}) {
  return (
    <ChartFrame
      testId="chart-savings-plan"
      title="Net savings against the hourly commitment"
      description={`What each commitment would have saved (above zero) or lost (below) over the bill's ${hours.toLocaleString("en-US")} hours; a dot marks each term's best. ${recommended
        .map((r) =>
          r.commitment === 0
            ? `${r.label}: no commitment saves anything.`
            : `${r.label}: ${formatUsdPerHour(r.commitment)} an hour saves ${formatUsd(r.netSavings)}.`,
        )
        .join(" ")}`}
      table={
        <DataTable
          columns={["Commitment (USD/h)", ...SERIES.map((s) => `${s.short} (USD)`)]}
          rows={points.map((p) => [formatUsdPerHour(p.commitment), ...SERIES.map((s) => formatUsd(p[s.term]))])}
        />
      }
    >
      <SavingsPlanDrawing points={points} series={SERIES} recommended={recommended} />
    </ChartFrame>
  );
}
