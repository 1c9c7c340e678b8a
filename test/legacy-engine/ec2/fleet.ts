import type { Ec2Architecture } from "@/lib/catalog/ec2-schema";
import { MIB_PER_GIB, CPU_UNITS_PER_VCPU } from "../units";
import type { Ec2Candidate } from "./candidates";
import { packItems, perInstance, singleSizePacking, tailItems, type PackItem, type Packing } from "./pack";

/**
 * Tasks that share instances: one architecture, instances running `hours` in the month.
 * items are the distinct task sizes with how many tasks of each run at once.
 */
export interface FleetGroup {
  arch: Ec2Architecture;
  hours: number;
  items: PackItem[];
  /** Names of the workloads whose tasks are in the group (for messages). */
  workloads: string[];
}

/** `bins` instances of one type for one group; packing.runs index the group's items. */
export interface Placement {
  group: number;
  candidate: Ec2Candidate;
  bins: number;
  packing: Packing;
}

export interface FleetPlan {
  placements: Placement[];
  /** Float ranking cost (USD per month, from Ec2Candidate.rankHourly); exact costs are computed elsewhere. */
  rankCost: number;
}

export interface FleetResult {
  chosen: FleetPlan | null;
  /** Fleets of one type per architecture, cheapest first (may include one equal to `chosen`). */
  singleType: FleetPlan[];
  /** Groups no candidate can host (a task larger than every instance, after headroom). */
  unplaceable: number[];
}

export interface PlanOptions {
  /** How many single-type fleets to return (they become the alternatives). */
  singleTypeFleets: number;
  mixedFleets: boolean;
}

const monthly = (bins: number, hours: number, c: Ec2Candidate) => bins * hours * c.rankHourly;
const liveCount = (items: readonly PackItem[]) => items.reduce((n, i) => n + (i.count > 0 ? 1 : 0), 0);

/**
 * Tasks per instance of one size on every candidate, computed once per size: per-workload groups (scaling with
 * tasks) repeat a handful of sizes a thousand times.
 */
class FitTable {
  private readonly cache = new Map<string, Int32Array>();
  private readonly pairs = new Map<string, ReturnType<typeof bestPair>>();
  constructor(readonly cands: readonly Ec2Candidate[]) {}
  /** The best two-type fleet for n tasks of one size, computed once per size and count. */
  pair(item: Pick<PackItem, "cpu" | "memoryMiB">, n: number, compute: () => ReturnType<typeof bestPair>): ReturnType<typeof bestPair> {
    const key = `${item.cpu}/${item.memoryMiB}/${n}`;
    if (!this.pairs.has(key)) this.pairs.set(key, compute());
    return this.pairs.get(key)!;
  }
  fits(item: Pick<PackItem, "cpu" | "memoryMiB">): Int32Array {
    const key = `${item.cpu}/${item.memoryMiB}`;
    let row = this.cache.get(key);
    if (!row) {
      row = new Int32Array(this.cands.length);
      for (let t = 0; t < this.cands.length; t++) row[t] = Math.min(perInstance(item, this.cands[t]!.capacity), 2 ** 31 - 1);
      this.cache.set(key, row);
    }
    return row;
  }
}

/** Instances of every candidate for one group (NaN where a task does not fit), with packings for multi-size groups. */
interface Evaluation {
  bins: Float64Array;
  packings: (Packing | null)[] | null;
  /** Single-size groups: the item index and tasks per instance on each candidate. */
  single: { item: number; fits: Int32Array } | null;
}

function evaluate(items: readonly PackItem[], table: FitTable): Evaluation {
  const cands = table.cands;
  const bins = new Float64Array(cands.length);
  if (liveCount(items) === 1) {
    const k = items.findIndex((i) => i.count > 0);
    const fits = table.fits(items[k]!);
    const n = items[k]!.count;
    for (let t = 0; t < cands.length; t++) bins[t] = fits[t]! > 0 ? Math.ceil(n / fits[t]!) : NaN;
    return { bins, packings: null, single: { item: k, fits } };
  }
  const packings = cands.map((c, t) => {
    const p = packItems(items, c.capacity);
    bins[t] = p ? p.bins : NaN;
    return p;
  });
  return { bins, packings, single: null };
}

function packingFor(items: readonly PackItem[], ev: Evaluation, t: number, cands: readonly Ec2Candidate[]): Packing {
  if (ev.single) return singleSizePacking(ev.single.item, items[ev.single.item]!.count, ev.single.fits[t]!);
  return ev.packings?.[t] ?? packItems(items, cands[t]!.capacity)!;
}

