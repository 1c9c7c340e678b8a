/**
 * Multi-dimensional bin packing of task sizes onto identical instances: first-fit decreasing, computed
 * bin by bin and in runs of identical bins so that 300,000 tasks of 100 sizes pack in microseconds.
 *
 * Why bin by bin equals first-fit decreasing: FFD takes the items in a fixed decreasing order and puts each in the
 * first bin where it fits. Bin 1 therefore receives exactly the items that fit it in that order, which is what
 * "fill one bin greedily in that order" gives; once filled, nothing left fits bin 1 (an item skipped earlier still
 * does not fit the fuller bin), so bin 2 is the same greedy fill over the rest, and so on.
 * Why runs: a bin's greedy fill depends on the remaining counts only through min(remaining, fits); as long as every
 * size it used still has at least as many tasks left, the next bin is filled identically. So each distinct fill
 * (a "pattern") is computed once and repeated floor(remaining / used) times.
 */

/** One task size with how many such tasks run at once. cpu in CPU units (1024 per vCPU), memory in MiB. */
export interface PackItem {
  cpu: number;
  memoryMiB: number;
  count: number;
}

/** What one instance offers after headroom and reservations; tasks = max tasks per instance (Infinity: no cap). */
export interface BinCapacity {
  cpu: number;
  memoryMiB: number;
  tasks: number;
}

/** `bins` identical instances, each holding `counts[k]` tasks of item `items[k]`. */
export interface PackRun {
  items: number[];
  counts: number[];
  bins: number;
}

export interface Packing {
  bins: number;
  runs: PackRun[];
}

/** Capacities are fractions of whole numbers (headroom); tolerate float noise when comparing sums of integers. */
const EPS = 1e-7;

/** Orders items by a key, largest first; ties broken by the other dimension, then by index (deterministic). */
type Order = (items: readonly PackItem[], cap: BinCapacity) => number[];

const byKeys =
  (keys: (i: PackItem) => [number, number]): Order =>
  (items) =>
    items
      .map((_, i) => i)
      .sort((a, b) => {
        const [a1, a2] = keys(items[a]!);
        const [b1, b2] = keys(items[b]!);
        return b1 - a1 || b2 - a2 || a - b;
      });

/** Decreasing dominant share (the tighter of CPU and memory relative to this instance), the usual vector-FFD key. */
const dominantShare: Order = (items, cap) =>
  byKeys((i) => {
    const c = i.cpu / cap.cpu;
    const m = i.memoryMiB / cap.memoryMiB;
    return [Math.max(c, m), Math.min(c, m)];
  })(items, cap);

const ORDERS: Order[] = [dominantShare, byKeys((i) => [i.cpu, i.memoryMiB]), byKeys((i) => [i.memoryMiB, i.cpu])];

/** True when one task of the item fits an empty instance. */
export function fitsEmpty(item: Pick<PackItem, "cpu" | "memoryMiB">, cap: BinCapacity): boolean {
  return cap.tasks >= 1 && item.cpu <= cap.cpu + EPS && item.memoryMiB <= cap.memoryMiB + EPS;
}

function packInOrder(items: readonly PackItem[], order: readonly number[], cap: BinCapacity): Packing {
  const remaining = items.map((i) => i.count);
  let left = remaining.reduce((a, b) => a + b, 0);
  const runs: PackRun[] = [];
  let bins = 0;
  while (left > 0) {
    let cpu = cap.cpu;
    let memory = cap.memoryMiB;
    let slots = cap.tasks;
    const used: number[] = [];
    const counts: number[] = [];
    for (const k of order) {
      const rem = remaining[k]!;
      if (rem === 0) continue;
      const item = items[k]!;
      const n = Math.min(rem, Math.floor((cpu + EPS) / item.cpu), Math.floor((memory + EPS) / item.memoryMiB), slots);
      if (n <= 0) continue;
      used.push(k);
      counts.push(n);
      cpu -= n * item.cpu;
      memory -= n * item.memoryMiB;
      slots -= n;
      if (slots <= 0) break;
    }
    if (used.length === 0) throw new RangeError("an item does not fit an empty instance"); // guarded by packItems
    let repeat = Infinity;
    for (let u = 0; u < used.length; u++) repeat = Math.min(repeat, Math.floor(remaining[used[u]!]! / counts[u]!));
    let placed = 0;
    for (let u = 0; u < used.length; u++) {
      remaining[used[u]!]! -= repeat * counts[u]!;
      placed += counts[u]!;
    }
    left -= repeat * placed;
    bins += repeat;
    runs.push({ items: used, counts, bins: repeat });
  }
  return { bins, runs };
}

/**
 * Packs every task onto as few identical instances as first-fit decreasing finds, trying three orders
 * (dominant share, CPU first, memory first) and keeping the fewest instances.
 * Returns null when some task does not fit an empty instance.
 */
export function packItems(items: readonly PackItem[], cap: BinCapacity): Packing | null {
  const live = items.filter((i) => i.count > 0);
  if (live.length === 0) return { bins: 0, runs: [] };
  if (!live.every((i) => fitsEmpty(i, cap))) return null;
  if (live.length === 1) return singleSize(items, cap);
  let best: Packing | null = null;
  for (const order of ORDERS) {
    const p = packInOrder(
      items,
      order(items, cap).filter((k) => items[k]!.count > 0),
      cap,
    );
    if (!best || p.bins < best.bins) best = p;
  }
  return best;
}

/** Tasks of one size an empty instance holds: min(CPU fit, memory fit, task cap); 0 when one does not fit. */
export function perInstance(item: Pick<PackItem, "cpu" | "memoryMiB">, cap: BinCapacity): number {
  if (!fitsEmpty(item, cap)) return 0;
  return Math.min(Math.floor((cap.cpu + EPS) / item.cpu), Math.floor((cap.memoryMiB + EPS) / item.memoryMiB), cap.tasks);
}

/** One size: `per` tasks an instance; instances = ceil(tasks / per), the last one holding the rest. */
export function singleSizePacking(itemIndex: number, count: number, per: number): Packing {
  const full = Math.floor(count / per);
  const rest = count - full * per;
  const runs: PackRun[] = [];
  if (full > 0) runs.push({ items: [itemIndex], counts: [per], bins: full });
  if (rest > 0) runs.push({ items: [itemIndex], counts: [rest], bins: 1 });
  return { bins: full + (rest > 0 ? 1 : 0), runs };
}

function singleSize(items: readonly PackItem[], cap: BinCapacity): Packing {
  const k = items.findIndex((i) => i.count > 0);
  return singleSizePacking(k, items[k]!.count, perInstance(items[k]!, cap));
}

/** The tasks held by the last `bins` instances of a packing (per item index), for re-packing a fleet's tail. */
export function tailItems(packing: Packing, itemCount: number, bins: number): number[] {
  const counts = new Array<number>(itemCount).fill(0);
  let need = bins;
  for (let r = packing.runs.length - 1; r >= 0 && need > 0; r--) {
    const run = packing.runs[r]!;
    const take = Math.min(need, run.bins);
    run.items.forEach((k, u) => (counts[k]! += take * run.counts[u]!));
    need -= take;
  }
  return counts;
}
