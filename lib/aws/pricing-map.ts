/**
 * Pure mappers for the AWS Price List API (GetProducts): PriceList JSON strings -> validated items ->
 * our catalog's per-region Fargate rates (decimal strings + SKU) and EC2 on-demand instance prices, and the merges of
 * those into the embedded snapshots (lib/catalog/data/fargate.json, ec2.json).
 * No SDK import; no costs computed here (rates only).
 */
import { z } from "zod";
import { Ec2Catalog } from "@/lib/catalog/ec2-schema";
import { FargateCatalog, type ComputeRates, type FargateRegion, type Rate } from "@/lib/catalog/schema";
import { dec, toPlain } from "@/lib/pricing/money";

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

/** The single OnDemand USD rate of an item (the dimension that starts at 0); an error text when there is none or several. */
export function onDemandRate(item: PriceListItem): { rate: Rate } | { problem: string } {
  const terms = Object.values(item.terms.OnDemand ?? {});
  if (terms.length !== 1) return { problem: `SKU ${item.product.sku}: ${terms.length} OnDemand terms (expected 1)` };
  const dims = Object.values(terms[0]!.priceDimensions);
  const flat = dims.length === 1 ? dims : dims.filter((d) => (d.beginRange ?? "0") === "0" && (d.endRange ?? "Inf") === "Inf");
  if (flat.length !== 1) return { problem: `SKU ${item.product.sku}: tiered or missing OnDemand price (${dims.length} price dimensions)` };
  const usd = normaliseUsd(flat[0]!.pricePerUnit.USD);
  if (usd === undefined) return { problem: `SKU ${item.product.sku}: OnDemand price ${JSON.stringify(flat[0]!.pricePerUnit.USD ?? null)} is not a USD decimal` };
  return { rate: { usd, sku: item.product.sku } };
}

/** Fargate usage types by suffix (the region prefix varies: "USE1-", "EU-", "APS3-", none). */
export const FARGATE_USAGE_SUFFIXES = {
  "Fargate-vCPU-Hours:perCPU": "linuxX86Vcpu",
  "Fargate-GB-Hours": "linuxX86Gb",
  "Fargate-ARM-vCPU-Hours:perCPU": "linuxArmVcpu",
  "Fargate-ARM-GB-Hours": "linuxArmGb",
  "Fargate-Windows-vCPU-Hours:perCPU": "windowsVcpu",
  "Fargate-Windows-GB-Hours": "windowsGb",
  "Fargate-Windows-OS-Hours:perCPU": "windowsOs",
  "Fargate-EphemeralStorage-GB-Hours": "storageGb",
} as const;
export type FargateRateSlot = (typeof FARGATE_USAGE_SUFFIXES)[keyof typeof FARGATE_USAGE_SUFFIXES];

/** The slot of a usage type, matched on a whole "-"-separated suffix ("USE1-Fargate-GB-Hours" but not "...-ARM-GB-Hours"). */
export function fargateSlot(usageType: string | undefined): FargateRateSlot | undefined {
  if (!usageType) return undefined;
  for (const [suffix, slot] of Object.entries(FARGATE_USAGE_SUFFIXES)) {
    if (usageType === suffix || usageType.endsWith(`-${suffix}`)) return slot as FargateRateSlot;
  }
  return undefined;
}

export interface FargatePriceListRates {
  /** regionCode -> slot -> rate. */
  regions: Record<string, Partial<Record<FargateRateSlot, Rate>> & { location?: string }>;
  /** Latest publicationDate among the items used (YYYY-MM-DD), if any. */
  publishedAt: string | null;
  problems: string[];
  /** Items that were not Fargate rates (ECS Anywhere, EC2 metering...). */
  ignored: number;
}

