"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd } from "@/lib/core";
import { ChartFrame, DataTable } from "./chart-frame";
import { axisLabel, axisProps, chartColor, gridProps, legendFormatter, tooltipProps } from "./theme";

export interface DutyCyclePoint {
  dutyCyclePercent: number;
  fargate: number;
  ec2: number;
  /** ECS Managed Instances at the same duty cycle, when priced (and shown). */
  managedInstances?: number;
}

export function DutyCycleChart({ points, breakEvenPercent, note }: { points: DutyCyclePoint[]; breakEvenPercent: number | null; note: string }) {
  const mi = points.length > 0 && points.every((p) => p.managedInstances !== undefined);
  return (
    <ChartFrame
      testId="chart-duty-cycle"
      title="Fargate vs EC2 across duty cycle"
      description={`${note} ${breakEvenPercent === null ? "The lines do not cross: no break-even point." : `Break-even at ${breakEvenPercent}% of the month.`}`}
      table={
        <DataTable
          columns={["Duty cycle (%)", "Fargate (USD)", ...(mi ? ["ECS Managed Instances (USD)"] : []), "EC2 (USD)"]}
          rows={points.map((p) => [p.dutyCyclePercent, formatUsd(p.fargate), ...(mi ? [formatUsd(p.managedInstances!)] : []), formatUsd(p.ec2)])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid {...gridProps} />
          <XAxis
            dataKey="dutyCyclePercent"
            type="number"
            domain={[0, 100]}
            unit="%"
            {...axisProps}
            label={axisLabel("Duty cycle (% of month)", { position: "insideBottom", offset: -8 })}
          />
          <YAxis tickFormatter={(v: number) => `$${v}`} {...axisProps} label={axisLabel("USD / month", { angle: -90, position: "insideLeft" })} />
          <Tooltip {...tooltipProps} formatter={(v) => formatUsd(Number(v))} labelFormatter={(l) => `${l}% of the month`} />
          <Legend verticalAlign="top" formatter={legendFormatter} />
          <Line type="linear" dataKey="fargate" name="Fargate" stroke={chartColor.fargate} strokeWidth={2} dot={false} isAnimationActive={false} />
          {mi ? (
            <Line
              type="linear"
              dataKey="managedInstances"
              name="ECS Managed Instances"
              stroke={chartColor.storage}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={false}
              isAnimationActive={false}
            />
          ) : null}
          <Line type="linear" dataKey="ec2" name="ECS on EC2" stroke={chartColor.ec2} strokeWidth={2} dot={false} isAnimationActive={false} />
          {breakEvenPercent !== null ? (
            <ReferenceLine
              x={breakEvenPercent}
              stroke={chartColor.axis}
              strokeDasharray="4 4"
              label={axisLabel(`break-even ${breakEvenPercent}%`, { position: "top" })}
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
