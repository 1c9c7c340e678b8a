"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { BillChartBar } from "@/lib/billing";
import type { SavingsPlanTerm } from "@/lib/catalog";
import { formatUsd, formatUsdPerHour } from "@/lib/core";
import type { BillSlice, BreakdownRow } from "@/lib/results";
import { axisLabel, axisProps, chartColor, gridProps, legendFormatter, tooltipProps } from "./theme";

/**
 * The charts' drawings: everything that uses recharts (the largest library on the page), in one module that the
 * charts load only when one of them first comes near the viewport (./lazy-drawings.ts, ChartFrame). Their titles,
 * descriptions and tables ("Show as table") are in the chart modules and do not wait for it.
 */

export function BillComparisonDrawing({ bars }: { bars: BillChartBar[] }) {
  return (
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
  );
}

export function BreakdownDrawing({ rows, keys, colors }: { rows: BreakdownRow[]; keys: readonly string[]; colors: Record<string, string> }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="workload" {...axisProps} />
        <YAxis tickFormatter={(v: number) => `$${v}`} {...axisProps} label={axisLabel("USD / month", { angle: -90, position: "insideLeft" })} />
        <Tooltip {...tooltipProps} formatter={(v) => formatUsd(Number(v))} />
        <Legend formatter={legendFormatter} />
        {keys.map((k) => (
          <Bar key={k} dataKey={k} stackId="cost" fill={colors[k]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface DutyCycleDrawingPoint {
  dutyCyclePercent: number;
  fargate: number;
  ec2: number;
  managedInstances?: number;
}

export function DutyCycleDrawing({ points, mi, breakEvenPercent }: { points: DutyCycleDrawingPoint[]; mi: boolean; breakEvenPercent: number | null }) {
  return (
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
  );
}

export interface SavingsPlanSeries {
  term: SavingsPlanTerm;
  short: string;
  color: string;
  dash?: string;
}

export function SavingsPlanDrawing({
  points,
  series,
  recommended,
}: {
  points: ({ commitment: number } & Record<SavingsPlanTerm, number>)[];
  series: SavingsPlanSeries[];
  recommended: { term: SavingsPlanTerm; commitment: number; netSavings: number }[];
}) {
  return (
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
        {series.map((s) => (
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
          <ReferenceDot key={r.term} x={r.commitment} y={r.netSavings} r={4} fill={series.find((s) => s.term === r.term)?.color} stroke={chartColor.text} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function SpotDrawing({ points }: { points: { spotPercent: number; monthlyCost: number }[] }) {
  return (
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
  );
}

export function WholeBillDrawing({ slices, colors }: { slices: BillSlice[]; colors: { compute: string; rest: string } }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={slices} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid {...gridProps} />
        <XAxis type="number" tickFormatter={(v: number) => `$${v}`} {...axisProps} />
        <YAxis type="category" dataKey="label" width={110} {...axisProps} />
        <Tooltip {...tooltipProps} formatter={(v) => formatUsd(Number(v))} />
        <Bar dataKey="value" name="USD / month" isAnimationActive={false}>
          {slices.map((s, i) => (
            <Cell key={s.label} fill={i === 0 ? colors.compute : colors.rest} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
