import type { ExtrasCatalog, ExtrasRegion } from "@/lib/catalog";
import { onDemandRate, type PriceListItem } from "./price-list";

/**
 * Confirms the instance types of the ECS Managed Instances fee table by SKU. Pure (no SDK): the adapter in
 * ./extras-pricing.ts fetches AmazonECS products of a region, this module reads which EC2 instance type each SKU names
 * and merges that into the extras snapshot. AWS's pricing-page map (where the fee table comes from) has no instance
 * type per fee row, so every type was inferred (README-extras.md); a Price List product that names one settles it.
 */

/** An EC2 instance type ("m5.large", "c6g.16xlarge", "u-6tb1.metal"); not ECS Anywhere's externalInstanceType "With Free". */
const EC2_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;

/**
 * The EC2 instance type a product names: its `instanceType` attribute, else any other attribute named like
 * "...instanceType" whose value is an EC2 type (the spelling AWS uses for Managed Instances products is not known
 * from real data; ECS Anywhere's `externalInstanceType` = "With Free" is not a type and is ignored).
 */
export function productInstanceType(item: PriceListItem): string | undefined {
  const attrs = item.product.attributes;
  const direct = Object.hasOwn(attrs, "instanceType") ? attrs.instanceType : undefined;
  if (direct !== undefined && EC2_TYPE.test(direct)) return direct;
  for (const [key, value] of Object.entries(attrs)) if (/instance_?type$/i.test(key) && EC2_TYPE.test(value)) return value;
  return undefined;
}

/** SKU -> what the Price List says of it: the instance type (when named) and the OnDemand USD rate (when single). */
export type SkuProducts = Record<string, { instanceType?: string; usd?: string }>;

export function mapSkuProducts(items: PriceListItem[]): SkuProducts {
  const out: SkuProducts = {};
  for (const item of items) {
    if (Object.hasOwn(out, item.product.sku)) continue;
    const type = productInstanceType(item);
    const rate = onDemandRate(item);
    out[item.product.sku] = { ...(type ? { instanceType: type } : {}), ...(rate.ok ? { usd: rate.value.usd } : {}) };
  }
  return out;
}

/** Per region: the products read (SKU -> type/rate), or why the region could not be read (its rows stay inferred). */
export type FreshManagedInstances = Record<string, { ok: true; skus: SkuProducts } | { ok: false; reason: string }>;

export interface ManagedInstancesConfirmation {
  catalog: ExtrasCatalog;
  /** Fee rows whose SKU came back with the type we inferred. */
  confirmed: number;
  /** Fee rows whose SKU came back with another type: moved to AWS's type. */
  corrected: number;
  /** Fee rows left as inferred (SKU not returned, returned without a type, or the region not read); a row that gives
   * way to a corrected one, or a correction that collides with a confirmed row, is dropped and reported in `changes`. */
  inferred: number;
  /** One line per correction, fee change and conflict, for the refresh report. */
  changes: string[];
  /** Regions not read and why (their rows stay inferred). */
  warnings: string[];
}

/**
 * The snapshot with each region's fee rows checked against the Price List products of that region, by SKU:
 * - the SKU names the type we inferred: confirmed (its rate taken from the Price List when it has one);
 * - the SKU names another type: corrected, the row moves to AWS's type (an inferred row already there gives way;
 *   a confirmed one is kept and the conflict reported);
 * - otherwise (SKU absent, no type attribute, region not read): the row stays inferred, unchanged.
 * A twin row ("SKU1/SKU2") is confirmed when either SKU names its type. Confirmed and corrected types are listed in
 * `regions.<code>.ecsManagedInstances.confirmed` with the day; a region with none keeps its block byte-identical.
 */
export function mergeManagedInstancesConfirmation(
  current: ExtrasCatalog,
  fresh: FreshManagedInstances,
  options: { today: string },
): ManagedInstancesConfirmation {
  let confirmed = 0;
  let corrected = 0;
  let inferred = 0;
  const changes: string[] = [];
  const warnings: string[] = [];
  const regions: ExtrasCatalog["regions"] = {};
  for (const [code, region] of Object.entries(current.regions)) {
    const block = region.ecsManagedInstances;
    if (!block) {
      regions[code] = region;
      continue;
    }
    const rows = Object.entries(block.fees);
    const read = Object.hasOwn(fresh, code) ? fresh[code]! : { ok: false as const, reason: "not queried" };
    if (!read.ok) {
      inferred += rows.length;
      warnings.push(`${code}: ECS Managed Instances fee types not confirmed (${read.reason}); its ${rows.length} fees stay inferred.`);
      regions[code] = region;
      continue;
    }
    const fees: Record<string, [string, string]> = {};
    const sure = new Set<string>();
    const moved: [string, [string, string], string][] = [];
    for (const [type, [usd, skuField]] of rows) {
      const named = skuField.split("/").map((sku) => ({ sku, p: Object.hasOwn(read.skus, sku) ? read.skus[sku]! : undefined }));
      const same = named.find((n) => n.p?.instanceType === type);
      const other = named.find((n) => n.p?.instanceType !== undefined && n.p.instanceType !== type);
      if (same) {
        confirmed++;
        const fresh = same.p!.usd;
        if (fresh !== undefined && fresh !== usd) changes.push(`${code} ECS Managed Instances fee ${type}: ${usd} -> ${fresh}`);
        fees[type] = [fresh ?? usd, skuField];
        sure.add(type);
      } else if (other) {
        moved.push([type, [other.p!.usd ?? usd, other.sku], other.p!.instanceType!]);
      } else {
        inferred++;
        fees[type] = [usd, skuField];
      }
    }
    for (const [from, row, to] of moved) {
      if (Object.hasOwn(fees, to) && sure.has(to)) {
        changes.push(
          `${code} ECS Managed Instances fee: SKU ${row[1]} names ${to}, which another SKU already confirms; the row inferred as ${from} is dropped (check it).`,
        );
        continue;
      }
      if (Object.hasOwn(fees, to)) {
        inferred--; // the inferred row of `to` gives way to AWS's word
        changes.push(`${code} ECS Managed Instances fee ${to}: inferred row (SKU ${fees[to]![1]}) replaced by SKU ${row[1]}, which AWS names ${to}`);
      }
      corrected++;
      changes.push(
        `${code} ECS Managed Instances fee: SKU ${row[1]} is ${to}, not ${from} as inferred; corrected to AWS's type (${row[0]} per instance-hour).`,
      );
      fees[to] = row;
      sure.add(to);
    }
    const sorted = Object.fromEntries(Object.entries(fees).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const types = [...sure].filter((t) => Object.hasOwn(sorted, t)).sort();
    const next: NonNullable<ExtrasRegion["ecsManagedInstances"]> = { fees: sorted, ...(types.length ? { confirmed: { on: options.today, types } } : {}) };
    regions[code] = types.length ? { ...region, ecsManagedInstances: next } : region;
  }
  return { catalog: { ...current, regions }, confirmed, corrected, inferred, changes, warnings };
}

/** The refresh report's line: how many fee rows were confirmed, corrected and are still inferred. */
export function confirmationSummary(c: Pick<ManagedInstancesConfirmation, "confirmed" | "corrected" | "inferred">): string {
  return `ECS Managed Instances fee types by SKU (Price List, AmazonECS): ${c.confirmed} confirmed, ${c.corrected} corrected to AWS's type, ${c.inferred} still inferred.`;
}
