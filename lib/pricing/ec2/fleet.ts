import type { Ec2Architecture } from "@/lib/catalog/ec2-schema";
import { MIB_PER_GIB, CPU_UNITS_PER_VCPU } from "@/lib/core";
import type { Ec2Candidate } from "./candidates";
import { percent } from "./price";
import {
  countBins,
  fitsEmpty,
  type BinCapacity,
  type StaticOrders,
  packItems,
  perInstance,
  singleSizePacking,
  staticOrders,
  tailItems,
  type PackItem,
  type Packing,
} from "./pack";

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
  /** Built on first read (pricing reads the summary; the placements serve warnings and a fleet that becomes the chosen one). */
  placements: Placement[];
  /** Float ranking cost (USD per month, from Ec2Candidate.rankHourly); exact costs are computed elsewhere. */
  rankCost: number;
  /** What pricing needs, when known without the placements (planFleet's fleets): see price.ts fleetSummary. */
  summary?: FleetSummary;
  /**
   * Per group, the instance types and packings it uses (parts with no instance included), when known without
   * building the placements (planFleet's chosen fleet): the placements are these parts with bins > 0, in order.
   */
  groupParts?: readonly (readonly { candidate: Ec2Candidate; packing: Packing }[])[];
}

/** A fleet as pricing sees it: instances and instance-hours per type, and the utilization. */
export interface FleetSummary {
  /** Per instance type, in first-use order. */
  types: { candidate: Ec2Candidate; count: number; hours: number }[];
  utilization: { cpuPercent: number; memoryPercent: number };
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
function liveCount(items: readonly PackItem[]): number {
  let n = 0;
  for (let k = 0; k < items.length; k++) if (items[k]!.count > 0) n++;
  return n;
}

/**
 * n tasks of one size (fits[t] per instance of candidate t): what every single-size group of that size and count
 * shares. Instances on candidate t are ceil(n / fits[t]) (binsAt), computed where needed rather than stored per row:
 * one part-time workload per group makes thousands of rows.
 */
interface SingleRow {
  fits: Int32Array;
  n: number;
  /** The candidates that can be the cheapest at some hours (see FitTable.cheapestFor); null until needed. */
  contenders: number[] | null;
  /** Chosen options by item index and hours. */
  options: Map<number, Option> | null;
  /** Evaluations by item index. */
  evaluations: Evaluation[];
  /** Packings by item index and candidate (read only). */
  packings: Map<number, Packing> | null;
  /** Single-type option parts by item index and candidate, and two-type parts by item index (read only). */
  parts: Map<number, Option["parts"]> | null;
  pairParts: Map<number, Option["parts"]> | null;
}

/** Instances of candidate t for a single-size row: ceil(n / fits[t]), NaN where a task does not fit. */
const rowBins = (row: SingleRow, t: number) => (row.fits[t]! > 0 ? Math.ceil(row.n / row.fits[t]!) : NaN);

/** Instances of candidate t for a group's evaluation (NaN where a task does not fit). */
const binsAt = (ev: Evaluation, t: number) => (ev.single ? rowBins(ev.single.row, t) : ev.bins[t]!);

/**
 * Tasks per instance of one size on every candidate, computed once per size: per-workload groups (scaling with
 * tasks) repeat a handful of sizes a thousand times.
 */
class FitTable {
  private readonly rows = new Map<number, Map<number, Int32Array>>();
  private readonly pairs = new Map<Int32Array, Map<number, ReturnType<typeof bestPair>>>();
  private readonly bases = new Map<Int32Array, PairBasis>();
  private readonly singleRows = new Map<Int32Array, Map<number, SingleRow>>();
  /** rankHourly of each candidate, as a typed array for the hot loops. */
  readonly rank: Float64Array;
  constructor(readonly cands: readonly Ec2Candidate[]) {
    this.rank = Float64Array.from(cands, (c) => c.rankHourly);
  }
  /** The best two-type fleet for n tasks of one size, computed once per size and count. */
  pair(fits: Int32Array, n: number): ReturnType<typeof bestPair> {
    let byCount = this.pairs.get(fits);
    if (!byCount) this.pairs.set(fits, (byCount = new Map()));
    let p = byCount.get(n);
    if (p === undefined) byCount.set(n, (p = bestPair(n, fits, this)));
    return p;
  }
  /** The row of n tasks of one size, shared by every single-size group of that size and count. */
  singleRow(fits: Int32Array, n: number): SingleRow {
    let byCount = this.singleRows.get(fits);
    if (!byCount) this.singleRows.set(fits, (byCount = new Map()));
    let row = byCount.get(n);
    if (!row) byCount.set(n, (row = { fits, n, contenders: null, options: null, evaluations: [], packings: null, parts: null, pairParts: null }));
    return row;
  }
  /**
   * The evaluation of a single-size group (its only live item is items[item]), shared by every group of that size,
   * count and item index: read only but for argmin's memo, which checks the hours it was computed for. Its bins
   * row is materialized only if read (binsAt computes one entry).
   */
  singleEvaluation(live: PackItem, item: number): Evaluation {
    const fits = this.fits(live);
    const row = this.singleRow(fits, live.count);
    let ev = row.evaluations[item];
    if (!ev) row.evaluations[item] = ev = new Evaluation(null, null, { item, fits, row });
    return ev;
  }
  /** bestPair's frontier for one size, once per size. */
  pairBasis(fits: Int32Array): PairBasis {
    let b = this.bases.get(fits);
    if (!b) this.bases.set(fits, (b = pairBasis(fits, this)));
    return b;
  }
  /**
   * argmin for a single-size row: cheapest(ev, hours, cands, 1)[0] ?? -1, from the row's contenders. A
   * candidate's cost is fl(fl(bins x hours) x rank), within 2u (u = 2^-53) of hours x (bins x rank): at every
   * hours > 0 it keeps the order of bins x rank except among values within a few u of each other. So only the
   * candidates whose cost at one hour is within 2^-48 (relative) of the lowest can be (or tie with) the cheapest
   * at any hours; the others cost strictly more everywhere. Among the contenders, in candidate order, the first
   * lowest cost wins, as in cheapest.
   */
  cheapestFor(row: SingleRow, hours: number): number {
    const rank = this.rank;
    const n = rank.length;
    if (!(hours > 0 && hours < Infinity)) {
      const bins = new Float64Array(n);
      for (let t = 0; t < n; t++) bins[t] = rowBins(row, t);
      return cheapestIn(bins, hours, rank, 1)[0] ?? -1;
    }
    let list = row.contenders;
    if (!list) {
      let min = Infinity;
      for (let t = 0; t < n; t++) {
        const v = rowBins(row, t) * rank[t]!;
        if (v < min) min = v;
      }
      const limit = min + Math.abs(min) * 2 ** -48;
      list = [];
      for (let t = 0; t < n; t++) if (rowBins(row, t) * rank[t]! <= limit) list.push(t);
      row.contenders = list;
    }
    let best = -1;
    let bestCost = Infinity;
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      const cost = rowBins(row, t) * hours * rank[t]!;
      if (best < 0 || cost < bestCost) {
        best = t;
        bestCost = cost;
      }
    }
    return best;
  }
  /** The chosen option of a single-size group, once per (size and count) row, item index and hours. */
  cachedOption(row: SingleRow, item: number, hours: number): Option | undefined {
    return row.options?.get(item * 1_000_003 + hours);
  }
  storeOption(row: SingleRow, item: number, hours: number, option: Option): Option {
    (row.options ??= new Map()).set(item * 1_000_003 + hours, option);
    return option;
  }
  /** The parts of a single-type option for a row's item on candidate t, shared (read only). */
  singleParts(row: SingleRow, item: number, t: number): Option["parts"] {
    const parts = (row.parts ??= new Map());
    const key = item * 65_536 + t;
    let p = parts.get(key);
    if (!p) parts.set(key, (p = [{ candidate: this.cands[t]!, packing: this.singlePacking(row, item, t) }]));
    return p;
  }
  /** singleSizePacking(item, n, fits[t]) shared by every group of that size, count and item index (packings are read only). */
  singlePacking(row: SingleRow, item: number, t: number): Packing {
    const packings = (row.packings ??= new Map());
    const key = item * 65_536 + t;
    let p = packings.get(key);
    if (!p) packings.set(key, (p = singleSizePacking(item, row.n, row.fits[t]!)));
    return p;
  }
  fits(item: Pick<PackItem, "cpu" | "memoryMiB">): Int32Array {
    let byMemory = this.rows.get(item.cpu);
    if (!byMemory) this.rows.set(item.cpu, (byMemory = new Map()));
    let row = byMemory.get(item.memoryMiB);
    if (!row) {
      row = new Int32Array(this.cands.length);
      for (let t = 0; t < this.cands.length; t++) row[t] = Math.min(perInstance(item, this.cands[t]!.capacity), 2 ** 31 - 1);
      byMemory.set(item.memoryMiB, row);
    }
    return row;
  }
}

