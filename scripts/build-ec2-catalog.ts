/**
 * Regenerates the embedded EC2 snapshot (lib/catalog/data/ec2.json) from ../shared/pricing-data.
 * Run: npm run catalog:ec2 [-- --source DIR]. The app never reads ../shared at run time.
 *
 * Inputs (the same ones ec2/ec2-catalog-joined.json was joined from; we rebuild from them and then check
 * every row we keep against the joined file, failing loudly on any difference):
 *   ec2/ec2-instance-specs-2026-01-22.json         vCPU, memory, architecture (kubernetes/autoscaler)
 *   ec2/ec2-ondemand-linux-karpenter-2026-07-20.json on-demand Linux, us-east-1 and GovCloud (freshest)
 *   ec2/ec2-ondemand-linux-by-region-2025-11.json  on-demand Linux, every other region (AWS pricing page data)
 *   ec2/ec2-spot-advisor-savings-linux-2025-07.json Spot Instance Advisor average savings % (33 regions)
 *   ebs/ebs-by-region-2021-05-13.json              gp3 GB-month (23 regions)
 *   fixtures/ec2-getproducts-item-m5.large-us-east-1...json  Reserved terms, for the commitment discount estimates
 *
 * Candidate families (judgement, documented here and in the JSON): current-generation general purpose (m),
 * compute optimized (c) and memory optimized (r), Intel, AMD and Graviton, 5th generation onwards:
 *   m5 m5a m6i m6a m7i m7a m8i  m6g m7g m8g
 *   c5 c5a c6i c6a c7i c7a c8i  c6g c7g c8g
 *   r5 r5a r6i r6a r7i r7a r8i  r6g r7g r8g
 * Left out: burstable (t*), previous generation (m4/c4/r4 and older, a1), GPU/accelerator/storage/HPC families,
 * *.metal sizes, local-NVMe "d" and network "n"/"dn"/"b"/"zn" variants (same compute at a premium, never the
 * cheaper choice for a container cluster), "-flex" types (CPU not sustained at 100%: unfit for dense packing),
 * and the late-2025 AMD 8th generation (m8a/c8a/r8a): we could not verify their ENI limits.
 *
 * ENI limits are not in the data. We keep a per-size table per family profile, checked against AWS's own
 * generated table in aws/amazon-vpc-resource-controller-k8s pkg/aws/vpc/limits.go (2025-10-06):
 *   "nitro" (5th-7th gen Intel/AMD, Graviton 2-4): medium 2, large 3, xlarge 4, 2xlarge 4, 4xlarge-12xlarge 8,
 *   16xlarge and up 15 (seen for c5, c5a, c6a, c6g, c6i, c7a, c7g, c7i, c8g, m8g);
 *   "gen8-intel" (m8i, c8i; r8i assumed alike): 8xlarge 10, 12xlarge 12, 16-24xlarge 16, 32xlarge and up 24.
 * ENI trunking tasks per instance follow docs/pricing-rules.md#what-an-instance-offers (AWS ECS Developer Guide, ENI trunking): large 10,
 * xlarge 20, 2xlarge 40, 4xlarge 60, and "bigger 90-120": we use 90 for 8xlarge-12xlarge and 120 from
 * 16xlarge up. medium has no figure: the engine falls back to the plain ENI cap there.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dec, toPlain } from "../lib/core";
import { Ec2Catalog, type InstancePriceRow, type InstanceSpecRow, serializeEc2Catalog } from "@/lib/catalog";

const args = process.argv.slice(2);
const sourceIdx = args.indexOf("--source");
const sourceDir = path.resolve(sourceIdx >= 0 ? args[sourceIdx + 1]! : path.join(__dirname, "..", "..", "shared", "pricing-data"));
const outFile = path.join(__dirname, "..", "lib", "catalog", "data", "ec2.json");

const readJson = <T>(rel: string): T => JSON.parse(readFileSync(path.join(sourceDir, rel), "utf8")) as T;

// The shapes of the input files, as far as this script reads them.
type JoinedRow = [number, number, string, number, number, number | null, number | null];
interface PriceDimension {
  unit: string;
  pricePerUnit: { USD: string };
}
interface PriceTerm {
  termAttributes: Record<string, string>;
  priceDimensions: Record<string, PriceDimension>;
}
/** JSON numbers from the data files to exact decimal strings (shortest round-trip form, as published). */
const s = (n: number | string) => toPlain(dec(String(n)));

