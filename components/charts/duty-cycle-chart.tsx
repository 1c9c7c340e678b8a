"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd } from "@/lib/format";
import { ChartFrame, DataTable } from "./chart-frame";

export interface DutyCyclePoint {
  dutyCyclePercent: number;
  fargate: number;
  ec2: number;
}

export function DutyCycleChart({ points, breakEvenPercent, note }: { points: DutyCyclePoint[]; breakEvenPercent: number | null; note: string }) {
  return (
    <ChartFrame
      testId="chart-duty-cycle"
      title="Fargate vs EC2 across duty cycle"
      description={`${note} ${breakEvenPercent === null ? "The lines do not cross: no break-even point." : `Break-even at ${breakEvenPercent}% of the month.`}`}
      table={<DataTable columns={["Duty cycle (%)", "Fargate (USD)", "EC2 (USD)"]} rows={points.map((p) => [p.dutyCyclePercent, formatUsd(p.fargate), formatUsd(p.ec2)])} />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
          <XAxis dataKey="dutyCyclePercent" type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} label={{ value: "Duty cycle (% of month)", position: "insideBottom", offset: -8, fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => `$${v}`} tick={{ fontSize: 12 }} label={{ value: "USD / month", angle: -90, position: "insideLeft", fontSize: 12 }} />
          <Tooltip formatter={(v) => formatUsd(Number(v))} labelFormatter={(l) => `${l}% of the month`} />
          <Legend verticalAlign="top" />
          <Line type="linear" dataKey="fargate" name="Fargate" stroke="#0369a1" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="ec2" name="ECS on EC2" stroke="#b45309" strokeWidth={2} dot={false} isAnimationActive={false} />
          {breakEvenPercent !== null ? <ReferenceLine x={breakEvenPercent} stroke="#475569" strokeDasharray="4 4" label={{ value: `break-even ${breakEvenPercent}%`, position: "top", fontSize: 12 }} /> : null}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
