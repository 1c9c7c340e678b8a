/** The AWS Price List API (GetProducts): PriceList JSON strings -> validated items, and an item's on-demand rate. */
import { z } from "zod";
import type { Rate } from "@/lib/catalog";
import { dec, toPlain, fail, ok, type Result } from "@/lib/core";

const PriceDimension = z.object({
  unit: z.string().optional(),
  description: z.string().optional(),
  beginRange: z.string().optional(),
  endRange: z.string().optional(),
  pricePerUnit: z.record(z.string(), z.string()),
});
const Term = z.object({
  sku: z.string().optional(),
  effectiveDate: z.string().optional(),
  offerTermCode: z.string().optional(),
  priceDimensions: z.record(z.string(), PriceDimension),
  termAttributes: z.record(z.string(), z.string()).optional(),
});
export const PriceListItem = z.object({
  product: z.object({
    sku: z.string().min(1),
    productFamily: z.string().optional(),
    attributes: z.record(z.string(), z.string()),
  }),
  serviceCode: z.string().optional(),
  terms: z.object({
    OnDemand: z.record(z.string(), Term).optional(),
    Reserved: z.record(z.string(), Term).optional(),
  }),
  version: z.string().optional(),
  publicationDate: z.string().optional(),
});
export type PriceListItem = z.infer<typeof PriceListItem>;

export interface ParsedPriceList {
  items: PriceListItem[];
  /** Entries that were not JSON or not a price list item (counted, described once each). */
  problems: string[];
}

/** `GetProductsCommandOutput.PriceList` is loosely typed: strings (JSON) or, via lazy JSON, objects. */
export function parsePriceList(priceList: unknown): ParsedPriceList {
  const items: PriceListItem[] = [];
  const problems: string[] = [];
  if (priceList === undefined || priceList === null) return { items, problems };
  if (!Array.isArray(priceList)) return { items, problems: ["PriceList is not a list"] };
  priceList.forEach((entry, i) => {
    let value: unknown = entry;
    if (typeof entry === "string") {
      try {
        value = JSON.parse(entry);
      } catch {
        problems.push(`PriceList[${i}] is not valid JSON`);
        return;
      }
    } else if (entry !== null && typeof entry === "object" && typeof (entry as { toString?: unknown }).toString === "function" && !("product" in entry)) {
      try {
        value = JSON.parse(String(entry));
      } catch {
        problems.push(`PriceList[${i}] is not valid JSON`);
        return;
      }
    }
    const parsed = PriceListItem.safeParse(value);
    if (parsed.success) items.push(parsed.data);
    else problems.push(`PriceList[${i}] is not a price list item (${parsed.error.issues[0]?.path.join(".") || "root"}: ${parsed.error.issues[0]?.message})`);
  });
  return { items, problems };
}

/** "0.0404800000" -> "0.04048"; undefined when not a non-negative decimal. */
export function normaliseUsd(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  return toPlain(dec(value.trim()));
}

/**
 * A refreshed snapshot: the new catalog, the changes made (for the log and the diff) and what looks suspicious; or
 * the problems that stopped the refresh (the snapshot is then left as it is).
 */
export type CatalogRefresh<C> = Result<{ catalog: C; changes: string[]; warnings: string[] }, string[]>;

/** The single OnDemand USD rate of an item (the dimension that starts at 0); an error text when there is none or several. */
export function onDemandRate(item: PriceListItem): Result<Rate, string> {
  const terms = Object.values(item.terms.OnDemand ?? {});
  if (terms.length !== 1) return fail(`SKU ${item.product.sku}: ${terms.length} OnDemand terms (expected 1)`);
  const dims = Object.values(terms[0]!.priceDimensions);
  const flat = dims.length === 1 ? dims : dims.filter((d) => (d.beginRange ?? "0") === "0" && (d.endRange ?? "Inf") === "Inf");
  if (flat.length !== 1) return fail(`SKU ${item.product.sku}: tiered or missing OnDemand price (${dims.length} price dimensions)`);
  const usd = normaliseUsd(flat[0]!.pricePerUnit.USD);
  if (usd === undefined) return fail(`SKU ${item.product.sku}: OnDemand price ${JSON.stringify(flat[0]!.pricePerUnit.USD ?? null)} is not a USD decimal`);
  return ok({ usd, sku: item.product.sku });
}