function argmin(ev: Evaluation, hours: number, cands: readonly Ec2Candidate[]): number {
  return cheapest(ev, hours, cands, 1)[0] ?? -1;
}

/** Indexes of the n cheapest candidates that fit, cheapest first (ties: candidate order). */
function cheapest(ev: Evaluation, hours: number, cands: readonly Ec2Candidate[], n: number): number[] {
  const best: { t: number; cost: number }[] = [];
  for (let t = 0; t < cands.length; t++) {
    const b = ev.bins[t]!;
    if (Number.isNaN(b)) continue;
    const cost = monthly(b, hours, cands[t]!);
    if (best.length === n && cost >= best[n - 1]!.cost) continue;
    best.push({ t, cost });
    best.sort((x, y) => x.cost - y.cost || x.t - y.t);
    if (best.length > n) best.pop();
  }
  return best.map((b) => b.t);
}

/** The packing of the first `bins - drop` instances (the runs minus the last `drop` instances). */
function dropTail(p: Packing, drop: number): Packing {
  const runs = p.runs.map((r) => ({ ...r }));
  let need = drop;
  for (let r = runs.length - 1; r >= 0 && need > 0; r--) {
    const take = Math.min(need, runs[r]!.bins);
    runs[r]!.bins -= take;
    need -= take;
  }
  return { bins: p.bins - drop, runs: runs.filter((r) => r.bins > 0) };
}

const withCounts = (items: readonly PackItem[], counts: readonly number[]): PackItem[] => items.map((it, k) => ({ ...it, count: counts[k]! }));

interface Option {
  parts: { candidate: Ec2Candidate; packing: Packing }[];
  cost: number;
}

function singleOption(items: readonly PackItem[], ev: Evaluation, t: number, hours: number, cands: readonly Ec2Candidate[]): Option {
  return { parts: [{ candidate: cands[t]!, packing: packingFor(items, ev, t, cands) }], cost: monthly(ev.bins[t]!, hours, cands[t]!) };
}

/** Relative tolerance of float cost comparisons (costs are sums of a few products of 6-decimal prices). */
const COST_EPS = 1e-9;

/**
 * The cheapest fleet of exactly two instance types for `n` tasks of one size (fits[t] tasks per instance of
 * type t), or null when no two-type fleet beats the best single type. Exact over every pair and every count:
 * - exchange argument: in a pair (A, B) where A costs no more per task (cA / fA <= cB / fB), fA instances of B
 *   can always be swapped for fB instances of A (same tasks, no dearer), so some optimum has b < fA instances of B;
 *   and b < ceil(n / fB), else B alone holds every task;
 * - bound: with L the lowest cost per task of any type, a fleet costs at least n * L, and each instance of type t
 *   adds at least its excess e_t = c_t - f_t * L on top; so no fleet using x instances of t with x * e_t above
 *   (best so far - n * L) can win: this prunes almost every pair once a good fleet is known.
 * - only types on the Pareto frontier of (tasks per instance, price) take part: typically a dozen of the hundreds.
 * Costs are per instance-hour with the purchase mix and the pro-rated root volume (Ec2Candidate.rankHourly): the
 * same linear function of instance-hours that the exact pricing computes, so the order is the estimate's order.
 */
