import { type Ec2Catalog, type ExtrasCatalog, extrasRegion, type FargateCatalog } from "@/lib/catalog";
import type { ScenarioSpec as Scenario } from "./input";
import { estimateEc2, type Ec2Estimate } from "./ec2";
import { estimateWorkloads } from "./estimate-cache";
import { FargateWorkloadEstimate, ON_DEMAND_SOURCE, priceWorkload } from "./fargate";
import { Sum, own } from "@/lib/core";
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

/** The full estimate contract: the Fargate estimate plus the equivalent ECS-on-EC2 cluster and its whole bill. */
export type Estimate = FargateEstimate & { ec2: Ec2WithWholeBill };

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

/** A validated scenario -> Fargate and EC2 side by side (the CLI's and the API's JSON). */
export function estimateAll(scenario: Scenario, catalog: FargateCatalog, ec2: Ec2Catalog, extras?: ExtrasCatalog): Estimate {
  const fargate = estimateScenario(scenario, catalog, extras);
  return { ...fargate, ec2: estimateEc2WithWholeBill(scenario, fargate, ec2, extras) };
}
