import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countBins, packItems, staticOrders, perInstance, tailItems, type BinCapacity, type PackItem, type Packing } from "./pack";

/** m6i.large with no headroom or reservations: 2 vCPU = 2048 CPU units, 8 GiB = 8192 MiB. */
const large = (tasks = Infinity): BinCapacity => ({ cpu: 2048, memoryMiB: 8192, tasks });

/** Every instance of a packing, expanded, as [cpu, memory, tasks] used. */
function binsOf(p: Packing, items: readonly PackItem[]): [number, number, number][] {
  return p.runs.flatMap((r) => {
    const cpu = r.items.reduce((s, k, u) => s + items[k]!.cpu * r.counts[u]!, 0);
    const mem = r.items.reduce((s, k, u) => s + items[k]!.memoryMiB * r.counts[u]!, 0);
    const tasks = r.counts.reduce((a, b) => a + b, 0);
    return Array.from({ length: r.bins }, () => [cpu, mem, tasks] as [number, number, number]);
  });
}

function placed(p: Packing, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const r of p.runs) r.items.forEach((k, u) => (out[k]! += r.counts[u]! * r.bins));
  return out;
}

describe("packItems (first-fit decreasing, in runs of identical instances)", () => {
  it("one size: 10 tasks of 1 vCPU / 2 GiB on m6i.large, bridge: 2 a instance by CPU (2048 / 1024) -> 5", () => {
    const p = packItems([{ cpu: 1024, memoryMiB: 2048, count: 10 }], large())!;
    expect(p.bins).toBe(5);
    expect(p.runs).toEqual([{ items: [0], counts: [2], bins: 5 }]);
  });

  it("the task cap binds: 0.5 vCPU / 1 GiB fits 4 by CPU, but awsvpc allows 2 (3 ENIs - 1): 10 tasks -> 5; trunking (10) -> 3", () => {
    const item = { cpu: 512, memoryMiB: 1024, count: 10 };
    expect(packItems([item], large(2))!.bins).toBe(5);
    expect(packItems([item], large(10))!.bins).toBe(3); // 4 + 4 + 2
    expect(packItems([item], large())!.bins).toBe(3);
  });

  it("mixed sizes that totals alone would put on 2 instances need 3", () => {
    // 3 x (1 vCPU, 5 GiB) + 1 x (0.5 vCPU, 1 GiB): totals 3.5 vCPU (<= 4) and 16 GiB (<= 16) say 2 instances,
    // but no two 5 GiB tasks share 8 GiB: one per instance, the small task joins the first -> 3.
    const items = [
      { cpu: 1024, memoryMiB: 5120, count: 3 },
      { cpu: 512, memoryMiB: 1024, count: 1 },
    ];
    const p = packItems(items, large())!;
    expect(p.bins).toBe(3);
    expect(placed(p, 2)).toEqual([3, 1]);
  });

  it("packs big tasks first and fills the gaps with small ones (FFD)", () => {
    // 2 x (1.5 vCPU, 2 GiB) and 4 x (0.5 vCPU, 1 GiB) on 2 vCPU: each big task leaves 0.5 vCPU for one small task;
    // the remaining 2 small tasks share a third instance -> 3 (a lower bound is ceil(5 / 2) = 3).
    const items = [
      { cpu: 512, memoryMiB: 1024, count: 4 },
      { cpu: 1536, memoryMiB: 2048, count: 2 },
    ];
    const p = packItems(items, large())!;
    expect(p.bins).toBe(3);
    expect(binsOf(p, items).every(([c, m]) => c <= 2048 && m <= 8192)).toBe(true);
  });

  it("returns null when a task fits no empty instance, and zero instances for no tasks", () => {
    expect(packItems([{ cpu: 4096, memoryMiB: 1024, count: 1 }], large())).toBeNull();
    expect(packItems([{ cpu: 1024, memoryMiB: 9000, count: 1 }], large())).toBeNull();
    expect(packItems([{ cpu: 1024, memoryMiB: 1024, count: 0 }], large())).toEqual({ bins: 0, runs: [] });
    expect(perInstance({ cpu: 1024, memoryMiB: 1024 }, { cpu: 1945.6, memoryMiB: 7344.64, tasks: 2 })).toBe(1); // 5% headroom: 1 of 1 vCPU
  });

  it("computes 300,000 tasks of 100 sizes in runs, not one instance at a time", () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ cpu: 256 * (1 + (i % 8)), memoryMiB: 512 * (1 + (i % 13)), count: 3000 }));
    const cap = { cpu: 96 * 1024, memoryMiB: 384 * 1024, tasks: 120 };
    const p = packItems(items, cap)!;
    expect(placed(p, 100).every((n) => n === 3000)).toBe(true);
    expect(p.runs.length).toBeLessThan(1000);
  });

  it("tailItems lists the tasks of the last instances", () => {
    const p: Packing = {
      bins: 4,
      runs: [
        { items: [0], counts: [2], bins: 3 },
        { items: [0, 1], counts: [1, 1], bins: 1 },
      ],
    };
    expect(tailItems(p, 2, 1)).toEqual([1, 1]);
    expect(tailItems(p, 2, 2)).toEqual([3, 1]);
  });

  const item = fc.record({
    cpu: fc.constantFrom(256, 512, 1024, 2048, 4096),
    memoryMiB: fc.integer({ min: 1, max: 32 }).map((g) => g * 512),
    count: fc.integer({ min: 0, max: 60 }),
  });
  const capacity = fc.record({
    cpu: fc.integer({ min: 2, max: 32 }).map((v) => v * 1024 * 0.95),
    memoryMiB: fc.integer({ min: 4, max: 128 }).map((g) => g * 1024 * 0.9),
    tasks: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 120 })),
  });

  it("property: every task is placed once, no instance exceeds CPU, memory or the task cap, and bins meet the lower bound", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), capacity, (items, cap) => {
        const p = packItems(items, cap);
        const fitsAll = items.every((i) => i.count === 0 || (i.cpu <= cap.cpu && i.memoryMiB <= cap.memoryMiB));
        if (!fitsAll) {
          expect(p).toBeNull();
          return;
        }
        expect(p).not.toBeNull();
        expect(placed(p!, items.length)).toEqual(items.map((i) => i.count));
        const bins = binsOf(p!, items);
        expect(bins).toHaveLength(p!.bins);
        for (const [c, m, t] of bins) {
          expect(c).toBeLessThanOrEqual(cap.cpu + 1e-6);
          expect(m).toBeLessThanOrEqual(cap.memoryMiB + 1e-6);
          expect(t).toBeLessThanOrEqual(cap.tasks);
          expect(t).toBeGreaterThan(0);
        }
        const totalCpu = items.reduce((s, i) => s + i.cpu * i.count, 0);
        const totalMem = items.reduce((s, i) => s + i.memoryMiB * i.count, 0);
        const tasks = items.reduce((s, i) => s + i.count, 0);
        const lower = Math.max(Math.ceil(totalCpu / cap.cpu - 1e-9), Math.ceil(totalMem / cap.memoryMiB - 1e-9), Math.ceil(tasks / cap.tasks));
        expect(p!.bins).toBeGreaterThanOrEqual(lower);
      }),
    );
  });

  it("property: countBins (no packing built) = packItems' instance count, NaN where packItems gives null", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), capacity, (items, cap) => {
        const p = packItems(items, cap);
        const n = countBins(items, cap, staticOrders(items));
        if (p === null) expect(n).toBeNaN();
        else expect(n).toBe(p.bins);
      }),
    );
  });
});