function bestPair(n: number, fits: Int32Array, table: FitTable): { a: number; b: number; nb: number; hourly: number } | null {
  const cands = table.cands;
  const types: number[] = [];
  let perTask = Infinity;
  let single = Infinity;
  for (let t = 0; t < cands.length; t++) {
    const f = fits[t]!;
    if (f <= 0) continue;
    types.push(t);
    perTask = Math.min(perTask, cands[t]!.rankHourly / f);
    single = Math.min(single, Math.ceil(n / f) * cands[t]!.rankHourly);
  }
  // Only the Pareto frontier matters: a type with no more room per instance than another and no lower price is
  // never needed (swap every instance of it for the other one: every task still fits, the cost does not rise).
  types.sort((x, y) => fits[y]! - fits[x]! || cands[x]!.rankHourly - cands[y]!.rankHourly || x - y);
  let cheapestSoFar = Infinity;
  const frontier = types.filter((t) => {
    if (cands[t]!.rankHourly >= cheapestSoFar) return false;
    cheapestSoFar = cands[t]!.rankHourly;
    return true;
  });
  types.length = 0;
  types.push(...frontier);
  const floor = n * perTask;
  let best = single;
  let found: { a: number; b: number; nb: number; hourly: number } | null = null;
  const slack = () => best - floor + Math.abs(best) * COST_EPS;
  // Cheapest per task first: good fleets are found early and tighten the bound.
  types.sort((x, y) => cands[x]!.rankHourly / fits[x]! - cands[y]!.rankHourly / fits[y]! || x - y);
  for (let i = 0; i < types.length; i++) {
    const A = types[i]!;
    const fA = fits[A]!;
    const cA = cands[A]!.rankHourly;
    const eA = Math.max(0, cA - fA * perTask);
    // At least one instance of A and one of B: each adds its excess to the n * L floor.
    if (eA > slack() || fA < 2) continue;
    for (let j = i + 1; j < types.length; j++) {
      const B = types[j]!;
      const fB = fits[B]!;
      const cB = cands[B]!.rankHourly;
      const eB = Math.max(0, cB - fB * perTask);
      const room = slack() - eA;
      if (eB > room) continue;
      let bMax = Math.min(fA - 1, Math.ceil(n / fB) - 1);
      if (eB > 0) bMax = Math.min(bMax, Math.floor(room / eB));
      for (let b = 1; b <= bMax; b++) {
        const a = Math.ceil((n - b * fB) / fA);
        if (a < 1) break;
        if (a * eA > slack()) continue;
        const cost = a * cA + b * cB;
        if (cost < best * (1 - COST_EPS)) {
          best = cost;
          found = { a: A, b: B, nb: b, hourly: cost };
        }
      }
    }
  }
  return found;
}

/**
 * Mixed fleets for one group, tried on top of the best single type:
 * 1. tail re-pack: the last instances of each of the 3 cheapest single-type packings are often part-empty; their
 *    tasks go onto the cheapest type for just those tasks (3 x m6i.xlarge + 1 m6i.large, say). Multi-size packings
 *    try the last 1-3 instances; a single-size packing has one part-empty instance at most, so only the last.
 * 2. shape split (multi-size groups): tasks grouped by memory per vCPU (up to 2 GiB: compute, up to 4: general,
 *    above: memory optimized), each group on its own best type, with the tail re-pack too.
 */
function mixedOptions(items: readonly PackItem[], hours: number, table: FitTable, ev: Evaluation, allowSplit: boolean): Option[] {
  const cands = table.cands;
  const options: Option[] = [];
  if (ev.single) {
    const { item, fits } = ev.single;
    const n = items[item]!.count;
    const pair = table.pair(items[item]!, n, () => bestPair(n, fits, table));
    if (pair) {
      options.push({
        parts: [
          { candidate: cands[pair.a]!, packing: singleSizePacking(item, n - Math.min(n, pair.nb * fits[pair.b]!), fits[pair.a]!) },
          { candidate: cands[pair.b]!, packing: singleSizePacking(item, Math.min(n, pair.nb * fits[pair.b]!), fits[pair.b]!) },
        ],
        cost: hours * pair.hourly,
      });
    }
    return options;
  }
  const bases = cheapest(ev, hours, cands, 3);
  for (const t of bases) {
    const base = packingFor(items, ev, t, cands);
    for (let k = 1; k <= Math.min(3, base.bins - 1); k++) {
      const residual = withCounts(items, tailItems(base, items.length, k));
      const rev = evaluate(residual, table);
      const u = argmin(rev, hours, cands);
      if (u < 0 || u === t) continue;
      const head = dropTail(base, k);
      const rest = singleOption(residual, rev, u, hours, cands);
      options.push({ parts: [{ candidate: cands[t]!, packing: head }, ...rest.parts], cost: monthly(head.bins, hours, cands[t]!) + rest.cost });
    }
  }
  if (allowSplit) {
    const classOf = (i: PackItem) => {
      const gibPerVcpu = i.memoryMiB / MIB_PER_GIB / (i.cpu / CPU_UNITS_PER_VCPU);
      return gibPerVcpu <= 2 ? 0 : gibPerVcpu <= 4 ? 1 : 2;
    };
    const classes = [0, 1, 2].map((c) => items.map((i) => (i.count > 0 && classOf(i) === c ? i.count : 0)));
    const nonEmpty = classes.filter((counts) => counts.some((n) => n > 0));
    if (nonEmpty.length > 1) {
      const parts: Option["parts"] = [];
      let cost = 0;
      for (const counts of nonEmpty) {
        const sub = withCounts(items, counts);
        const subEv = evaluate(sub, table);
        const t = argmin(subEv, hours, cands);
        if (t < 0) return options;
        const best = [singleOption(sub, subEv, t, hours, cands), ...mixedOptions(sub, hours, table, subEv, false)].reduce((a, b) => (b.cost < a.cost ? b : a));
        parts.push(...best.parts);
        cost += best.cost;
      }
      options.push({ parts, cost });
    }
  }
  return options;
}

