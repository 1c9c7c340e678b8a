import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { estimateScenario } from "@/lib/pricing/estimate";
import { parseScenario } from "@/lib/scenario/parse";
import type { ScenarioInput } from "@/lib/scenario/schema";
import { benchScenario } from "./bench-scenario";
import { estimateScenarioFloat } from "./float-reference";

/**
 * The bench's float reference must do the engine's work (or the ratio measures nothing): the same workloads, line
 * items (kinds, names, units, rates, sources, in order, with the engine's keys), warnings and totals, to within a cent.
 */
function both(input: ScenarioInput) {
  const parsed = parseScenario(input, fargateCatalog);
  if (!parsed.ok) throw new Error(parsed.error[0]?.message);
  return { exact: estimateScenario(parsed.value, fargateCatalog), float: estimateScenarioFloat(parsed.value, fargateCatalog) };
}

function expectAgreement(input: ScenarioInput) {
  const { exact, float } = both(input);
  expect(float.workloads).toHaveLength(exact.workloads.length);
  exact.workloads.forEach((e, i) => {
    const f = float.workloads[i]!;
    const json = JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
    expect(Object.keys(f)).toEqual(Object.keys(json));
    expect({ ...f, taskHours: 0, lineItems: [], monthlyCost: 0, computeMonthlyCost: 0 }).toEqual({
      ...json,
      taskHours: 0,
      lineItems: [],
      monthlyCost: 0,
      computeMonthlyCost: 0,
    });
    expect(f.taskHours).toBeCloseTo(Number(e.taskHours.toString()), 6);
    expect(Math.abs(f.monthlyCost - Number(e.monthlyCost.toString()))).toBeLessThan(0.005);
    expect(f.lineItems).toHaveLength(e.lineItems.length);
    e.lineItems.forEach((li, k) => {
      const fl = f.lineItems[k]!;
      expect(Object.keys(fl)).toEqual(Object.keys(li));
      expect({ ...fl, quantity: 0, monthlyCost: 0 }).toEqual({ ...li, quantity: 0, monthlyCost: 0 });
      expect(fl.quantity).toBeCloseTo(Number(li.quantity.toString()), 6);
      expect(Math.abs(fl.monthlyCost - Number(li.monthlyCost.toString()))).toBeLessThan(0.005);
    });
  });
  expect(float.sources).toEqual(exact.catalog.sources.map((s) => s.key));
  expect(Math.abs(float.totals.monthlyCost - Number(exact.totals.monthlyCost.toString()))).toBeLessThan(0.01);
  return { exact, float };
}

describe("the bench's float reference agrees with the engine", () => {
  it("on the bench's six kinds of workload (600 of them)", () => {
    const { exact, float } = expectAgreement(benchScenario(600));
    // 100 of each kind. Per workload: 3 x 730 x 0.04937 = 108.1203 (1 vCPU / 2 GiB), and so on; the float total
    // is within a cent of the exact one, and both have 2 + 4 + 3 + 2 + 3 + 2 = 16 lines per six workloads.
    expect(exact.workloads[0]!.monthlyCost.toString()).toBe("108.1203");
    expect(float.workloads[0]!.monthlyCost).toBeCloseTo(108.1203, 9);
    expect(float.workloads.reduce((n, w) => n + w.lineItems.length, 0)).toBe(1600);
  });

  it("on every schedule, purchase option, platform and OS in regions with and without Spot", () => {
    for (const region of ["us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-2"]) {
      const spot = region === "eu-central-2" ? 0 : 33.33;
      expectAgreement({
        name: "mix",
        region,
        workloads: [
          { name: "api", vcpu: 0.25, memoryGiB: 0.5, tasks: 7, storageGiB: 21, spotPercent: spot },
          { name: "arm", vcpu: 16, memoryGiB: 120, tasks: 2999, arch: "arm64", savingsPlan: "3yr-all-upfront", spotPercent: spot },
          { name: "all-spot", vcpu: 2, memoryGiB: 4, tasks: 3, spotPercent: region === "eu-central-2" ? 0 : 100, storageGiB: 200 },
          { name: "win", os: "windows", vcpu: 4, memoryGiB: 30, tasks: 2, savingsPlan: "1yr-all-upfront", schedule: { type: "duty-cycle", percent: 33.333 } },
          { name: "win-batch", os: "windows", vcpu: 1, memoryGiB: 2, tasks: 3, schedule: { type: "batch", runsPerMonth: 49_999, secondsPerRun: 299.5 } },
          { name: "batch", vcpu: 1, memoryGiB: 3, tasks: 1, schedule: { type: "batch", runsPerMonth: 7, secondsPerRun: 3601.25 } },
          { name: "pod", platform: "eks", vcpu: 3.7, memoryGiB: 7.75, tasks: 5, storageGiB: 175, savingsPlan: "3yr-no-upfront" },
          { name: "idle", vcpu: 1, memoryGiB: 2, tasks: 0 },
        ],
      });
    }
  });
});
