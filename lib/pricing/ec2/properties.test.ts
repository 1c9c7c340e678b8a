import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ec2Catalog } from "@/lib/catalog/ec2";
import type { Ec2Settings } from "@/lib/scenario/schema";
import { Ec2Settings as Ec2SettingsSchema } from "@/lib/scenario/schema";
import { sum } from "@/lib/core";
import { allSizes } from "../sizes";
import { selectCandidates } from "./candidates";
import type { FleetGroup } from "./fleet";
import { planFleet } from "./plan";
import { runEc2 } from "./test-helpers";

const linuxSizes = allSizes("linux");
const region = ec2Catalog.regions["us-east-1"]!;
const someTypes = [
  "m6i.large",
  "m6i.xlarge",
  "m6i.4xlarge",
  "c6i.large",
  "c6i.2xlarge",
  "r6i.large",
  "r6i.8xlarge",
  "m7g.large",
  "m7g.2xlarge",
  "c7g.xlarge",
  "r7g.4xlarge",
  "m6g.medium",
  "m8i.48xlarge",
  "c7a.24xlarge",
];

/**
 * What an instance offers, from docs/pricing-rules.md#what-an-instance-offers, written here rather than taken from the engine:
 * CPU units = vCPU x 1024 x (1 - headroom); memory MiB = (GiB x 1024 x (1 - unregistered) - reserved) x (1 - headroom);
 * tasks: bridge no cap; awsvpc ENIs - 1, or the trunking limit when trunking is on and the size has one.
 */
function offered(type: string, s: Pick<Ec2Settings, "headroomPercent" | "unregisteredMemoryPercent" | "reservedMemoryMiB" | "networking" | "eniTrunking">) {
  const [vcpu, memoryGiB, , maxEnis, trunking] = ec2Catalog.types[type]!;
  const keep = (100 - s.headroomPercent) / 100;
  return {
    cpu: vcpu * 1024 * keep,
    memoryMiB: Math.max(0, (memoryGiB * 1024 * ((100 - s.unregisteredMemoryPercent) / 100) - s.reservedMemoryMiB) * keep),
    tasks: s.networking === "bridge" ? Infinity : s.eniTrunking && trunking !== null ? trunking : maxEnis - 1,
  };
}

const settings = fc.record({
  networking: fc.constantFrom("awsvpc" as const, "bridge" as const),
  eniTrunking: fc.boolean(),
  headroomPercent: fc.integer({ min: 0, max: 30 }),
  reservedMemoryMiB: fc.integer({ min: 0, max: 1024 }),
  unregisteredMemoryPercent: fc.integer({ min: 0, max: 10 }),
  spotPercent: fc.constantFrom(0, 30, 100),
  commitment: fc.constantFrom("none" as const, "1yr" as const, "3yr" as const),
  instanceTypes: fc.oneof(fc.constant([] as string[]), fc.subarray(someTypes, { minLength: 1 })),
});
const workload = fc.record({
  size: fc.constantFrom(...linuxSizes),
  tasks: fc.integer({ min: 0, max: 40 }),
  arch: fc.constantFrom("x86_64" as const, "arm64" as const),
});

