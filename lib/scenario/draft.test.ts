import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog";
import { DEFAULT_SCENARIO } from "./defaults";
import { evaluateDraft, type Draft } from "./draft";

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