/**
 * Plans the cheapest fleet: every group gets its own cheapest option (single type, or mixed when that is
 * cheaper), so the result is never dearer than running all groups of an architecture on any one type.
 * Also returns the cheapest single-type fleets (one type per architecture) for the alternatives list.
 */
export function planFleet(groups: readonly FleetGroup[], candidates: readonly Ec2Candidate[], options: PlanOptions): FleetResult {
  const archs = [...new Set(groups.map((g) => g.arch))];
  const tables = new Map(archs.map((a) => [a, new FitTable(candidates.filter((c) => c.arch === a))]));
  const tableOf = (g: FleetGroup) => tables.get(g.arch)!;
  const evals = groups.map((g) => evaluate(g.items, tableOf(g)));
  const unplaceable = groups.flatMap((g, i) => (argmin(evals[i]!, g.hours, tableOf(g).cands) < 0 ? [i] : []));
  if (unplaceable.length) return { chosen: null, singleType: [], unplaceable };

  const toPlacements = (gi: number, parts: Option["parts"]): Placement[] =>
    parts.filter((p) => p.packing.bins > 0).map((p) => ({ group: gi, candidate: p.candidate, bins: p.packing.bins, packing: p.packing }));

  // The chosen fleet: per group, the cheapest of its best single type and the mixed options.
  const chosenPlacements: Placement[] = [];
  let chosenCost = 0;
  groups.forEach((g, gi) => {
    const table = tableOf(g);
    const ev = evals[gi]!;
    let best = singleOption(g.items, ev, argmin(ev, g.hours, table.cands), g.hours, table.cands);
    if (options.mixedFleets) {
      for (const o of mixedOptions(g.items, g.hours, table, ev, liveCount(g.items) > 1)) if (o.cost < best.cost) best = o;
    }
    chosenPlacements.push(...toPlacements(gi, best.parts));
    chosenCost += best.cost;
  });

  // Single-type fleets: per architecture, the cost of all its groups on type t.
  const singleCost = new Map(
    archs.map((a) => {
      const cands = tables.get(a)!.cands;
      const costs = new Float64Array(cands.length);
      groups.forEach((g, gi) => {
        if (g.arch !== a) return;
        const bins = evals[gi]!.bins;
        for (let t = 0; t < cands.length; t++) costs[t] = costs[t]! + monthly(bins[t]!, g.hours, cands[t]!);
      });
      return [a, costs] as const;
    }),
  );
  const bestOf = new Map(
    archs.map((a) => {
      const costs = singleCost.get(a)!;
      let best = -1;
      for (let t = 0; t < costs.length; t++) if (!Number.isNaN(costs[t]!) && (best < 0 || costs[t]! < costs[best]!)) best = t;
      return [a, best] as const;
    }),
  );
  // One architecture varies, the others stay on their cheapest single type (each combination listed once).
  const combos: { arch: Ec2Architecture; t: number; cost: number }[] = [];
  archs.forEach((a, ai) => {
    const others = archs.filter((b) => b !== a).reduce((s, b) => s + singleCost.get(b)![bestOf.get(b)!]!, 0);
    singleCost.get(a)!.forEach((cost, t) => {
      if (!Number.isNaN(cost) && (ai === 0 || t !== bestOf.get(a))) combos.push({ arch: a, t, cost: cost + others });
    });
  });
  combos.sort((x, y) => x.cost - y.cost);
  const singleType = combos.slice(0, options.singleTypeFleets).map(({ arch, t, cost }): FleetPlan => {
    const placements: Placement[] = [];
    groups.forEach((g, gi) => {
      const cands = tableOf(g).cands;
      const ti = g.arch === arch ? t : bestOf.get(g.arch)!;
      const packing = packingFor(g.items, evals[gi]!, ti, cands);
      if (packing.bins > 0) placements.push({ group: gi, candidate: cands[ti]!, bins: packing.bins, packing });
    });
    return { placements, rankCost: cost };
  });

  return { chosen: { placements: chosenPlacements, rankCost: chosenCost }, singleType, unplaceable: [] };
}
