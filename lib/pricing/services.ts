import type { ExtrasCatalog, ExtrasItem, ExtrasRegion, Rate } from "@/lib/catalog";
import type { ScenarioSpec as Scenario, WorkloadSpec as Workload } from "./input";
import { FargateWorkloadEstimate } from "./fargate";
import { lineItem } from "./line-item";
import { num, rate as decRate, sum, toCents, ZERO, type Decimal, HOURS_PER_MONTH } from "@/lib/core";
import type { LineItem, ServicesEstimate, WorkloadEstimate } from "./types";

/**
 * The whole bill beside the Fargate meter (scenario v2). Pure: every rate comes from the extras catalog, and an
 * item the region has no price for throws (parseScenario refuses it first, with its path). Rules and sources:
 * docs/pricing-rules.md#beside-the-fargate-meter.
 * - Public IPv4: one address per running task with a public IP, per internet-facing load balancer AZ, per NAT
 *   gateway, and (EC2 side) per public instance; billed per address-hour at the in-use rate.
 * - Load balancers: hours plus capacity-unit hours (an average per hour).
 * - NAT gateways: hours plus GB processed. CloudWatch Logs: GB ingested (Standard class) plus GB-months stored.
 * - Internet egress: by the published monthly tiers, without the account-wide free allowance.
 * - Inter-AZ: the per-GB rate on each side of the transfer (2 x GB). EFS: storage class GB-months, Elastic
 *   Throughput GB read and written, plus the IA/Archive per-GB access charges for those classes.
 * - EKS: cluster-hours (plus the extended-support surcharge). ECR: GB-months stored.
 * AWS bills GB; the scenario's GiB are AWS's "GB" (as for Fargate memory), so quantities carry over unchanged.
 */

const MONTH = num(HOURS_PER_MONTH);

/** What the estimate does not price: shown as "Not included" beside the whole bill. */
export const NOT_INCLUDED = [
  "CloudWatch Container Insights and custom metrics",
  "AWS WAF, Shield Advanced and CloudFront",
  "Interface VPC endpoints (PrivateLink)",
  "Route 53, ACM Private CA, Secrets Manager and Parameter Store",
  "Inter-region data transfer and data transfer in",
  "Free-tier allowances (the account-wide 100 GB of internet egress a month)",
  "Taxes, support plans and credits",
] as const;

const line = (name: string, unit: string, quantity: Decimal, rate: Rate, component: LineItem["component"], source: ExtrasItem): LineItem =>
  lineItem(name, unit, quantity, rate.usd, component, "on-demand", source);

function need<T>(value: T | undefined, what: string, region: string): T {
  if (value === undefined) throw new RangeError(`No ${what} price for ${region}`);
  return value;
}

/** True when a scenario has version 2 items that need the extras catalog. */
export function needsExtras(s: Pick<Scenario, "services" | "workloads">): boolean {
  return s.services !== undefined || s.workloads.some((w) => w.publicIp !== undefined || w.logs !== undefined);
}

/** A workload's public IPv4 and logs lines, appended to its compute lines (v1 workloads come back unchanged). */
export function withWorkloadExtras(estimate: WorkloadEstimate, w: Workload, region: ExtrasRegion | undefined, regionCode: string): WorkloadEstimate {
  if (!w.publicIp && !w.logs) return estimate;
  const extra: LineItem[] = [];
  if (w.publicIp && estimate.taskHours.gt(0)) {
    // One address per running task (its awsvpc ENI), for every task-hour.
    const ipv4 = need(region?.publicIpv4, "public IPv4", regionCode);
    extra.push(line("Public IPv4 address (one per task)", "address-hours", estimate.taskHours, ipv4.inUseHour, "public-ipv4", "public-ipv4"));
  }
  if (w.logs && (w.logs.ingestedGiBPerMonth > 0 || w.logs.storedGiB > 0)) {
    const logs = need(region?.logs, "CloudWatch Logs", regionCode);
    if (w.logs.ingestedGiBPerMonth > 0)
      extra.push(line("CloudWatch Logs ingestion (Standard)", "GB", num(w.logs.ingestedGiBPerMonth), logs.standardIngestionGB, "logs", "cloudwatch-logs"));
    if (w.logs.storedGiB > 0) extra.push(line("CloudWatch Logs storage", "GB-months", num(w.logs.storedGiB), logs.storageGBMonth, "logs", "cloudwatch-logs"));
  }
  if (!extra.length) return estimate;
  const extraCost = sum(extra.map((li) => li.monthlyCost));
  if (estimate instanceof FargateWorkloadEstimate) return estimate.withExtraItems(extra, extraCost);
  return { ...estimate, lineItems: [...estimate.lineItems, ...extra], monthlyCost: estimate.monthlyCost.plus(extraCost) };
}

