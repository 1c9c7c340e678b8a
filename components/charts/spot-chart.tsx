"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd } from "@/lib/core";
import { ChartFrame, DataTable } from "./chart-frame";
import { axisLabel, axisProps, chartColor, gridProps, tooltipProps } from "./theme";

export interface SpotChartPoint {
  spotPercent: number;
  monthlyCost: number;
  saving: number;
}

export function SpotChart({ points, eligible }: { points: SpotChartPoint[]; eligible: number }) {
  return (
    <ChartFrame
      testId="chart-spot"
      title="Savings by Spot share"
      description={
        eligible
          ? `Monthly Fargate cost if ${eligible} Spot-eligible workload${eligible === 1 ? "" : "s"} (ECS, Linux) ran this share of task-hours on Fargate Spot.`
          : "No workload here can use Fargate Spot (it needs ECS, Linux, and a region with Spot prices)."
      }
      table={
        <DataTable
          columns={["Spot share (%)", "Monthly cost (USD)", "Saving vs 0% (USD)"]}
          rows={points.map((p) => [p.spotPercent, formatUsd(p.monthlyCost), formatUsd(p.saving)])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="spotPercent" unit="%" {...axisProps} label={axisLabel("Spot share (%)", { position: "insideBottom", offset: -8 })} />
          <YAxis tickFormatter={(v: number) => `$${v}`} {...axisProps} label={axisLabel("USD / month", { angle: -90, position: "insideLeft" })} />
          <Tooltip {...tooltipProps} formatter={(v) => formatUsd(Number(v))} labelFormatter={(l) => `${l}% Spot`} />
          <Line
            type="monotone"
            dataKey="monthlyCost"
            name="Fargate monthly cost"
            stroke={chartColor.spot}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
