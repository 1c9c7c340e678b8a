import { type ExtrasCatalog, extrasRegion, type ExtrasRegion, regionsWith } from "@/lib/catalog";
import { formatUsd, dec, HOURS_PER_MONTH } from "@/lib/core";

/** One-line explanations with the region's prices, for the services editor; `unavailable` when we have no price. */
export interface ServiceHints {
  publicIp: string;
  logs: string;
  loadBalancer: string;
  nat: string;
  egress: string;
  interAz: string;
  efs: string;
  eks: string;
  ecr: string;
}

const month = (usd: string) => formatUsd(dec(usd).times(HOURS_PER_MONTH));
const rate = (usd: string) => `$${usd}`;

export function serviceHints(extras: ExtrasCatalog | null, region: string): ServiceHints | null {
  if (!extras) return null;
  const r: ExtrasRegion | undefined = extrasRegion(extras, region);
  const none = (what: string, has: (x: ExtrasRegion) => boolean) => {
    const n = regionsWith(extras, has).length;
    return `Not available here: our price data has no ${what} price for ${region} (it covers ${n} regions).`;
  };
  const ip = r?.publicIpv4?.inUseHour.usd;
  const ipMonth = ip ? month(ip) : null;
  return {
    publicIp: ip
      ? `Each running task with a public IP pays ${ipMonth}/month in ${region} (${rate(ip)} per address-hour).`
      : none("public IPv4", (x) => !!x.publicIpv4),
    logs: r?.logs
      ? `CloudWatch Logs in ${region}: ${rate(r.logs.standardIngestionGB.usd)} per GB ingested, ${rate(r.logs.storageGBMonth.usd)} per GB-month stored.`
      : none("CloudWatch Logs", (x) => !!x.logs),
    loadBalancer: r?.loadBalancer
      ? `An ALB costs ${month(r.loadBalancer.albHour.usd)}/month plus ${month(r.loadBalancer.albLcuHour.usd)} per average LCU; an NLB ${month(r.loadBalancer.nlbHour.usd)} plus ${month(r.loadBalancer.nlbNlcuHour.usd)} per NLCU${ipMonth ? `; internet-facing adds a public IPv4 per AZ (${ipMonth} each)` : ""}.`
      : none("load balancer", (x) => !!x.loadBalancer),
    nat: r?.natGateway
      ? `Each NAT gateway costs ${month(r.natGateway.hour.usd)}/month${ipMonth ? ` plus ${ipMonth} for its public IPv4` : ""}, and ${rate(r.natGateway.gbProcessed.usd)} per GB it processes.`
      : none("NAT gateway", (x) => !!x.natGateway),
    egress: r?.internetEgress
      ? `${rate(r.internetEgress.tiers[0]!.perGB.usd)} per GB out to the internet for the first 10 TB a month (less above); AWS's free 100 GB a month is not applied.`
      : none("internet data transfer", (x) => !!x.internetEgress),
    interAz: r?.interAz
      ? `${rate(r.interAz.gbEachSide.usd)} per GB on each side: every GB that crosses AZs is billed twice.`
      : none("inter-AZ data transfer", (x) => !!x.interAz),
    efs: r?.efs
      ? `EFS Standard ${rate(r.efs.standardGBMonth.usd)} per GB-month; Elastic Throughput ${rate(r.efs.elasticReadGB.usd)} per GB read, ${rate(r.efs.elasticWriteGB.usd)} per GB written; IA and Archive also charge per GB accessed.${r.efs.oneZoneGBMonth ? "" : " One Zone classes are not offered here."}`
      : none("EFS", (x) => !!x.efs),
    eks: r?.eks
      ? `Each EKS cluster costs ${month(r.eks.clusterHour.usd)}/month; a Kubernetes version in extended support adds ${month(r.eks.extendedSupportSurchargeHour.usd)}.`
      : none("EKS", (x) => !!x.eks),
    ecr: r?.ecr
      ? `ECR stores images at ${rate(r.ecr.storageGBMonth.usd)} per GB-month; pulls in the same region are free (through NAT they pay its processing).`
      : none("ECR", (x) => !!x.ecr),
  };
}