/**
 * Instances of every candidate for one group (NaN where a task does not fit), with packings for multi-size groups.
 * A class: every evaluation has the same shape, so the hot loops that read them stay monomorphic.
 */
class Evaluation {
  /** The cheapest candidate at bestHours, once computed (argmin); bestHours is NaN before. */
  bestHours = NaN;
  bestT = -1;
  constructor(
    private stored: Float64Array | null,
    readonly packings: (Packing | null)[] | null,
    /** Single-size groups: the item index, tasks per instance on each candidate, and the shared row. */
    readonly single: { item: number; fits: Int32Array; row: SingleRow } | null,
  ) {}
  /** Instances per candidate, read only (single-size groups: built on first read; binsAt reads one entry). */
  get bins(): Float64Array {
    if (!this.stored) {
      const row = this.single!.row;
      const bins = new Float64Array(row.fits.length);
      for (let t = 0; t < bins.length; t++) bins[t] = rowBins(row, t);
      this.stored = bins;
    }
    return this.stored;
  }
}

/**
 * countBins for one item list, once per distinct capacity: many types offer the same CPU, memory and task cap
 * (m5.large, m6i.large, m7i.large...), and the count depends on nothing else.
 */
class CapacityMemo {
  private readonly counts = new Map<number, Map<number, Map<number, number>>>();
  countBins(items: readonly PackItem[], cap: BinCapacity, orders: StaticOrders): number {
    let byMemory = this.counts.get(cap.cpu);
    if (!byMemory) this.counts.set(cap.cpu, (byMemory = new Map()));
    let byTasks = byMemory.get(cap.memoryMiB);
    if (!byTasks) byMemory.set(cap.memoryMiB, (byTasks = new Map()));
    let b = byTasks.get(cap.tasks);
    if (b === undefined) byTasks.set(cap.tasks, (b = countBins(items, cap, orders)));
    return b;
  }
}