export function mapFargatePriceItems(items: PriceListItem[]): FargatePriceListRates {
  const out: FargatePriceListRates = { regions: {}, publishedAt: null, problems: [], ignored: 0 };
  for (const item of items) {
    const attrs = item.product.attributes;
    const slot = fargateSlot(attrs.usagetype);
    if (!slot) {
      out.ignored++;
      continue;
    }
    const region = attrs.regionCode;
    if (!region) {
      out.problems.push(`SKU ${item.product.sku} (${attrs.usagetype}): no regionCode`);
      continue;
    }
    const r = onDemandRate(item);
    if ("problem" in r) {
      out.problems.push(`${region} ${attrs.usagetype}: ${r.problem}`);
      continue;
    }
    const entry = (out.regions[region] ??= {});
    if (attrs.location) entry.location ??= attrs.location;
    const existing = entry[slot];
    if (existing && existing.usd !== r.rate.usd) {
      out.problems.push(`${region} ${slot}: two prices (${existing.sku} ${existing.usd}, ${r.rate.sku} ${r.rate.usd}); kept the first`);
      continue;
    }
    entry[slot] ??= r.rate;
    const published = item.publicationDate?.slice(0, 10);
    if (published && /^\d{4}-\d{2}-\d{2}$/.test(published) && (!out.publishedAt || published > out.publishedAt)) out.publishedAt = published;
  }
  return out;
}

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
export function mapEc2OnDemandItem(item: PriceListItem): { ok: true; price: Ec2OnDemandPrice } | { ok: false; problem: string } {
  const a = item.product.attributes;
  if (!a.instanceType) return { ok: false, problem: `SKU ${item.product.sku}: not an instance (no instanceType)` };
  const r = onDemandRate(item);
  if ("problem" in r) return { ok: false, problem: r.problem };
  const memory = /^([\d.,]+)\s*GiB$/i.exec(a.memory ?? "");
  const vcpu = Number(a.vcpu);
  return {
    ok: true,
    price: {
      instanceType: a.instanceType,
      regionCode: a.regionCode ?? null,
      location: a.location ?? null,
      operatingSystem: a.operatingSystem ?? null,
      vcpu: Number.isFinite(vcpu) && vcpu > 0 ? vcpu : null,
      memoryGiB: memory ? Number(memory[1]!.replace(/,/g, "")) : null,
      onDemandHourly: r.rate.usd,
      sku: item.product.sku,
    },
  };
}

export type RefreshMerge =
  | { ok: true; catalog: FargateCatalog; changes: string[]; warnings: string[] }
  | { ok: false; problems: string[] };

export interface MergeOptions {
  /** YYYY-MM-DD of the refresh. */
  today: string;
  /** Text for generatedFrom. */
  generatedFrom?: string;
}

/**
 * New on-demand rates into the current snapshot. Spot and Savings Plans rates read as such are kept (the Price
 * List has no Fargate Spot; Savings Plans rates are their own offer); the ones we derived from on-demand rates
 * (Spot ratios, Savings Plans discounts) are scaled with the on-demand rate they came from. Refuses, listing what is missing, when the Price List lacks any
 * on-demand rate the current snapshot has, so a refresh never silently drops a region or Windows.
 */
