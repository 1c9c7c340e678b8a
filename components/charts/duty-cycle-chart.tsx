"use client";

import { formatUsd } from "@/lib/core";
import { ChartFrame, DataTable } from "./chart-frame";
import { DutyCycleDrawing } from "./lazy-drawings";

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
      <DutyCycleDrawing points={points} mi={mi} breakEvenPercent={breakEvenPercent} />
    </ChartFrame>
  );
}