const FAMILIES = {
  generalPurpose: ["m5", "m5a", "m6i", "m6a", "m7i", "m7a", "m8i", "m6g", "m7g", "m8g"],
  compute: ["c5", "c5a", "c6i", "c6a", "c7i", "c7a", "c8i", "c6g", "c7g", "c8g"],
  memory: ["r5", "r5a", "r6i", "r6a", "r7i", "r7a", "r8i", "r6g", "r7g", "r8g"],
};
const families = [...FAMILIES.generalPurpose, ...FAMILIES.compute, ...FAMILIES.memory];

const ENI_PROFILES: Record<string, Record<string, number>> = {
  nitro: {
    medium: 2,
    large: 3,
    xlarge: 4,
    "2xlarge": 4,
    "4xlarge": 8,
    "8xlarge": 8,
    "9xlarge": 8,
    "12xlarge": 8,
    "16xlarge": 15,
    "18xlarge": 15,
    "24xlarge": 15,
    "32xlarge": 15,
    "48xlarge": 15,
  },
  "gen8-intel": {
    large: 3,
    xlarge: 4,
    "2xlarge": 4,
    "4xlarge": 8,
    "8xlarge": 10,
    "12xlarge": 12,
    "16xlarge": 16,
    "24xlarge": 16,
    "32xlarge": 24,
    "48xlarge": 24,
    "96xlarge": 24,
  },
};
const profileOf = (family: string) => (["m8i", "c8i", "r8i"].includes(family) ? "gen8-intel" : "nitro");
const TRUNKING_TASKS: Record<string, number> = {
  large: 10,
  xlarge: 20,
  "2xlarge": 40,
  "4xlarge": 60,
  "8xlarge": 90,
  "9xlarge": 90,
  "12xlarge": 90,
  "16xlarge": 120,
  "18xlarge": 120,
  "24xlarge": 120,
  "32xlarge": 120,
  "48xlarge": 120,
  "96xlarge": 120,
};

const specs = readJson<{ instanceTypes: Record<string, { vcpu: number; memoryGiB: number; gpu: number; arch: string }> }>(
  "ec2/ec2-instance-specs-2026-01-22.json",
);
const pricingPage = readJson<{ regions: Record<string, { location: string; prices: Record<string, number> }> }>(
  "ec2/ec2-ondemand-linux-by-region-2025-11.json",
);
const karpenter = readJson<{ regions: Record<string, Record<string, number>> }>("ec2/ec2-ondemand-linux-karpenter-2026-07-20.json");
const advisor = readJson<{ regions: Record<string, Record<string, { savingsPct: number }>> }>("ec2/ec2-spot-advisor-savings-linux-2025-07.json");
const ebs = readJson<{ regions: Record<string, { gp3GbMonth: number }> }>("ebs/ebs-by-region-2021-05-13.json");
const joined = readJson<{ regions: Record<string, { types: Record<string, JoinedRow> }> }>("ec2/ec2-catalog-joined.json");
const riItem = readJson<{ publicationDate: string; terms: { OnDemand: Record<string, PriceTerm>; Reserved: Record<string, PriceTerm> } }>(
  "fixtures/ec2-getproducts-item-m5.large-us-east-1.aws-ec2-instance-selector.json",
);

const isCandidate = (type: string) => {
  const [family, size] = type.split(".");
  return families.includes(family!) && size !== undefined && !size.startsWith("metal");
};

// Commitment discounts: the convertible (flexible, like a Compute Savings Plan), no-upfront Reserved rates for
// m5.large in us-east-1 from AWS's Price List item, against its on-demand rate. One data point: an estimate.
const riOnDemand = Object.values(riItem.terms.OnDemand).flatMap((t) => Object.values(t.priceDimensions))[0]!.pricePerUnit.USD;
function riDiscount(term: "1yr" | "3yr"): { pct: string; rate: string } {
  const offer = Object.values(riItem.terms.Reserved).find(
    (t) =>
      t.termAttributes.LeaseContractLength === term && t.termAttributes.OfferingClass === "convertible" && t.termAttributes.PurchaseOption === "No Upfront",
  );
  if (!offer) throw new Error(`no ${term} convertible no-upfront term in the m5.large item`);
  const rate = Object.values(offer.priceDimensions).find((d) => d.unit === "Hrs")?.pricePerUnit.USD;
  if (!rate) throw new Error(`no hourly rate in the ${term} term`);
  const pct = dec(1).minus(dec(rate).div(riOnDemand)).times(100).round(2);
  return { pct: toPlain(pct), rate: s(rate) };
}
const ri1 = riDiscount("1yr");
const ri3 = riDiscount("3yr");