export function mergeFargateRefresh(current: FargateCatalog, fresh: FargatePriceListRates, options: MergeOptions): RefreshMerge {
  const problems: string[] = [];
  const changes: string[] = [];
  const warnings: string[] = [...fresh.problems];
  const regions: Record<string, FargateRegion> = {};
  for (const [code, old] of Object.entries(current.regions)) {
    const got = fresh.regions[code];
    if (!got) {
      problems.push(`${code}: no Fargate rates in the Price List`);
      continue;
    }
    const need = (slot: FargateRateSlot): Rate | undefined => {
      const r = got[slot];
      if (!r) problems.push(`${code}: no ${Object.entries(FARGATE_USAGE_SUFFIXES).find(([, s]) => s === slot)![0]} rate`);
      return r;
    };
    const pair = (v: FargateRateSlot, g: FargateRateSlot): ComputeRates | undefined => {
      const vr = need(v);
      const gr = need(g);
      return vr && gr ? { vcpuHour: vr, gbHour: gr } : undefined;
    };
    const x86 = pair("linuxX86Vcpu", "linuxX86Gb");
    const arm = pair("linuxArmVcpu", "linuxArmGb");
    const storage = need("storageGb");
    let windows: FargateRegion["windows"];
    if (old.windows || got.windowsVcpu || got.windowsGb || got.windowsOs) {
      const w = pair("windowsVcpu", "windowsGb");
      const os = need("windowsOs");
      if (w && os) windows = { ...w, osLicenseVcpuHour: os };
    }
    if (!x86 || !arm || !storage || ((old.windows || got.windowsVcpu) && !windows)) continue;

    const note = (what: string, before: Rate | undefined, after: Rate) => {
      if (before?.usd === after.usd) return;
      changes.push(`${code} ${what}: ${before?.usd ?? "none"} -> ${after.usd}`);
      if (before && dec(before.usd).gt(0)) {
        const ratio = dec(after.usd).div(before.usd);
        if (ratio.gt(1.5) || ratio.lt(0.5)) warnings.push(`${code} ${what} changed by more than 50% (${before.usd} -> ${after.usd}): check it`);
      }
    };
    note("Linux x86 vCPU-hour", old.linux.x86_64.vcpuHour, x86.vcpuHour);
    note("Linux x86 GB-hour", old.linux.x86_64.gbHour, x86.gbHour);
    note("Linux ARM vCPU-hour", old.linux.arm64.vcpuHour, arm.vcpuHour);
    note("Linux ARM GB-hour", old.linux.arm64.gbHour, arm.gbHour);
    if (windows) {
      note("Windows vCPU-hour", old.windows?.vcpuHour, windows.vcpuHour);
      note("Windows GB-hour", old.windows?.gbHour, windows.gbHour);
      note("Windows OS license vCPU-hour", old.windows?.osLicenseVcpuHour, windows.osLicenseVcpuHour);
    }
    note("ephemeral storage GB-hour", old.ephemeralStorageGbHour, storage);

    // Rates we derived from on-demand (Spot ratios, Savings Plans discounts) follow the new on-demand rate;
    // rates read as such (Spot feed readings, us-east-1 Savings Plans points) are kept as read.
    const rescale = (rate: Rate, before: Rate, after: Rate): Rate =>
      before.usd === after.usd || !dec(before.usd).gt(0) ? rate : { usd: toPlain(dec(rate.usd).times(after.usd).div(before.usd).round(8)) };
    const follow = <T extends { vcpuHour: Rate; gbHour: Rate; provenance: string }>(d: T, derivedKey: string, before: ComputeRates, after: ComputeRates): T =>
      d.provenance === derivedKey ? { ...d, vcpuHour: rescale(d.vcpuHour, before.vcpuHour, after.vcpuHour), gbHour: rescale(d.gbHour, before.gbHour, after.gbHour) } : d;
    const spot = old.spot && {
      x86_64: follow(old.spot.x86_64, "spot-ratio", old.linux.x86_64, x86),
      arm64: follow(old.spot.arm64, "spot-ratio", old.linux.arm64, arm),
    };
    const savingsPlans = Object.fromEntries(
      Object.entries(old.savingsPlans).map(([term, plan]) => [
        term,
        {
          x86_64: follow(plan.x86_64, "savings-plan-discount", old.linux.x86_64, x86),
          arm64: follow(plan.arm64, "savings-plan-discount", old.linux.arm64, arm),
          ...(plan.windows && old.windows && windows ? { windows: follow(plan.windows, "savings-plan-discount", old.windows, windows) } : {}),
        },
      ]),
    ) as FargateRegion["savingsPlans"];

    regions[code] = {
      ...old,
      linux: { x86_64: x86, arm64: arm },
      ...(windows ? { windows } : {}),
      ephemeralStorageGbHour: storage,
      ...(spot ? { spot } : {}),
      savingsPlans,
    };
    if (!windows) delete regions[code]!.windows;
  }
  const extra = Object.keys(fresh.regions).filter((c) => !current.regions[c]);
  if (extra.length) warnings.push(`Not added (no name, Spot or Savings Plans data in the snapshot; run catalog:build first): ${extra.sort().join(", ")}`);
  if (problems.length) return { ok: false, problems };

  const candidate = {
    ...current,
    generatedFrom: options.generatedFrom ?? "AWS Price List API (GetProducts, AmazonECS) via scripts/refresh-pricing.ts; Spot and Savings Plans kept from the previous snapshot",
    provenance: {
      ...current.provenance,
      "fargate-on-demand": {
        source: "AWS Price List API",
        publishedAt: options.today,
        url: "https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html",
        estimate: false,
        note: `GetProducts for AmazonECS, read ${options.today}${fresh.publishedAt ? `; price list published ${fresh.publishedAt}` : ""}.`,
      },
    },
    regions,
  };
  const checked = FargateCatalog.safeParse(candidate);
  if (!checked.success) return { ok: false, problems: checked.error.issues.slice(0, 10).map((i) => `${i.path.join(".")}: ${i.message}`) };
  return { ok: true, catalog: checked.data, changes, warnings };
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
      if (a.instanceType) out.problems.push(`${regionCode} ${a.instanceType}: ${m.problem}`);
      else out.ignored++;
      continue;
    }
    const type = m.price.instanceType;
    if (conflicted.has(type)) continue;
    const existing = out.prices[type];
    if (existing && existing.usd !== m.price.onDemandHourly) {
      out.problems.push(`${regionCode} ${type}: two prices (${existing.sku} ${existing.usd}, ${m.price.sku} ${m.price.onDemandHourly}); left out`);
      conflicted.add(type);
      delete out.prices[type];
      continue;
    }
    out.prices[type] ??= { usd: m.price.onDemandHourly, sku: m.price.sku };
    const published = item.publicationDate?.slice(0, 10);
    if (published && /^\d{4}-\d{2}-\d{2}$/.test(published) && (!out.publishedAt || published > out.publishedAt)) out.publishedAt = published;
  }
  return out;
}

