import type { ExtrasRegion } from "@/lib/catalog";
import type { ScenarioSpec as Scenario } from "./input";
import type { Ec2Estimate } from "./ec2";
import { lineItem } from "./line-item";
import { dec, sum, type Decimal } from "@/lib/core";
import type { FargateEstimate, LineItem } from "./types";

/**
 * The EC2 side's whole bill, like for like with Fargate's: the same services (load balancers, NAT, data transfer,
 * EFS, EKS, ECR) and the same logs, but public IPv4 per instance instead of per task (tasks on EC2 share the
 * instance's address). Instances are public when a workload they host has a public IP.
 */
export interface Ec2WholeBill {
  /** The instances' public IPv4 addresses and the hosted workloads' logs. */
  lineItems: LineItem[];
  /** The sum of lineItems. */
  lineItemsMonthlyCost: Decimal;
  /** The fleet (instances and EBS): ec2.monthlyCost; null when EC2 is not available. */
  computeMonthlyCost: Decimal | null;
  /** The line items above plus the scenario's services. */
  servicesMonthlyCost: Decimal;
  /** The whole EC2 bill; null when EC2 is not available. */
  monthlyCost: Decimal | null;
  /** Fargate's whole bill for the same (non-Windows) workloads: compare monthlyCost with this. */
  comparedFargateMonthlyCost: Decimal;
}

export function ec2WholeBill(scenario: Scenario, fargate: FargateEstimate, ec2: Ec2Estimate, region: ExtrasRegion | undefined): Ec2WholeBill {
  const items: LineItem[] = [];
  const hosted = scenario.workloads.map((w, i) => ({ w, e: fargate.workloads[i]! })).filter(({ w }) => w.os !== "windows");
  const publicInstances = hosted.some(({ w }) => w.publicIp && w.tasks > 0);
  const instanceHours = ec2.instances.reduce((n, i) => n + i.instanceHours, 0);
  if (publicInstances && instanceHours > 0) {
    const rate = region?.publicIpv4?.inUseHour;
    if (!rate) throw new RangeError(`No public IPv4 price for ${scenario.region}`);
    items.push(lineItem("Public IPv4 address (one per instance)", "address-hours", dec(instanceHours), rate.usd, "public-ipv4", "on-demand", "public-ipv4"));
  }
  for (const { e } of hosted) for (const li of e.lineItems) if (li.component === "logs") items.push({ ...li, name: `${li.name} (${e.name})` });
  const lineItemsMonthlyCost = sum(items.map((li) => li.monthlyCost));
  const servicesMonthlyCost = lineItemsMonthlyCost.plus(fargate.services.monthlyCost);
  return {
    lineItems: items,
    lineItemsMonthlyCost,
    computeMonthlyCost: ec2.monthlyCost,
    servicesMonthlyCost,
    monthlyCost: ec2.monthlyCost === null ? null : ec2.monthlyCost.plus(servicesMonthlyCost),
    comparedFargateMonthlyCost: sum(hosted.map(({ e }) => e.monthlyCost)).plus(fargate.services.monthlyCost),
  };
}