const provenance: Ec2Catalog["provenance"] = {
  "ec2-on-demand-pricing-page": {
    source: "AWS EC2 pricing page data (meteredUnitMaps ec2.json), via github.com/lamngockhuong/aws-price",
    publishedAt: "2025-11-04",
    url: "https://aws.amazon.com/ec2/pricing/on-demand/",
    estimate: false,
  },
  "ec2-on-demand-price-list": {
    source: "AWS Price List API (on-demand Linux, shared tenancy), via github.com/aws/karpenter-provider-aws generated pricing",
    publishedAt: "2026-07-20",
    url: "https://aws.amazon.com/ec2/pricing/on-demand/",
    estimate: false,
  },
  "ec2-specs": {
    source: "EC2 instance type specs (vCPU, memory, architecture), github.com/kubernetes/autoscaler ec2_instance_types.go",
    publishedAt: "2026-01-22",
    url: "https://aws.amazon.com/ec2/instance-types/",
    estimate: false,
  },
  "ec2-spot-advisor": {
    source: "AWS Spot Instance Advisor average savings vs on-demand (via github.com/alexei-led/spotinfo), applied to the on-demand price",
    publishedAt: "2025-07-28",
    url: "https://aws.amazon.com/ec2/spot/instance-advisor/",
    estimate: true,
    note: "Spot prices float hourly per Availability Zone; the advisor's savings is an average. Spot instances can be reclaimed with a 2-minute warning.",
  },
  "ebs-gp3": {
    source: "AWS EBS pricing page data (ebs-calculator), via github.com/ligoj/plugin-prov-aws",
    publishedAt: "2021-05-13",
    url: "https://aws.amazon.com/ebs/pricing/",
    estimate: false,
    note: "gp3 storage only (3,000 IOPS and 125 MiB/s included). Regions launched after 2021-05 have no price here.",
  },
  "eni-limits": {
    source: "Max network interfaces per instance size (AWS EC2 User Guide), checked against aws/amazon-vpc-resource-controller-k8s pkg/aws/vpc/limits.go",
    publishedAt: "2025-10-06",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html",
    estimate: true,
    note: "One value per size and family profile; r8i is assumed to match m8i and c8i.",
  },
  "eni-trunking": {
    source: "ECS ENI trunking: awsvpc tasks per instance by size (AWS ECS Developer Guide, as summarised in the project's pricing rules)",
    publishedAt: "2026-11-26",
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html",
    estimate: true,
    note: "large 10, xlarge 20, 2xlarge 40, 4xlarge 60; 90 for 8xlarge-12xlarge and 120 above (AWS lists 90-120). No figure for medium.",
  },
  "ec2-commitment-1yr": {
    source: `1-year commitment: the m5.large us-east-1 convertible no-upfront Reserved rate (${ri1.rate}) vs on-demand (${s(riOnDemand)}), AWS Price List`,
    publishedAt: riItem.publicationDate.slice(0, 10),
    url: "https://aws.amazon.com/savingsplans/compute-pricing/",
    estimate: true,
    note: "Used as the discount of a no-upfront Compute Savings Plan on every type and region; real rates vary by family and region, and Standard RIs / EC2 Instance Savings Plans save more. Assumes the commitment exactly covers the usage.",
  },
  "ec2-commitment-3yr": {
    source: `3-year commitment: the m5.large us-east-1 convertible no-upfront Reserved rate (${ri3.rate}) vs on-demand (${s(riOnDemand)}), AWS Price List`,
    publishedAt: riItem.publicationDate.slice(0, 10),
    url: "https://aws.amazon.com/savingsplans/compute-pricing/",
    estimate: true,
    note: "Used as the discount of a no-upfront Compute Savings Plan on every type and region; real rates vary by family and region. Assumes the commitment exactly covers the usage.",
  },
};

const types: Record<string, InstanceSpecRow> = {};
const regions: Ec2Catalog["regions"] = {};
const mismatches: string[] = [];

