import type { Ec2Architecture, Ec2Catalog } from "@/lib/catalog";
import type { ScenarioSpec as Scenario } from "../input";
import { FargateWorkloadEstimate, perTaskHour, type ComputeRatesUsed } from "../fargate";
import {
  dec,
  DIVISION_PLACES,
  num,
  rate as decRate,
  ROUND_HALF_UP,
  Sum,
  sum,
  toCents,
  ZERO,
  type Decimal,
  own,
  HOURS_PER_MONTH,
  CPU_UNITS_PER_VCPU,
  MIB_PER_GIB,
} from "@/lib/core";
import { formatSize } from "../sizes";
import type { FargateEstimate, PriceSourceSummary, WorkloadEstimate } from "../types";
import { breakEven, NO_BREAK_EVEN } from "./break-even";
import { selectCandidates, type Ec2Candidate } from "./candidates";
import type { FleetGroup, FleetPlan } from "./fleet";
import { planFleet } from "./plan";
import { scaledInstanceHours } from "./hours";
import { fitsEmpty, type Packing } from "./pack";
import { fleetSummary, priceFleet, type PriceContext, type PricedFleet } from "./price";
import type { Ec2Estimate, Ec2Fleet, Ec2Options } from "./types";

const DEFAULT_ALTERNATIVES = 4;
const PERCENT = dec("0.01");

/** A Linux workload with running tasks: what the EC2 cluster must host. */
interface Covered {
  name: string;
  arch: Ec2Architecture;
  /** CPU units and MiB of one task, from the billed Fargate size (EKS pods include Fargate's rounding). */
  cpu: number;
  memoryMiB: number;
  tasks: number;
  /** Instance-hours its own instances would need when the cluster scales with tasks. */
  hours: number;
  fargate: WorkloadEstimate;
}

/** An estimate with no fleet: unavailable (no EC2 price for it), or available at $0 (nothing runs). */
function noFleet(available: boolean, reason: string, comparedFargate: Decimal, warnings: string[] = []): Ec2Estimate {
  return {
    available,
    monthlyCost: available ? ZERO : null,
    instances: [],
    utilization: { cpuPercent: 0, memoryPercent: 0 },
    alternatives: [],
    lineItems: [],
    breakEven: NO_BREAK_EVEN,
    comparedFargateMonthlyCost: comparedFargate,
    sources: [],
    warnings: [...warnings, reason],
  };
}

const unavailable = (reason: string, comparedFargate: Decimal, warnings: string[] = []) => noFleet(false, reason, comparedFargate, warnings);

/**
 * Groups of tasks that share instances.
 * - "peak" (scaling always-on, and the break-even fleet): per architecture, every task at once, all month.
 *   Duty-cycle and batch work is assumed to run at the same time as everything else: the cluster is sized for the peak.
 * - "scaled" (scaling scale-with-tasks): per architecture, the always-on tasks (and any that run all month) share
 *   instances for HOURS_PER_MONTH; each duty-cycle or batch workload gets its own instances for its own whole hours
 *   (see scaledInstanceHours). We do not assume part-time workloads overlap, so they never share instances: an upper
 *   bound when they do run together, exact when they do not.
 */
function buildGroups(covered: readonly Covered[], mode: "peak" | "scaled"): FleetGroup[] {
  const groups: FleetGroup[] = [];
  const shared = new Map<Ec2Architecture, { group: FleetGroup; index: Map<number, Map<number, number>> }>();
  for (const w of covered) {
    const hours = mode === "peak" ? HOURS_PER_MONTH : w.hours;
    if (hours === HOURS_PER_MONTH) {
      let s = shared.get(w.arch);
      if (!s) {
        s = { group: { arch: w.arch, hours, items: [], workloads: [] }, index: new Map() };
        shared.set(w.arch, s);
        groups.push(s.group);
      }
      let byMemory = s.index.get(w.cpu);
      if (!byMemory) s.index.set(w.cpu, (byMemory = new Map()));
      const k = byMemory.get(w.memoryMiB);
      if (k === undefined) {
        byMemory.set(w.memoryMiB, s.group.items.length);
        s.group.items.push({ cpu: w.cpu, memoryMiB: w.memoryMiB, count: w.tasks });
      } else s.group.items[k]!.count += w.tasks;
      s.group.workloads.push(w.name);
    } else {
      groups.push({ arch: w.arch, hours, items: [{ cpu: w.cpu, memoryMiB: w.memoryMiB, count: w.tasks }], workloads: [w.name] });
    }
  }
  return groups;
}

