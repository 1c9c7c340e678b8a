import type { FargateEstimate } from "@/lib/pricing";
import { fargateSplit, type ResultsView } from "./view";

/**
 * What the totals show while the user types: the Fargate figures from the scenario as it is now (its estimate is
 * quick), and what waits for the EC2 estimate (the EC2 total, the difference, the charts' data) from the last full
 * view, which catches up a moment later (it is computed from a deferred value). Once the full view is of this same
 * estimate, it is returned as is. Pure.
 */
export function stagedView(full: ResultsView, current: FargateEstimate): ResultsView {
  if (full.estimate === current) return full;
  return {
    ...full,
    estimate: current,
    totals: { ...full.totals, fargate: current.totals.monthlyCost.toString() },
    whole: full.whole ? { ...full.whole, ...fargateSplit(current) } : null,
  };
}
