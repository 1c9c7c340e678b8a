import type { Ec2Architecture } from "@/lib/catalog";
import { CPU_UNITS_PER_VCPU, MIB_PER_GIB } from "@/lib/core";
import type { Ec2Candidate } from "./candidates";
import { binsAt, Evaluation, rowBins, type SingleRow } from "./evaluation";
import type { FleetGroup, FleetSummary } from "./fleet";

// Fleets of one instance type per architecture: their costs (summed only for the types that can be listed) and
// their instances, instance-hours and capacity.

/** Below this many groups, every single-type cost is summed: the bound is not worth it. */
export const SUM_EVERY_TYPE_BELOW = 64;

/**
 * The cost of all of an architecture's groups on each candidate type t: sum over the groups, in group order, of
 * monthly(bins, hours, t) as floats (the ranking's own sums), NaN where some group does not fit. With many groups
 * (one per part-time workload) that is groups x candidates products; only the candidates that can be listed need it:
 * - a lower bound for every t: (sum over distinct bins rows of bins[t] x the row's total hours) x rank[t], less a
 *   relative margin of 8 (groups + rows + 8) u (u = 2^-53) that covers the rounding of both sums (all terms >= 0);
 * - candidates are summed exactly in order of that bound until the next bound exceeds the `keep`-th lowest exact cost
 *   (keep = fleets listed + 1, as one may be the other architecture's cheapest): every candidate left costs strictly
 *   more than `keep` others, so it is neither the cheapest nor among the fleets listed; ties are all summed;
 * - extend(others): fleets are ranked by cost + others (the other architectures on their cheapest type), where
 *   rounding can make unequal costs equal: candidates whose bound + others does not exceed the keep-th cost + others
 *   are summed too. The fleets listed, their order and costs are therefore exactly those of summing every candidate.
 * Hours must be positive (they are: whole hours of a month); otherwise, or with few groups, every candidate is summed.
 * When another architecture has no single type (others is NaN), every candidate is summed too.
 */
export class SingleTypeCosts {
  /** Exact costs (NaN: some group does not fit, or not summed because it cannot be listed). */
  readonly costs: Float64Array;
  private readonly mine: number[] = [];
  private readonly bound: Float64Array;
  private readonly order: number[] = [];
  /** The keep lowest exact costs found so far, ascending. */
  private readonly lowest: number[] = [];
  private next = 0;
  constructor(
    private readonly groups: readonly FleetGroup[],
    private readonly evals: readonly Evaluation[],
    arch: Ec2Architecture,
    private readonly rank: Float64Array,
    private readonly keep: number,
  ) {
    const n = rank.length;
    let positive = true;
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi]!;
      if (g.arch !== arch) continue;
      this.mine.push(gi);
      if (!(g.hours > 0 && g.hours < Infinity)) positive = false;
    }
    this.costs = new Float64Array(n).fill(NaN);
    this.bound = new Float64Array(n);
    if (this.mine.length < SUM_EVERY_TYPE_BELOW || !positive) {
      for (let t = 0; t < n; t++) this.sum(t);
      return;
    }
    // Total hours per distinct row (single-size groups share theirs; a multi-size group's bins are its own).
    const rowHours = new Map<Evaluation | SingleRow, number>();
    for (const gi of this.mine) {
      const ev = evals[gi]!;
      const key = ev.single ? ev.single.row : ev;
      rowHours.set(key, (rowHours.get(key) ?? 0) + groups[gi]!.hours);
    }
    const instanceHours = new Float64Array(n);
    rowHours.forEach((hours, key) => {
      if (key instanceof Evaluation) for (let t = 0; t < n; t++) instanceHours[t] = instanceHours[t]! + key.bins[t]! * hours;
      else for (let t = 0; t < n; t++) instanceHours[t] = instanceHours[t]! + rowBins(key, t) * hours;
    });
    const margin = 1 - 8 * (this.mine.length + rowHours.size + 8) * 2 ** -53;
    const bound = this.bound;
    for (let t = 0; t < n; t++) {
      bound[t] = instanceHours[t]! * rank[t]! * margin;
      if (!Number.isNaN(bound[t]!)) this.order.push(t);
    }
    this.order.sort((x, y) => bound[x]! - bound[y]! || x - y);
    while (this.next < this.order.length && bound[this.order[this.next]!]! <= this.kth()) this.take();
  }
  /** monthly(bins, hours, candidate), term by term in group order (the same float sums as summing every type). */
  private sum(t: number): number {
    const { mine, evals, groups } = this;
    const r = this.rank[t]!;
    let c = 0;
    for (let i = 0; i < mine.length; i++) {
      const gi = mine[i]!;
      c = c + binsAt(evals[gi]!, t) * groups[gi]!.hours * r;
    }
    this.costs[t] = c;
    return c;
  }
  private kth(): number {
    return this.lowest.length >= this.keep ? this.lowest[this.keep - 1]! : Infinity;
  }
  private take(): void {
    const c = this.sum(this.order[this.next++]!);
    const lowest = this.lowest;
    let at = lowest.length;
    while (at > 0 && lowest[at - 1]! > c) at--;
    lowest.splice(at, 0, c);
    if (lowest.length > this.keep) lowest.pop();
  }
  /** Also sums every candidate whose bound + others does not exceed the keep-th cost + others (see above). */
  extend(others: number): void {
    // others is NaN when another architecture has no single type: every fleet then sorts as NaN, so sum them all.
    while (this.next < this.order.length && (Number.isNaN(others) || this.bound[this.order[this.next]!]! + others <= this.kth() + others)) this.take();
  }
}

/**
 * A single-type fleet's instances, instance-hours and capacity-hours per type from the instance counts alone (a
 * group's packing on type t has exactly binsAt(evals[gi], t) instances): sums in group order, as priceFleet and
 * fleetUtilization add them over the placements. typeIdx and typeCand: per architecture index, the fleet's type.
 */
export function singleTypeSums(
  groups: readonly FleetGroup[],
  evals: readonly Evaluation[],
  archIndex: Int32Array,
  typeIdx: readonly number[],
  typeCand: readonly Ec2Candidate[],
) {
  const counts = new Float64Array(typeIdx.length);
  const hours = new Float64Array(typeIdx.length);
  const firstUse: number[] = [];
  let fleetCpu = 0;
  let fleetMem = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    const ai = archIndex[gi]!;
    const bins = binsAt(evals[gi]!, typeIdx[ai]!);
    if (!(bins > 0)) continue;
    if (counts[ai] === 0) firstUse.push(ai);
    const h = groups[gi]!.hours;
    const candidate = typeCand[ai]!;
    counts[ai] = counts[ai]! + bins;
    hours[ai] = hours[ai]! + bins * h;
    fleetCpu += bins * h * candidate.vcpu * CPU_UNITS_PER_VCPU;
    fleetMem += bins * h * candidate.memoryGiB * MIB_PER_GIB;
  }
  const types: FleetSummary["types"] = firstUse.map((ai) => ({ candidate: typeCand[ai]!, count: counts[ai]!, hours: hours[ai]! }));
  return { types, fleetCpu, fleetMem };
}
