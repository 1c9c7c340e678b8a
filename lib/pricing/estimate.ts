import type { FargateCatalog } from "@/lib/catalog/schema";
import type { Scenario } from "@/lib/scenario/schema";
import { ON_DEMAND_SOURCE, priceWorkload } from "./fargate";
import { sum } from "./money";
import type { FargateEstimate, PriceSourceSummary } from "./types";

/**
 * A validated scenario -> its Fargate estimate. Totals are sums of the workloads' line items.
 * Validate with parseScenario first: this throws RangeError on input the schema would have refused.
 */
export function estimateScenario(scenario: Scenario, catalog: FargateCatalog): FargateEstimate {
  const region = catalog.regions[scenario.region];
  if (!region) throw new RangeError(`Unknown region "${scenario.region}"`);
  const workloads = scenario.workloads.map((w) => priceWorkload(w, region, catalog));

  const used = new Set<string>([ON_DEMAND_SOURCE]);
  for (const w of workloads) for (const li of w.lineItems) used.add(li.priceSource);
  const sources: PriceSourceSummary[] = [...used].map((key) => {
    const p = catalog.provenance[key];
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
