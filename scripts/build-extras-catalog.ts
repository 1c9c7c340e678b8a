/**
 * Regenerates the embedded "whole bill" price snapshot (lib/catalog/data/extras.json) from
 * ../shared/pricing-data/extras (AWS pricing-page feeds and one real bill, see README-extras.md there).
 * Run: npm run catalog:extras [-- --source DIR]. The app never reads ../shared at run time.
 * Rates stay decimal strings exactly as published; each block keeps its SKU and its feed's date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Ec2Catalog, ExtrasCatalog, type ExtrasItem, type ExtrasRegion } from "@/lib/catalog";
import { dec, toPlain } from "../lib/core";

const args = process.argv.slice(2);
const sourceIdx = args.indexOf("--source");
const sourceDir = path.resolve(sourceIdx >= 0 ? args[sourceIdx + 1]! : path.join(__dirname, "..", "..", "shared", "pricing-data"));
const outFile = path.join(__dirname, "..", "lib", "catalog", "data", "extras.json");

interface Feed {
  _source: Record<string, unknown> & {
    publicationDate?: string;
    fileLastChangedDate?: string;
    commitDate?: string;
    path?: string;
    upstreamRepo?: string;
    publisher?: string;
  };
  regions: Record<string, Record<string, unknown> & { location: string; skus?: Record<string, string>; sku?: string }>;
}
/** The ECS Managed Instances fee table: its own layout (regions -> type -> USD, skus, labelEvidence), read below. */
const MI_ITEM = "ecs-managed-instances";
const MI_FILE = "ecs-managed-instances-fee-by-region-2025-10-27.json";
type FeedItem = Exclude<ExtrasItem, typeof MI_ITEM>;
const FILES: Record<FeedItem, string> = {
  "public-ipv4": "vpc-public-ipv4-by-region-2025-11-04.json",
  "nat-gateway": "vpc-nat-gateway-by-region-2025-10-28.json",
  "load-balancer": "elb-alb-nlb-by-region-2025-06-05.json",
  "cloudwatch-logs": "cloudwatch-logs-metrics-by-region-2025-09-23.json",
  efs: "efs-by-region-2025-09-25.json",
  eks: "eks-cluster-by-region-2025-10-28.json",
  ecr: "ecr-storage-by-region-2025-06-05.json",
  "internet-egress": "data-transfer-internet-egress-by-region-2025-06-18.json",
  "inter-az": "data-transfer-inter-az-2024-09.json",
};
const feeds = Object.fromEntries(
  Object.entries(FILES).map(([item, file]) => [item, JSON.parse(readFileSync(path.join(sourceDir, "extras", file), "utf8")) as Feed]),
) as Record<FeedItem, Feed>;

interface MiFeed {
  source: string;
  sourceUrl: string;
  retrievedFrom: string;
  date: string;
  counts: { unlabelledRows: number };
  regions: Record<string, Record<string, number>>;
  /** One SKU, or two for twin types (two AWS rows with the same price; which is which is unknown). */
  skus: Record<string, Record<string, string | string[]>>;
  labelEvidence: Record<string, { tier: "A" | "B" | "A-twin" }>;
}
const mi = JSON.parse(readFileSync(path.join(sourceDir, "extras", MI_FILE), "utf8")) as MiFeed;
/** The EC2 snapshot (npm run catalog:ec2 first): a fee is only kept for a type whose instance we can price there. */
const ec2 = Ec2Catalog.parse(JSON.parse(readFileSync(path.join(__dirname, "..", "lib", "catalog", "data", "ec2.json"), "utf8")));

/** JSON numbers from the data files to exact decimal strings (shortest round-trip form, as published). */
const s = (n: unknown): string => {
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0) throw new Error(`not a price: ${String(n)}`);
  return toPlain(dec(String(n)));
};

