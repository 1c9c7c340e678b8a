import { type Ec2Catalog, type ExtrasCatalog, extrasRegion, type FargateCatalog } from "@/lib/catalog";
import type { ScenarioSpec as Scenario } from "./input";
import { estimateEc2, type Ec2Estimate } from "./ec2";
import { estimateWorkloads } from "./estimate-cache";
import { FargateWorkloadEstimate, ON_DEMAND_SOURCE, priceWorkload } from "./fargate";
import { Sum, own, sum, type Decimal } from "@/lib/core";
import { needsExtras, priceServices, withWorkloadExtras } from "./services";
import type { FargateEstimate, PriceSourceSummary } from "./types";
import { ec2WholeBill, publicTasksNote, type Ec2WholeBill } from "./whole-bill";

/**
 * A validated scenario -> its Fargate estimate. Totals are sums of line items: compute (the workloads' Fargate
 * lines), services (the workloads' public IPv4 and logs lines, and the scenario's services) and the whole bill.
 * Validate with parseScenario first: this throws RangeError on input the schema would have refused, and when a
 * version 2 scenario comes without the extras catalog.
 */
export function estimateScenario(scenario: Scenario, catalog: FargateCatalog, extras?: ExtrasCatalog): FargateEstimate {
  const region = own(catalog.regions, scenario.region);
  if (!region) throw new RangeError(`Unknown region "${scenario.region}"`);
  const v2 = needsExtras(scenario);
  if (v2 && !extras) throw new RangeError("This scenario has version 2 items: pass the extras price catalog");
  const xr = extras ? extrasRegion(extras, scenario.region) : undefined;
  // Workloads priced by an earlier call (the calculator's keystroke path) are reused: see estimate-cache.ts.
  const workloads = estimateWorkloads(scenario.workloads, { region, catalog, extras: xr, v2, regionCode: scenario.region }, (w) => {
    const priced = priceWorkload(w, region, catalog);
    return v2 ? withWorkloadExtras(priced, w, xr, scenario.region) : priced;
  });
  const services = priceServices(scenario, xr);

  const used = new Set<string>([ON_DEMAND_SOURCE]);
  for (const w of workloads) {
    if (w instanceof FargateWorkloadEstimate) for (const key of w.priceSources()) used.add(key);
    else for (const li of w.lineItems) used.add(li.priceSource);
  }
  for (const li of services.lineItems) used.add(li.priceSource);
  const sources: PriceSourceSummary[] = [...used].map((key) => {
    const p =
      own(catalog.provenance, key) ??
      (extras && Object.hasOwn(extras.provenance, key) ? extras.provenance[key as keyof ExtrasCatalog["provenance"]] : undefined);
    if (!p) throw new RangeError(`Unknown price source "${key}"`);
    return { key, ...p };
  });
  const main = catalog.provenance[ON_DEMAND_SOURCE]!;

  // Each workload's monthlyCost is the exact sum of its line items; compute is the sum of their compute parts.
  const all = new Sum();
  const compute = new Sum();
  for (const w of workloads) {
    all.add(w.monthlyCost);
    compute.add(w.computeMonthlyCost);
  }
  const workloadsCost = all.total();
  const computeMonthlyCost = compute.total();
  const monthlyCost = workloadsCost.plus(services.monthlyCost);
  return {
    scenario: { name: scenario.name, region: scenario.region },
    catalog: { source: main.source, publishedAt: main.publishedAt, region: scenario.region, regionName: region.name, sources },
    workloads,
    services,
    totals: { computeMonthlyCost, servicesMonthlyCost: monthlyCost.minus(computeMonthlyCost), monthlyCost },
    warnings: [],
  };
}

/** The equivalent ECS-on-EC2 cluster with its whole bill (its compute plus the same services as the Fargate side). */
export type Ec2WithWholeBill = Ec2Estimate & { wholeBill: Ec2WholeBill };

/**
 * The same cluster on ECS Managed Instances: AWS launches, patches and replaces the instances; they are billed at EC2
 * rates (the scenario's EC2 purchase options) plus a management fee per instance-hour. Only types with a fee in the
 * region; none at all where our fee table has no region (available: false, with the reason in warnings).
 */
