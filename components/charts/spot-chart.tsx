"use client";

import { formatUsd } from "@/lib/core";
import { ChartFrame, DataTable } from "./chart-frame";
import { SpotDrawing } from "./lazy-drawings";

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
      <SpotDrawing points={points} />
    </ChartFrame>
  );
}
