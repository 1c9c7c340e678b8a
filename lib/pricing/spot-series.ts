import type { FargateCatalog } from "@/lib/catalog";
import type { ScenarioSpec as Scenario } from "./input";
import { estimateScenario } from "./estimate";
import { type Decimal, own } from "@/lib/core";

export interface SpotPoint {
  spotPercent: number;
  monthlyCost: Decimal;
}

/**
 * Monthly Fargate cost if every Spot-eligible workload (ECS, Linux, in a region with Spot prices) ran the given
 * share of its task-hours on Fargate Spot; other workloads keep their settings. For the "savings by Spot share" chart.
 * Compute only: the version 2 items (public IPv4, logs, services) do not change with the Spot share.
 */
export function spotSeries(scenario: Scenario, catalog: FargateCatalog, step = 10): { eligible: number; points: SpotPoint[] } {
  const hasSpot = Boolean(own(catalog.regions, scenario.region)?.spot);
  const eligible = (w: Scenario["workloads"][number]) => hasSpot && w.platform === "ecs" && w.os === "linux";
  const count = scenario.workloads.filter(eligible).length;
  const points: SpotPoint[] = [];
  for (let p = 0; p <= 100; p += step) {
    const s = {
      ...scenario,
      services: undefined,
      workloads: scenario.workloads.map((w) => ({ ...w, publicIp: undefined, logs: undefined, ...(eligible(w) ? { spotPercent: p } : {}) })),
    };
    points.push({ spotPercent: p, monthlyCost: estimateScenario(s, catalog).totals.computeMonthlyCost });
  }
  return { eligible: count, points };
}
