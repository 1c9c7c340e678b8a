import { allocateCents, dec, formatQuantity, formatRate, formatUsd, terminalText, textTable, type Decimal } from "@/lib/core";
import { type Ec2WholeBill, type FargateEstimate, type LineItem, NOT_INCLUDED } from "@/lib/pricing";
import { hasWholeBill } from "./csv";
import { shownFargate } from "./shown";
import { shownEc2 } from "./shown-ec2";

/** A line item with its shown cents (allocated so the rows add up to the totals below: lib/export/shown.ts). */
const itemRow = (workload: string, li: LineItem, cents: string) => [
  workload,
  li.name,
  formatQuantity(li.quantity),
  li.unit,
  formatRate(li.unitPrice),
  formatUsd(cents),
];

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
  const f = shownFargate(fargate);
  const e = ec2 ? shownEc2(ec2, f.services.total) : null;
  fargate.workloads.forEach((w, i) => w.lineItems.forEach((li, j) => rows.push(itemRow(w.name, li, f.workloads[i]!.items[j]!))));
  fargate.services.lineItems.forEach((li, j) => rows.push(itemRow("Services", li, f.services.items[j]!)));
  // Without an EC2 price the line items are shown rounded on their own (there is no total to add up to).
  if (ec2) ec2.lineItems.forEach((li, j) => rows.push(itemRow("EC2 cluster", li, e?.instances.items[j] ?? li.monthlyCost.toString())));
  if (wb && e) wb.lineItems.forEach((li, j) => rows.push(itemRow("EC2 cluster", li, e.beside.items[j]!)));
  out.push(textTable(rows, new Set([2, 4, 5])));
  out.push("");
  const ec2Cell = (v: string | null | undefined) => (ec2 ? (v == null ? "n/a" : formatUsd(v)) : "-");
  const totals = [["", "Fargate", "EC2"]];
  // The split adds up to the total shown (largest remainder), like every other table.
  const ec2Total = ec2?.monthlyCost == null ? null : (wb?.monthlyCost ?? ec2.monthlyCost);
  if (whole) {
    const [fc, fb] = allocateCents([fargate.totals.computeMonthlyCost, fargate.totals.servicesMonthlyCost], fargate.totals.monthlyCost);
    // EC2: the instances' shown total (their rows above add up to it), and the rest of the shown total beside it.
    const [ec, eb] = e && wb && ec2Total ? [e.instances.total, dec(e.total).minus(e.instances.total).toFixed(2)] : [null, null];
    totals.push(["Compute", formatUsd(fc!), ec2Cell(ec)]);
    totals.push(["Beside compute", formatUsd(fb!), ec2Cell(eb)]);
  }
  totals.push(["Monthly total", formatUsd(fargate.totals.monthlyCost), ec2Cell(ec2Total == null ? null : ec2Total.toString())]);
  out.push(textTable(totals, new Set([1, 2])));
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
  // Names and notes come from the scenario: control characters are shown escaped, never acted on by the terminal.
  return terminalText(`${out.join("\n")}\n`);
}
