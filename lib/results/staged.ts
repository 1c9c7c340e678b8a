import type { FargateEstimate } from "@/lib/pricing";
import { fargateSplit, hasWhole, type ResultsView, wholeWithoutClusters } from "./view";

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

/**
 * The last view whose EC2 and Managed Instances estimates have come back (from the cluster worker), shown for a newer
 * input whose own are on their way: the current Fargate figures (stagedView) and the EC2 and Managed Instances figures
 * marked `updating` (the totals show them as such, never as current). Pure.
 */
export function updatingView(answered: ResultsView, current: FargateEstimate): ResultsView {
  const staged = stagedView(answered, current);
  // Services added or all removed since: the Fargate split follows the current estimate (the clusters' wait for theirs).
  const whole = hasWhole(current) === (answered.whole !== null) ? staged.whole : hasWhole(current) ? wholeWithoutClusters(current) : null;
  return { ...staged, whole, totals: { ...staged.totals, updating: true } };
}

/**
 * The cluster answer to show, given the one shown so far and one just received (issue 24 item 1, "a figure nobody
 * meant"): a received answer is taken only when it is for the input on screen now (`isCurrent`); an answer for an input
 * that was edited since (an intermediate keystroke: it can arrive, or its render commit, after the newer input was
 * requested) is never shown, and the answer shown before stays (greyed as updating) until the current input's comes.
 * Pure.
 */
export function answerToShow<A>(shown: A | null, received: A | null, isCurrent: (answer: A) => boolean): A | null {
  if (received === null || received === shown) return shown;
  return isCurrent(received) ? received : shown;
}
