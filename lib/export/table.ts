import { formatQuantity, formatRate, formatUsd } from "@/lib/format";
import type { Decimal } from "@/lib/pricing/money";
import type { FargateEstimate, LineItem } from "@/lib/pricing/types";

function render(rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) => r.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join("  ").trimEnd())
    .join("\n");
}

const itemRow = (workload: string, li: LineItem) => [workload, li.name, formatQuantity(li.quantity), li.unit, formatRate(li.unitPrice), formatUsd(li.monthlyCost)];

export interface TableInput {
  fargate: FargateEstimate;
  ec2?: { available: boolean; monthlyCost: Decimal | null; lineItems: LineItem[]; warnings: string[] };
}

/** A readable plain-text table for the CLI: line items, then Fargate and EC2 totals side by side. */
export function estimateToTable({ fargate, ec2 }: TableInput): string {
  const out: string[] = [];
  out.push(`${fargate.scenario.name} - ${fargate.catalog.regionName} (${fargate.catalog.region})`);
  out.push(`Prices: ${fargate.catalog.source}, published ${fargate.catalog.publishedAt}`);
  out.push("");
  const rows = [["Workload", "Line item", "Quantity", "Unit", "Unit price", "Monthly"]];
  for (const w of fargate.workloads) for (const li of w.lineItems) rows.push(itemRow(w.name, li));
  if (ec2) for (const li of ec2.lineItems) rows.push(itemRow("EC2 cluster", li));
  out.push(render(rows, new Set([2, 4, 5])));
  out.push("");
  const totals = [["", "Fargate", "EC2"], ["Monthly total", formatUsd(fargate.totals.monthlyCost), ec2 ? (ec2.monthlyCost === null ? "n/a" : formatUsd(ec2.monthlyCost)) : "-"]];
  out.push(render(totals, new Set([1, 2])));
  const warnings = [...fargate.workloads.flatMap((w) => w.warnings.map((m) => `${w.name}: ${m}`)), ...(ec2?.warnings.map((m) => `EC2: ${m}`) ?? [])];
  if (warnings.length) {
    out.push("", "Notes:");
    for (const w of [...new Set(warnings)]) out.push(`- ${w}`);
  }
  return `${out.join("\n")}\n`;
}