describe("EC2 fleet properties (fast-check)", () => {
  it("the chosen fleet holds every task's vCPU, memory and ENI slot, and is no dearer than any listed alternative", () => {
    let runsSeen = 0;
    let unavailable = 0;
    fc.assert(
      fc.property(fc.array(workload, { minLength: 1, maxLength: 5 }), settings, (ws, ec2) => {
        const { ec2: e } = runEc2({
          region: "us-east-1",
          workloads: ws.map((w, i) => ({ name: `w${i}`, vcpu: w.size.vcpu, memoryGiB: w.size.memoryGiB, tasks: w.tasks, arch: w.arch })),
          ec2,
        });
        const s: Ec2Settings = Ec2SettingsSchema.parse(ec2);
        runsSeen++;
        if (!e.available) {
          unavailable++; // too big for the allowed types, or no Spot figure: said in warnings
          expect(e.warnings.length).toBeGreaterThan(0);
          return;
        }
        expect(sum(e.lineItems.map((li) => li.monthlyCost)).eq(e.monthlyCost!)).toBe(true);
        for (const a of e.alternatives) expect(a.monthlyCost.gte(e.monthlyCost!)).toBe(true);
        for (const arch of ["x86_64", "arm64"] as const) {
          const tasks = ws.filter((w) => w.arch === arch);
          const mine = e.instances.filter((i) => ec2Catalog.types[i.type]![2] === arch);
          const caps = mine.map((i) => ({ count: i.count, spec: ec2Catalog.types[i.type]!, type: i.type }));
          const have = (f: (c: ReturnType<typeof offered>, row: (typeof caps)[number]) => number) =>
            caps.reduce((n, row) => n + row.count * f(offered(row.type, s), row), 0);
          const needCpu = tasks.reduce((n, w) => n + w.tasks * w.size.vcpu * 1024, 0);
          const needMem = tasks.reduce((n, w) => n + w.tasks * w.size.memoryGiB * 1024, 0);
          const needTasks = tasks.reduce((n, w) => n + w.tasks, 0);
          if (needTasks === 0) {
            expect(mine).toHaveLength(0);
            continue;
          }
          expect(have((_, row) => row.spec[0] * 1024)).toBeGreaterThanOrEqual(needCpu); // instances x vCPU >= tasks' vCPU
          expect(have((c) => c.cpu) + 1e-6).toBeGreaterThanOrEqual(needCpu); // after headroom too
          expect(have((c) => c.memoryMiB) + 1e-6).toBeGreaterThanOrEqual(needMem); // usable memory >= tasks' memory
          expect(have((c) => c.tasks)).toBeGreaterThanOrEqual(needTasks); // the ENI / trunking cap holds
        }
      }),
    );
    // The checks above ran on most cases, not only on the rare ones that have a fleet.
    expect(unavailable).toBeLessThan(runsSeen / 2);
  });

  it("every planned instance (mixed fleets included) respects its capacity, and every task is placed exactly once", () => {
    const item = fc.record({ size: fc.constantFrom(...linuxSizes), count: fc.integer({ min: 1, max: 300 }) });
    const group = fc.record({
      arch: fc.constantFrom("x86_64" as const, "arm64" as const),
      hours: fc.constantFrom(730, 73, 1),
      items: fc.uniqueArray(item, { minLength: 1, maxLength: 6, selector: (i) => `${i.size.vcpu}/${i.size.memoryGiB}` }),
    });
    let planned = 0;
    let unplanned = 0;
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 4 }), settings, (gs, ec2) => {
        const s = Ec2SettingsSchema.parse({ ...ec2, spotPercent: 0 });
        const candidates = selectCandidates(ec2Catalog, region, s).candidates;
        const groups: FleetGroup[] = gs.map((g) => ({
          arch: g.arch,
          hours: g.hours,
          items: g.items.map((i) => ({ cpu: i.size.vcpu * 1024, memoryMiB: i.size.memoryGiB * 1024, count: i.count })),
          workloads: [],
        }));
        const plan = planFleet(groups, candidates, { singleTypeFleets: 5, mixedFleets: true });
        planned++;
        if (!plan.chosen) {
          unplanned++;
          expect(plan.unplaceable.length).toBeGreaterThan(0);
          return;
        }
        const placed = groups.map((g) => g.items.map(() => 0));
        for (const p of plan.chosen.placements) {
          expect(p.candidate.arch).toBe(groups[p.group]!.arch);
          expect(p.bins).toBe(p.packing.bins);
          expect(p.packing.runs.reduce((n, r) => n + r.bins, 0)).toBe(p.bins);
          for (const r of p.packing.runs) {
            const items = groups[p.group]!.items;
            const cpu = r.items.reduce((n, k, u) => n + items[k]!.cpu * r.counts[u]!, 0);
            const mem = r.items.reduce((n, k, u) => n + items[k]!.memoryMiB * r.counts[u]!, 0);
            const tasks = r.counts.reduce((a, b) => a + b, 0);
            const cap = offered(p.candidate.type, s);
            expect(cpu).toBeLessThanOrEqual(cap.cpu + 1e-6);
            expect(mem).toBeLessThanOrEqual(cap.memoryMiB + 1e-6);
            expect(tasks).toBeLessThanOrEqual(cap.tasks);
            r.items.forEach((k, u) => (placed[p.group]![k]! += r.counts[u]! * r.bins));
          }
        }
        expect(placed).toEqual(groups.map((g) => g.items.map((i) => i.count)));
        for (const alt of plan.singleType) expect(plan.chosen.rankCost).toBeLessThanOrEqual(alt.rankCost * (1 + 1e-12));
      }),
    );
    expect(unplanned).toBeLessThan(planned / 2);
  });
});