const PAGES: Record<ExtrasItem, { label: string; url: string }> = {
  "public-ipv4": { label: "Amazon VPC pricing page data (public IPv4 addresses)", url: "https://aws.amazon.com/vpc/pricing/" },
  "nat-gateway": { label: "Amazon VPC pricing page data (NAT gateways)", url: "https://aws.amazon.com/vpc/pricing/" },
  "load-balancer": { label: "Elastic Load Balancing pricing page data (ALB, NLB)", url: "https://aws.amazon.com/elasticloadbalancing/pricing/" },
  "cloudwatch-logs": { label: "Amazon CloudWatch pricing page data (Logs)", url: "https://aws.amazon.com/cloudwatch/pricing/" },
  efs: { label: "Amazon EFS pricing page data", url: "https://aws.amazon.com/efs/pricing/" },
  eks: { label: "Amazon EKS pricing page data (cluster fee)", url: "https://aws.amazon.com/eks/pricing/" },
  ecr: { label: "Amazon ECR pricing page data (storage)", url: "https://aws.amazon.com/ecr/pricing/" },
  "internet-egress": { label: "AWS data transfer pricing page data (out to the internet)", url: "https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer" },
  "inter-az": {
    label: "AWS bill line items (FOCUS 1.0 sample, regional data transfer)",
    url: "https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region",
  },
  [MI_ITEM]: { label: "Amazon ECS pricing page data (ECS Managed Instances management fee)", url: "https://aws.amazon.com/ecs/pricing/" },
};
const NOTES: Partial<Record<ExtrasItem, string>> = {
  "public-ipv4": "Any free-tier allowance for public IPv4 is not applied.",
  efs: "Standard-IA is priced at its Elastic Throughput rate, the throughput mode whose reads and writes are priced here.",
  "internet-egress":
    "The feed's publication date was not preserved: this is its state as read on 2025-06-18 (file last changed 2025-06-05). The account-wide free allowance (100 GB a month) is not applied.",
  "inter-az": "Read from real bill rows of 2024-09; only 5 regions. Billed on each side of a cross-AZ transfer.",
  [MI_ITEM]:
    "AWS's map does not name the instance type of a fee row: each type was inferred (a row is labelled only where its fee is 12% of exactly one type's Linux on-demand price in every region where both are known). Each rate keeps its SKU; confirm by SKU against the Price List (service code AmazonECS).",
};
const MI_CAVEAT =
  "The instance type of each ECS Managed Instances fee is inferred, not published: AWS's price map (2025-10-27) keys a fee row by an opaque rate code. " +
  "A row is labelled with a type only where its fee is 12% of exactly one type's Linux on-demand price in every region where both are known; " +
  `${mi.counts.unlabelledRows} rows fit no single type and are not used. Types without a fee here are left out, never guessed; each fee keeps its Price List SKU.`;
const MI_BILLING =
  "Billed per second with a one-minute minimum per instance, on top of the EC2 instance at EC2 rates. Assumed, because AWS does not publish it: " +
  "the fee applies to Spot instances too, and Savings Plans or Reserved Instances discount the EC2 instance but not the fee.";

function dateOf(item: ExtrasItem): string {
  if (item === MI_ITEM) return mi.date.slice(0, 10);
  const src = feeds[item]._source;
  if (item === "internet-egress") return String(src.commitDate).slice(0, 10);
  if (item === "inter-az") return "2024-09";
  const d = String(src.publicationDate ?? "");
  if (!/^\d{4}-\d{2}-\d{2}/.test(d)) throw new Error(`${item}: no publication date`);
  return d.slice(0, 10);
}

const provenance = Object.fromEntries(
  [...(Object.keys(FILES) as FeedItem[]), MI_ITEM as ExtrasItem].map((item) => {
    // "lamngockhuong/aws-price@6e8bf8c… :lib/data/pricing/ecs.json (git blob …)" -> "lamngockhuong/aws-price@6e8bf8c lib/data/pricing/ecs.json"
    const via =
      item === MI_ITEM
        ? mi.retrievedFrom.replace(/^([^@]+)@([0-9a-f]{7})[0-9a-f]*:(\S+).*$/, "$1@$2 $3")
        : `${String(feeds[item]._source.upstreamRepo)} ${String(feeds[item]._source.path)}`;
    return [
      item,
      {
        source: `${PAGES[item].label}, via ${via}`,
        publishedAt: dateOf(item),
        url: PAGES[item].url,
        estimate: false,
        ...(NOTES[item] ? { note: NOTES[item] } : {}),
      },
    ];
  }),
) as ExtrasCatalog["provenance"];

