import { CPU_UNITS_PER_VCPU, MIB_PER_GIB } from "@/lib/core";
import type { Ec2Candidate } from "./candidates";
import { argmin, cheapest, evaluateTop, packingFor } from "./evaluate";
import { binsAt, liveCount, monthly, type Evaluation } from "./evaluation";
import type { FitTable } from "./fit-table";
import type { FleetGroup, Option } from "./fleet";
import { singleSizePacking, tailItems, type PackItem, type Packing } from "./pack";

// A group's options: its best single type, two-type fleets, tail re-packs and shape splits, and the cheapest of them.

/** The packing of the first `bins - drop` instances (the runs minus the last `drop` instances). */
export function dropTail(p: Packing, drop: number): Packing {
  const runs = p.runs.map((r) => ({ ...r }));
  let need = drop;
  for (let r = runs.length - 1; r >= 0 && need > 0; r--) {
    const take = Math.min(need, runs[r]!.bins);
    runs[r]!.bins -= take;
    need -= take;
  }
  return { bins: p.bins - drop, runs: runs.filter((r) => r.bins > 0) };
}

export const withCounts = (items: readonly PackItem[], counts: readonly number[]): PackItem[] => items.map((it, k) => ({ ...it, count: counts[k]! }));

export function singleOption(items: readonly PackItem[], ev: Evaluation, t: number, hours: number, cands: readonly Ec2Candidate[], table?: FitTable): Option {
  // Single-size rows share their parts (read only) between groups and hours: only the cost depends on the hours.
  const parts =
    ev.single && table ? table.singleParts(ev.single.row, ev.single.item, t) : [{ candidate: cands[t]!, packing: packingFor(items, ev, t, cands, table) }];
  return { parts, cost: monthly(binsAt(ev, t), hours, cands[t]!) };
}

/**
 * Mixed fleets for one group, tried on top of the best single type:
 * 1. tail re-pack: the last instances of each of the 3 cheapest single-type packings are often part-empty; their
 *    tasks go onto the cheapest type for just those tasks (3 x m6i.xlarge + 1 m6i.large, say). Multi-size packings
 *    try the last 1-3 instances; a single-size packing has one part-empty instance at most, so only the last.
 * 2. shape split (multi-size groups): tasks grouped by memory per vCPU (up to 2 GiB: compute, up to 4: general,
 *    above: memory optimized), each group on its own best type, with the tail re-pack too.
 */
export function mixedOptions(items: readonly PackItem[], hours: number, table: FitTable, ev: Evaluation, allowSplit: boolean): Option[] {
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
export function chooseOption(g: FleetGroup, ev: Evaluation, table: FitTable, mixedFleets: boolean): Option {
  let best = singleOption(g.items, ev, argmin(ev, g.hours, table), g.hours, table.cands, table);
  if (mixedFleets) {
    for (const o of mixedOptions(g.items, g.hours, table, ev, liveCount(g.items) > 1)) if (o.cost < best.cost) best = o;
  }
  return best;
}