function evaluate(items: readonly PackItem[], table: FitTable): Evaluation {
  const cands = table.cands;
  if (liveCount(items) === 1) {
    let k = 0;
    while (items[k]!.count <= 0) k++;
    return table.singleEvaluation(items[k]!, k);
  }
  const bins = new Float64Array(cands.length);
  const orders = staticOrders(items);
  // Instance counts only; packings are built on demand (packingFor) for the candidates a fleet uses.
  const byCapacity = new CapacityMemo();
  for (let t = 0; t < cands.length; t++) bins[t] = byCapacity.countBins(items, cands[t]!.capacity, orders);
  return new Evaluation(bins, new Array<Packing | null>(cands.length).fill(null), null);
}

/**
 * evaluate, for callers that only need the n cheapest candidates (a tail's or a shape's re-pack): candidates are
 * packed in order of a lower bound on their cost (instances >= the tasks' total CPU, memory and count over one
 * instance's), and packing stops once the bound exceeds the n-th cheapest cost found. A skipped candidate costs
 * strictly more than n others, so cheapest(ev, hours, cands, n) returns exactly what the full evaluation returns
 * (ties included: every candidate that could tie is packed). Skipped candidates read as NaN.
 */
function evaluateTop(items: readonly PackItem[], table: FitTable, hours: number, n: number): Evaluation {
  if (liveCount(items) === 1) return evaluate(items, table);
  const cands = table.cands;
  let cpu = 0;
  let memory = 0;
  let tasks = 0;
  for (const i of items) {
    if (i.count <= 0) continue;
    cpu += i.cpu * i.count;
    memory += i.memoryMiB * i.count;
    tasks += i.count;
  }
  const bound = new Float64Array(cands.length);
  const order: number[] = [];
  for (let t = 0; t < cands.length; t++) {
    const cap = cands[t]!.capacity;
    if (!items.every((i) => i.count <= 0 || fitsEmpty(i, cap))) {
      bound[t] = NaN;
      continue;
    }
    // Each instance holds at most its capacity (plus the packer's float tolerance) of each dimension.
    const least = Math.max(
      1,
      Math.floor(cpu / (cap.cpu + 1e-6)),
      Math.floor(memory / (cap.memoryMiB + 1e-6)),
      Number.isFinite(cap.tasks) ? Math.floor(tasks / cap.tasks) : 0,
    );
    bound[t] = least * hours * table.rank[t]!;
    order.push(t);
  }
  order.sort((a, b) => bound[a]! - bound[b]! || a - b);
  const bins = new Float64Array(cands.length).fill(NaN);
  const packings: (Packing | null)[] = new Array<Packing | null>(cands.length).fill(null);
  const orders = staticOrders(items);
  const byCapacity = new CapacityMemo();
  const best: number[] = [];
  for (const t of order) {
    if (best.length === n && bound[t]! > best[n - 1]!) break;
    const b = byCapacity.countBins(items, cands[t]!.capacity, orders);
    if (Number.isNaN(b)) continue;
    bins[t] = b;
    const cost = monthly(b, hours, cands[t]!);
    let at = best.length;
    while (at > 0 && best[at - 1]! > cost) at--;
    best.splice(at, 0, cost);
    if (best.length > n) best.pop();
  }
  return new Evaluation(bins, packings, null);
}

