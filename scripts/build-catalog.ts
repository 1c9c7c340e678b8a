/**
 * Regenerates the embedded Fargate price snapshot (lib/catalog/data/fargate.json) from ../shared/pricing-data.
 * Run: npm run catalog:build [-- --source DIR]. The app never reads ../shared at run time.
 * Rates stay decimal strings; derived rates (Spot ratios, Savings Plans discounts) are computed with
 * exact decimals and labelled estimates through their provenance key.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dec, toPlain } from "../lib/core";
import { FargateCatalog, SAVINGS_PLAN_TERMS, type SavingsPlanTerm } from "@/lib/catalog";

const args = process.argv.slice(2);
const sourceIdx = args.indexOf("--source");
const sourceDir = path.resolve(sourceIdx >= 0 ? args[sourceIdx + 1]! : path.join(__dirname, "..", "..", "shared", "pricing-data"));
const outFile = path.join(__dirname, "..", "lib", "catalog", "data", "fargate.json");

const readJson = (rel: string) => JSON.parse(readFileSync(path.join(sourceDir, rel), "utf8"));
/** JSON numbers from the data files to exact decimal strings (shortest round-trip form, as published). */
const s = (n: number | string) => toPlain(dec(String(n)));
/** Derived rates keep 8 decimals, as AWS's own Spot feed does. */
const r8 = (n: ReturnType<typeof dec>) => toPlain(n.round(8));

interface RawCompute {
  vcpuHour: number;
  gbHour: number;
  osLicenseVcpuHour?: number;
  skus?: Record<string, string>;
}
interface RawRegion {
  location: string;
  partition: string;
  linux: { x86: RawCompute; arm64: RawCompute };
  windows?: { x86?: RawCompute & { osLicenseVcpuHour: number } };
  storage: { ephemeral: { gbHour: number; skus?: Record<string, string> } };
}

const onDemand: { _source: { hawkFilePublicationDate: string }; regions: Record<string, RawRegion> } = readJson(
  "fargate/fargate-ondemand-by-region-2025-10-27.json",
);
const spot = readJson("fargate/fargate-spot-x86-2021-01.json");
const sp = readJson("fargate/fargate-compute-savings-plan-datapoints.json");
const locations: Record<string, { code: string; continent: string }> = readJson("ec2/aws-locations.json");
const continentOf = new Map(Object.values(locations).map((l) => [l.code, l.continent]));

// 2026-09-28 readings of AWS's Fargate Spot feed, quoted in the Spot file's caveats.
const spotReadings: Record<string, { x86_64: [string, string]; arm64: [string, string] }> = {};
for (const caveat of spot._source.caveats as string[]) {
  for (const m of caveat.matchAll(/([a-z]{2}-[a-z]+-\d) x86 ([\d.]+)\/([\d.]+), ARM ([\d.]+)\/([\d.]+)/g)) {
    spotReadings[m[1]!] = { x86_64: [m[2]!, m[3]!], arm64: [m[4]!, m[5]!] };
  }
}
if (Object.keys(spotReadings).length === 0) throw new Error("no 2026-09 Spot readings found in the Spot file caveats");

const termKey: Record<SavingsPlanTerm, string> = {
  "1yr-no-upfront": "1yr_NoUpfront",
  "1yr-all-upfront": "1yr_AllUpfront",
  "3yr-no-upfront": "3yr_NoUpfront",
  "3yr-all-upfront": "3yr_AllUpfront",
};
const spPoints = sp.points["us-east-1"].linux;

/** us-east-1 discount percent for a term, arch and dimension; falls back to vCPU, then to x86. */
function spDiscountPct(term: SavingsPlanTerm, arch: "x86" | "arm64", dim: "vcpuHour" | "gbHour"): { pct: string; fallback: boolean } {
  const point = spPoints[arch]?.[termKey[term]];
  const x86 = spPoints.x86[termKey[term]];
  const pct = point?.discountVsOnDemandPct?.[dim] ?? point?.discountVsOnDemandPct?.vcpuHour;
  if (pct !== undefined) return { pct: s(pct), fallback: dim === "gbHour" && point?.discountVsOnDemandPct?.gbHour === undefined };
  return { pct: s(x86.discountVsOnDemandPct[dim] ?? x86.discountVsOnDemandPct.vcpuHour), fallback: true };
}

const provenance: FargateCatalog["provenance"] = {
  "fargate-on-demand": {
    source: "AWS Fargate pricing page data (meteredUnitMaps ecs.json)",
    publishedAt: onDemand._source.hawkFilePublicationDate.slice(0, 10),
    url: "https://aws.amazon.com/fargate/pricing/",
    estimate: false,
  },
  "spot-reading": {
    source: "AWS Fargate Spot price feed, third-party reading",
    publishedAt: "2026-09-28",
    url: "https://aws.amazon.com/fargate/pricing/",
    estimate: true,
    note: "Spot prices float hourly; this is one reading.",
  },
  "spot-ratio": {
    source: "AWS Fargate Spot price feed (2021-01 snapshot): its Spot/on-demand ratio applied to current on-demand rates",
    publishedAt: "2021-01",
    url: "https://aws.amazon.com/fargate/pricing/",
    estimate: true,
    note: "Spot prices float; ARM Spot uses the x86 ratio.",
  },
  "savings-plan-point": {
    source: "AWS Compute Savings Plans offer, us-east-1, third-party reading",
    publishedAt: "2026-09-25",
    url: "https://aws.amazon.com/savingsplans/compute-pricing/",
    estimate: true,
    note: "Assumes the commitment exactly covers the on-demand usage.",
  },
  "savings-plan-discount": {
    source: "us-east-1 Compute Savings Plans discount percentages applied to this region's on-demand rates",
    publishedAt: "2026-09-25",
    url: "https://aws.amazon.com/savingsplans/compute-pricing/",
    estimate: true,
    note: "Discounts vary a little by region; where a term lacks a memory or ARM point, the vCPU or x86 discount is used.",
  },
};

