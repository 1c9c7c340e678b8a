"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BREAKDOWN_KEYS, chartRows, type BreakdownRow } from "@/lib/results";
import { formatUsd } from "@/lib/core";
import { ChartFrame, DataTable } from "./chart-frame";
import { axisLabel, axisProps, chartColor, gridProps, legendFormatter, tooltipProps } from "./theme";

const COLORS: Record<(typeof BREAKDOWN_KEYS)[number], string> = {
  vCPU: chartColor.fargate,
  Memory: chartColor.memory,
  Storage: chartColor.storage,
  "OS license": chartColor.ec2,
  Spot: chartColor.spot,
  "Public IPv4 and logs": chartColor.other,
};

export function BreakdownChart({ rows }: { rows: BreakdownRow[] }) {
  const keys = BREAKDOWN_KEYS.filter((k) => rows.some((r) => r[k] > 0));
  const drawn = chartRows(rows);
  return (
    <ChartFrame
      testId="chart-breakdown"
      title="Cost breakdown per workload"
      description={
        drawn.length < rows.length
          ? `Monthly Fargate cost (USD) by component of the ${drawn.length} costliest workloads (of ${rows.length}); the table lists every workload.`
          : "Monthly Fargate cost (USD) of each workload by component."
      }
      table={<DataTable columns={["Workload", ...keys.map((k) => `${k} (USD)`)]} rows={rows.map((r) => [r.workload, ...keys.map((k) => formatUsd(r[k]))])} />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={drawn} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="workload" {...axisProps} />
          <YAxis tickFormatter={(v: number) => `$${v}`} {...axisProps} label={axisLabel("USD / month", { angle: -90, position: "insideLeft" })} />
          <Tooltip {...tooltipProps} formatter={(v) => formatUsd(Number(v))} />
          <Legend formatter={legendFormatter} />
          {keys.map((k) => (
            <Bar key={k} dataKey={k} stackId="cost" fill={COLORS[k]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