const toFleet = (p: PricedFleet): Ec2Fleet => ({ monthlyCost: p.monthlyCost, instances: p.instances, utilization: p.utilization });

/** Fargate's effective USD per vCPU-hour and per GB-hour for an architecture (spot and savings-plan mix included). */
function fargateRates(covered: readonly Covered[], arch: Ec2Architecture): { vcpu: Decimal; gb: Decimal } | null {
  const mine = covered.filter((w) => w.arch === arch);
  if (mine.every((w) => w.fargate instanceof FargateWorkloadEstimate)) return fargateRatesFromHours(mine);
  const rate = (component: "vcpu" | "memory") => {
    const items = covered.filter((w) => w.arch === arch).flatMap((w) => w.fargate.lineItems.filter((li) => li.component === component));
    const qty = sum(items.map((li) => li.quantity));
    if (qty.gt(0)) return sum(items.map((li) => li.monthlyCost)).div(qty);
    return items[0] ? dec(items[0].unitPrice) : null;
  };
  const vcpu = rate("vcpu");
  const gb = rate("memory");
  return vcpu && gb ? { vcpu, gb } : null;
}

/**
 * fargateRates without materializing line items: sum of cost / sum of quantity over the vCPU (memory) lines, where a
 * line is units x hours at a rate. Hours are summed per (rate, units) first, so 10,000 workloads of a few sizes
 * make a few products: the same sums, grouped (exact).
 */
function fargateRatesFromHours(covered: readonly Covered[]): { vcpu: Decimal; gb: Decimal } | null {
  // Task-hours per (rates, size): the vCPU line of a workload is vCPU x regular hours at the regular rate (and
  // vCPU x Spot hours at the Spot rate), so a group's lines add up to vCPU x (sum of its hours) at those rates.
  const groups = new Map<ComputeRatesUsed, Map<number, Map<number, Sum>>>();
  for (const w of covered) {
    const fe = w.fargate as FargateWorkloadEstimate;
    const r = fe.computeRates;
    let byVcpu = groups.get(r);
    if (!byVcpu) groups.set(r, (byVcpu = new Map()));
    let byMemory = byVcpu.get(fe.billedSize.vcpu);
    if (!byMemory) byVcpu.set(fe.billedSize.vcpu, (byMemory = new Map()));
    let s = byMemory.get(fe.billedSize.memoryGiB);
    if (!s) byMemory.set(fe.billedSize.memoryGiB, (s = new Sum()));
    s.add(fe.taskHours);
  }
  const qty = { vcpu: new Sum(), gb: new Sum() };
  const cost = { vcpu: new Sum(), gb: new Sum() };
  for (const [r, byVcpu] of groups)
    for (const [vcpu, byMemory] of byVcpu)
      for (const [memoryGiB, sumOfHours] of byMemory) {
        const hours = sumOfHours.total();
        const spot = r.spot ? hours.times(num(r.spotPercent)).times(PERCENT) : ZERO;
        const parts = [
          { part: r.regular, hours: r.spot ? hours.minus(spot) : hours },
          { part: r.spot, hours: spot },
        ];
        for (const { part, hours: h } of parts) {
          if (!part) continue;
          const v = num(vcpu).times(h);
          const g = num(memoryGiB).times(h);
          qty.vcpu.add(v);
          qty.gb.add(g);
          cost.vcpu.add(v.times(decRate(part.vcpu)));
          cost.gb.add(g.times(decRate(part.gb)));
        }
      }
  const ratio = (c: Sum, q: Sum) => {
    const total = q.total();
    return total.gt(0) ? c.total().div(total) : null;
  };
  const vcpu = ratio(cost.vcpu, qty.vcpu);
  const gb = ratio(cost.gb, qty.gb);
  return vcpu && gb ? { vcpu, gb } : null;
}

