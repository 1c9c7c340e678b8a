/** Price List items -> EC2 on-demand instance prices, and their merge into the embedded snapshot (ec2.json). */
import { Ec2Catalog } from "@/lib/catalog";
import { dec, fail, ok, type Result } from "@/lib/core";
import { normaliseUsd, onDemandRate, type PriceListItem, type CatalogRefresh } from "./price-list";

export interface Ec2OnDemandPrice {
  instanceType: string;
  regionCode: string | null;
  location: string | null;
  operatingSystem: string | null;
  vcpu: number | null;
  memoryGiB: number | null;
  /** USD per hour as published ("0.096"). */
  onDemandHourly: string;
  sku: string;
}

/** One AmazonEC2 GetProducts item -> its on-demand hourly price (Reserved terms are ignored). */
export function mapEc2OnDemandItem(item: PriceListItem): Result<Ec2OnDemandPrice, string> {
  const a = item.product.attributes;
  if (!a.instanceType) return fail(`SKU ${item.product.sku}: not an instance (no instanceType)`);
  const r = onDemandRate(item);
  if (!r.ok) return r;
  const memory = /^([\d.,]+)\s*GiB$/i.exec(a.memory ?? "");
  const vcpu = Number(a.vcpu);
  return ok({
    instanceType: a.instanceType,
    regionCode: a.regionCode ?? null,
    location: a.location ?? null,
    operatingSystem: a.operatingSystem ?? null,
    vcpu: Number.isFinite(vcpu) && vcpu > 0 ? vcpu : null,
    memoryGiB: memory ? Number(memory[1]!.replace(/,/g, "")) : null,
    onDemandHourly: r.value.usd,
    sku: item.product.sku,
  });
}

/** One fresh EC2 on-demand Linux price: USD per hour as a plain decimal string, and its Price List SKU. */
export interface Ec2FreshPrice {
  usd: string;
  sku?: string;
}

export interface Ec2RegionPriceList {
  /** instanceType -> price. Types with conflicting prices are left out (and listed in problems). */
  prices: Record<string, Ec2FreshPrice>;
  /** Latest publicationDate among the items used (YYYY-MM-DD), if any. */
  publishedAt: string | null;
  problems: string[];
  /** Items that were not a plain on-demand Linux instance in this region (Local Zones, Capacity Blocks, another region...). */
  ignored: number;
}

/**
 * The items of one region's GetProducts query (Linux, shared tenancy, no pre-installed software, capacitystatus
 * Used) -> instanceType -> on-demand price. Defensive beyond the query's filters: skips items of another region,
 * of a Local Zone/Wavelength/Outpost location, of a market other than on-demand, and usage types other than
 * BoxUsage. Two items of one type with different prices are a problem and the type is left out (never guessed).
 */
export function mapEc2RegionItems(items: PriceListItem[], regionCode: string): Ec2RegionPriceList {
  const out: Ec2RegionPriceList = { prices: {}, publishedAt: null, problems: [], ignored: 0 };
  const conflicted = new Set<string>();
  for (const item of items) {
    const a = item.product.attributes;
    if (
      (a.regionCode !== undefined && a.regionCode !== regionCode) ||
      (a.locationType !== undefined && a.locationType !== "AWS Region") ||
      (a.marketoption !== undefined && a.marketoption !== "OnDemand") ||
      (a.usagetype !== undefined && !/(^|-)BoxUsage:/.test(a.usagetype))
    ) {
      out.ignored++;
      continue;
    }
    const m = mapEc2OnDemandItem(item);
    if (!m.ok) {
      if (a.instanceType) out.problems.push(`${regionCode} ${a.instanceType}: ${m.error}`);
      else out.ignored++;
      continue;
    }
    const type = m.value.instanceType;
    if (conflicted.has(type)) continue;
    const existing = out.prices[type];
    if (existing && existing.usd !== m.value.onDemandHourly) {
      out.problems.push(`${regionCode} ${type}: two prices (${existing.sku} ${existing.usd}, ${m.value.sku} ${m.value.onDemandHourly}); left out`);
      conflicted.add(type);
      delete out.prices[type];
      continue;
    }
    out.prices[type] ??= { usd: m.value.onDemandHourly, sku: m.value.sku };
    const published = item.publicationDate?.slice(0, 10);
    if (published && /^\d{4}-\d{2}-\d{2}$/.test(published) && (!out.publishedAt || published > out.publishedAt)) out.publishedAt = published;
  }
  return out;
}

/** Provenance key of on-demand EC2 prices refreshed by scripts/refresh-pricing.ts. */
export const EC2_REFRESH_PROVENANCE = "ec2-on-demand-price-list-api";

export type Ec2RefreshMerge = CatalogRefresh<Ec2Catalog>;

export interface Ec2MergeOptions {
  /** YYYY-MM-DD of the refresh. */
  today: string;
  /** Limit the refresh to these regions (the others keep their prices and sources). Default: every region of the snapshot. */
  regions?: readonly string[];
  /** Latest Price List publication date seen (YYYY-MM-DD), for the provenance note. */
  publishedAt?: string | null;
}

const GENERATED_FROM_SUFFIX = /; on-demand prices refreshed from the AWS Price List API .*$/;