const regions: FargateCatalog["regions"] = {};
for (const [code, raw] of Object.entries(onDemand.regions).sort(([a], [b]) => a.localeCompare(b))) {
  const rate = (usd: number, sku?: string) => ({ usd: s(usd), ...(sku ? { sku } : {}) });
  const compute = (x: RawCompute) => ({ vcpuHour: rate(x.vcpuHour, x.skus?.vcpuHour), gbHour: rate(x.gbHour, x.skus?.gbHour) });
  const linux = { x86_64: compute(raw.linux.x86), arm64: compute(raw.linux.arm64) };
  const windows = raw.windows?.x86
    ? { ...compute(raw.windows.x86), osLicenseVcpuHour: rate(raw.windows.x86.osLicenseVcpuHour, raw.windows.x86.skus?.osLicenseVcpuHour) }
    : undefined;

  // Fargate Spot: a 2026-09 reading where we have one; else the 2021 ratio applied to today's on-demand.
  let spotRates: FargateCatalog["regions"][string]["spot"];
  const reading = spotReadings[code];
  const old = spot.regions[code];
  if (reading) {
    spotRates = {
      x86_64: { vcpuHour: { usd: s(reading.x86_64[0]) }, gbHour: { usd: s(reading.x86_64[1]) }, provenance: "spot-reading" },
      arm64: { vcpuHour: { usd: s(reading.arm64[0]) }, gbHour: { usd: s(reading.arm64[1]) }, provenance: "spot-reading" },
    };
  } else if (old) {
    const ratioV = dec(s(old.spotVcpuHour)).div(s(old.onDemandVcpuHourThen));
    const ratioG = dec(s(old.spotGbHour)).div(s(old.onDemandGbHourThen));
    const derive = (od: { vcpuHour: { usd: string }; gbHour: { usd: string } }) => ({
      vcpuHour: { usd: r8(dec(od.vcpuHour.usd).times(ratioV)) },
      gbHour: { usd: r8(dec(od.gbHour.usd).times(ratioG)) },
      provenance: "spot-ratio",
    });
    spotRates = { x86_64: derive(linux.x86_64), arm64: derive(linux.arm64) };
  }

  const savingsPlans = {} as FargateCatalog["regions"][string]["savingsPlans"];
  for (const term of SAVINGS_PLAN_TERMS) {
    const forArch = (arch: "x86" | "arm64", od: { vcpuHour: { usd: string }; gbHour: { usd: string } }) => {
      const point = code === "us-east-1" ? spPoints[arch]?.[termKey[term]] : undefined;
      const dims = (["vcpuHour", "gbHour"] as const).map((dim) => {
        if (point?.[dim] !== undefined) return { usd: s(point[dim]), derived: false };
        const { pct } = spDiscountPct(term, arch, dim);
        return { usd: r8(dec(od[dim].usd).times(dec(100).minus(pct)).div(100)), derived: true };
      });
      const derived = dims.some((d) => d.derived);
      return {
        vcpuHour: { usd: dims[0]!.usd },
        gbHour: { usd: dims[1]!.usd },
        provenance: derived ? "savings-plan-discount" : "savings-plan-point",
      };
    };
    const winX86 = windows
      ? (() => {
          const v = spDiscountPct(term, "x86", "vcpuHour").pct;
          const g = spDiscountPct(term, "x86", "gbHour").pct;
          return {
            vcpuHour: { usd: r8(dec(windows.vcpuHour.usd).times(dec(100).minus(v)).div(100)) },
            gbHour: { usd: r8(dec(windows.gbHour.usd).times(dec(100).minus(g)).div(100)) },
            provenance: "savings-plan-discount",
          };
        })()
      : undefined;
    savingsPlans[term] = { x86_64: forArch("x86", linux.x86_64), arm64: forArch("arm64", linux.arm64), ...(winX86 ? { windows: winX86 } : {}) };
  }

  regions[code] = {
    name: raw.location,
    partition: raw.partition,
    group: code.startsWith("us-gov-") ? "AWS GovCloud (US)" : (continentOf.get(code) ?? "Other"),
    linux,
    ...(windows ? { windows } : {}),
    ephemeralStorageGbHour: rate(raw.storage.ephemeral.gbHour, raw.storage.ephemeral.skus?.gbHour),
    ...(spotRates ? { spot: spotRates } : {}),
    savingsPlans,
  };
}

const catalog: FargateCatalog = FargateCatalog.parse({
  schemaVersion: 1,
  generatedFrom: "shared/pricing-data (fargate/*, ec2/aws-locations.json)",
  minimumBillableSeconds: { linux: 60, windows: 300 },
  ephemeralStorage: { freeGiB: 20, maxGiB: { ecs: 200, eks: 175 } },
  eksOverheadMiB: 256,
  provenance,
  regions,
});

writeFileSync(outFile, `${JSON.stringify(catalog, null, 1)}\n`);
console.log(
  `wrote ${path.relative(process.cwd(), outFile)}: ${Object.keys(regions).length} regions, ${Object.values(regions).filter((r) => r.spot).length} with Spot`,
);
