import { formatQuantity, formatRate, formatUsd } from "@/lib/format";
import type { Decimal } from "@/lib/pricing/money";
import { NOT_INCLUDED } from "@/lib/pricing/services";
import type { FargateEstimate, LineItem } from "@/lib/pricing/types";
import type { Ec2WholeBill } from "@/lib/pricing/whole-bill";
import { hasWholeBill } from "./csv";

function render(rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) => r.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join("  ").trimEnd())
    .join("\n");
}

const itemRow = (workload: string, li: LineItem) => [workload, li.name, formatQuantity(li.quantity), li.unit, formatRate(li.unitPrice), formatUsd(li.monthlyCost)];

export interface TableInput {
  fargate: FargateEstimate;
  ec2?: { available: boolean; monthlyCost: Decimal | null; lineItems: LineItem[]; warnings: string[]; wholeBill?: Ec2WholeBill };
}

/** A readable plain-text table for the CLI: line items, then Fargate and EC2 totals side by side. */
export function estimateToTable({ fargate, ec2 }: TableInput): string {
  const out: string[] = [];
  const whole = hasWholeBill(fargate);
  const wb = whole ? ec2?.wholeBill : undefined;
  out.push(`${fargate.scenario.name} - ${fargate.catalog.regionName} (${fargate.catalog.region})`);
  out.push(`Prices: ${fargate.catalog.source}, published ${fargate.catalog.publishedAt}`);
  if (whole) {
    const others = fargate.catalog.sources.filter((s) => s.key !== "fargate-on-demand" && !s.estimate);
    if (others.length) out.push(`        ${others.map((s) => `${s.key} ${s.publishedAt}`).join(", ")}`);
  }
  out.push("");
  const rows = [["Workload", "Line item", "Quantity", "Unit", "Unit price", "Monthly"]];
  for (const w of fargate.workloads) for (const li of w.lineItems) rows.push(itemRow(w.name, li));
  for (const li of fargate.services.lineItems) rows.push(itemRow("Services", li));
  if (ec2) for (const li of ec2.lineItems) rows.push(itemRow("EC2 cluster", li));
  if (wb && ec2?.monthlyCost != null) for (const li of wb.lineItems) rows.push(itemRow("EC2 cluster", li));
  out.push(render(rows, new Set([2, 4, 5])));
  out.push("");
  const ec2Cell = (v: Decimal | null | undefined) => (ec2 ? (v == null ? "n/a" : formatUsd(v)) : "-");
  const totals = [["", "Fargate", "EC2"]];
  if (whole) {
    totals.push(["Compute", formatUsd(fargate.totals.computeMonthlyCost), ec2Cell(ec2?.monthlyCost)]);
    totals.push(["Beside compute", formatUsd(fargate.totals.servicesMonthlyCost), ec2Cell(ec2?.monthlyCost == null ? null : wb?.servicesMonthlyCost)]);
  }
  totals.push(["Monthly total", formatUsd(fargate.totals.monthlyCost), ec2Cell(ec2?.monthlyCost == null ? null : (wb?.monthlyCost ?? ec2.monthlyCost))]);
  out.push(render(totals, new Set([1, 2])));
  const warnings = [
    ...fargate.workloads.flatMap((w) => w.warnings.map((m) => `${w.name}: ${m}`)),
    ...fargate.services.notes,
    ...(ec2?.warnings.map((m) => `EC2: ${m}`) ?? []),
  ];
  if (warnings.length) {
    out.push("", "Notes:");
    for (const w of [...new Set(warnings)]) out.push(`- ${w}`);
  }
  if (whole) out.push("", `Not included: ${NOT_INCLUDED.join("; ")}.`);
  return `${out.join("\n")}\n`;
}
