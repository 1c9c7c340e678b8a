import type { Ec2Catalog } from "@/lib/catalog/ec2-schema";
import type { FargateCatalog } from "@/lib/catalog/schema";
import type { Scenario } from "@/lib/scenario/schema";
import { estimateEc2, type Ec2Estimate } from "./ec2";
import { ON_DEMAND_SOURCE, priceWorkload } from "./fargate";
import { sum } from "./money";
import { own } from "./own";
import type { FargateEstimate, PriceSourceSummary } from "./types";

/**
 * A validated scenario -> its Fargate estimate. Totals are sums of the workloads' line items.
 * Validate with parseScenario first: this throws RangeError on input the schema would have refused.
 */
export function estimateScenario(scenario: Scenario, catalog: FargateCatalog): FargateEstimate {
  const region = own(catalog.regions, scenario.region);
  if (!region) throw new RangeError(`Unknown region "${scenario.region}"`);
  const workloads = scenario.workloads.map((w) => priceWorkload(w, region, catalog));

  const used = new Set<string>([ON_DEMAND_SOURCE]);
  for (const w of workloads) for (const li of w.lineItems) used.add(li.priceSource);
  const sources: PriceSourceSummary[] = [...used].map((key) => {
    const p = own(catalog.provenance, key);
    if (!p) throw new RangeError(`Unknown price source "${key}"`);
    return { key, ...p };
  });
  const main = catalog.provenance[ON_DEMAND_SOURCE]!;

  return {
    scenario: { name: scenario.name, region: scenario.region },
    catalog: { source: main.source, publishedAt: main.publishedAt, region: scenario.region, regionName: region.name, sources },
    workloads,
    // Each workload's monthlyCost is the exact sum of its line items, so this is the sum of every line item.
    totals: { monthlyCost: sum(workloads.map((w) => w.monthlyCost)) },
    warnings: [],
  };
}

/** The full estimate contract: the Fargate estimate plus the equivalent ECS-on-EC2 cluster. */
export type Estimate = FargateEstimate & { ec2: Ec2Estimate };

/** A validated scenario -> Fargate and EC2 side by side (the CLI's and the API's JSON). */
export function estimateAll(scenario: Scenario, catalog: FargateCatalog, ec2: Ec2Catalog): Estimate {
  const fargate = estimateScenario(scenario, catalog);
  return { ...fargate, ec2: estimateEc2(scenario, fargate, ec2) };
}
