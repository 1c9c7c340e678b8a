import { dec, sum, ZERO, type Decimal, HOURS_PER_MONTH } from "@/lib/core";
import { type Ec2Estimate, type FargateEstimate, scaledInstanceHours } from "@/lib/pricing";
import type { Ec2Settings, Scenario } from "@/lib/scenario";
import type { ResultsView } from "./view";

/**
 * Like for like: what the Fargate and EC2 sides are bought as and how they run, the EC2 settings that mirror
 * Fargate's purchase options, and one plain sentence saying what is compared and why one side is cheaper.
 */

/** Linux workloads with billed task-hours: the ones the EC2 cluster hosts (Windows has no EC2 prices here). */
function covered(scenario: Scenario, estimate: FargateEstimate) {
  return scenario.workloads
    .map((w, i) => ({ w, e: estimate.workloads[i]! }))
    .filter(({ w, e }) => w.os !== "windows" && e !== undefined && w.tasks > 0 && e.taskHours.gt(0));
}

export type Commitment = Ec2Settings["commitment"];
const termOf = (plan: Scenario["workloads"][number]["savingsPlan"]): Commitment => (plan.startsWith("1yr") ? "1yr" : plan.startsWith("3yr") ? "3yr" : "none");

export interface PurchaseMatch {
  /** The task-hour-weighted Spot share of the hosted workloads (two decimals). */
  spotPercent: number;
  /** The Savings Plan term that covers most of their non-Spot task-hours ("none" when on-demand covers most). */
  commitment: Commitment;
  /** True when the workloads differ (the match is a weighted summary, not a copy). */
  mixed: boolean;
}

/**
 * The EC2 settings that mirror the Fargate workloads' purchase options: Spot share of instance-hours = the hosted
 * workloads' Spot share of task-hours; commitment = the Savings Plan term with the most non-Spot task-hours
 * (a tie goes to the shorter commitment, on-demand first). Null when no Linux task runs.
 */
export function matchPurchaseOptions(scenario: Scenario, estimate: FargateEstimate): PurchaseMatch | null {
  // The summary asks twice per render (the switch and the sentence): remembered per estimate and scenario.
  const known = matchCache.get(estimate);
  if (known && known.scenario === scenario) return known.match;
  const match = computeMatch(scenario, estimate);
  matchCache.set(estimate, { scenario, match });
  return match;
}

const matchCache = new WeakMap<FargateEstimate, { scenario: Scenario; match: PurchaseMatch | null }>();

function computeMatch(scenario: Scenario, estimate: FargateEstimate): PurchaseMatch | null {
  const hosted = covered(scenario, estimate);
  if (!hosted.length) return null;
  const hours = sum(hosted.map(({ e }) => e.taskHours));
  // Task-hours x percent, summed (exact), divided once: one division instead of one per workload.
  const spotHoursTimes100 = sum(hosted.map(({ w, e }) => e.taskHours.times(w.spotPercent)));
  const byTerm = new Map<Commitment, Decimal>([
    ["none", ZERO],
    ["1yr", ZERO],
    ["3yr", ZERO],
  ]);
  // Non-Spot task-hours per term, x 100 (the same factor for every term: the comparison is unchanged).
  for (const { w, e } of hosted) {
    const t = termOf(w.savingsPlan);
    byTerm.set(t, byTerm.get(t)!.plus(e.taskHours.times(100 - w.spotPercent)));
  }
  let commitment: Commitment = "none";
  for (const t of ["1yr", "3yr"] as const) if (byTerm.get(t)!.gt(byTerm.get(commitment)!)) commitment = t;
  const first = hosted[0]!.w;
  const mixed = hosted.some(({ w }) => w.spotPercent !== first.spotPercent || termOf(w.savingsPlan) !== termOf(first.savingsPlan));
  return { spotPercent: Number(spotHoursTimes100.div(hours).round(2).toString()), commitment, mixed };
}

export function purchaseMatches(match: PurchaseMatch, settings: Pick<Ec2Settings, "spotPercent" | "commitment">): boolean {
  return dec(settings.spotPercent).eq(match.spotPercent) && settings.commitment === match.commitment;
}

/** Hosted workloads that run only part of the month (the cluster can follow them when it scales with the tasks). */
export function partTimeWorkloads(scenario: Scenario, estimate: FargateEstimate): string[] {
  return covered(scenario, estimate)
    .filter(({ w }) => scaledInstanceHours(w.schedule) < HOURS_PER_MONTH)
    .map(({ w }) => w.name);
}

const termWords = (t: Commitment) => (t === "1yr" ? "1-year" : "3-year");
const list = (names: readonly string[]) =>
  names.length <= 1
    ? (names[0] ?? "")
    : names.length <= 3
      ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`
      : `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;

/** "on-demand", "Spot for 50% of task-hours and a 1-year Savings Plan on the rest", ... */
function fargatePurchase(m: PurchaseMatch): string {
  const spot = m.spotPercent > 0 ? `Spot for ${m.spotPercent}% of task-hours` : "";
  const plan = m.commitment !== "none" ? `a ${termWords(m.commitment)} Savings Plan` : "";
  if (spot && plan) return `${spot} and ${plan} on the rest`;
  return spot || plan || "on-demand";
}