/** Fargate USD per hour with every covered task running: the sum of (cost per task-hour x tasks), per workload. */
function fargateHourlyOf(covered: readonly Covered[]): Decimal {
  if (!covered.every((w) => w.fargate instanceof FargateWorkloadEstimate))
    return sum(covered.map((w) => w.fargate.computeMonthlyCost.div(w.fargate.taskHours).times(w.tasks)));
  // computeMonthlyCost / taskHours is exactly perTaskHour (rounded to 20 decimals as the division would round it),
  // the same for every workload priced alike: tasks are summed per rate combination, then multiplied once.
  const tasks = new Map<ComputeRatesUsed, number>();
  for (const w of covered) {
    const r = (w.fargate as FargateWorkloadEstimate).computeRates;
    tasks.set(r, (tasks.get(r) ?? 0) + w.tasks);
  }
  const total = new Sum();
  for (const [r, n] of tasks) total.add(perTaskHour(r).round(DIVISION_PLACES, ROUND_HALF_UP).times(n));
  return total.total();
}

/**
 * The equivalent ECS-on-EC2 cluster for a validated scenario and its Fargate estimate: the cheapest set of
 * instances that runs the same tasks at the same time (bin-packed per task size; see ./pack.ts and ./plan.ts),
 * priced with the scenario's EC2 purchase options, the next cheapest single-type fleets, and where EC2 and Fargate
 * break even. Pure; every price comes from the EC2 catalog. Windows workloads are left out (no Windows EC2 prices).
 */