type Raw = Feed["regions"][string];
const rate = (raw: Raw, key: string) => {
  const sku = raw.skus?.[key];
  return { usd: s(raw[key]), ...(sku ? { sku } : {}) };
};
const has = (raw: Raw | undefined, ...keys: string[]): raw is Raw => raw !== undefined && keys.every((k) => typeof raw[k] === "number");
const tiersGB = feeds["internet-egress"]._source.tiersGB as Record<string, [number, number | null]>;
const TIER_KEYS = ["first10TBPerGB", "next40TBPerGB", "next100TBPerGB", "over150TBPerGB"] as const;

const codes = new Set<string>();
for (const feed of Object.values(feeds)) for (const code of Object.keys(feed.regions)) codes.add(code);
for (const code of Object.keys(mi.regions)) if (!codes.has(code)) throw new Error(`${MI_FILE}: ${code} is in no other extras feed`);

const regions: Record<string, ExtrasRegion> = {};
for (const code of [...codes].sort()) {
  const at = (item: FeedItem): Raw | undefined => (Object.hasOwn(feeds[item].regions, code) ? feeds[item].regions[code] : undefined);
  const name = Object.keys(FILES)
    .map((i) => at(i as FeedItem)?.location)
    .find(Boolean)!;
  const r: ExtrasRegion = { name };
  const ip = at("public-ipv4");
  if (has(ip, "inUsePerHour", "idlePerHour")) r.publicIpv4 = { inUseHour: rate(ip, "inUsePerHour"), idleHour: rate(ip, "idlePerHour") };
  const nat = at("nat-gateway");
  if (has(nat, "perHour", "perGBProcessed")) r.natGateway = { hour: rate(nat, "perHour"), gbProcessed: rate(nat, "perGBProcessed") };
  const lb = at("load-balancer");
  if (has(lb, "albPerHour", "albPerLCUHour", "nlbPerHour", "nlbPerNLCUHour"))
    r.loadBalancer = {
      albHour: rate(lb, "albPerHour"),
      albLcuHour: rate(lb, "albPerLCUHour"),
      nlbHour: rate(lb, "nlbPerHour"),
      nlbNlcuHour: rate(lb, "nlbPerNLCUHour"),
    };
  const cw = at("cloudwatch-logs");
  if (has(cw, "logsStandardIngestionPerGB", "logsStoragePerGBMonth"))
    r.logs = { standardIngestionGB: rate(cw, "logsStandardIngestionPerGB"), storageGBMonth: rate(cw, "logsStoragePerGBMonth") };
  const efs = at("efs");
  const efsKeys = [
    "standardPerGBMonth",
    "standardIAPerGBMonthElasticThroughput",
    "archivePerGBMonth",
    "iaReadPerGB",
    "iaWritePerGB",
    "archiveReadPerGB",
    "archiveWritePerGB",
    "elasticThroughputReadPerGB",
    "elasticThroughputWritePerGB",
  ];
  if (has(efs, ...efsKeys))
    r.efs = {
      standardGBMonth: rate(efs, "standardPerGBMonth"),
      standardIaGBMonth: rate(efs, "standardIAPerGBMonthElasticThroughput"),
      archiveGBMonth: rate(efs, "archivePerGBMonth"),
      ...(has(efs, "oneZonePerGBMonth") ? { oneZoneGBMonth: rate(efs, "oneZonePerGBMonth") } : {}),
      ...(has(efs, "oneZoneIAPerGBMonth") ? { oneZoneIaGBMonth: rate(efs, "oneZoneIAPerGBMonth") } : {}),
      iaReadGB: rate(efs, "iaReadPerGB"),
      iaWriteGB: rate(efs, "iaWritePerGB"),
      archiveReadGB: rate(efs, "archiveReadPerGB"),
      archiveWriteGB: rate(efs, "archiveWritePerGB"),
      elasticReadGB: rate(efs, "elasticThroughputReadPerGB"),
      elasticWriteGB: rate(efs, "elasticThroughputWritePerGB"),
    };
  const eks = at("eks");
  if (has(eks, "clusterStandardPerHour", "extendedSupportSurchargePerHour"))
    r.eks = { clusterHour: rate(eks, "clusterStandardPerHour"), extendedSupportSurchargeHour: rate(eks, "extendedSupportSurchargePerHour") };
  const ecr = at("ecr");
  if (has(ecr, "storagePerGBMonth")) r.ecr = { storageGBMonth: rate(ecr, "storagePerGBMonth") };
  const eg = at("internet-egress");
  if (has(eg, ...TIER_KEYS)) r.internetEgress = { tiers: TIER_KEYS.map((k) => ({ upToGB: tiersGB[k]![1], perGB: { usd: s(eg[k]) } })) };
  const az = at("inter-az");
  if (has(az, "perGBEachDirection")) r.interAz = { gbEachSide: { usd: s(az.perGBEachDirection), ...(az.sku ? { sku: az.sku } : {}) } };
  const fees = Object.hasOwn(mi.regions, code) ? mi.regions[code]! : undefined;
  const ec2Prices = Object.hasOwn(ec2.regions, code) ? ec2.regions[code]!.prices : undefined;
  if (fees && ec2Prices) {
    const kept: Record<string, [string, string]> = {};
    for (const type of Object.keys(fees).sort()) {
      if (!Object.hasOwn(ec2Prices, type)) continue;
      const sku = mi.skus[code]?.[type];
      if (!sku || sku.length === 0) throw new Error(`${MI_FILE}: ${code} ${type} has no SKU`);
      kept[type] = [s(fees[type]), typeof sku === "string" ? sku : sku.join("/")];
    }
    if (Object.keys(kept).length) r.ecsManagedInstances = { fees: kept };
  }
  regions[code] = r;
}
const usedTypes = new Set(Object.values(regions).flatMap((r) => Object.keys(r.ecsManagedInstances?.fees ?? {})));
const labelTiers = Object.fromEntries(
  [...usedTypes].sort().map((t) => {
    const tier = mi.labelEvidence[t]?.tier;
    if (!tier) throw new Error(`${MI_FILE}: ${t} has a fee but no labelEvidence`);
    return [t, tier];
  }),
);

