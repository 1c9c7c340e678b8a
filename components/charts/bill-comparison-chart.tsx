"use client";

import type { BillChartBar } from "@/lib/billing";
import { ChartFrame, DataTable } from "./chart-frame";
import { BillComparisonDrawing } from "./lazy-drawings";

/** The scenario's estimate next to what the bill paid, per usage type (bars and words from lib/billing/view.ts). */
export function BillComparisonChart({ bars, description }: { bars: BillChartBar[]; description: string }) {
  return (
    <ChartFrame
      testId="bill-chart"
      title="Estimate vs bill per usage type"
      description={description}
      table={<DataTable columns={["Usage type", "Estimate (USD)", "Bill, paid (USD)"]} rows={bars.map((b) => [b.label, b.estimateText, b.billText])} />}
    >
      <BillComparisonDrawing bars={bars} />
    </ChartFrame>
  );
}