export function estimateEc2(scenario: Scenario, fargateEstimate: FargateEstimate, ec2Catalog: Ec2Catalog, options: Ec2Options = {}): Ec2Estimate {
  const settings = scenario.ec2;
  const mi = options.managementFees;
  /** What the estimate is of, in its sentences: self-managed EC2, or ECS Managed Instances (options.managementFees). */
  const what = mi ? "ECS Managed Instances" : "EC2";
  const nAlternatives = options.alternatives ?? DEFAULT_ALTERNATIVES;
  const warnings: string[] = [];
  if (fargateEstimate.workloads.length !== scenario.workloads.length) throw new RangeError("The Fargate estimate does not belong to this scenario");

  const covered: Covered[] = [];
  const windows: string[] = [];
  const comparedSum = new Sum();
  scenario.workloads.forEach((w, i) => {
    const fe = fargateEstimate.workloads[i]!;
    if (w.os === "windows") {
      windows.push(w.name);
      return;
    }
    comparedSum.add(fe.computeMonthlyCost);
    const hours = scaledInstanceHours(w.schedule);
    if (w.tasks === 0 || hours === 0 || fe.taskHours.lte(0)) return;
    covered.push({
      name: w.name,
      arch: w.arch,
      cpu: fe.billedSize.vcpu * CPU_UNITS_PER_VCPU,
      memoryMiB: fe.billedSize.memoryGiB * MIB_PER_GIB,
      tasks: w.tasks,
      hours,
      fargate: fe,
    });
  });
  const comparedFargate = comparedSum.total();
  if (windows.length) {
    const others = scenario.workloads.length - windows.length;
    warnings.push(
      `Left out of the ${what} estimate: ${windows.join(", ")} (Windows). Our EC2 price data has no Windows prices, so we do not guess them.` +
        (others ? ` Compare ${what} with the Fargate cost of the other workloads ($${toCents(comparedFargate)} a month), not the scenario total.` : ""),
    );
  }

  const region = own(ec2Catalog.regions, scenario.region);
  if (!region) return unavailable(`The EC2 price snapshot has no prices for ${scenario.region}.`, comparedFargate, warnings);
  if (mi && !mi.fees)
    return unavailable(
      mi.missing ??
        `No ECS Managed Instances fee for ${scenario.region} in our data (AWS's ECS price map of ${mi.source.publishedAt}: fees in 34 commercial regions, none in GovCloud), so ECS Managed Instances is not priced here: the fee is never guessed.`,
      comparedFargate,
      warnings,
    );
  if (covered.length === 0) {
    if (windows.length) return unavailable(`No Linux workload to place on ${what}: the scenario's workloads are all Windows.`, comparedFargate, warnings);
    return noFleet(true, "No tasks run in this scenario, so there is no cluster to price.", comparedFargate, warnings);
  }

  const selection = selectCandidates(ec2Catalog, region, settings, mi?.fees);
  warnings.push(...selection.warnings);
  const candidates = selection.candidates;
  // Whether some candidate hosts one task, per distinct (arch, size): workloads repeat a few sizes.
  const hostable = new Map<Ec2Architecture, Map<number, Map<number, boolean>>>();
  const tooBig = covered.filter((w) => {
    let byCpu = hostable.get(w.arch);
    if (!byCpu) hostable.set(w.arch, (byCpu = new Map()));
    let byMemory = byCpu.get(w.cpu);
    if (!byMemory) byCpu.set(w.cpu, (byMemory = new Map()));
    let ok = byMemory.get(w.memoryMiB);
    if (ok === undefined) byMemory.set(w.memoryMiB, (ok = candidates.some((c) => c.arch === w.arch && fitsEmpty(w, c.capacity))));
    return !ok;
  });
  if (tooBig.length) {
    const names = tooBig.map((w) => `${w.name} (${formatSize(w.fargate.billedSize)}, ${w.arch})`).join(", ");
    return unavailable(
      candidates.length === 0
        ? `No candidate ${mi ? "ECS Managed Instances" : "EC2"} instance type is left under these settings.`
        : `No candidate instance type can host a task of ${names} after headroom and reserved memory.`,
      comparedFargate,
      warnings,
    );
  }

  const mixedFleets = options.mixedFleets ?? true;
  const groups = buildGroups(covered, settings.scaling === "always-on" ? "peak" : "scaled");
  const plan = planFleet(groups, candidates, { singleTypeFleets: nAlternatives + 1, mixedFleets });
  if (!plan.chosen) return unavailable("No candidate instance type can host these tasks.", comparedFargate, warnings);

  const ctx: PriceContext = { catalog: ec2Catalog, region, settings, ...(mi ? { feeSource: mi.source.key } : {}) };
  let chosenPlan: FleetPlan = plan.chosen;
  let chosen = priceFleet(chosenPlan, groups, ctx);
  let alternatives = plan.singleType.map((p) => ({ plan: p, priced: priceFleet(p, groups, ctx) }));
  alternatives = alternatives.filter((a) => a.priced.key !== chosen.key).sort((a, b) => a.priced.monthlyCost.cmp(b.priced.monthlyCost));
  // Ranking used floats; the promise (never dearer than a listed alternative) is kept in exact decimals.
  const cheaper = alternatives[0];
  if (cheaper && cheaper.priced.monthlyCost.lt(chosen.monthlyCost)) {
    alternatives = [{ plan: chosenPlan, priced: chosen }, ...alternatives.slice(1)].sort((a, b) => a.priced.monthlyCost.cmp(b.priced.monthlyCost));
    chosenPlan = cheaper.plan;
    chosen = cheaper.priced;
  }
  alternatives = alternatives.slice(0, nAlternatives);

  // Break-even: the whole scenario at duty cycle d, on the fleet that hosts every task at once.
  const fargateHourly = fargateHourlyOf(covered);
  let fleetMonthly = chosen.monthlyCost;
  if (settings.scaling === "scale-with-tasks" && covered.some((w) => w.hours !== HOURS_PER_MONTH)) {
    const peakGroups = buildGroups(covered, "peak");
    const peak = planFleet(peakGroups, candidates, { singleTypeFleets: 1, mixedFleets });
    fleetMonthly = peak.chosen ? priceFleet(peak.chosen, peakGroups, ctx).monthlyCost : chosen.monthlyCost;
  }
  const rates = new Map((["x86_64", "arm64"] as const).map((a) => [a, fargateRates(covered, a)]));
  // What Fargate would charge for the fleet's vCPU and GiB: instance-hours per type first, then one product per type.
  let fargateCapacity: Decimal | null = ZERO;
  const instanceHours = new Map<Ec2Candidate, number>();
  for (const row of (chosenPlan.summary ?? fleetSummary(chosenPlan, groups)).types) {
    if (!rates.get(row.candidate.arch)) {
      fargateCapacity = null;
      break;
    }
    instanceHours.set(row.candidate, row.hours);
  }
  if (fargateCapacity) {
    const capacity = new Sum();
    for (const [c, h] of instanceHours) {
      const r = rates.get(c.arch)!;
      capacity.add(r.vcpu.times(c.vcpu).plus(r.gb.times(c.memoryGiB)).times(h));
    }
    fargateCapacity = capacity.total();
  }

  warnings.push(...purchaseWarnings(ec2Catalog, region.ebsGp3GbMonth, scenario.region, settings));
  if (mi) warnings.push(...feeWarnings(settings));
  warnings.push(...packingWarnings(chosenPlan, groups, covered, settings));

  const used = new Set(chosen.lineItems.map((li) => li.priceSource));
  used.add(ec2Catalog.sources.specs);
  if (settings.networking === "awsvpc") {
    used.add(ec2Catalog.eniLimits.provenance);
    if (settings.eniTrunking) used.add(ec2Catalog.eniTrunking.provenance);
  }
  const sources: PriceSourceSummary[] = [...used].map((key) => (mi && key === mi.source.key ? mi.source : { key, ...ec2Catalog.provenance[key]! }));

  return {
    available: true,
    monthlyCost: chosen.monthlyCost,
    instances: chosen.instances,
    utilization: chosen.utilization,
    alternatives: alternatives.map((a) => toFleet(a.priced)),
    lineItems: chosen.lineItems,
    breakEven: breakEven({
      scaling: settings.scaling,
      fargateHourly,
      fleetMonthly,
      chosenMonthly: chosen.monthlyCost,
      fargateCapacityMonthly: fargateCapacity,
    }),
    comparedFargateMonthlyCost: comparedFargate,
    sources,
    warnings,
  };
}

