import type { ExtrasRegion } from "@/lib/catalog";
import type { ScenarioSpec as Scenario } from "./input";
import type { Ec2Estimate } from "./ec2";
import { lineItem } from "./line-item";
import { dec, HOURS_PER_MONTH, sum, type Decimal } from "@/lib/core";
import type { FargateEstimate, LineItem } from "./types";

/**
 * The EC2 side's whole bill, like for like with Fargate's: the same services (load balancers, NAT, data transfer,
 * EFS, EKS, ECR) and the same logs. Public tasks: with bridge networking the tasks share their instance's address,
 * so one public IPv4 per instance; with awsvpc (the default) a task's own network interface on EC2 never gets a public
 * IP (AWS: "awsvpc … tasks on EC2 … aren't given public IP addresses"; they reach the internet through a NAT gateway),
 * so the equivalent is a NAT gateway and its public IPv4 (issue 24 item 3), unless the scenario already has one; the
 * data it would process is not known and not priced (a note says so).
 */
/** The note on the EC2 side when public tasks under awsvpc are priced as a NAT gateway. */
export const AWSVPC_PUBLIC_NOTE =
  "Tasks on EC2 with awsvpc networking cannot have public IPs: the EC2 side prices a NAT gateway and its public IPv4 for the public tasks instead (the data it processes is not included); bridge networking would share each instance's address.";
export const AWSVPC_PUBLIC_WITH_NAT_NOTE =
  "Tasks on EC2 with awsvpc networking cannot have public IPs: on the EC2 side the public tasks reach the internet through the scenario's NAT gateways (no public IPv4 per instance).";

export interface Ec2WholeBill {
  /** For public tasks: the instances' public IPv4 addresses (bridge) or a NAT gateway (awsvpc); the hosted workloads' logs. */
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

/** How the EC2 side gives its public tasks the internet: none hosted, instance addresses, the scenario's NAT, a NAT of its own. */
function publicAccess(scenario: Scenario, ec2: Ec2Estimate): "none" | "instances" | "scenario-nat" | "nat" {
  const instanceHours = ec2.instances.reduce((n, i) => n + i.instanceHours, 0);
  if (instanceHours <= 0 || !scenario.workloads.some((w) => w.os !== "windows" && w.publicIp && w.tasks > 0)) return "none";
  if (scenario.ec2.networking === "bridge") return "instances";
  return (scenario.services?.natGateways?.count ?? 0) > 0 ? "scenario-nat" : "nat";
}

/** The EC2 side's note on its public tasks, when it prices them otherwise than Fargate (awsvpc). */
export function publicTasksNote(scenario: Scenario, ec2: Ec2Estimate): string | null {
  const access = publicAccess(scenario, ec2);
  return access === "nat" ? AWSVPC_PUBLIC_NOTE : access === "scenario-nat" ? AWSVPC_PUBLIC_WITH_NAT_NOTE : null;
}

export function ec2WholeBill(scenario: Scenario, fargate: FargateEstimate, ec2: Ec2Estimate, region: ExtrasRegion | undefined): Ec2WholeBill {
  const items: LineItem[] = [];
  const hosted = scenario.workloads.map((w, i) => ({ w, e: fargate.workloads[i]! })).filter(({ w }) => w.os !== "windows");
  const access = publicAccess(scenario, ec2);
  if (access === "instances" || access === "nat") {
    const instanceHours = ec2.instances.reduce((n, i) => n + i.instanceHours, 0);
    const rate = region?.publicIpv4?.inUseHour;
    if (!rate) throw new RangeError(`No public IPv4 price for ${scenario.region}`);
    if (access === "instances")
      items.push(lineItem("Public IPv4 address (one per instance)", "address-hours", dec(instanceHours), rate.usd, "public-ipv4", "on-demand", "public-ipv4"));
    else {
      const nat = region?.natGateway;
      if (!nat) throw new RangeError(`No NAT gateway price for ${scenario.region}`);
      const month = dec(HOURS_PER_MONTH);
      items.push(lineItem("NAT gateway (for the public tasks)", "gateway-hours", month, nat.hour.usd, "nat-gateway", "on-demand", "nat-gateway"));
      items.push(lineItem("Public IPv4 address (the NAT gateway's)", "address-hours", month, rate.usd, "public-ipv4", "on-demand", "public-ipv4"));
    }
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
