"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SavingsPlanTerm } from "@/lib/catalog";
import { formatUsd, formatUsdPerHour } from "@/lib/core";
import { ChartFrame, DataTable } from "./chart-frame";
import { axisLabel, axisProps, chartColor, gridProps, legendFormatter, tooltipProps } from "./theme";

export type SavingsPlanPoint = { commitment: number } & Record<SavingsPlanTerm, number>;

/** Short names in the legend, so it takes two lines on a phone rather than four. */
const SERIES: { term: SavingsPlanTerm; short: string; color: string; dash?: string }[] = [
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
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid {...gridProps} />
          <XAxis
            dataKey="commitment"
            type="number"
            domain={[0, "dataMax"]}
            tickFormatter={(v: number) => `$${v.toFixed(3)}`}
            {...axisProps}
            label={axisLabel("Commitment (USD per hour)", { position: "insideBottom", offset: -8 })}
          />
          <YAxis tickFormatter={(v: number) => `$${v}`} {...axisProps} label={axisLabel("Net savings (USD)", { angle: -90, position: "insideLeft" })} />
          <Tooltip {...tooltipProps} formatter={(v) => formatUsd(Number(v))} labelFormatter={(l) => `${formatUsdPerHour(Number(l))} an hour`} />
          <Legend verticalAlign="top" formatter={legendFormatter} itemSorter={null} />
          <ReferenceLine y={0} stroke={chartColor.axis} />
          {SERIES.map((s) => (
            <Line
              key={s.term}
              type="linear"
              dataKey={s.term}
              name={s.short}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dash}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          {recommended.map((r) => (
            <ReferenceDot key={r.term} x={r.commitment} y={r.netSavings} r={4} fill={SERIES.find((s) => s.term === r.term)?.color} stroke={chartColor.text} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