function purchaseWarnings(catalog: Ec2Catalog, gp3: string | null, regionCode: string, settings: Scenario["ec2"]): string[] {
  const out: string[] = [];
  if (settings.spotPercent > 0)
    out.push(
      `${settings.spotPercent}% of instance-hours are priced at a Spot estimate (on-demand less the Spot Instance Advisor's average savings, ${catalog.provenance[catalog.sources.spot]!.publishedAt}); Spot instances can be reclaimed with a 2-minute warning.`,
    );
  if (settings.commitment !== "none") {
    const c = catalog.commitments[settings.commitment]!;
    out.push(
      `The ${settings.commitment} commitment is an estimate: ${c.discountPercent}% off on-demand on every type (${catalog.provenance[c.provenance]!.source}). It assumes the hourly commitment exactly covers the non-Spot usage; unused commitment is still paid.`,
    );
  }
  if (gp3 === null)
    out.push(`No gp3 EBS price for ${regionCode} in our EBS data (2021-05, 23 regions): the ${settings.ebsRootGiB} GiB root volumes are not included.`);
  return out;
}

/** What AWS does not publish about the ECS Managed Instances fee, said as the assumptions the estimate makes. */
function feeWarnings(settings: Scenario["ec2"]): string[] {
  const out = [
    "The ECS Managed Instances fee is charged per instance-hour on top of the EC2 instance, per second with a one-minute minimum per instance (the instance-hours here are whole hours, so neither changes the figure).",
  ];
  if (settings.spotPercent > 0)
    out.push("Assumed: the management fee applies to Spot instances too (AWS does not publish whether it does); the Spot share discounts the instance only.");
  if (settings.commitment !== "none")
    out.push(
      `Assumed: the ${settings.commitment} commitment (Savings Plan or Reserved Instance) discounts the EC2 instance, not the management fee (AWS does not publish whether a Savings Plan covers it).`,
    );
  return out;
}

