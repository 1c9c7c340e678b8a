import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { parseScenario } from "@/lib/scenario/parse";
import type { ScenarioInput } from "@/lib/scenario/schema";
import { capacitySplit, type CapacityProviderSpec } from "./capacity-providers";
import { estimateScenario } from "./estimate";

const F = (base: number, weight: number): CapacityProviderSpec => ({ provider: "FARGATE", base, weight });
const S = (base: number, weight: number): CapacityProviderSpec => ({ provider: "FARGATE_SPOT", base, weight });

describe("capacitySplit: ECS's rule, base first, then by weight", () => {
  it.each([
    // The example: 8 tasks, base 2 on FARGATE; the other 6 at 1:3 -> floors 1 and 4 (1.5, 4.5), the sixth task
    // where the ratio is furthest behind: FARGATE 1 x (4 + 1) = 5 < FARGATE_SPOT 3 x (1 + 1) = 6 -> Spot. 3 + 5.
    [8, [F(2, 1), S(0, 3)], 3, 5, 62.5, "2 on FARGATE (base), then 1:3 FARGATE:FARGATE_SPOT → 5 on Spot of 8"],
    // AWS's example: weight 1 and 4 -> for every task on the first, four on the second.
    [5, [F(0, 1), S(0, 4)], 1, 4, 80, "1:4 FARGATE:FARGATE_SPOT → 4 on Spot of 5"],
    // 1:1 with an odd count: floors 1 and 1, the third task ties (1 x 2 = 1 x 2, same weight) -> the first listed.
    [3, [F(0, 1), S(0, 1)], 2, 1, (1 * 100) / 3, "1:1 FARGATE:FARGATE_SPOT → 1 on Spot of 3"],
    [3, [S(0, 1), F(0, 1)], 1, 2, (2 * 100) / 3, "1:1 FARGATE:FARGATE_SPOT → 2 on Spot of 3"],
    // A base larger than the service: every task on the base provider, nothing left for the weights.
    [4, [S(10, 0), F(0, 1)], 0, 4, 100, "4 on FARGATE_SPOT (base) → 4 on Spot of 4"],
    // Spot only by weight; FARGATE only the base.
    [10, [F(2, 0), S(0, 1)], 2, 8, 80, "2 on FARGATE (base), then all on FARGATE_SPOT → 8 on Spot of 10"],
    [0, [F(2, 1), S(0, 3)], 0, 0, 0, "0 on FARGATE (base) → 0 on Spot of 0"],
  ] as const)("%i tasks, %j -> %i on FARGATE, %i on Spot", (tasks, strategy, onDemand, spot, spotPercent, words) => {
    expect(capacitySplit(tasks, strategy)).toEqual({ onDemand, spot, spotPercent, words });
  });
});

function parse(input: ScenarioInput) {
  return parseScenario(input, fargateCatalog);
}

describe("a workload with capacityProviders instead of spotPercent", () => {
  it("prices the split: 8 x 1 vCPU / 2 GiB in us-east-1, 3 on FARGATE and 5 on Spot, and says it in words", () => {
    // On-demand 3 x 730 = 2190 task-hours x (0.04048 + 2 x 0.004445) = 108.1203; Spot 5 x 730 = 3650 x
    // (0.01288871 + 2 x 0.00141527) = 57.3752625; total 165.4955625: the same as a 62.5% Spot share.
    const strategy = [
      { provider: "FARGATE" as const, base: 2, weight: 1 },
      { provider: "FARGATE_SPOT" as const, weight: 3 },
    ];
    const p = parse({ region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 8, capacityProviders: strategy }] });
    if (!p.ok) throw new Error(JSON.stringify(p.error));
    expect(p.value.workloads[0]!.spotPercent).toBe(62.5);
    const e = estimateScenario(p.value, fargateCatalog);
    expect(e.totals.monthlyCost.toString()).toBe("165.4955625");
    expect(e.workloads[0]!.warnings).toContain("Capacity provider strategy: 2 on FARGATE (base), then 1:3 FARGATE:FARGATE_SPOT → 5 on Spot of 8.");
    const same = parse({ region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 8, spotPercent: 62.5 }] });
    if (!same.ok) throw new Error("invalid");
    expect(estimateScenario(same.value, fargateCatalog).totals.monthlyCost.toString()).toBe("165.4955625");
  });

  it("prices whole tasks on Spot exactly, though the share is 1/3: 3 tasks at 1:1 -> 2 on FARGATE, 1 on Spot", () => {
    // 1460 task-hours x 0.04937 = 72.0802 + 730 Spot task-hours x 0.01571925 = 11.4750525 -> 83.5552525 (no 33.33...% rounding).
    const strategy = [
      { provider: "FARGATE" as const, weight: 1 },
      { provider: "FARGATE_SPOT" as const, weight: 1 },
    ];
    const p = parse({ region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3, capacityProviders: strategy }] });
    if (!p.ok) throw new Error("invalid");
    const e = estimateScenario(p.value, fargateCatalog);
    expect(e.workloads[0]!.lineItems.map((li) => li.quantity.toString())).toEqual(["1460", "2920", "730", "1460"]);
    expect(e.totals.monthlyCost.toString()).toBe("83.5552525");
  });

  it("refuses what ECS refuses, on its path", () => {
    const problems = (capacityProviders: unknown, extra: object = {}) => {
      const p = parse({ region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2, capacityProviders, ...extra }] } as ScenarioInput);
      return p.ok ? [] : p.error.map((x) => `${x.path}: ${x.message}`);
    };
    expect(problems([F(1, 1), S(1, 1)])).toEqual(["workloads.0.capacityProviders: Only one capacity provider of a strategy can have a base (ECS refuses two)"]);
    expect(problems([F(0, 1), F(0, 1)])).toEqual([
      "workloads.0.capacityProviders.1.provider: FARGATE is listed twice: a strategy names each capacity provider once",
    ]);
    expect(problems([F(2, 0)])).toEqual(["workloads.0.capacityProviders: At least one capacity provider needs a weight above 0"]);
    expect(problems([S(0, 1)], { spotPercent: 50 })).toEqual([
      "workloads.0.spotPercent: Give either spotPercent or capacityProviders: the strategy sets the Spot share",
    ]);
    // The share the strategy derives (2 of 2 on Spot: 100%) is accepted beside it: a parsed scenario parses again.
    expect(problems([S(0, 1)], { spotPercent: 100 })).toEqual([]);
    expect(problems([S(0, 1)], { os: "windows" })).toContain("workloads.0.capacityProviders: FARGATE_SPOT does not run Windows containers: use FARGATE only");
    expect(problems([{ provider: "EC2", weight: 1 }])).toEqual([
      'workloads.0.capacityProviders.0.provider: Capacity provider must be "FARGATE" or "FARGATE_SPOT"',
    ]);
  });
});