function ec2Purchase(s: Pick<Ec2Settings, "spotPercent" | "commitment">): string {
  const spot = s.spotPercent > 0 ? `Spot for ${s.spotPercent}% of instance-hours` : "";
  const plan = s.commitment !== "none" ? `a ${termWords(s.commitment)} commitment` : "";
  if (spot && plan) return `${spot} and ${plan} on the rest`;
  return spot || plan || "on-demand";
}

/** Both sides bought the same way, in words: "on-demand", "on Spot for 50%", "with a 1-year commitment", ... */
function bothPurchase(s: Pick<Ec2Settings, "spotPercent" | "commitment">): string {
  const spot = s.spotPercent > 0 ? `on Spot for ${s.spotPercent}%` : "";
  const plan = s.commitment !== "none" ? `with a ${termWords(s.commitment)} commitment` : "";
  if (spot && plan) return `${spot}, ${plan} on the rest`;
  return spot || plan || "on-demand";
}

const fleetList = (instances: Ec2Estimate["instances"]) => instances.map((i) => `${i.count} × ${i.type}`).join(" + ");
const instanceCount = (instances: Ec2Estimate["instances"]) => instances.reduce((n, i) => n + i.count, 0);

/** "one c6a.xlarge", "3 instances (2 × m6i.large + 1 × c6a.xlarge)". */
function fleetWords(instances: Ec2Estimate["instances"]): string {
  const n = instanceCount(instances);
  return n === 1 ? `one ${instances[0]!.type}` : `${n} instances (${fleetList(instances)})`;
}

/**
 * One plain sentence under the headline: what is compared and why one side is cheaper. Null when there is no
 * EC2 figure to compare with (the headline says why).
 */
export function comparisonSentence(scenario: Scenario, view: Pick<ResultsView, "estimate" | "ec2" | "totals">): string | null {
  const ec2 = view.ec2;
  const cheaper = view.totals.cheaper;
  if (!ec2 || ec2.monthlyCost === null || cheaper === null) return null;
  const match = matchPurchaseOptions(scenario, view.estimate);
  if (!match) return null;
  const settings = scenario.ec2;
  const partTime = partTimeWorkloads(scenario, view.estimate);
  const oneJob = partTime.length === 1;
  const runs = `${list(partTime)} only while ${oneJob ? "it runs" : "they run"}`;
  const scheduleDiffers = partTime.length > 0 && settings.scaling === "always-on";
  const purchaseDiffers = !purchaseMatches(match, settings);

  if (scheduleDiffers && !purchaseDiffers) {
    return cheaper === "ec2"
      ? `EC2 is cheaper even though its cluster stays up all month while Fargate bills ${runs}.`
      : `Fargate bills ${runs}; the EC2 cluster stays up all month.`;
  }
  if (purchaseDiffers) {
    const f = `Fargate uses ${fargatePurchase(match)}${scheduleDiffers ? ` and bills ${runs}` : ""}`;
    const e = `the EC2 cluster ${settings.spotPercent > 0 || settings.commitment !== "none" ? `uses ${ec2Purchase(settings)}` : "is on-demand"}${scheduleDiffers ? " and stays up all month" : ""}`;
    return `Not like for like: ${f}, while ${e}.`;
  }

  const running = partTime.length ? "following the schedules" : "always on";
  const lead = `Both sides ${bothPurchase(settings)}, ${running}`;
  if (cheaper === "same") return `${lead}: they cost the same.`;
  const tasks = covered(scenario, view.estimate).reduce((n, { w }) => n + w.tasks, 0);
  if (cheaper === "ec2") {
    const n = instanceCount(ec2.instances);
    const fit =
      n === 1
        ? `${tasks === 1 ? "1 task fits" : `${tasks} tasks fit`} on ${fleetWords(ec2.instances)}`
        : `the ${tasks} tasks fit on ${fleetWords(ec2.instances)}`;
    return `${lead}: EC2 is cheaper because ${fit}.`;
  }
  const fill = Math.max(ec2.utilization.cpuPercent, ec2.utilization.memoryPercent);
  const one = instanceCount(ec2.instances) === 1;
  const target = one ? fleetWords(ec2.instances) : `the ${fleetWords(ec2.instances)}`;
  // The engine says when awsvpc's per-instance task cap (not CPU or memory) is what fills the instances.
  const capped = settings.networking === "awsvpc" && ec2.warnings.some((w) => w.startsWith("awsvpc networking caps tasks per instance"));
  if (capped && fill < 90)
    return `${lead}: Fargate is cheaper because awsvpc networking allows only a few tasks per instance, so the tasks fill only ${fill}% of ${target}, and EC2 bills whole instances.`;
  return fill < 90
    ? `${lead}: Fargate is cheaper because the tasks fill only ${fill}% of ${target}, and EC2 bills whole instances.`
    : `${lead}: Fargate is cheaper because ${target} cost${one ? "s" : ""} more than Fargate charges for the same vCPU and memory, even ${fill}% full.`;
}
