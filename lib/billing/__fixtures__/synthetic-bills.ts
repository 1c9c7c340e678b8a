/**
 * Small synthetic bills for the period and format tests (lib/billing/period.test.ts): one list of charges written as
 * CUR 2.0, legacy CUR or FOCUS 1.2 CSV the way AWS writes each (a Savings Plan covered hour is a covered row plus its
 * negation in CUR, one Usage row with BilledCost 0 and its EffectiveCost in FOCUS). Amounts are exact decimals.
 */
import { parquetWriteBuffer } from "hyparquet-writer";
import Papa from "papaparse";
import { dec } from "@/lib/core";

export interface Charge {
  kind: "usage" | "covered" | "spFee" | "tax";
  /** ISO start and length in hours (1 hourly, 24 daily). */
  start: string;
  hours: number;
  product: "AmazonECS" | "AmazonEKS" | "AmazonRoute53" | "ComputeSavingsPlans" | "AmazonECS-tax";
  /** With region prefix, as CUR writes it ("USE1-Fargate-vCPU-Hours:perCPU"). */
  usageType: string;
  quantity: string;
  /** On-demand rate; the fee's hourly commitment for spFee; the amount for tax. */
  rate: string;
  /** Savings Plan rate of covered usage. */
  spRate?: string;
  /** Of an spFee hour: the commitment no usage used. */
  unused?: string;
  resourceId?: string;
  service?: string;
}

export interface BillShape {
  periodStart: string;
  periodEnd: string;
  invoiceId?: string;
  region?: string;
}

const FOCUS_SERVICE: Record<Charge["product"], string> = {
  AmazonECS: "Amazon Elastic Container Service",
  AmazonEKS: "Amazon Elastic Kubernetes Service",
  AmazonRoute53: "Amazon Route 53",
  ComputeSavingsPlans: "Savings Plans for AWS Compute usage",
  "AmazonECS-tax": "Amazon Elastic Container Service",
};

const endOf = (c: Charge) => new Date(Date.parse(c.start) + c.hours * 3_600_000).toISOString().replace(".000Z", "Z");
const times = (a: string, b: string) => dec(a).times(b).toString();
const neg = (a: string) => dec(a).neg().toString();
const SP_ARN = "arn:aws:savingsplans::111122223333:savingsplan/5f607182-9304-1526-37e8-f90a1b2c3d4e";
const csv = (rows: string[][]) => Papa.unparse(rows, { newline: "\n" }) + "\n";

/** A CUR 2.0 CSV: Usage rows, SavingsPlanCoveredUsage + SavingsPlanNegation pairs, SavingsPlanRecurringFee and Tax rows. */
export function cur2Csv(shape: BillShape, charges: Charge[]): string {
  const header = [
    "bill_billing_period_start_date",
    "bill_billing_period_end_date",
    "bill_invoice_id",
    "line_item_line_item_type",
    "line_item_usage_start_date",
    "line_item_usage_end_date",
    "line_item_product_code",
    "line_item_usage_type",
    "line_item_resource_id",
    "line_item_usage_amount",
    "line_item_unblended_cost",
    "line_item_line_item_description",
    "product_region_code",
    "pricing_unit",
    "pricing_public_on_demand_cost",
    "savings_plan_savings_plan_arn",
    "savings_plan_savings_plan_effective_cost",
    "savings_plan_total_commitment_to_date",
    "savings_plan_used_commitment",
    "resource_tags",
  ];
  const region = shape.region ?? "us-east-1";
  const rows: string[][] = [header];
  const row = (c: Charge, type: string, unblended: string, list: string, sp = "", arn = "", commitment = ["", ""]) =>
    rows.push([
      shape.periodStart,
      shape.periodEnd,
      shape.invoiceId ?? "",
      type,
      type === "Tax" ? shape.periodStart : c.start,
      type === "Tax" ? shape.periodEnd : endOf(c),
      c.product === "AmazonECS-tax" ? "AmazonECS" : c.product,
      c.usageType,
      c.resourceId ?? "",
      c.quantity,
      unblended,
      "USD per hour",
      region,
      "Hrs",
      list,
      arn,
      sp,
      ...commitment,
      c.service ? JSON.stringify({ aws_ecs_serviceName: c.service }) : "{}",
    ]);
  for (const c of charges) {
    const od = times(c.quantity, c.rate);
    if (c.kind === "usage") row(c, "Usage", od, od);
    else if (c.kind === "covered") {
      row(c, "SavingsPlanCoveredUsage", od, od, times(c.quantity, c.spRate!), SP_ARN);
      row(c, "SavingsPlanNegation", neg(od), "0", "", SP_ARN);
    } else if (c.kind === "spFee") {
      const used = dec(c.rate).minus(c.unused ?? "0").toString();
      row(c, "SavingsPlanRecurringFee", c.rate, "", "", SP_ARN, [c.rate, used]);
    } else row(c, "Tax", c.rate, "");
  }
  return csv(rows);
}