// Spot checks against README-extras.md's us-east-1 values: a changed feed must be a reviewed change.
const use1 = regions["us-east-1"]!;
const checks: [string, string | undefined, string][] = [
  ["public IPv4", use1.publicIpv4?.inUseHour.usd, "0.005"],
  ["NAT hour", use1.natGateway?.hour.usd, "0.045"],
  ["ALB hour", use1.loadBalancer?.albHour.usd, "0.0225"],
  ["ALB LCU", use1.loadBalancer?.albLcuHour.usd, "0.008"],
  ["logs ingestion", use1.logs?.standardIngestionGB.usd, "0.5"],
  ["EFS standard", use1.efs?.standardGBMonth.usd, "0.3"],
  ["EKS cluster", use1.eks?.clusterHour.usd, "0.1"],
  ["ECR", use1.ecr?.storageGBMonth.usd, "0.1"],
  ["egress first tier", use1.internetEgress?.tiers[0]?.perGB.usd, "0.09"],
  ["inter-AZ", use1.interAz?.gbEachSide.usd, "0.01"],
  ["ECS Managed Instances fee m5.large", use1.ecsManagedInstances?.fees["m5.large"]?.join(" "), "0.01152 MVN3MAA8X9QENPCC"],
];
for (const [what, got, want] of checks) if (got !== want) throw new Error(`us-east-1 ${what}: expected ${want}, got ${String(got)}`);

const catalog = ExtrasCatalog.parse({
  schemaVersion: 1,
  generatedFrom: "shared/pricing-data/extras (see README-extras.md)",
  provenance,
  regions,
  ecsManagedInstances: { caveat: MI_CAVEAT, labelTiers, unlabeledRows: mi.counts.unlabelledRows, billing: MI_BILLING },
});
writeFileSync(outFile, `${JSON.stringify(catalog)}\n`);
console.log(`wrote ${path.relative(process.cwd(), outFile)}: ${Object.keys(regions).length} regions`);
