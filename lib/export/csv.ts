import Papa from "papaparse";
import { allocateCents, formatQuantity, type Decimal, HOURS_PER_MONTH } from "@/lib/core";
import type { Ec2WholeBill, FargateEstimate, LineItem, PriceSourceSummary } from "@/lib/pricing";
import type { Scenario } from "@/lib/scenario";
import { shownFargate, type ShownTable } from "./shown";
import { shownEc2 } from "./shown-ec2";

/**
 * The CSV is ONE table: one header, every record the same 8 fields (RFC 4180 section 2.4), so any spreadsheet,
 * pandas or a database import opens it without guessing. What a leading "# key,value" block or blank-line
 * separated sections would say is carried by the first column instead: filter on Section to get the scenario,
 * the price sources, the settings or the line items alone. The scenario and prices come first, then the line items.
 */
export const CSV_HEADER = ["Section", "Workload", "Item", "Quantity or value", "Unit", "Unit price (USD)", "Monthly cost (USD)", "Source or note"] as const;

/** The values of the Section column, in the order they appear. */
export const CSV_SECTIONS = {
  scenario: "Scenario",
  price: "Price source",
  workload: "Workload setting",
  service: "Service setting",
  ec2: "EC2 setting",
  item: "Line item",
  subtotal: "Subtotal",
  total: "Total",
} as const;

export interface CsvInput {
  /** The priced scenario: its settings head the CSV. Without it, only what the estimate knows is described. */
  scenario?: Scenario;
  fargate: FargateEstimate;
  /** EC2 line items and total, when the estimate has them; with its whole bill for version 2 scenarios. */
  ec2?: { lineItems: LineItem[]; monthlyCost: Decimal | null; wholeBill?: Ec2WholeBill; sources?: PriceSourceSummary[] };
  /** The same cluster on ECS Managed Instances (EC2 instance-hours plus the management fee), when it is shown. */
  managedInstances?: { lineItems: LineItem[]; monthlyCost: Decimal | null; wholeBill?: Ec2WholeBill; sources?: PriceSourceSummary[] };
}

/** Columns that hold numbers: a real number there (a negative discount included) is written as is. */
const NUMERIC_COLUMNS = new Set<number>([3, 5, 6]);
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection), whatever follows them. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not run: one starting with = + - @ tab or CR gets a leading ' (Papa's own check only
 * looks at single-line cells, so "=1+1\n+0" passed it). In numeric columns a plain number such as -12.35 is kept.
 */
