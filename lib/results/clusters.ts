import type { Ec2Catalog, ExtrasCatalog, FargateCatalog } from "@/lib/catalog";
import { dec, isDecimal } from "@/lib/core";
import { estimateEc2WithWholeBill, estimateManagedInstances, estimateScenario, type Ec2WithWholeBill, type ManagedInstancesEstimate } from "@/lib/pricing";
import type { Scenario } from "@/lib/scenario";

/**
 * The two cluster estimates beside Fargate: self-managed ECS on EC2 and ECS Managed Instances, each with its whole bill.
 * `managedInstances` is null without the extras catalog (its fee table), as in buildResults.
 */
export interface Clusters {
  ec2: Ec2WithWholeBill;
  managedInstances: ManagedInstancesEstimate | null;
}

/** What the cluster worker is asked: a validated scenario, and whether the page's Fargate estimate has the extras catalog. */
export interface ClustersRequest {
  scenario: Scenario;
  extras: boolean;
}

/**
 * The cluster estimates of a scenario, as buildResults computes them in the page: the same Fargate estimate (with or
 * without the extras catalog), then EC2 and, with the extras catalog, Managed Instances. Pure.
 */
export function estimateClusters(scenario: Scenario, catalog: FargateCatalog, ec2Catalog: Ec2Catalog, extras: ExtrasCatalog | null): Clusters {
  const fargate = estimateScenario(scenario, catalog, extras ?? undefined);
  return {
    ec2: estimateEc2WithWholeBill(scenario, fargate, ec2Catalog, extras ?? undefined),
    managedInstances: extras ? estimateManagedInstances(scenario, fargate, ec2Catalog, extras) : null,
  };
}

/** How a Decimal travels in clustersToWire's text: its full-precision string under this one key. */
const DECIMAL_KEY = "$decimal";

/**
 * The cluster estimates as text for postMessage: JSON with every Decimal written as `{"$decimal": "<full-precision
 * string>"}` (Decimal.toString is exact, and the Decimal it parses back is the same coefficient and places), so the page
 * gets back the very figures the worker computed; strings that look like numbers (a unit price) stay strings. The key
 * order is kept (the CLI's JSON contract and the goldens follow it).
 */
export function clustersToWire(clusters: Clusters): string {
  return JSON.stringify(clusters, function (this: Record<string, unknown>, key: string, value: unknown) {
    // The replacer sees a Decimal's toJSON() string: the holder still has the Decimal itself.
    const raw = key === "" ? value : this[key];
    return isDecimal(raw) ? { [DECIMAL_KEY]: raw.toString() } : value;
  });
}

/** clustersToWire's text -> the cluster estimates, each Decimal parsed back from its string. */
export function clustersFromWire(text: string): Clusters {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      const d = v[DECIMAL_KEY];
      if (typeof d === "string" && Object.keys(v).length === 1) return dec(d);
    }
    return value;
  }) as Clusters;
}

/** The cluster worker's answer: the estimates in clustersToWire's text, or why they could not be computed. */
export type ClustersReply = { wire: string; error?: undefined } | { error: string; wire?: undefined };

/** What the worker does with a request (and the page, where workers are unavailable): pure given the catalogs. */
export function answerClusters(request: ClustersRequest, catalog: FargateCatalog, ec2Catalog: Ec2Catalog, extras: ExtrasCatalog): ClustersReply {
  try {
    return { wire: clustersToWire(estimateClusters(request.scenario, catalog, ec2Catalog, request.extras ? extras : null)) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