export type ManagedInstancesEstimate = Ec2WithWholeBill & {
  /** The management fee lines' sum (part of monthlyCost); zero when not available. */
  feeMonthlyCost: Decimal;
  /** The fee table's inferred-type caveat, in words. */
  caveat: string;
};

/** The full estimate contract: Fargate, ECS Managed Instances and self-managed ECS on EC2, each with its whole bill. */
export type Estimate = FargateEstimate & { managedInstances: ManagedInstancesEstimate; ec2: Ec2WithWholeBill };

/**
 * A scenario's Fargate estimate -> the equivalent ECS-on-EC2 cluster and its whole bill: what the CLI, the API
 * (estimateAll) and the results panel (lib/results buildResults) show beside Fargate.
 */
export function estimateEc2WithWholeBill(scenario: Scenario, fargate: FargateEstimate, ec2: Ec2Catalog, extras?: ExtrasCatalog): Ec2WithWholeBill {
  const cluster = estimateEc2(scenario, fargate, ec2);
  const xr = extras ? extrasRegion(extras, scenario.region) : undefined;
  const wholeBill = ec2WholeBill(scenario, fargate, cluster, xr);
  const note = publicTasksNote(scenario, cluster);
  return { ...cluster, ...(note ? { warnings: [...cluster.warnings, note] } : {}), wholeBill };
}

const NO_FEE_TABLE = "ECS Managed Instances needs the fee table of the extras price snapshot, which is not loaded.";

/**
 * A scenario's Fargate estimate -> the same tasks on ECS Managed Instances with its whole bill: the EC2 search
 * (same packing, headroom and purchase options) restricted to types with a fee in the region, plus the fee.
 */
export function estimateManagedInstances(scenario: Scenario, fargate: FargateEstimate, ec2: Ec2Catalog, extras?: ExtrasCatalog): ManagedInstancesEstimate {
  const xr = extras ? extrasRegion(extras, scenario.region) : undefined;
  const caveat = extras?.ecsManagedInstances?.caveat ?? NO_FEE_TABLE;
  const provenance = extras?.provenance["ecs-managed-instances"];
  const managementFees = provenance
    ? { fees: xr?.ecsManagedInstances?.fees, source: { key: "ecs-managed-instances", ...provenance } }
    : { fees: undefined, source: { key: "ecs-managed-instances", source: NO_FEE_TABLE, publishedAt: "2025-10-27", estimate: true }, missing: NO_FEE_TABLE };
  const cluster = estimateEc2(scenario, fargate, ec2, { managementFees });
  const feeMonthlyCost = sum(cluster.lineItems.filter((li) => li.component === "management-fee").map((li) => li.monthlyCost));
  return { ...cluster, wholeBill: ec2WholeBill(scenario, fargate, cluster, xr), feeMonthlyCost, caveat: caveat + confirmedBySku(cluster.instances, xr) };
}

/**
 * " The fee of m5.large was confirmed by SKU on 2026-12-06 (AWS Price List)." for the chosen types whose fee row
 * `npm run pricing:refresh` confirmed (regions.<code>.ecsManagedInstances.confirmed); "" when none was (the embedded
 * snapshot: every type inferred), so the caveat stays as it was.
 */
function confirmedBySku(instances: readonly { type: string }[], xr: ReturnType<typeof extrasRegion> | undefined): string {
  const confirmed = xr?.ecsManagedInstances?.confirmed;
  if (!confirmed) return "";
  const types = [...new Set(instances.map((i) => i.type))].filter((t) => confirmed.types.includes(t));
  if (!types.length) return "";
  return ` The fee of ${types.join(", ")} was confirmed by SKU on ${confirmed.on} (AWS Price List).`;
}

/**
 * A validated scenario -> Fargate, ECS Managed Instances and self-managed EC2 side by side (the CLI's and the API's
 * JSON). managedInstances comes before ec2: the option in the middle.
 */
export function estimateAll(scenario: Scenario, catalog: FargateCatalog, ec2: Ec2Catalog, extras?: ExtrasCatalog): Estimate {
  const fargate = estimateScenario(scenario, catalog, extras);
  return {
    ...fargate,
    managedInstances: estimateManagedInstances(scenario, fargate, ec2, extras),
    ec2: estimateEc2WithWholeBill(scenario, fargate, ec2, extras),
  };
}