const tb = (gb: number) => (gb % 1024 === 0 ? `${(gb / 1024).toLocaleString("en-US")} TB` : `${gb.toLocaleString("en-US")} GB`);

/** Internet egress split over the region's monthly tiers, one line per tier used. */
function egressLines(gib: number, tiers: NonNullable<ExtrasRegion["internetEgress"]>["tiers"]): LineItem[] {
  const out: LineItem[] = [];
  const total = num(gib);
  let below = 0;
  tiers.forEach((t, i) => {
    // GB in this tier = min(total, tier top) - previous top (exact decimals; tier edges are whole GB).
    const top = t.upToGB === null ? total : total.lt(t.upToGB) ? total : num(t.upToGB);
    const quantity = top.minus(below);
    if (quantity.gt(0)) {
      const label = i === 0 ? `first ${tb(t.upToGB ?? 0)}` : t.upToGB === null ? `over ${tb(below)}` : `next ${tb(t.upToGB - below)}`;
      out.push(line(`Data transfer out to the internet (${label})`, "GB", quantity, t.perGB, "data-transfer", "internet-egress"));
    }
    if (t.upToGB !== null) below = t.upToGB;
  });
  return out;
}

const EFS_CLASS_LABEL = {
  standard: "Standard",
  "standard-ia": "Standard-IA",
  archive: "Archive",
  "one-zone": "One Zone",
  "one-zone-ia": "One Zone-IA",
} as const;

