import type { Ec2Candidate } from "./candidates";
import { CapacityMemo } from "./capacity";
import { cheapestIn, Evaluation, liveCount, monthly } from "./evaluation";
import type { FitTable } from "./fit-table";
import { fitsEmpty, packItems, singleSizePacking, staticOrders, type PackItem, type Packing } from "./pack";

export function evaluate(items: readonly PackItem[], table: FitTable): Evaluation {
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
export function evaluateTop(items: readonly PackItem[], table: FitTable, hours: number, n: number): Evaluation {
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

export function packingFor(items: readonly PackItem[], ev: Evaluation, t: number, cands: readonly Ec2Candidate[], table?: FitTable): Packing {
  if (ev.single) {
    const { item, fits } = ev.single;
    return table ? table.singlePacking(ev.single.row, item, t) : singleSizePacking(item, items[item]!.count, fits[t]!);
  }
  if (!ev.packings) return packItems(items, cands[t]!.capacity)!;
  return (ev.packings[t] ??= packItems(items, cands[t]!.capacity)!);
}

export function argmin(ev: Evaluation, hours: number, table: FitTable): number {
  if (ev.bestHours === hours) return ev.bestT;
  const t = ev.single ? table.cheapestFor(ev.single.row, hours) : (cheapestIn(ev.bins, hours, table.rank, 1)[0] ?? -1);
  ev.bestHours = hours;
  ev.bestT = t;
  return t;
}

/** Indexes of the n cheapest candidates that fit, cheapest first (ties: candidate order). */
export const cheapest = (ev: Evaluation, hours: number, table: FitTable, n: number): number[] => cheapestIn(ev.bins, hours, table.rank, n);
