import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import type { WorkloadInput } from "@/lib/scenario/schema";
import { dec } from "@/lib/core";
import { allSizes, isValidSize } from "./sizes";
import { estimateOne, estimateScenarioInput } from "./test-helpers";

const linuxSizes = allSizes("linux");
const spotRegions = Object.entries(fargateCatalog.regions)
  .filter(([, r]) => r.spot)
  .map(([c]) => c);

const schedule = fc.oneof(
  fc.constant({ type: "always-on" as const }),
  fc.record({ type: fc.constant("duty-cycle" as const), percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({
    type: fc.constant("batch" as const),
    runsPerMonth: fc.integer({ min: 0, max: 100_000 }),
    secondsPerRun: fc.double({ min: 0.5, max: 86_400, noNaN: true }),
  }),
);

const ecsWorkload = fc.record({
  name: fc.constant("w"),
  size: fc.constantFrom(...linuxSizes),
  arch: fc.constantFrom("x86_64" as const, "arm64" as const),
  storageGiB: fc.integer({ min: 20, max: 200 }),
  tasks: fc.integer({ min: 0, max: 50 }),
  schedule,
  spotPercent: fc.integer({ min: 0, max: 100 }),
  savingsPlan: fc.constantFrom("none" as const, "1yr-no-upfront" as const, "1yr-all-upfront" as const, "3yr-no-upfront" as const, "3yr-all-upfront" as const),
});
type Gen = typeof ecsWorkload extends fc.Arbitrary<infer T> ? T : never;
const toInput = ({ size, ...rest }: Gen): WorkloadInput => ({ ...rest, vcpu: size.vcpu, memoryGiB: size.memoryGiB });
const cost = (w: WorkloadInput) => dec(estimateOne(w).totals.monthlyCost);

describe("engine properties (fast-check)", () => {
  it("cost never decreases when vCPU or memory grow (to any valid size at least as large in both)", () => {
    fc.assert(
      fc.property(ecsWorkload, fc.constantFrom(...linuxSizes), (g, other) => {
        fc.pre(other.vcpu >= g.size.vcpu && other.memoryGiB >= g.size.memoryGiB);
        const w = toInput(g);
        expect(cost({ ...w, vcpu: other.vcpu, memoryGiB: other.memoryGiB }).gte(cost(w))).toBe(true);
      }),
    );
  });

  it("cost never decreases when storage, tasks or time grow", () => {
    fc.assert(
      fc.property(
        ecsWorkload,
        fc.integer({ min: 0, max: 180 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        (g, moreStorage, moreTasks, moreTime) => {
          const w = toInput(g);
          const base = cost(w);
          expect(cost({ ...w, storageGiB: Math.min(200, g.storageGiB + moreStorage) }).gte(base)).toBe(true);
          expect(cost({ ...w, tasks: g.tasks + moreTasks }).gte(base)).toBe(true);
          const s = g.schedule;
          const longer =
            s.type === "duty-cycle"
              ? { ...s, percent: Math.min(100, s.percent + moreTime) }
              : s.type === "batch"
                ? { ...s, runsPerMonth: s.runsPerMonth + moreTime, secondsPerRun: s.secondsPerRun + moreTime }
                : s;
          expect(cost({ ...w, schedule: longer }).gte(base)).toBe(true);
        },
      ),
    );
  });

  it("100% Spot costs less than on-demand whenever anything runs", () => {
    fc.assert(
      fc.property(ecsWorkload, fc.constantFrom(...spotRegions), (g, region) => {
        const w = { ...toInput(g), savingsPlan: "none" as const, tasks: Math.max(1, g.tasks), schedule: { type: "always-on" as const } };
        const onDemand = dec(estimateOne({ ...w, spotPercent: 0 }, region).totals.monthlyCost);
        const spot = dec(estimateOne({ ...w, spotPercent: 100 }, region).totals.monthlyCost);
        expect(spot.lt(onDemand)).toBe(true);
      }),
    );
  });

  it("every billed size is valid; EKS billed memory >= requests + 256 MiB and billed vCPU >= requested", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 16, noNaN: true }), fc.double({ min: 0.01, max: 119.5, noNaN: true }), (vcpu, memoryGiB) => {
        const w = estimateOne({ platform: "eks", vcpu, memoryGiB }).workloads[0]!;
        expect(isValidSize(w.billedSize, "linux")).toBe(true);
        expect(w.billedSize.memoryGiB).toBeGreaterThanOrEqual(memoryGiB + 0.25);
        expect(w.billedSize.vcpu).toBeGreaterThanOrEqual(vcpu);
      }),
    );
    fc.assert(
      fc.property(ecsWorkload, (g) => {
        expect(isValidSize(estimateOne(toInput(g)).workloads[0]!.billedSize, "linux")).toBe(true);
      }),
    );
  });

  it("a scenario's total is the sum of its line items, and of its workloads priced alone", () => {
    fc.assert(
      fc.property(fc.array(ecsWorkload, { minLength: 1, maxLength: 6 }), (gs) => {
        const inputs = gs.map((g, i) => ({ ...toInput(g), name: `w${i}` }));
        const together = estimateScenarioInput({ region: "us-east-1", workloads: inputs });
        const items = together.workloads.flatMap((w) => w.lineItems).reduce((s, li) => s.plus(li.monthlyCost), dec(0));
        const alone = inputs.reduce((s, w) => s.plus(estimateOne(w).totals.monthlyCost), dec(0));
        expect(items.eq(together.totals.monthlyCost)).toBe(true);
        expect(alone.eq(together.totals.monthlyCost)).toBe(true);
        for (const li of together.workloads.flatMap((w) => w.lineItems)) expect(li.quantity.times(li.unitPrice).eq(li.monthlyCost)).toBe(true);
      }),
    );
  });
});