/** The scenario's services (v2) in one region -> line items, their sum and the notes that go with them. */
export function priceServices(scenario: Pick<Scenario, "region" | "services" | "workloads">, region: ExtrasRegion | undefined): ServicesEstimate {
  const code = scenario.region;
  const s = scenario.services;
  const items: LineItem[] = [];
  const notes: string[] = [];
  const ipv4 = () => need(region?.publicIpv4, "public IPv4", code).inUseHour;

  for (const lb of s?.loadBalancers ?? []) {
    const rates = need(region?.loadBalancer, "load balancer", code);
    const alb = lb.type === "application";
    const kind = alb ? "Application Load Balancer" : "Network Load Balancer";
    items.push(line(`${kind} (${lb.name})`, "LB-hours", MONTH, alb ? rates.albHour : rates.nlbHour, "load-balancer", "load-balancer"));
    if (lb.capacityUnits > 0)
      items.push(
        line(
          `${alb ? "LCUs" : "NLCUs"} (${lb.name})`,
          alb ? "LCU-hours" : "NLCU-hours",
          num(lb.capacityUnits).times(MONTH),
          alb ? rates.albLcuHour : rates.nlbNlcuHour,
          "load-balancer",
          "load-balancer",
        ),
      );
    if (lb.internetFacing)
      items.push(line(`Public IPv4 address (${lb.name}, one per AZ)`, "address-hours", num(lb.azs).times(MONTH), ipv4(), "public-ipv4", "public-ipv4"));
  }

  const nat = s?.natGateways;
  if (nat && (nat.count > 0 || nat.processedGiBPerMonth > 0)) {
    const rates = need(region?.natGateway, "NAT gateway", code);
    if (nat.count > 0) items.push(line("NAT gateway", "gateway-hours", num(nat.count).times(MONTH), rates.hour, "nat-gateway", "nat-gateway"));
    if (nat.processedGiBPerMonth > 0)
      items.push(line("NAT gateway data processed", "GB", num(nat.processedGiBPerMonth), rates.gbProcessed, "nat-gateway", "nat-gateway"));
    if (nat.count > 0)
      items.push(line("Public IPv4 address (one per NAT gateway)", "address-hours", num(nat.count).times(MONTH), ipv4(), "public-ipv4", "public-ipv4"));
  }

  const dt = s?.dataTransfer;
  if (dt?.internetOutGiBPerMonth) {
    items.push(...egressLines(dt.internetOutGiBPerMonth, need(region?.internetEgress, "internet data transfer", code).tiers));
    notes.push(
      "Internet egress is priced by AWS's published tiers without the account-wide free allowance (100 GB a month, shared by every service in the account).",
    );
  }
  if (dt?.interAzGiBPerMonth) {
    const rate = need(region?.interAz, "inter-AZ data transfer", code).gbEachSide;
    // Billed on the sending and on the receiving side: each GB crossing AZs is charged twice.
    items.push(line("Data transfer between AZs (out and in)", "GB", num(dt.interAzGiBPerMonth).times(2), rate, "data-transfer", "inter-az"));
  }

  for (const fs of s?.fileSystems ?? []) {
    const efs = need(region?.efs, "EFS", code);
    const storage = {
      standard: efs.standardGBMonth,
      "standard-ia": efs.standardIaGBMonth,
      archive: efs.archiveGBMonth,
      "one-zone": efs.oneZoneGBMonth,
      "one-zone-ia": efs.oneZoneIaGBMonth,
    }[fs.storageClass];
    const label = EFS_CLASS_LABEL[fs.storageClass];
    if (fs.storedGiB > 0)
      items.push(line(`EFS storage (${label}, ${fs.name})`, "GB-months", num(fs.storedGiB), need(storage, `EFS ${label}`, code), "efs", "efs"));
    const access =
      fs.storageClass === "archive"
        ? { read: efs.archiveReadGB, write: efs.archiveWriteGB, what: "Archive" }
        : fs.storageClass.endsWith("-ia")
          ? { read: efs.iaReadGB, write: efs.iaWriteGB, what: "IA" }
          : null;
    if (fs.readGiBPerMonth > 0) {
      items.push(line(`EFS Elastic Throughput reads (${fs.name})`, "GB", num(fs.readGiBPerMonth), efs.elasticReadGB, "efs", "efs"));
      if (access) items.push(line(`EFS ${access.what} data access, reads (${fs.name})`, "GB", num(fs.readGiBPerMonth), access.read, "efs", "efs"));
    }
    if (fs.writeGiBPerMonth > 0) {
      items.push(line(`EFS Elastic Throughput writes (${fs.name})`, "GB", num(fs.writeGiBPerMonth), efs.elasticWriteGB, "efs", "efs"));
      if (access) items.push(line(`EFS ${access.what} data access, writes (${fs.name})`, "GB", num(fs.writeGiBPerMonth), access.write, "efs", "efs"));
    }
  }

  const eks = s?.eksClusters;
  if (eks && eks.count > 0) {
    const rates = need(region?.eks, "EKS", code);
    items.push(line("EKS cluster", "cluster-hours", num(eks.count).times(MONTH), rates.clusterHour, "eks-cluster", "eks"));
    if (eks.extendedSupport)
      items.push(
        line("EKS extended support surcharge", "cluster-hours", num(eks.count).times(MONTH), rates.extendedSupportSurchargeHour, "eks-cluster", "eks"),
      );
  } else if (scenario.workloads.some((w) => w.platform === "eks")) {
    const fee = region?.eks
      ? ` ($${region.eks.clusterHour.usd} per cluster-hour in ${code}, $${toCents(MONTH.times(decRate(region.eks.clusterHour.usd)))} a month)`
      : "";
    notes.push(`The EKS cluster fee${fee} is not included: add services.eksClusters with the number of clusters.`);
  }

  const ecr = s?.containerRegistry;
  if (ecr && ecr.storedGiB > 0) items.push(line("ECR storage", "GB-months", num(ecr.storedGiB), need(region?.ecr, "ECR", code).storageGBMonth, "ecr", "ecr"));

  return { lineItems: items, monthlyCost: sum(items.map((li) => li.monthlyCost)), notes };
}

/** No services: what a version 1 scenario gets. */
export const noServices = (): ServicesEstimate => ({ lineItems: [], monthlyCost: ZERO, notes: [] });

export type { ExtrasCatalog };
