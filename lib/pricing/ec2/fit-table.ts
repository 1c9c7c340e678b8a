import type { Ec2Candidate } from "./candidates";
import { cheapestIn, Evaluation, rowBins, type SingleRow } from "./evaluation";
import type { Option } from "./fleet";
import { perInstance, singleSizePacking, type PackItem, type Packing } from "./pack";
import { bestPair, pairBasis, type PairBasis } from "./pair";

/**
 * Tasks per instance of one size on every candidate, computed once per size: per-workload groups (scaling with
 * tasks) repeat a handful of sizes a thousand times.
 */
export class FitTable {
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
