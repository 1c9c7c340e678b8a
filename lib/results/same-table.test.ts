import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { shownFargate } from "@/lib/export/shown";
import { estimateScenario } from "@/lib/pricing/estimate";
import { Scenario } from "@/lib/scenario/schema";
import { sameWorkloadTable } from "./same-table";

type W = { name: string; vcpu: number; memoryGiB: number; tasks: number; spotPercent?: number };
const estimate = (workloads: W[]) => estimateScenario(Scenario.parse({ version: 1, name: "s", region: "us-east-1", workloads }), fargateCatalog);
const table = (workloads: W[], i: number) => {
  const e = estimate(workloads);
  return { workload: e.workloads[i]!, shown: shownFargate(e).workloads[i] };
};

const api: W = { name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 };
const web: W = { name: "web", vcpu: 0.5, memoryGiB: 1, tasks: 3 };

describe("sameWorkloadTable", () => {
  it("is true for an unchanged workload re-priced into new objects after another workload changed", () => {
    const before = table([api, web], 0);
    const after = table([api, { ...web, tasks: 4 }], 0);
    expect(after.workload).not.toBe(before.workload); // the engine makes new objects on every pricing
    expect(sameWorkloadTable(before, after)).toBe(true);
  });

  it("is false when the workload's own figures change (tasks, size, name, Spot share)", () => {
    const before = table([api, web], 1);
    expect(sameWorkloadTable(before, table([api, { ...web, tasks: 4 }], 1))).toBe(false);
    expect(sameWorkloadTable(before, table([api, { ...web, vcpu: 1, memoryGiB: 2 }], 1))).toBe(false);
    expect(sameWorkloadTable(before, table([api, { ...web, name: "www" }], 1))).toBe(false);
    // Same total cost split differently is still a different table: 50% Spot adds a row.
    expect(sameWorkloadTable(before, table([api, { ...web, spotPercent: 50 }], 1))).toBe(false);
  });

  it("is false when only the shown cents differ (the largest-remainder allocation moved a cent)", () => {
    const before = table([api, web], 0);
    const moved = { workload: before.workload, shown: { ...before.shown!, items: before.shown!.items.map((c, i) => (i === 0 ? "0.01" : c)) } };
    expect(sameWorkloadTable(before, moved)).toBe(false);
    expect(sameWorkloadTable(before, { ...before, shown: { ...before.shown!, total: "0.00" } })).toBe(false);
    expect(sameWorkloadTable(before, { ...before, shown: undefined })).toBe(false);
  });
});
