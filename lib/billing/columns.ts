/**
 * The three bill formats and the columns a reconciliation reads from each, matched by name in any order
 * (real exports carry many more columns). Mapping: docs/pricing-rules.md#reading-a-bill; AWS CUR 2.0 table
 * dictionary and the legacy CUR data dictionary.
 */
import { fail, ok, type Result } from "@/lib/core";

export type BillFormat = "focus" | "cur2" | "cur";

export type Field =
  | "usageType"
  | "lineItemType"
  | "productCode"
  | "quantity"
  | "quantityAlt"
  | "unit"
  | "cost"
  | "listCost"
  | "spEffectiveCost"
  | "resourceId"
  | "region"
  | "regionAlt"
  | "start"
  | "end"
  | "periodStart"
  | "periodEnd"
  | "description"
  | "sku"
  | "tags"
  | "commitmentType"
  | "commitmentStatus"
  | "serviceCode"
  | "invoiceId"
  | "skuMeter"
  | "effectiveCost"
  | "chargeFrequency"
  | "spTotalCommitment"
  // Split cost allocation data (CUR 2.0 INCLUDE_SPLIT_COST_ALLOCATION_DATA; legacy CUR splitLineItem/*): read by ./split-rightsizing.ts only.
  | "splitReservedUsage"
  | "splitActualUsage"
  | "splitUsage"
  | "splitCost"
  | "splitUnusedCost"
  | "splitOnDemandCost"
  | "splitParentResourceId";

interface FieldSpec {
  column: string;
  required: boolean;
}

const req = (column: string): FieldSpec => ({ column, required: true });
const opt = (column: string): FieldSpec => ({ column, required: false });

export const FORMAT_COLUMNS: Record<BillFormat, Partial<Record<Field, FieldSpec>>> = {
  // CUR rows carry their usage type, so their description and SKU (FOCUS's fallbacks) are not read.
  cur2: {
    usageType: req("line_item_usage_type"),
    lineItemType: req("line_item_line_item_type"),
    productCode: req("line_item_product_code"),
    quantity: req("line_item_usage_amount"),
    unit: opt("pricing_unit"),
    cost: req("line_item_unblended_cost"),
    listCost: req("pricing_public_on_demand_cost"),
    spEffectiveCost: opt("savings_plan_savings_plan_effective_cost"),
    spTotalCommitment: opt("savings_plan_total_commitment_to_date"),
    resourceId: opt("line_item_resource_id"),
    region: opt("product_region_code"),
    regionAlt: opt("product_region"),
    start: opt("line_item_usage_start_date"),
    end: opt("line_item_usage_end_date"),
    periodStart: opt("bill_billing_period_start_date"),
    periodEnd: opt("bill_billing_period_end_date"),
    tags: opt("resource_tags"),
    // Empty until the month's invoice is issued: a bill with it covers its whole billing period (./period.ts).
    invoiceId: opt("bill_invoice_id"),
    splitReservedUsage: opt("split_line_item_reserved_usage"),
    splitActualUsage: opt("split_line_item_actual_usage"),
    splitUsage: opt("split_line_item_split_usage"),
    splitCost: opt("split_line_item_split_cost"),
    splitUnusedCost: opt("split_line_item_unused_cost"),
    splitOnDemandCost: opt("split_line_item_public_on_demand_split_cost"),
    splitParentResourceId: opt("split_line_item_parent_resource_id"),
  },
  cur: {
    usageType: req("lineItem/UsageType"),
    lineItemType: req("lineItem/LineItemType"),
    productCode: req("lineItem/ProductCode"),
    quantity: req("lineItem/UsageAmount"),
    unit: opt("pricing/unit"),
    cost: req("lineItem/UnblendedCost"),
    listCost: req("pricing/publicOnDemandCost"),
    spEffectiveCost: opt("savingsPlan/SavingsPlanEffectiveCost"),
    spTotalCommitment: opt("savingsPlan/TotalCommitmentToDate"),
    resourceId: opt("lineItem/ResourceId"),
    region: opt("product/regionCode"),
    regionAlt: opt("product/region"),
    start: opt("lineItem/UsageStartDate"),
    end: opt("lineItem/UsageEndDate"),
    periodStart: opt("bill/BillingPeriodStartDate"),
    periodEnd: opt("bill/BillingPeriodEndDate"),
    invoiceId: opt("bill/InvoiceId"),
    splitReservedUsage: opt("splitLineItem/ReservedUsage"),
    splitActualUsage: opt("splitLineItem/ActualUsage"),
    splitUsage: opt("splitLineItem/SplitUsage"),
    splitCost: opt("splitLineItem/SplitCost"),
    splitUnusedCost: opt("splitLineItem/UnusedCost"),
    splitOnDemandCost: opt("splitLineItem/PublicOnDemandSplitCost"),
    splitParentResourceId: opt("splitLineItem/ParentResourceId"),
  },
  focus: {
    cost: req("BilledCost"),
    listCost: req("ListCost"),
    lineItemType: req("ChargeCategory"),
    productCode: req("ServiceName"),
    region: req("RegionId"),
    description: req("ChargeDescription"),
    quantity: opt("ConsumedQuantity"),
    quantityAlt: opt("PricingQuantity"),
    unit: opt("ConsumedUnit"),
    sku: opt("SkuId"),
    resourceId: opt("ResourceId"),
    start: opt("ChargePeriodStart"),
    end: opt("ChargePeriodEnd"),
    periodStart: opt("BillingPeriodStart"),
    periodEnd: opt("BillingPeriodEnd"),
    tags: opt("Tags"),
    commitmentType: opt("CommitmentDiscountType"),
    commitmentStatus: opt("CommitmentDiscountStatus"),
    // AWS's FOCUS export adds provider columns; used when present.
    usageType: opt("x_UsageType"),
    serviceCode: opt("x_ServiceCode"),
    // FOCUS 1.2: the usage type (x_UsageType of FOCUS 1.0 became SkuMeter), the invoice, the amortised cost (also what
    // covered usage used of a commitment, for Savings Plan sizing: lib/billing/savings-plan.ts).
    skuMeter: opt("SkuMeter"),
    invoiceId: opt("InvoiceId"),
    effectiveCost: opt("EffectiveCost"),
    chargeFrequency: opt("ChargeFrequency"),
  },
};

