import type { ExtrasCatalog, ExtrasItem, ExtrasRegion, Rate } from "@/lib/catalog";
import { dec, fail, ok } from "@/lib/core";
import { onDemandRate, type CatalogRefresh, type PriceListItem } from "./pricing-map";

/**
 * Maps Price List items of the "whole bill" services to our extras snapshot, by SKU. Pure (no SDK): the adapter in
 * ./extras-pricing.ts fetches, this module matches and merges. The snapshot names the SKU of every rate (copied from
 * AWS's pricing-page feeds), so a refresh reads that SKU's OnDemand price in the Price List; it never guesses which
 * product a rate is. Internet egress tiers carry no SKU in our data (lib/catalog/data/extras.json) and are kept as they are.
 */

/** The Price List service of each refreshable item (NAT gateways are in AmazonEC2). */
export const EXTRAS_SERVICE_CODES = {
  "public-ipv4": "AmazonVPC",
  "nat-gateway": "AmazonEC2",
  "load-balancer": "AWSELB",
  "cloudwatch-logs": "AmazonCloudWatch",
  efs: "AmazonEFS",
  eks: "AmazonEKS",
  ecr: "AmazonECR",
  "inter-az": "AWSDataTransfer",
} as const satisfies Partial<Record<ExtrasItem, string>>;
export type RefreshableItem = keyof typeof EXTRAS_SERVICE_CODES;
export const REFRESHABLE_ITEMS = Object.keys(EXTRAS_SERVICE_CODES) as RefreshableItem[];

/** The block of a region that holds each item's rates. */
const BLOCK: Record<RefreshableItem, keyof Omit<ExtrasRegion, "name" | "internetEgress">> = {
  "public-ipv4": "publicIpv4",
  "nat-gateway": "natGateway",
  "load-balancer": "loadBalancer",
  "cloudwatch-logs": "logs",
  efs: "efs",
  eks: "eks",
  ecr: "ecr",
  "inter-az": "interAz",
};

/** SKU -> OnDemand USD rate, from one GetProducts query (one service, one region). */
export interface SkuRates {
  rates: Record<string, string>;
  problems: string[];
}

export function mapSkuRates(items: PriceListItem[]): SkuRates {
  const rates: Record<string, string> = {};
  const problems: string[] = [];
  for (const item of items) {
    const r = onDemandRate(item);
    // Tiered products (custom metrics, endpoint tiers) are not in our snapshot: note them, do not fail.
    if (!r.ok) problems.push(r.error);
    else if (!Object.hasOwn(rates, item.product.sku)) rates[item.product.sku] = r.value.usd;
  }
  return { rates, problems };
}

/** Fresh rates: item -> region -> SKU -> USD. */
export type FreshExtras = Partial<Record<RefreshableItem, Record<string, Record<string, string>>>>;

export type ExtrasMerge = CatalogRefresh<ExtrasCatalog>;

/** The regions and items of the snapshot that have rates to refresh. */
export function refreshTargets(current: ExtrasCatalog): { item: RefreshableItem; region: string }[] {
  const out: { item: RefreshableItem; region: string }[] = [];
  for (const [region, r] of Object.entries(current.regions)) for (const item of REFRESHABLE_ITEMS) if (r[BLOCK[item]]) out.push({ item, region });
  return out;
}

const isRate = (v: unknown): v is Rate => typeof v === "object" && v !== null && typeof (v as Rate).usd === "string";

/**
 * The current snapshot with every SKU-identified rate replaced by its Price List price. Refuses (nothing changes)
 * when the Price List lacks a rate the snapshot has, like the Fargate refresh. Items refreshed get the Price List as
 * their source, dated today; a change of more than 50% is warned; egress tiers (no SKU) are kept and said so.
 */
export function mergeExtrasRefresh(current: ExtrasCatalog, fresh: FreshExtras, options: { today: string }): ExtrasMerge {
  const problems: string[] = [];
  const changes: string[] = [];
  const warnings: string[] = [];
  const regions: ExtrasCatalog["regions"] = {};
  for (const [code, region] of Object.entries(current.regions)) {
    const next: ExtrasRegion = { ...region };
    for (const item of REFRESHABLE_ITEMS) {
      const key = BLOCK[item];
      const block = region[key] as Record<string, unknown> | undefined;
      if (!block) continue;
      const byRegion = fresh[item];
      const skus = byRegion && Object.hasOwn(byRegion, code) ? byRegion[code]! : undefined;
      if (!skus) {
        problems.push(`${code}: no ${item} prices from the Price List`);
        continue;
      }
      const updated: Record<string, unknown> = {};
      for (const [field, rate] of Object.entries(block)) {
        if (!isRate(rate) || !rate.sku) {
          updated[field] = rate;
          continue;
        }
        const usd = Object.hasOwn(skus, rate.sku) ? skus[rate.sku] : undefined;
        if (usd === undefined) {
          problems.push(`${code} ${item} ${field}: SKU ${rate.sku} is not in the Price List`);
          updated[field] = rate;
          continue;
        }
        if (usd !== rate.usd) {
          changes.push(`${code} ${item} ${field}: ${rate.usd} -> ${usd}`);
          if (dec(rate.usd).gt(0)) {
            const ratio = dec(usd).div(rate.usd);
            if (ratio.gt(1.5) || ratio.lt(0.5)) warnings.push(`${code} ${item} ${field} changed by more than 50% (${rate.usd} -> ${usd}): check it`);
          }
        }
        updated[field] = { ...rate, usd };
      }
      (next as Record<string, unknown>)[key] = updated;
    }
    regions[code] = next;
  }
  if (problems.length) return fail(problems);
  warnings.push(`Internet egress tiers have no SKU in our data: kept from ${current.provenance["internet-egress"].publishedAt} (npm run catalog:extras).`);
  const provenance = { ...current.provenance };
  for (const item of REFRESHABLE_ITEMS) {
    provenance[item] = {
      source: `AWS Price List API (${EXTRAS_SERVICE_CODES[item]})`,
      publishedAt: options.today,
      ...(current.provenance[item].url ? { url: current.provenance[item].url } : {}),
      estimate: false,
      ...(current.provenance[item].note ? { note: current.provenance[item].note } : {}),
    };
  }
  return ok({
    catalog: { ...current, generatedFrom: `${current.generatedFrom}; SKU rates refreshed from the AWS Price List API ${options.today}`, provenance, regions },
    changes,
    warnings,
  });
}
