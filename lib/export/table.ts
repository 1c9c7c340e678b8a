import { allocateCents, formatQuantity, formatRate, formatUsd, terminalText, textTable, type Decimal } from "@/lib/core";
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

type ClusterInput = { available: boolean; monthlyCost: Decimal | null; lineItems: LineItem[]; warnings: string[]; wholeBill?: Ec2WholeBill };

export interface TableInput {
  fargate: FargateEstimate;
  ec2?: ClusterInput;
  /** ECS Managed Instances: a column between Fargate and EC2 when given (its caveat among the notes). */
  managedInstances?: ClusterInput & { caveat?: string };
}

/** The compute / beside-compute / total cells of a cluster column (allocated to add up, like every other table). */
function clusterTotals(c: ClusterInput | undefined, shown: ReturnType<typeof shownEc2> | null, whole: boolean) {
  const wb = whole ? c?.wholeBill : undefined;
  const total = c?.monthlyCost == null ? null : (wb?.monthlyCost ?? c.monthlyCost);
  // The instances' shown total (their rows add up to it), and the rest of the shown total beside it.
  const [compute, beside] = shown && wb && total ? [shown.instances.total, shown.besideInstances] : [null, null];
  const cell = (v: string | null | undefined) => (c ? (v == null ? "n/a" : formatUsd(v)) : "-");
  return { compute: cell(compute), beside: cell(beside), total: cell(total == null ? null : total.toString()) };
}

/** A readable plain-text table for the CLI: line items, then Fargate, ECS Managed Instances and EC2 totals side by side. */
export function estimateToTable({ fargate, ec2, managedInstances: mi }: TableInput): string {
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
  const m = mi ? shownEc2(mi, f.services.total) : null;
  fargate.workloads.forEach((w, i) => w.lineItems.forEach((li, j) => rows.push(itemRow(w.name, li, f.workloads[i]!.items[j]!))));
  fargate.services.lineItems.forEach((li, j) => rows.push(itemRow("Services", li, f.services.items[j]!)));
  // Without an EC2 price the line items are shown rounded on their own (there is no total to add up to).
  if (mi) mi.lineItems.forEach((li, j) => rows.push(itemRow("Managed Instances", li, m?.instances.items[j] ?? li.monthlyCost.toString())));
  if (mi && whole && mi.wholeBill && m) mi.wholeBill.lineItems.forEach((li, j) => rows.push(itemRow("Managed Instances", li, m.beside.items[j]!)));
  if (ec2) ec2.lineItems.forEach((li, j) => rows.push(itemRow("EC2 cluster", li, e?.instances.items[j] ?? li.monthlyCost.toString())));
  if (wb && e) wb.lineItems.forEach((li, j) => rows.push(itemRow("EC2 cluster", li, e.beside.items[j]!)));
  out.push(textTable(rows, new Set([2, 4, 5])));
  out.push("");
  const et = clusterTotals(ec2, e, whole);
  const mt = clusterTotals(mi, m, whole);
  const withMi = (row: string[], miCell: string) => (mi ? [row[0]!, row[1]!, miCell, ...row.slice(2)] : row);
  const totals = [withMi(["", "Fargate", "EC2"], "Managed Instances")];
  if (whole) {
    const [fc, fb] = allocateCents([fargate.totals.computeMonthlyCost, fargate.totals.servicesMonthlyCost], fargate.totals.monthlyCost);
    totals.push(withMi(["Compute", formatUsd(fc!), et.compute], mt.compute));
    totals.push(withMi(["Beside compute", formatUsd(fb!), et.beside], mt.beside));
  }
  totals.push(withMi(["Monthly total", formatUsd(fargate.totals.monthlyCost), et.total], mt.total));
  out.push(textTable(totals, new Set(mi ? [1, 2, 3] : [1, 2])));
  const warnings = [
    ...fargate.workloads.flatMap((w) => w.warnings.map((m) => `${w.name}: ${m}`)),
    ...fargate.services.notes,
    ...(mi?.warnings.map((w) => `Managed Instances: ${w}`) ?? []),
    ...(mi?.caveat ? [`Managed Instances: ${mi.caveat}`] : []),
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