/** A legacy CUR CSV (slash columns), Usage rows only. */
export function legacyCurCsv(shape: BillShape, charges: Charge[]): string {
  const header = [
    "bill/BillingPeriodStartDate",
    "bill/BillingPeriodEndDate",
    "lineItem/LineItemType",
    "lineItem/UsageStartDate",
    "lineItem/UsageEndDate",
    "lineItem/ProductCode",
    "lineItem/UsageType",
    "lineItem/ResourceId",
    "lineItem/UsageAmount",
    "lineItem/UnblendedCost",
    "pricing/publicOnDemandCost",
    "product/regionCode",
    "resourceTags/aws:ecs:serviceName",
  ];
  const rows = [header];
  for (const c of charges) {
    if (c.kind !== "usage") throw new Error("legacyCurCsv writes Usage rows only");
    const od = times(c.quantity, c.rate);
    rows.push([shape.periodStart, shape.periodEnd, "Usage", c.start, endOf(c), c.product, c.usageType, c.resourceId ?? "", c.quantity, od, od, shape.region ?? "us-east-1", c.service ?? ""]);
  }
  return csv(rows);
}

/**
 * A FOCUS 1.2 CSV as AWS's "FOCUS 1.2 with AWS columns" writes it: the usage type in SkuMeter (usageTypeColumn can
 * name x_UsageType for FOCUS 1.0, or null for none), a SKU the snapshot does not know and a generic description, so
 * only the usage-type column says the row is Fargate.
 */
export function focus12Csv(shape: BillShape, charges: Charge[], usageTypeColumn: "SkuMeter" | "x_UsageType" | null = "SkuMeter"): string {
  const header = [
    "BillingPeriodStart",
    "BillingPeriodEnd",
    "InvoiceId",
    "ChargeCategory",
    "ChargeFrequency",
    "ChargePeriodStart",
    "ChargePeriodEnd",
    "ServiceName",
    "x_ServiceCode",
    ...(usageTypeColumn ? [usageTypeColumn] : []),
    "SkuId",
    "ResourceId",
    "ConsumedQuantity",
    "ConsumedUnit",
    "BilledCost",
    "EffectiveCost",
    "ListCost",
    "PricingCategory",
    "CommitmentDiscountId",
    "CommitmentDiscountType",
    "CommitmentDiscountStatus",
    "ChargeDescription",
    "RegionId",
    "Tags",
  ];
  const region = shape.region ?? "us-east-1";
  const rows = [header];
  const row = (c: Charge, o: { category: string; billed: string; effective: string; list: string; pricing: string; status?: string; quantity?: string }) =>
    rows.push([
      shape.periodStart,
      shape.periodEnd,
      shape.invoiceId ?? "",
      o.category,
      o.category === "Purchase" ? "Recurring" : "Usage-Based",
      c.kind === "tax" ? shape.periodStart : c.start,
      c.kind === "tax" ? shape.periodEnd : endOf(c),
      FOCUS_SERVICE[c.product],
      c.product === "AmazonECS-tax" ? "AmazonECS" : c.product,
      ...(usageTypeColumn ? [c.usageType] : []),
      "ZZZZUNKNOWNSKU00",
      c.resourceId ?? "",
      o.quantity ?? c.quantity,
      "Hours",
      o.billed,
      o.effective,
      o.list,
      o.pricing,
      o.status ? SP_ARN : "",
      o.status ? "Savings Plan" : "",
      o.status ?? "",
      "USD per hour",
      region,
      c.service ? JSON.stringify({ "aws:ecs:serviceName": c.service }) : "{}",
    ]);
  for (const c of charges) {
    const od = times(c.quantity, c.rate);
    if (c.kind === "usage") row(c, { category: "Usage", billed: od, effective: od, list: od, pricing: "Standard" });
    else if (c.kind === "covered")
      row(c, { category: "Usage", billed: "0", effective: times(c.quantity, c.spRate!), list: od, pricing: "Committed", status: "Used" });
    else if (c.kind === "spFee") {
      row(c, { category: "Purchase", billed: c.rate, effective: "0", list: c.rate, pricing: "Standard", status: "Purchase" });
      if (c.unused) row(c, { category: "Usage", billed: "0", effective: c.unused, list: "0", pricing: "Committed", status: "Unused", quantity: "" });
    } else row(c, { category: "Tax", billed: c.rate, effective: c.rate, list: "0", pricing: "Standard" });
  }
  return csv(rows);
}