function packingFor(items: readonly PackItem[], ev: Evaluation, t: number, cands: readonly Ec2Candidate[], table?: FitTable): Packing {
  if (ev.single) {
    const { item, fits } = ev.single;
    return table ? table.singlePacking(ev.single.row, item, t) : singleSizePacking(item, items[item]!.count, fits[t]!);
  }
  if (!ev.packings) return packItems(items, cands[t]!.capacity)!;
  return (ev.packings[t] ??= packItems(items, cands[t]!.capacity)!);
}

function argmin(ev: Evaluation, hours: number, table: FitTable): number {
  if (ev.bestHours === hours) return ev.bestT;
  const t = ev.single ? table.cheapestFor(ev.single.row, hours) : (cheapestIn(ev.bins, hours, table.rank, 1)[0] ?? -1);
  ev.bestHours = hours;
  ev.bestT = t;
  return t;
}

/** Indexes of the n cheapest candidates that fit, cheapest first (ties: candidate order). */
const cheapest = (ev: Evaluation, hours: number, table: FitTable, n: number): number[] => cheapestIn(ev.bins, hours, table.rank, n);

/** cheapest over a bins row, with rank[t] = rankHourly of candidate t. */
function cheapestIn(bins: Float64Array, hours: number, rank: Float64Array, n: number): number[] {
  // Insertion into a short sorted list (n is 1 or 3): no object or sort per candidate.
  const ts: number[] = [];
  const costs: number[] = [];
  for (let t = 0; t < bins.length; t++) {
    const b = bins[t]!;
    if (Number.isNaN(b)) continue;
    const cost = b * hours * rank[t]!;
    if (ts.length === n && cost >= costs[n - 1]!) continue;
    // Candidates come in index order, so an equal cost goes after the ones already kept (ties: candidate order).
    let at = ts.length;
    while (at > 0 && costs[at - 1]! > cost) at--;
    ts.splice(at, 0, t);
    costs.splice(at, 0, cost);
    if (ts.length > n) {
      ts.pop();
      costs.pop();
    }
  }
  return ts;
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

function singleOption(items: readonly PackItem[], ev: Evaluation, t: number, hours: number, cands: readonly Ec2Candidate[], table?: FitTable): Option {
  // Single-size rows share their parts (read only) between groups and hours: only the cost depends on the hours.
  const parts =
    ev.single && table ? table.singleParts(ev.single.row, ev.single.item, t) : [{ candidate: cands[t]!, packing: packingFor(items, ev, t, cands, table) }];
  return { parts, cost: monthly(binsAt(ev, t), hours, cands[t]!) };
}

/** Relative tolerance of float cost comparisons (costs are sums of a few products of 6-decimal prices). */
const COST_EPS = 1e-9;

/** bestPair's part that does not depend on the count: computed once per task size (and candidate list). */
interface PairBasis {
  /** The Pareto frontier of (tasks per instance, price), cheapest per task first. */
  types: number[];
  /** The lowest cost per task of any type (L). */
  perTask: number;
}

function pairBasis(fits: Int32Array, table: FitTable): PairBasis {
  const cands = table.cands;
  const types: number[] = [];
  let perTask = Infinity;
  for (let t = 0; t < cands.length; t++) {
    const f = fits[t]!;
    if (f <= 0) continue;
    types.push(t);
    perTask = Math.min(perTask, cands[t]!.rankHourly / f);
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
  // Cheapest per task first: good fleets are found early and tighten the bound.
  frontier.sort((x, y) => cands[x]!.rankHourly / fits[x]! - cands[y]!.rankHourly / fits[y]! || x - y);
  return { types: frontier, perTask };
}

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
  const { types, perTask } = table.pairBasis(fits);
  // The best single type: over the frontier only, the same minimum (a dominated type has at least as many
  // instances, ceil(n / f), at no lower price, and rounding is monotone: its product is never smaller).
  let single = Infinity;
  for (let i = 0; i < types.length; i++) {
    const t = types[i]!;
    single = Math.min(single, Math.ceil(n / fits[t]!) * cands[t]!.rankHourly);
  }
  const floor = n * perTask;
  let best = single;
  let found: { a: number; b: number; nb: number; hourly: number } | null = null;
  const slack = () => best - floor + Math.abs(best) * COST_EPS;
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
    const { item, fits, row } = ev.single;
    const n = items[item]!.count;
    const pair = table.pair(fits, n);
    if (pair) {
      // The parts depend on the size, count and item only: built once per row and item (read only).
      const pairParts = (row.pairParts ??= new Map());
      let parts = pairParts.get(item);
      if (!parts) {
        parts = [
          { candidate: cands[pair.a]!, packing: singleSizePacking(item, n - Math.min(n, pair.nb * fits[pair.b]!), fits[pair.a]!) },
          { candidate: cands[pair.b]!, packing: singleSizePacking(item, Math.min(n, pair.nb * fits[pair.b]!), fits[pair.b]!) },
        ];
        pairParts.set(item, parts);
      }
      options.push({ parts, cost: hours * pair.hourly });
    }
    return options;
  }
  const bases = cheapest(ev, hours, table, 3);
  for (const t of bases) {
    const base = packingFor(items, ev, t, cands);
    for (let k = 1; k <= Math.min(3, base.bins - 1); k++) {
      const residual = withCounts(items, tailItems(base, items.length, k));
      const rev = evaluateTop(residual, table, hours, 1);
      const u = argmin(rev, hours, table);
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
        const subEv = evaluateTop(sub, table, hours, 3);
        const t = argmin(subEv, hours, table);
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

/** A group's cheapest option: its best single type, or a mixed fleet when that is cheaper. */
function chooseOption(g: FleetGroup, ev: Evaluation, table: FitTable, mixedFleets: boolean): Option {
  let best = singleOption(g.items, ev, argmin(ev, g.hours, table), g.hours, table.cands, table);
  if (mixedFleets) {
    for (const o of mixedOptions(g.items, g.hours, table, ev, liveCount(g.items) > 1)) if (o.cost < best.cost) best = o;
  }
  return best;
}

/** Below this many groups, every single-type cost is summed: the bound is not worth it. */
const SUM_EVERY_TYPE_BELOW = 64;

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
class SingleTypeCosts {
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
function singleTypeSums(
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
  const unplaceable: number[] = [];
  for (let i = 0; i < groups.length; i++) if (argmin(evals[i]!, groups[i]!.hours, tableOf(groups[i]!)) < 0) unplaceable.push(i);
  if (unplaceable.length) return { chosen: null, singleType: [], unplaceable };

  // The chosen fleet: per group, the cheapest of its best single type and the mixed options. What pricing needs
  // (instances and instance-hours per type, utilization) is summed here, in the order fleetSummary would sum it
  // over the placements (groups in order, parts in order); the placements themselves are built on first read.
  const chosenOptions = new Array<Option>(groups.length);
  let chosenCost = 0;
  const chosenTypes: FleetSummary["types"] = [];
  const rowOf = new Map<Ec2Candidate, FleetSummary["types"][number]>();
  let taskCpu = 0;
  let taskMem = 0;
  let capCpu = 0;
  let capMem = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const table = tableOf(g);
    const ev = evals[gi]!;
    // A single-size group's choice depends only on its size, count and hours: computed once per combination.
    const best = ev.single
      ? (table.cachedOption(ev.single.row, ev.single.item, g.hours) ??
        table.storeOption(ev.single.row, ev.single.item, g.hours, chooseOption(g, ev, table, options.mixedFleets)))
      : chooseOption(g, ev, table, options.mixedFleets);
    chosenOptions[gi] = best;
    chosenCost += best.cost;
    let used = false;
    for (const p of best.parts) {
      const bins = p.packing.bins;
      if (!(bins > 0)) continue;
      used = true;
      let row = rowOf.get(p.candidate);
      if (!row) {
        rowOf.set(p.candidate, (row = { candidate: p.candidate, count: 0, hours: 0 }));
        chosenTypes.push(row);
      }
      row.count += bins;
      row.hours += bins * g.hours;
      capCpu += bins * g.hours * p.candidate.vcpu * CPU_UNITS_PER_VCPU;
      capMem += bins * g.hours * p.candidate.memoryGiB * MIB_PER_GIB;
    }
    if (used)
      for (const i of g.items) {
        taskCpu += i.cpu * i.count * g.hours;
        taskMem += i.memoryMiB * i.count * g.hours;
      }
  }
  let chosenPlacements: Placement[] | undefined;
  const buildChosen = () => {
    const out: Placement[] = [];
    chosenOptions.forEach((best, gi) => {
      for (const p of best.parts) if (p.packing.bins > 0) out.push({ group: gi, candidate: p.candidate, bins: p.packing.bins, packing: p.packing });
    });
    return out;
  };
  const chosen: FleetPlan = {
    get placements() {
      return (chosenPlacements ??= buildChosen());
    },
    rankCost: chosenCost,
    summary: { types: chosenTypes, utilization: { cpuPercent: percent(taskCpu, capCpu), memoryPercent: percent(taskMem, capMem) } },
    groupParts: chosenOptions.map((o) => o.parts),
  };

  // Single-type fleets: per architecture, the cost of all its groups on type t (NaN where a group does not fit),
  // summed exactly as before for every candidate that can be listed (see SingleTypeCosts); NaN for the others.
  const singleCost = new Map(archs.map((a) => [a, new SingleTypeCosts(groups, evals, a, tables.get(a)!.rank, options.singleTypeFleets + 1)] as const));
  const bestOf = new Map(
    archs.map((a) => {
      const costs = singleCost.get(a)!.costs;
      let best = -1;
      for (let t = 0; t < costs.length; t++) if (!Number.isNaN(costs[t]!) && (best < 0 || costs[t]! < costs[best]!)) best = t;
      return [a, best] as const;
    }),
  );
  // One architecture varies, the others stay on their cheapest single type (each combination listed once).
  const combos: { arch: Ec2Architecture; t: number; cost: number }[] = [];
  archs.forEach((a, ai) => {
    const others = archs.filter((b) => b !== a).reduce((s, b) => s + singleCost.get(b)!.costs[bestOf.get(b)!]!, 0);
    const single = singleCost.get(a)!;
    single.extend(others);
    single.costs.forEach((cost, t) => {
      if (!Number.isNaN(cost) && (ai === 0 || t !== bestOf.get(a))) combos.push({ arch: a, t, cost: cost + others });
    });
  });
  combos.sort((x, y) => x.cost - y.cost);
  // Every group is in every single-type fleet (one type per architecture): the tasks' CPU and memory-hours are the
  // same for all of them, summed once (as fleetUtilization sums them: groups in order, items in order).
  let allCpu = 0;
  let allMem = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    if (liveCount(g.items) === 0) continue;
    for (const i of g.items) {
      allCpu += i.cpu * i.count * g.hours;
      allMem += i.memoryMiB * i.count * g.hours;
    }
  }
  const archIndex = new Int32Array(groups.length);
  for (let gi = 0; gi < groups.length; gi++) archIndex[gi] = archs.indexOf(groups[gi]!.arch);
  const singleType = combos.slice(0, options.singleTypeFleets).map(({ arch, t, cost }): FleetPlan => {
    // The type each architecture runs on in this fleet.
    const typeIdx = archs.map((b) => (b === arch ? t : bestOf.get(b)!));
    const typeOf = (g: FleetGroup) => typeIdx[archs.indexOf(g.arch)]!;
    const typeCand = archs.map((b, ai) => tables.get(b)!.cands[typeIdx[ai]!]!);
    const { types, fleetCpu, fleetMem } = singleTypeSums(groups, evals, archIndex, typeIdx, typeCand);
    let placements: Placement[] | undefined;
    const build = () => {
      const out: Placement[] = [];
      groups.forEach((g, gi) => {
        const table = tableOf(g);
        const ti = typeOf(g);
        const packing = packingFor(g.items, evals[gi]!, ti, table.cands, table);
        if (packing.bins > 0) out.push({ group: gi, candidate: table.cands[ti]!, bins: packing.bins, packing });
      });
      return out;
    };
    return {
      get placements() {
        return (placements ??= build());
      },
      rankCost: cost,
      summary: { types, utilization: { cpuPercent: percent(allCpu, fleetCpu), memoryPercent: percent(allMem, fleetMem) } },
    };
  });

  return { chosen, singleType, unplaceable: [] };
}