function packingWarnings(plan: FleetPlan, groups: readonly FleetGroup[], covered: readonly Covered[], settings: Scenario["ec2"]): string[] {
  const out: string[] = [];
  // Types in first-use order: the chosen fleet's summary lists them so; otherwise from the placements.
  const types = (pred: (c: Ec2Candidate) => boolean) =>
    plan.summary
      ? plan.summary.types.filter((r) => pred(r.candidate)).map((r) => r.candidate.type)
      : [...new Set(plan.placements.filter((p) => pred(p.candidate)).map((p) => p.candidate.type))];
  if (settings.networking === "awsvpc") {
    // The cap binds on an instance full by task count that still has CPU and memory for another task of its group.
    const isCapped = (group: number, cap: Ec2Candidate["capacity"], packing: Packing) => {
      const items = groups[group]!.items;
      return packing.runs.some((r) => {
        if (r.counts.reduce((a, b) => a + b, 0) < cap.tasks) return false;
        const cpu = r.items.reduce((n, k, u) => n + items[k]!.cpu * r.counts[u]!, 0);
        const mem = r.items.reduce((n, k, u) => n + items[k]!.memoryMiB * r.counts[u]!, 0);
        return items.some((i) => i.count > 0 && cpu + i.cpu <= cap.cpu + 1e-7 && mem + i.memoryMiB <= cap.memoryMiB + 1e-7);
      });
    };
    // The placements are the parts with instances (read from the parts when known: no placement objects built).
    const capped = plan.groupParts
      ? plan.groupParts.some((parts, gi) => parts.some((p) => p.packing.bins > 0 && isCapped(gi, p.candidate.capacity, p.packing)))
      : plan.placements.some((p) => isCapped(p.group, p.candidate.capacity, p.packing));
    if (capped && !settings.eniTrunking)
      out.push(
        "awsvpc networking caps tasks per instance at max ENIs - 1 (2 on a large instance) and the cap is what fills some instances here: ENI trunking (10 tasks on a large) may need fewer instances.",
      );
    else if (capped) out.push("The ENI trunking task limit is what fills some instances here; bridge networking has no such cap.");
    const noTrunk = settings.eniTrunking ? types((c) => c.trunkingTasks === null) : [];
    if (noTrunk.length) out.push(`No ENI trunking figure for ${noTrunk.join(", ")}: their cap is max ENIs - 1.`);
    out.push("Max ENIs and ENI-trunking task limits are per-size estimates (AWS's price data does not carry them).");
  }
  if (covered.some((w) => w.hours !== HOURS_PER_MONTH)) {
    if (settings.scaling === "always-on")
      out.push("The cluster stays up all month sized for every task at once (scaling: always-on), although some workloads run only part of the time.");
    else
      out.push(
        "Duty-cycle and batch workloads get their own instances, billed by the whole hour (a batch run rounds up to whole hours); always-on tasks share the rest all month.",
      );
  }
  return out;
}
