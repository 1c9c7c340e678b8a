"use client";

import { BREAKDOWN_KEYS, chartRows, type BreakdownRow } from "@/lib/results";
import { formatUsd } from "@/lib/core";
import { ChartFrame, DataTable } from "./chart-frame";
import { BreakdownDrawing } from "./lazy-drawings";
import { chartColor } from "./theme";

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
      <BreakdownDrawing rows={drawn} keys={keys} colors={COLORS} />
    </ChartFrame>
  );
}