export function neutralizeCell(cell: string, numeric = false): string {
  if (numeric && PLAIN_NUMBER.test(cell)) return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** True when the estimate carries anything beside compute (a version 2 scenario with services or extras). */
export const hasWholeBill = (f: FargateEstimate) => f.services.lineItems.length > 0 || f.totals.servicesMonthlyCost.gt(0);

type Row = [section: string, workload: string, item: string, value: string, unit: string, unitPrice: string, monthly: string, note: string];
const S = CSV_SECTIONS;
const yesNo = (b: boolean | undefined) => (b ? "yes" : "no");
const num = (n: number) => formatQuantity(String(n));

const SCHEDULE = { "always-on": "always on", "duty-cycle": "part of the month (duty cycle)", batch: "batch runs" } as const;
const SAVINGS_PLAN: Record<Scenario["workloads"][number]["savingsPlan"], string> = {
  none: "none (on-demand)",
  "1yr-no-upfront": "Compute Savings Plan, 1 year, no upfront",
  "1yr-all-upfront": "Compute Savings Plan, 1 year, all upfront",
  "3yr-no-upfront": "Compute Savings Plan, 3 years, no upfront",
  "3yr-all-upfront": "Compute Savings Plan, 3 years, all upfront",
};

function workloadSettings(w: Scenario["workloads"][number]): Row[] {
  const r = (item: string, value: string, unit = "", note = ""): Row => [S.workload, w.name, item, value, unit, "", "", note];
  const eks = w.platform === "eks";
  const rows: Row[] = [
    r("Platform", eks ? "EKS" : "ECS"),
    r("Operating system / CPU", `${w.os === "windows" ? "Windows" : "Linux"}/${w.arch}`),
    r(eks ? "Pod requests: vCPU" : "vCPU", num(w.vcpu), "vCPU"),
    r(eks ? "Pod requests: memory" : "Memory", num(w.memoryGiB), "GiB"),
    r("Ephemeral storage", num(w.storageGiB), "GiB"),
    r(eks ? "Pods" : "Tasks", num(w.tasks), eks ? "pods" : "tasks", "running at once"),
    r("Schedule", SCHEDULE[w.schedule.type]),
  ];
  if (w.schedule.type === "duty-cycle") rows.push(r("Share of the month running", num(w.schedule.percent), "%", `of ${HOURS_PER_MONTH} hours`));
  if (w.schedule.type === "batch") {
    rows.push(r("Runs per month", num(w.schedule.runsPerMonth), "runs"));
    rows.push(r("Duration per run", num(w.schedule.secondsPerRun), "seconds"));
  }
  rows.push(r("Spot share", num(w.spotPercent), "%", "of task-hours on Fargate Spot"));
  rows.push(r("Savings Plan", SAVINGS_PLAN[w.savingsPlan]));
  if (w.publicIp !== undefined) rows.push(r("Public IPv4 per task", yesNo(w.publicIp)));
  if (w.logs) {
    rows.push(r("Logs ingested", num(w.logs.ingestedGiBPerMonth), "GiB/month", "CloudWatch Logs, Standard class"));
    rows.push(r("Logs stored", num(w.logs.storedGiB), "GiB"));
  }
  return rows;
}

function serviceSettings(services: NonNullable<Scenario["services"]>): Row[] {
  const rows: Row[] = [];
  const r = (who: string, item: string, value: string, unit = "", note = "") => rows.push([S.service, who, item, value, unit, "", "", note]);
  for (const lb of services.loadBalancers ?? []) {
    const who = `Load balancer: ${lb.name}`;
    r(who, "Type", lb.type === "application" ? "Application (ALB)" : "Network (NLB)");
    r(who, "Capacity units", num(lb.capacityUnits), lb.type === "application" ? "LCU" : "NLCU", "average per hour");
    r(who, "Internet-facing", yesNo(lb.internetFacing));
    r(who, "Availability Zones", num(lb.azs), "AZs");
  }
  if (services.natGateways) {
    r("NAT gateways", "Count", num(services.natGateways.count), "gateways");
    r("NAT gateways", "Data processed", num(services.natGateways.processedGiBPerMonth), "GiB/month");
  }
  if (services.dataTransfer) {
    r("Data transfer", "Internet egress", num(services.dataTransfer.internetOutGiBPerMonth), "GiB/month");
    r("Data transfer", "Inter-AZ transfer", num(services.dataTransfer.interAzGiBPerMonth), "GiB/month");
  }
  for (const fs of services.fileSystems ?? []) {
    const who = `EFS: ${fs.name}`;
    r(who, "Storage class", fs.storageClass);
    r(who, "Stored data", num(fs.storedGiB), "GiB");
    r(who, "Data read", num(fs.readGiBPerMonth), "GiB/month");
    r(who, "Data written", num(fs.writeGiBPerMonth), "GiB/month");
  }
  if (services.eksClusters) {
    r("EKS clusters", "Count", num(services.eksClusters.count), "clusters");
    r("EKS clusters", "Extended support", yesNo(services.eksClusters.extendedSupport));
  }
  if (services.containerRegistry) r("ECR", "Stored images", num(services.containerRegistry.storedGiB), "GiB");
  return rows;
}

function ec2Settings(e: Scenario["ec2"]): Row[] {
  const r = (item: string, value: string, unit = ""): Row => [S.ec2, "EC2 cluster", item, value, unit, "", "", ""];
  return [
    r("Networking", e.networking === "awsvpc" ? `awsvpc${e.eniTrunking ? " with ENI trunking" : ""}` : "bridge"),
    r("Headroom", num(e.headroomPercent), "%"),
    r("Cluster scaling", e.scaling === "always-on" ? "up all month" : "scales with the tasks"),
    r("EC2 Spot share", num(e.spotPercent), "%"),
    r("Commitment", e.commitment === "none" ? "none (on-demand)" : e.commitment),
    r("EBS root volume", num(e.ebsRootGiB), "GiB"),
    ...(e.instanceTypes.length ? [r("Instance types", e.instanceTypes.join(" "))] : []),
  ];
}

const sourceRow = (s: PriceSourceSummary): Row => [
  S.price,
  "",
  s.key,
  s.publishedAt,
  "published",
  "",
  "",
  [s.source, s.estimate ? "(an estimate)" : "", s.url ?? "", s.note ?? ""].filter(Boolean).join(" "),
];

/**
 * Scenario, price sources (date and origin of every price used), settings (workloads, services, EC2 cluster),
 * then the line items with a subtotal per table and the totals. Monthly costs are cents allocated so that the rows
 * add up to the subtotal and the subtotals to the total, as on the screen (lib/export/shown.ts). RFC 4180 quoting
 * (CRLF, quotes doubled); every cell goes through neutralizeCell.
 */
export function estimateToCsv({ scenario, fargate, ec2, managedInstances }: CsvInput): string {
  const rows: Row[] = [];
  const whole = hasWholeBill(fargate);
  const sc = (item: string, value: string, unit = "", note = ""): Row => [S.scenario, "", item, value, unit, "", "", note];
  rows.push(sc("Name", fargate.scenario.name));
  rows.push(sc("Region", fargate.catalog.region, "", fargate.catalog.regionName));
  if (scenario) rows.push(sc("Scenario version", String(scenario.version)));
  rows.push(sc("Hours in a month", String(HOURS_PER_MONTH), "hours", `AWS bills a month as ${HOURS_PER_MONTH} hours`));

  const sources = [...fargate.catalog.sources, ...(ec2?.sources ?? []), ...(managedInstances?.sources ?? [])];
  const seen = new Set<string>();
  for (const s of sources) if (!seen.has(s.key) && seen.add(s.key)) rows.push(sourceRow(s));

  if (scenario) {
    for (const w of scenario.workloads) rows.push(...workloadSettings(w));
    if (scenario.services) rows.push(...serviceSettings(scenario.services));
    if (ec2) rows.push(...ec2Settings(scenario.ec2));
  } else {
    for (const w of fargate.workloads) {
      const eks = w.platform === "eks";
      rows.push([S.workload, w.name, eks ? "Pods" : "Tasks", String(w.tasks), eks ? "pods" : "tasks", "", "", "running at once"]);
    }
  }

  const items = (who: string, list: readonly LineItem[], shown: ShownTable, subtotal: string) => {
    list.forEach((li, i) => rows.push([S.item, who, li.name, formatQuantity(li.quantity), li.unit, li.unitPrice, shown.items[i]!, li.priceSource]));
    rows.push([S.subtotal, who, subtotal, "", "", "", shown.total, ""]);
  };
  const f = shownFargate(fargate);
  fargate.workloads.forEach((w, i) => items(w.name, w.lineItems, f.workloads[i]!, "Workload total"));
  if (fargate.services.lineItems.length) items("Services", fargate.services.lineItems, f.services, "Services total");
  if (whole) {
    const [compute, beside] = allocateCents([fargate.totals.computeMonthlyCost, fargate.totals.servicesMonthlyCost], fargate.totals.monthlyCost);
    rows.push([S.total, "", "Fargate compute", "", "", "", compute!, ""]);
    rows.push([S.total, "", "Beside compute (public IPv4, logs, services)", "", "", "", beside!, ""]);
  }
  rows.push([S.total, "", "Fargate total", "", "", "", f.total, ""]);

  // A cluster of instances: ECS Managed Instances, then self-managed EC2 (the same rows, each under its own name).
  const cluster = (c: NonNullable<CsvInput["ec2"]>, who: string, totalName: string) => {
    const e = shownEc2(c, f.services.total);
    if (!e) {
      rows.push([S.total, "", totalName, "", "", "", "not available", ""]);
      return;
    }
    items(who, c.lineItems, e.instances, "Instances total");
    const wb = whole ? c.wholeBill : undefined;
    if (wb && wb.lineItems.length) items(who, wb.lineItems, e.beside, "Beside the instances total");
    if (wb && fargate.services.lineItems.length) rows.push([S.subtotal, who, "Services (the same as on Fargate)", "", "", "", e.services, ""]);
    rows.push([S.total, "", totalName, "", "", "", whole ? e.total : e.instances.total, ""]);
  };
  if (managedInstances) cluster(managedInstances, "ECS Managed Instances", "ECS Managed Instances total");
  if (ec2) cluster(ec2, "EC2 cluster", "EC2 total");
  const data = rows.map((row) => row.map((cell, i) => neutralizeCell(cell, NUMERIC_COLUMNS.has(i))));
  return Papa.unparse({ fields: [...CSV_HEADER], data }, { escapeFormulae: false, newline: "\r\n", quotes: false }) + "\r\n";
}

/** A safe file name from a scenario name: "<name>.csv". */
export function csvFileName(scenarioName: string): string {
  const base = scenarioName
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "scenario"}.csv`;
}
