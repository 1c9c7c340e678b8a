import Papa from "papaparse";
import { centsString, formatQuantity } from "@/lib/format";
import type { Decimal } from "@/lib/pricing/money";
import type { FargateEstimate, LineItem } from "@/lib/pricing/types";
import type { Ec2WholeBill } from "@/lib/pricing/whole-bill";

export const CSV_HEADER = ["Workload", "Component", "Quantity", "Unit", "Unit price (USD)", "Monthly cost (USD)"] as const;

export interface CsvInput {
  fargate: FargateEstimate;
  /** EC2 line items and total, when the estimate has them; with its whole bill for version 2 scenarios. */
  ec2?: { lineItems: LineItem[]; monthlyCost: Decimal | null; wholeBill?: Ec2WholeBill };
}

/** Columns that hold numbers: a real number there (a negative discount included) is written as is. */
const NUMERIC_COLUMNS = new Set<number>([2, 4, 5]);
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

/**
 * One row per line item and a total row for Fargate and for EC2. RFC 4180 quoting (CRLF, quotes doubled);
 * every cell goes through neutralizeCell. Version 2 estimates add the services rows ("Services") and compute /
 * services / whole-bill totals; a version 1 estimate gives exactly the rows it always did.
 */
export function estimateToCsv({ fargate, ec2 }: CsvInput): string {
  const rows: string[][] = [];
  const item = (who: string, li: LineItem) => rows.push([who, li.name, formatQuantity(li.quantity), li.unit, li.unitPrice, centsString(li.monthlyCost)]);
  const whole = hasWholeBill(fargate);
  for (const w of fargate.workloads) for (const li of w.lineItems) item(w.name, li);
  if (whole) {
    for (const li of fargate.services.lineItems) item("Services", li);
    rows.push(["Total", "Fargate compute", "", "", "", centsString(fargate.totals.computeMonthlyCost)]);
    rows.push(["Total", "Beside compute (public IPv4, logs, services)", "", "", "", centsString(fargate.totals.servicesMonthlyCost)]);
  }
  rows.push(["Total", "Fargate total", "", "", "", centsString(fargate.totals.monthlyCost)]);
  if (ec2) {
    for (const li of ec2.lineItems) item("EC2 cluster", li);
    const wb = whole ? ec2.wholeBill : undefined;
    if (wb && ec2.monthlyCost !== null) {
      for (const li of wb.lineItems) item("EC2 cluster", li);
      if (fargate.services.lineItems.length) rows.push(["EC2 cluster", "Services (the same as on Fargate)", "", "", "", centsString(fargate.services.monthlyCost)]);
    }
    const total = ec2.monthlyCost === null ? "not available" : centsString(wb?.monthlyCost ?? ec2.monthlyCost);
    rows.push(["Total", "EC2 total", "", "", "", total]);
  }
  const data = rows.map((row) => row.map((cell, i) => neutralizeCell(cell, NUMERIC_COLUMNS.has(i))));
  return Papa.unparse({ fields: [...CSV_HEADER], data }, { escapeFormulae: false, newline: "\r\n", quotes: false }) + "\r\n";
}

/** A safe file name from a scenario name: "<name>.csv". */
export function csvFileName(scenarioName: string): string {
  const base = scenarioName.normalize("NFKD").replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return `${base || "scenario"}.csv`;
}
