"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd } from "@/lib/core";
import type { BillChartBar } from "@/lib/billing";
import { ChartFrame, DataTable } from "./chart-frame";
import { axisProps, chartColor, gridProps, legendFormatter, tooltipProps } from "./theme";

/** The scenario's estimate next to what the bill paid, per usage type (bars and words from lib/billing/view.ts). */
export function BillComparisonChart({ bars, description }: { bars: BillChartBar[]; description: string }) {
  return (
    <ChartFrame
      testId="bill-chart"
      title="Estimate vs bill per usage type"
      description={description}
      table={<DataTable columns={["Usage type", "Estimate (USD)", "Bill, paid (USD)"]} rows={bars.map((b) => [b.label, b.estimateText, b.billText])} />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={bars} layout="vertical" margin={{ top: 8, right: 56, bottom: 8, left: 8 }}>
          <CartesianGrid {...gridProps} />
          <XAxis type="number" tickFormatter={(v: number) => `$${v}`} {...axisProps} />
          <YAxis type="category" dataKey="label" width={104} {...axisProps} />
          <Tooltip {...tooltipProps} formatter={(v) => formatUsd(Number(v))} />
          <Legend formatter={legendFormatter} itemSorter={null} />
          <Bar dataKey="estimate" name="Estimate" fill={chartColor.fargate} isAnimationActive={false}>
            <LabelList dataKey="estimateText" position="right" fontSize={11} fill={chartColor.text} />
          </Bar>
          <Bar dataKey="bill" name="Bill (paid)" fill={chartColor.ec2} isAnimationActive={false}>
            <LabelList dataKey="billText" position="right" fontSize={11} fill={chartColor.text} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