/** One always-on task's hourly (or daily, hours = 24) Fargate rows: vCPU and memory per period, from `start` for `count` periods. */
export function taskRows(o: {
  start: string;
  count: number;
  hours?: number;
  vcpu: string;
  memoryGB: string;
  prefix?: string;
  kind?: (i: number) => Charge["kind"];
  resourceId?: string;
  service?: string;
}): Charge[] {
  const hours = o.hours ?? 1;
  const prefix = o.prefix ?? "USE1";
  const out: Charge[] = [];
  for (let i = 0; i < o.count; i++) {
    const start = new Date(Date.parse(o.start) + i * hours * 3_600_000).toISOString().replace(".000Z", "Z");
    const kind = o.kind?.(i) ?? "usage";
    const common = {
      kind,
      start,
      hours,
      product: "AmazonECS" as const,
      resourceId: o.resourceId ?? "arn:aws:ecs:us-east-1:111122223333:task/shop/0a1b2c3d4e5f40718293a4b5c6d7e8f9",
      service: o.service ?? "api",
    };
    out.push({ ...common, usageType: `${prefix}-Fargate-vCPU-Hours:perCPU`, quantity: dec(o.vcpu).times(hours).toString(), rate: "0.04048", spRate: "0.032384" });
    out.push({ ...common, usageType: `${prefix}-Fargate-GB-Hours`, quantity: dec(o.memoryGB).times(hours).toString(), rate: "0.004445", spRate: "0.003556" });
  }
  return out;
}

/** A CSV written above as Parquet, typed as AWS Data Exports type it: costs and quantities DOUBLE, dates TIMESTAMP. */
export function csvToParquet(text: string): Uint8Array {
  const [header, ...rows] = Papa.parse<string[]>(text.trim()).data as [string[], ...string[][]];
  const isDate = (name: string) => /(start|end)_date$|Period(Start|End)$/.test(name);
  const isNumber = (name: string) => /(cost|amount|commitment|Cost|Quantity)$/.test(name) && !/_arn$/.test(name);
  const columnData = header.map((name, c) => {
    const values = rows.map((r) => r[c] ?? "");
    if (isDate(name)) return { name, type: "TIMESTAMP" as const, data: values.map((v) => (v === "" ? null : new Date(v))) };
    if (isNumber(name)) return { name, type: "DOUBLE" as const, data: values.map((v) => (v === "" ? null : Number(v))) };
    return { name, type: "STRING" as const, data: values.map((v) => (v === "" ? null : v)) };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}
