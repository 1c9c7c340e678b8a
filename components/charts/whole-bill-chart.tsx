"use client";

import { formatUsd } from "@/lib/core";
import type { BillSlice } from "@/lib/results";
import { ChartFrame, DataTable } from "./chart-frame";
import { WholeBillDrawing } from "./lazy-drawings";
import { chartColor } from "./theme";

const COLORS = { compute: chartColor.fargate, rest: chartColor.ec2 };

/** The whole Fargate bill: compute vs each cost beside it. */
export function WholeBillChart({ slices }: { slices: BillSlice[] }) {
  return (
    <ChartFrame
      testId="chart-whole-bill"
      title="The whole bill: compute vs the rest"
      description="Monthly Fargate cost (USD) of the tasks' compute and of everything beside it."
      table={<DataTable columns={["Cost", "USD / month"]} rows={slices.map((s) => [s.label, formatUsd(s.value)])} />}
    >
      <WholeBillDrawing slices={slices} colors={COLORS} />
    </ChartFrame>
  );
}
