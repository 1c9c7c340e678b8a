"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd } from "@/lib/core";
import type { BillSlice } from "@/lib/results";
import { ChartFrame, DataTable } from "./chart-frame";
import { axisProps, chartColor, gridProps, tooltipProps } from "./theme";

const COMPUTE = chartColor.fargate;
const REST = chartColor.ec2;

/** The whole Fargate bill: compute vs each cost beside it. */
export function WholeBillChart({ slices }: { slices: BillSlice[] }) {
  return (
    <ChartFrame
      testId="chart-whole-bill"
      title="The whole bill: compute vs the rest"
      description="Monthly Fargate cost (USD) of the tasks' compute and of everything beside it."
      table={<DataTable columns={["Cost", "USD / month"]} rows={slices.map((s) => [s.label, formatUsd(s.value)])} />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={slices} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid {...gridProps} />
          <XAxis type="number" tickFormatter={(v: number) => `$${v}`} {...axisProps} />
          <YAxis type="category" dataKey="label" width={110} {...axisProps} />
          <Tooltip {...tooltipProps} formatter={(v) => formatUsd(Number(v))} />
          <Bar dataKey="value" name="USD / month" isAnimationActive={false}>
            {slices.map((s, i) => (
              <Cell key={s.label} fill={i === 0 ? COMPUTE : REST} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