/** A column's position per field (-1: absent), plus legacy CUR's one-column-per-tag service-name columns. */
export interface ColumnMap {
  format: BillFormat;
  index: Record<Field, number>;
  serviceTagColumns: number[];
  /** Legacy CUR's cluster-name tag columns (resourceTags/aws:ecs:clusterName, ...), for attribution. */
  clusterTagColumns?: number[];
}

/** Bad input, thrown inside the streaming reader with the one sentence (naming the file) the user sees. */
export class BillError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BillError";
  }
}

const isBillError = (e: unknown): e is BillError => e instanceof Error && e.name === "BillError";

/**
 * A bill read as a Result, for the CLI and the Web Worker: a BillError becomes the failure (its sentence as the
 * message); anything else is a bug, not bad input, and is thrown on.
 */
export async function billResult<T>(reading: Promise<T>): Promise<Result<T>> {
  try {
    return ok(await reading);
  } catch (e) {
    if (isBillError(e)) return fail({ message: e.message });
    throw e;
  }
}

const clean = (name: string) => name.replace(/^\uFEFF/, "").trim();

/** Which format a header is, from its key columns; undefined when it is none of the three. */
export function detectFormat(header: readonly string[]): BillFormat | undefined {
  const names = new Set(header.map(clean));
  if (names.has("line_item_usage_type") || names.has("line_item_line_item_type")) return "cur2";
  if (names.has("lineItem/UsageType") || names.has("lineItem/LineItemType")) return "cur";
  if (names.has("BilledCost") || names.has("ChargeCategory")) return "focus";
  return undefined;
}

export const FORMAT_NAMES: Record<BillFormat, string> = { focus: "FOCUS", cur2: "CUR 2.0", cur: "legacy CUR" };

/**
 * Header -> column map. Throws BillError naming the file and the first missing column, so nothing is half-read.
 * Matching is by exact name (after a byte-order mark and spaces); extra columns are ignored.
 */
