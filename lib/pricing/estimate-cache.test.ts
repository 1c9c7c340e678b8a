import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { Scenario } from "@/lib/scenario/schema";
import { estimateScenario } from "./estimate";

const base = Scenario.parse({
  version: 1,
  name: "s",
  region: "us-east-1",
  workloads: [
    { name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 },
    { name: "web", vcpu: 0.5, memoryGiB: 1, tasks: 3 },
  ],
});

describe("estimateScenario remembers each workload's estimate by its input object", () => {
  it("re-prices only the workload whose object changed; the totals are those of a fresh estimate", () => {
    const first = estimateScenario(base, fargateCatalog);
    const changed = { ...base, workloads: [base.workloads[0]!, { ...base.workloads[1]!, tasks: 4 }] };
    const second = estimateScenario(changed, fargateCatalog);
    expect(second.workloads[0]).toBe(first.workloads[0]);
    expect(second.workloads[1]).not.toBe(first.workloads[1]);
    // web: 0.5 x 0.04048 + 1 x 0.004445 = 0.024685 per task-hour; x 730 h x 4 tasks = 72.0802.
    expect(second.workloads[1]!.monthlyCost.toString()).toBe("72.0802");
    // api: 1 x 0.04048 + 2 x 0.004445 = 0.04937; x 730 x 2 = 72.0802. Total 144.1604.
    expect(second.totals.monthlyCost.toString()).toBe("144.1604");
    const fresh = estimateScenario(Scenario.parse(JSON.parse(JSON.stringify(changed))), fargateCatalog);
    expect(fresh.workloads[0]).not.toBe(first.workloads[0]);
    expect(fresh.totals.monthlyCost.toString()).toBe(second.totals.monthlyCost.toString());
  });

  it("prices the same workload object again in another region", () => {
    const east = estimateScenario(base, fargateCatalog);
    const other = Object.keys(fargateCatalog.regions).find(
      (r) => r !== "us-east-1" && fargateCatalog.regions[r]!.linux.x86_64.vcpuHour !== fargateCatalog.regions["us-east-1"]!.linux.x86_64.vcpuHour,
    );
    expect(other).toBeDefined();
    const there = estimateScenario({ ...base, region: other! }, fargateCatalog);
    expect(there.workloads[0]).not.toBe(east.workloads[0]);
    expect(there.workloads[0]!.monthlyCost.eq(east.workloads[0]!.monthlyCost)).toBe(false);
  });
});
