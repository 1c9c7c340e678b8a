import Papa from "papaparse";
import { centsString, formatQuantity } from "@/lib/format";
import type { Decimal } from "@/lib/pricing/money";
import type { FargateEstimate, LineItem } from "@/lib/pricing/types";

export const CSV_HEADER = ["Workload", "Component", "Quantity", "Unit", "Unit price (USD)", "Monthly cost (USD)"] as const;

export interface CsvInput {
  fargate: FargateEstimate;
  /** EC2 line items and total, when the estimate has them. */
  ec2?: { lineItems: LineItem[]; monthlyCost: Decimal | null };
}

/**
 * One row per line item and a total row for Fargate and for EC2. RFC 4180 quoting (CRLF, quotes doubled);
 * cells starting with = + - @ tab or CR are prefixed with ' so spreadsheets never run them as formulas.
 */
export function estimateToCsv({ fargate, ec2 }: CsvInput): string {
  const rows: string[][] = [];
  for (const w of fargate.workloads) {
    for (const li of w.lineItems) rows.push([w.name, li.name, formatQuantity(li.quantity), li.unit, li.unitPrice, centsString(li.monthlyCost)]);
  }
  rows.push(["Total", "Fargate total", "", "", "", centsString(fargate.totals.monthlyCost)]);
  if (ec2) {
    for (const li of ec2.lineItems) rows.push(["EC2 cluster", li.name, formatQuantity(li.quantity), li.unit, li.unitPrice, centsString(li.monthlyCost)]);
    rows.push(["Total", "EC2 total", "", "", "", ec2.monthlyCost === null ? "not available" : centsString(ec2.monthlyCost)]);
  }
  return Papa.unparse({ fields: [...CSV_HEADER], data: rows }, { escapeFormulae: true, newline: "\r\n", quotes: false }) + "\r\n";
}

/** A safe file name from a scenario name: "<name>.csv". */
export function csvFileName(scenarioName: string): string {
  const base = scenarioName.normalize("NFKD").replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return `${base || "scenario"}.csv`;
}