for (const code of Object.keys(joined.regions).sort()) {
  const fromKarpenter = karpenter.regions[code] !== undefined;
  const page = pricingPage.regions[code];
  if (!page) throw new Error(`no pricing-page region ${code}`);
  const prices: Record<string, InstancePriceRow> = {};
  const candidates = new Set<string>([...Object.keys(page.prices), ...Object.keys(karpenter.regions[code] ?? {})].filter(isCandidate));
  for (const type of [...candidates].sort()) {
    const spec = specs.instanceTypes[type];
    if (!spec) continue; // priced but without specs: cannot be packed
    const [family, size] = type.split(".") as [string, string];
    const arch = spec.arch === "amd64" ? "x86_64" : spec.arch === "arm64" ? "arm64" : undefined;
    if (!arch || spec.gpu !== 0) throw new Error(`${type}: unexpected arch ${spec.arch} or GPU ${spec.gpu}`);
    const maxEnis = ENI_PROFILES[profileOf(family)]![size];
    if (maxEnis === undefined) throw new Error(`${type}: no ENI limit for size ${size} in profile ${profileOf(family)}`);
    const row: InstanceSpecRow = [spec.vcpu, spec.memoryGiB, arch, maxEnis, TRUNKING_TASKS[size] ?? null];
    if (types[type] && JSON.stringify(types[type]) !== JSON.stringify(row)) throw new Error(`${type}: specs differ between regions`);
    types[type] = row;

    const od = (fromKarpenter ? karpenter.regions[code]![type] : undefined) ?? page.prices[type];
    if (fromKarpenter && karpenter.regions[code]![type] === undefined) throw new Error(`${code} ${type}: not in the Price List data`);
    if (od === undefined) throw new Error(`${code} ${type}: no on-demand price`);
    const spot = advisor.regions[code]?.[type]?.savingsPct ?? null;
    prices[type] = [s(od), spot];

    // The check against the joined convenience file.
    const j = joined.regions[code]!.types[type];
    if (!j) mismatches.push(`${code} ${type}: missing from the joined file`);
    else if (j[0] !== spec.vcpu || j[1] !== spec.memoryGiB || j[2] !== spec.arch || s(j[4]) !== s(od) || j[5] !== spot)
      mismatches.push(`${code} ${type}: joined ${JSON.stringify(j)} vs ours ${JSON.stringify([spec.vcpu, spec.memoryGiB, spec.arch, od, spot])}`);
  }
  const gp3 = ebs.regions[code]?.gp3GbMonth;
  regions[code] = {
    name: page.location,
    onDemandSource: fromKarpenter ? "ec2-on-demand-price-list" : "ec2-on-demand-pricing-page",
    ebsGp3GbMonth: gp3 === undefined ? null : s(gp3),
    prices,
  };
}
if (mismatches.length) throw new Error(`rows differ from ec2-catalog-joined.json:\n${mismatches.slice(0, 20).join("\n")}`);

const usedFamilies = new Set(Object.keys(types).map((t) => t.split(".")[0]!));
const catalog: Ec2Catalog = Ec2Catalog.parse({
  schemaVersion: 1,
  generatedFrom:
    "shared/pricing-data (ec2/ec2-instance-specs, ec2-ondemand-linux-*, ec2-spot-advisor-savings-linux, ebs/ebs-by-region, fixtures/ec2-getproducts-item-m5.large)",
  candidates: {
    families,
    note: "Current-generation general purpose (m), compute (c) and memory (r) optimized, Intel/AMD x86_64 and Graviton arm64, 5th generation on, no metal. Excluded: t*, previous generation, GPU/storage/HPC, d/n/b/zn variants, -flex, m8a/c8a/r8a (ENI limits unverified).",
  },
  provenance,
  sources: { specs: "ec2-specs", spot: "ec2-spot-advisor", ebs: "ebs-gp3" },
  eniLimits: {
    provenance: "eni-limits",
    families: Object.fromEntries(families.filter((f) => usedFamilies.has(f)).map((f) => [f, profileOf(f)])),
    profiles: ENI_PROFILES,
  },
  eniTrunking: { provenance: "eni-trunking", tasksBySize: TRUNKING_TASKS },
  commitments: {
    "1yr": { discountPercent: ri1.pct, provenance: "ec2-commitment-1yr" },
    "3yr": { discountPercent: ri3.pct, provenance: "ec2-commitment-3yr" },
  },
  typeColumns: ["vcpu", "memoryGiB", "arch", "maxEnis", "trunkingTasks"],
  priceColumns: ["onDemandHourly", "spotSavingsPercent"],
  types,
  regions,
});

const text = serializeEc2Catalog(catalog);
Ec2Catalog.parse(JSON.parse(text));
writeFileSync(outFile, text);
const priced = Object.values(regions).reduce((n, r) => n + Object.keys(r.prices).length, 0);
console.log(
  `wrote ${path.relative(process.cwd(), outFile)}: ${Object.keys(types).length} types, ${Object.keys(regions).length} regions, ${priced} region prices, ` +
    `${Object.values(regions).filter((r) => r.ebsGp3GbMonth).length} regions with gp3, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB; ` +
    `commitment discounts 1yr ${ri1.pct}%, 3yr ${ri3.pct}%`,
);
