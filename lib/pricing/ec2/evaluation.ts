import type { Ec2Candidate } from "./candidates";
import type { Option } from "./fleet";
import type { PackItem, Packing } from "./pack";

// A group's instance counts on every candidate (an Evaluation, or the shared row of a single-size group), and the
// cheapest candidates by float ranking cost.

/** Float ranking cost (USD per month) of `bins` instances of c running `hours`. */
export const monthly = (bins: number, hours: number, c: Ec2Candidate) => bins * hours * c.rankHourly;

/** How many of the items have tasks (a group with one is a single-size group). */
export function liveCount(items: readonly PackItem[]): number {
  let n = 0;
  for (let k = 0; k < items.length; k++) if (items[k]!.count > 0) n++;
  return n;
}

/**
 * n tasks of one size (fits[t] per instance of candidate t): what every single-size group of that size and count
 * shares. Instances on candidate t are ceil(n / fits[t]) (binsAt), computed where needed rather than stored per row:
 * one part-time workload per group makes thousands of rows.
 */
export interface SingleRow {
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
export const rowBins = (row: SingleRow, t: number) => (row.fits[t]! > 0 ? Math.ceil(row.n / row.fits[t]!) : NaN);

/** Instances of candidate t for a group's evaluation (NaN where a task does not fit). */
export const binsAt = (ev: Evaluation, t: number) => (ev.single ? rowBins(ev.single.row, t) : ev.bins[t]!);

/**
 * Instances of every candidate for one group (NaN where a task does not fit), with packings for multi-size groups.
 * A class: every evaluation has the same shape, so the hot loops that read them stay monomorphic.
 */
export class Evaluation {
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

/** cheapest over a bins row, with rank[t] = rankHourly of candidate t. */
export function cheapestIn(bins: Float64Array, hours: number, rank: Float64Array, n: number): number[] {
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