export function mapHeader(header: readonly string[], fileName: string): ColumnMap {
  const format = detectFormat(header);
  if (!format) {
    throw new BillError(
      `${fileName} is not a bill export: its header has none of line_item_usage_type (CUR 2.0), lineItem/UsageType (legacy CUR) or BilledCost (FOCUS); export a FOCUS or Cost and Usage Report from AWS Data Exports.`,
    );
  }
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const name = clean(h);
    if (!positions.has(name)) positions.set(name, i);
  });
  const index = {} as Record<Field, number>;
  const spec = FORMAT_COLUMNS[format];
  for (const [field, s] of Object.entries(spec) as [Field, FieldSpec][]) {
    const at = positions.get(s.column);
    if (at === undefined && s.required) {
      throw new BillError(
        `${fileName} looks like a ${FORMAT_NAMES[format]} export but has no ${s.column} column, which the reconciliation needs: export it again with that column included.`,
      );
    }
    index[field] = at ?? -1;
  }
  for (const f of [
    "usageType",
    "lineItemType",
    "productCode",
    "quantity",
    "quantityAlt",
    "unit",
    "cost",
    "listCost",
    "spEffectiveCost",
    "resourceId",
    "region",
    "regionAlt",
    "start",
    "end",
    "periodStart",
    "periodEnd",
    "description",
    "sku",
    "tags",
    "commitmentType",
    "commitmentStatus",
    "serviceCode",
    "invoiceId",
    "skuMeter",
    "effectiveCost",
    "chargeFrequency",
    "spTotalCommitment",
    "splitReservedUsage",
    "splitActualUsage",
    "splitUsage",
    "splitCost",
    "splitUnusedCost",
    "splitOnDemandCost",
    "splitParentResourceId",
  ] as Field[]) {
    if (!Object.hasOwn(index, f)) index[f] = -1;
  }
  if (format === "focus" && index.quantity < 0 && index.quantityAlt < 0) {
    throw new BillError(
      `${fileName} looks like a FOCUS export but has neither ConsumedQuantity nor PricingQuantity, which the reconciliation needs for usage quantities.`,
    );
  }
  if (format !== "focus" && index.region < 0 && index.regionAlt < 0) {
    const col = format === "cur2" ? "product_region_code" : "product/regionCode";
    throw new BillError(
      `${fileName} looks like a ${FORMAT_NAMES[format]} export but has no ${col} column, which the reconciliation needs to tell regions apart.`,
    );
  }
  // Legacy CUR has one column per activated cost-allocation tag: resourceTags/aws:ecs:serviceName.
  const serviceTagColumns: number[] = [];
  header.forEach((h, i) => {
    if (/^resourceTags\/(aws|user):ecs:serviceName$/i.test(clean(h))) serviceTagColumns.push(i);
  });
  const clusterTagColumns: number[] = [];
  header.forEach((h, i) => {
    if (CLUSTER_TAG_COLUMN.test(clean(h))) clusterTagColumns.push(i);
  });
  return { format, index, serviceTagColumns, clusterTagColumns };
}

/** Legacy CUR cluster-name tag columns (./attribution.ts). */
const CLUSTER_TAG_COLUMN = /^resourceTags\/(aws|user):(ecs:clusterName|eks:cluster-name)$/i;

/**
 * The header positions a row's values are read at: every mapped field (FORMAT_COLUMNS, so a field added there is read)
 * and every list of positions the map carries (legacy CUR's service-tag columns, and any list added to ColumnMap
 * later). The CSV reader turns only these fields into strings: a row is read only through its ColumnMap.
 */
export function neededIndexes(map: ColumnMap): number[] {
  const at = new Set<number>();
  for (const i of Object.values(map.index)) if (i >= 0) at.add(i);
  for (const list of Object.values(map)) {
    if (Array.isArray(list)) for (const i of list) if (Number.isInteger(i) && i >= 0) at.add(i as number);
  }
  return [...at].sort((a, b) => a - b);
}

/** Columns worth reading from a columnar file (Parquet): every known column of the format (the same as neededIndexes). */
export function columnsToRead(format: BillFormat, header: readonly string[]): string[] {
  const wanted = new Set(Object.values(FORMAT_COLUMNS[format]).map((s) => s!.column));
  return header.filter((h) => wanted.has(clean(h)) || /^resourceTags\/(aws|user):ecs:serviceName$/i.test(clean(h)) || CLUSTER_TAG_COLUMN.test(clean(h)));
}