/** Provenance key of on-demand EC2 prices refreshed by scripts/refresh-pricing.ts. */
export const EC2_REFRESH_PROVENANCE = "ec2-on-demand-price-list-api";

export type Ec2RefreshMerge =
  | { ok: true; catalog: Ec2Catalog; changes: string[]; warnings: string[] }
  | { ok: false; problems: string[] };

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
  if (targets.length === 0) return { ok: false, problems: ["no region to refresh"] };
  for (const code of targets) {
    if (!Object.hasOwn(current.regions, code)) problems.push(`${code}: not a region of the EC2 snapshot`);
    else if (!Object.hasOwn(fresh, code) || Object.keys(fresh[code]!).length === 0) problems.push(`${code}: no EC2 on-demand prices in the Price List`);
  }
  if (problems.length) return { ok: false, problems };

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
      warnings.push(`${code}: ${missing.length} of ${Object.keys(old.prices).length} types not in the Price List, previous prices kept (${shown}${missing.length > 5 ? ", ..." : ""})`);
    }
    const added = Object.keys(got).filter((t) => current.types[t] && !old.prices[t]);
    if (added.length) warnings.push(`${code}: ${added.length} candidate types now priced but not added (run catalog:ec2): ${added.sort().slice(0, 5).join(", ")}${added.length > 5 ? ", ..." : ""}`);
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
  if (!checked.success) return { ok: false, problems: checked.error.issues.slice(0, 10).map((i) => `${i.path.join(".")}: ${i.message}`) };
  return { ok: true, catalog: checked.data, changes, warnings };
}

/** The layout scripts/build-ec2-catalog.ts writes: compact but diffable, one line per type and per region's prices. */
export function serializeEc2Catalog(c: Ec2Catalog): string {
  const { types: t, regions: r, ...head } = c;
  const headJson = JSON.stringify(head, null, 1).replace(/\n}$/, "");
  const typeLines = Object.entries(t).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const regionLines = Object.entries(r).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `${headJson},\n "types": {\n${typeLines.join(",\n")}\n },\n "regions": {\n${regionLines.join(",\n")}\n }\n}\n`;
}
