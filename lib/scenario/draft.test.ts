import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { DEFAULT_SCENARIO } from "./defaults";
import { createWorkloadCheckCache, evaluateDraft, type Draft } from "./draft";

const draft = (patch: Partial<Draft>): Draft => ({ ...(DEFAULT_SCENARIO as Draft), ...patch });

describe("evaluateDraft", () => {
  it("prices a complete default scenario", () => {
    const r = evaluateDraft(draft({}), fargateCatalog);
    expect(r.complete).toBe(true);
    expect(r.priced?.workloads).toHaveLength(1);
  });

  it("keeps valid workloads priced while one field is wrong, and says which", () => {
    const r = evaluateDraft(
      draft({
        workloads: [
          { name: "ok", vcpu: 1, memoryGiB: 2 },
          { name: "typo", vcpu: "abc", memoryGiB: 2 },
          { name: "bad size", vcpu: 1, memoryGiB: 10 },
        ],
      }),
      fargateCatalog,
    );
    expect(r.complete).toBe(false);
    expect(r.priced?.workloads.map((w) => w.name)).toEqual(["ok"]);
    expect(r.excluded).toEqual([1, 2]);
    expect(r.workloadProblems[1]).toEqual({ vcpu: "vCPU must be a number" });
    expect(r.workloadProblems[2]!.memoryGiB).toMatch(/nearest valid: 1 vCPU \/ 8 GiB, 2 vCPU \/ 10 GiB/);
  });

  it("a bad scenario name or EC2 setting is reported but never blanks the estimate", () => {
    const r = evaluateDraft(draft({ name: "", ec2: { headroomPercent: "" as unknown as number } }), fargateCatalog);
    expect(r.complete).toBe(false);
    expect(r.scenarioProblems.map((p) => p.path).sort()).toEqual(["ec2.headroomPercent", "name"]);
    expect(r.priced?.workloads).toHaveLength(1);
    expect(r.priced?.ec2.headroomPercent).toBe(5);
  });

  it("reports an unknown region without losing the workloads", () => {
    const r = evaluateDraft(draft({ region: "xx-nowhere-1" }), fargateCatalog);
    expect(r.priced).toBeNull();
    expect(r.scenarioProblems[0]).toMatchObject({ path: "region" });
  });

  it("reports region-specific problems on the workload field", () => {
    const r = evaluateDraft(draft({ region: "ap-east-2", workloads: [{ name: "win", os: "windows", vcpu: 1, memoryGiB: 2 }] }), fargateCatalog);
    expect(r.workloadProblems[0]!.os).toMatch(/not offered in ap-east-2/);
  });
});

describe("evaluateDraft with a workload cache", () => {
  const workloads = [
    { name: "a", vcpu: 1, memoryGiB: 2 },
    { name: "b", vcpu: "abc", memoryGiB: 2 },
    { name: "c", vcpu: 0.5, memoryGiB: 1, tasks: 3 },
  ];

  it("gives the same evaluation as without a cache, and keeps unchanged workloads' parsed objects", () => {
    const cache = createWorkloadCheckCache();
    const first = draft({ workloads });
    const r1 = evaluateDraft(first, fargateCatalog, null, cache);
    expect(r1).toEqual(evaluateDraft(first, fargateCatalog));
    // A keystroke replaces only the edited workload object (as the store does).
    const second = draft({ workloads: [workloads[0]!, workloads[1]!, { ...workloads[2]!, tasks: 4 }] });
    const r2 = evaluateDraft(second, fargateCatalog, null, cache);
    expect(r2).toEqual(evaluateDraft(second, fargateCatalog));
    expect(r2.priced!.workloads[0]).toBe(r1.priced!.workloads[0]); // not validated again
    expect(r2.priced!.workloads[1]).not.toBe(r1.priced!.workloads[1]);
    expect(r2.priced!.workloads[1]!.tasks).toBe(4);
    expect(r2.workloadProblems[1]).toEqual({ vcpu: "vCPU must be a number" });
  });

  it("checks again when the region changes (a workload valid in one region may not be in another)", () => {
    const cache = createWorkloadCheckCache();
    const win = { name: "win", vcpu: 1, memoryGiB: 2, os: "windows" as const };
    expect(evaluateDraft(draft({ workloads: [win] }), fargateCatalog, null, cache).excluded).toEqual([]); // us-east-1 has Windows
    const noWindows = Object.entries(fargateCatalog.regions).find(([, r]) => r.windows === undefined)?.[0];
    expect(noWindows).toBeDefined();
    const r = evaluateDraft(draft({ region: noWindows, workloads: [win] }), fargateCatalog, null, cache);
    expect(r.excluded).toEqual([0]);
    expect(r).toEqual(evaluateDraft(draft({ region: noWindows, workloads: [win] }), fargateCatalog));
  });

  it("does not let one evaluation's problems leak into the cached check", () => {
    const cache = createWorkloadCheckCache();
    const d = draft({ workloads });
    const r1 = evaluateDraft(d, fargateCatalog, null, cache);
    r1.workloadProblems[1]!.extra = "changed by a caller";
    expect(evaluateDraft(d, fargateCatalog, null, cache).workloadProblems[1]).toEqual({ vcpu: "vCPU must be a number" });
  });
});