/**
 * Fresh on-demand Linux prices (region -> instanceType -> price) into the current EC2 snapshot. Replaces
 * onDemandHourly of every snapshot type the Price List has; keeps Spot savings, specs, ENI tables, EBS,
 * commitments and candidates. A type the Price List lacks keeps its old price (counted per region in warnings);
 * candidate types newly offered in a region are not added (warned: run catalog:ec2). Refuses when a region to
 * refresh has no fresh price at all, so a refresh never silently keeps a whole region stale. Each refreshed
 * region's onDemandSource points to one dated provenance entry; sources no region uses any more are dropped.
 */
export function mergeEc2Refresh(current: Ec2Catalog, fresh: Record<string, Record<string, Ec2FreshPrice>>, options: Ec2MergeOptions): Ec2RefreshMerge {
  const problems: string[] = [];
  const changes: string[] = [];
  const warnings: string[] = [];
  const targets = options.regions ? [...new Set(options.regions)] : Object.keys(current.regions);
  if (targets.length === 0) return fail(["no region to refresh"]);
  for (const code of targets) {
    if (!Object.hasOwn(current.regions, code)) problems.push(`${code}: not a region of the EC2 snapshot`);
    else if (!Object.hasOwn(fresh, code) || Object.keys(fresh[code]!).length === 0) problems.push(`${code}: no EC2 on-demand prices in the Price List`);
  }
  if (problems.length) return fail(problems);

  const regions: Ec2Catalog["regions"] = {};
  let kept = 0;
  for (const [code, old] of Object.entries(current.regions)) {
    if (!targets.includes(code)) {
      regions[code] = old;
      continue;
    }
    const got = fresh[code]!;
    const missing: string[] = [];
    const prices: Ec2Catalog["regions"][string]["prices"] = {};
    for (const [type, row] of Object.entries(old.prices)) {
      const p = Object.hasOwn(got, type) ? got[type] : undefined;
      const usd = p && normaliseUsd(p.usd);
      if (!usd || !dec(usd).gt(0)) {
        if (p) warnings.push(`${code} ${type}: Price List price ${JSON.stringify(p.usd)} is not a positive decimal; kept ${row[0]}`);
        missing.push(type);
        prices[type] = row;
        continue;
      }
      prices[type] = [usd, row[1]];
      if (usd === row[0]) continue;
      changes.push(`${code} ${type}: ${row[0]} -> ${usd}`);
      if (dec(row[0]).gt(0)) {
        const ratio = dec(usd).div(row[0]);
        if (ratio.gt(1.5) || ratio.lt(0.5)) warnings.push(`${code} ${type} changed by more than 50% (${row[0]} -> ${usd}): check it`);
      }
    }
    if (missing.length) {
      kept += missing.length;
      const shown = missing.slice(0, 5).join(", ");
      warnings.push(
        `${code}: ${missing.length} of ${Object.keys(old.prices).length} types not in the Price List, previous prices kept (${shown}${missing.length > 5 ? ", ..." : ""})`,
      );
    }
    const added = Object.keys(got).filter((t) => current.types[t] && !old.prices[t]);
    if (added.length)
      warnings.push(
        `${code}: ${added.length} candidate types now priced but not added (run catalog:ec2): ${added.sort().slice(0, 5).join(", ")}${added.length > 5 ? ", ..." : ""}`,
      );
    regions[code] = { ...old, onDemandSource: EC2_REFRESH_PROVENANCE, prices };
  }
  const extra = Object.keys(fresh).filter((c) => !current.regions[c]);
  if (extra.length) warnings.push(`Not added (no name, Spot or EBS data in the snapshot; run catalog:ec2 first): ${extra.sort().join(", ")}`);
  const skipped = Object.keys(fresh).filter((c) => current.regions[c] && !targets.includes(c));
  if (skipped.length) warnings.push(`Ignored (outside the regions to refresh): ${skipped.sort().join(", ")}`);

  // Drop on-demand sources no region points to any more; keep everything else (specs, Spot, EBS, ENI, commitments).
  const oldOnDemand = new Set(Object.values(current.regions).map((r) => r.onDemandSource));
  const inUse = new Set(Object.values(regions).map((r) => r.onDemandSource));
  const referenced = new Set([
    current.sources.specs,
    current.sources.spot,
    current.sources.ebs,
    current.eniLimits.provenance,
    current.eniTrunking.provenance,
    ...Object.values(current.commitments).map((c) => c.provenance),
  ]);
  const provenance = Object.fromEntries(Object.entries(current.provenance).filter(([k]) => !oldOnDemand.has(k) || inUse.has(k) || referenced.has(k)));
  provenance[EC2_REFRESH_PROVENANCE] = {
    source: "AWS Price List API",
    publishedAt: options.today,
    url: "https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html",
    estimate: false,
    note:
      `GetProducts for AmazonEC2 (Linux, shared tenancy, no pre-installed software, capacity status Used), read ${options.today}` +
      `${options.publishedAt ? `; price list published ${options.publishedAt}` : ""}` +
      `${kept ? `. ${kept} region prices the Price List lacked were kept from the previous snapshot` : ""}.`,
  };

  const candidate = {
    ...current,
    generatedFrom: `${current.generatedFrom.replace(GENERATED_FROM_SUFFIX, "")}; on-demand prices refreshed from the AWS Price List API via scripts/refresh-pricing.ts (${options.today})`,
    provenance,
    regions,
  };
  const checked = Ec2Catalog.safeParse(candidate);
  if (!checked.success) return fail(checked.error.issues.slice(0, 10).map((i) => `${i.path.join(".")}: ${i.message}`));
  return ok({ catalog: checked.data, changes, warnings });
}
