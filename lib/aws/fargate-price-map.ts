/** Price List items -> the per-region Fargate rates, and their merge into the embedded snapshot (fargate.json). */
import { FargateCatalog, type ComputeRates, type FargateRegion, type Rate } from "@/lib/catalog";
import { dec, toPlain, fail, ok } from "@/lib/core";
import { onDemandRate, type PriceListItem, type CatalogRefresh } from "./price-list";

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
    if (!r.ok) {
      out.problems.push(`${region} ${attrs.usagetype}: ${r.error}`);
      continue;
    }
    const rate = r.value;
    const entry = (out.regions[region] ??= {});
    if (attrs.location) entry.location ??= attrs.location;
    const existing = entry[slot];
    if (existing && existing.usd !== rate.usd) {
      out.problems.push(`${region} ${slot}: two prices (${existing.sku} ${existing.usd}, ${rate.sku} ${rate.usd}); kept the first`);
      continue;
    }
    entry[slot] ??= rate;
    const published = item.publicationDate?.slice(0, 10);
    if (published && /^\d{4}-\d{2}-\d{2}$/.test(published) && (!out.publishedAt || published > out.publishedAt)) out.publishedAt = published;
  }
  return out;
}

export type RefreshMerge = CatalogRefresh<FargateCatalog>;

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
      d.provenance === derivedKey
        ? { ...d, vcpuHour: rescale(d.vcpuHour, before.vcpuHour, after.vcpuHour), gbHour: rescale(d.gbHour, before.gbHour, after.gbHour) }
        : d;
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
  if (problems.length) return fail(problems);

  const candidate = {
    ...current,
    generatedFrom:
      options.generatedFrom ??
      "AWS Price List API (GetProducts, AmazonECS) via scripts/refresh-pricing.ts; Spot and Savings Plans kept from the previous snapshot",
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
  if (!checked.success) return fail(checked.error.issues.slice(0, 10).map((i) => `${i.path.join(".")}: ${i.message}`));
  return ok({ catalog: checked.data, changes, warnings });
}
