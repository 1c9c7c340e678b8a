import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { evaluateDraft, type Draft } from "@/lib/scenario/draft";
import { changesFigures, glance, isComplete, isReplacement, leftOutText, spotFixFor, type Priced } from "./glance";
import { formatUsdPerHour } from "@/lib/core";
import { periods, upfrontPayments } from "./periods";
import { buildResults } from "./view";

const base: Draft = { version: 1, name: "t", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 }] };

function at(draft: Draft) {
  const evaluation = evaluateDraft(draft, fargateCatalog);
  const current: Priced | null = evaluation.priced ? { scenario: evaluation.priced, view: buildResults(evaluation.priced, fargateCatalog, ec2Catalog) } : null;
  return { evaluation, current };
}

describe("glance: what the headline shows", () => {
  const good = at(base);

  it("a complete draft shows its own estimate", () => {
    const g = glance(good.current, null, good.evaluation, base, fargateCatalog);
    expect(g.state).toBe("fresh");
    // 3 x 730 x (0.04048 + 2 x 0.004445) = 108.1203
    expect(g.shown?.view.totals.fargate).toBe("108.1203");
    expect(g.leftOutText).toBeNull();
  });

  it("one invalid field keeps the last complete totals, out of date, instead of $0.00", () => {
    const draft: Draft = { ...base, workloads: [{ ...base.workloads[0]!, vcpu: "abc" }] };
    const now = at(draft);
    // The current estimate prices nothing: on its own it would say $0.00 and "No tasks run".
    expect(now.current?.view.totals.fargate).toBe("0");
    const g = glance(now.current, good.current, now.evaluation, draft, fargateCatalog);
    expect(g.state).toBe("stale");
    expect(g.shown?.view.totals.fargate).toBe("108.1203");
    expect(g.shown?.view.totals.ec2).toBe("114.09");
    expect(g.leftOutText).toBe("1 workload has a problem and is left out of the totals until fixed: api.");
    expect(g.without).toBeNull();
  });

  it("an intermediate value ('0.' typed in vCPU reaches the store as 0) is treated the same", () => {
    const draft: Draft = { ...base, workloads: [{ ...base.workloads[0]!, vcpu: 0 }] };
    const now = at(draft);
    const g = glance(now.current, good.current, now.evaluation, draft, fargateCatalog);
    expect(g.state).toBe("stale");
    expect(g.shown?.view.totals.fargate).toBe("108.1203");
  });

  it("with other workloads still valid, the stale headline also gives the figures without the broken one", () => {
    const two: Draft = { ...base, workloads: [...base.workloads, { name: "web", vcpu: 1, memoryGiB: 2, tasks: 2 }] };
    const before = at(two);
    const broken: Draft = { ...two, workloads: [two.workloads[0]!, { ...two.workloads[1]!, memoryGiB: 10 }] };
    const now = at(broken);
    const g = glance(now.current, before.current, now.evaluation, broken, fargateCatalog);
    expect(g.state).toBe("stale");
    // Before: 5 tasks x 36.0401 = 180.2005. Without web: 3 x 36.0401 = 108.1203.
    expect(g.shown?.view.totals.fargate).toBe("180.2005");
    expect(g.without?.fargate).toBe("108.1203");
    expect(g.leftOut).toEqual(["web"]);
  });

  it("no complete estimate yet: the valid part is shown as partial, or nothing at all (never $0.00)", () => {
    const two: Draft = { ...base, workloads: [...base.workloads, { name: "web", vcpu: "x", memoryGiB: 2 }] };
    const now = at(two);
    expect(glance(now.current, null, now.evaluation, two, fargateCatalog).state).toBe("partial");
    const none: Draft = { ...base, workloads: [{ name: "", vcpu: "x", memoryGiB: 2 }] };
    const empty = at(none);
    const g = glance(empty.current, null, empty.evaluation, none, fargateCatalog);
    expect(g.state).toBe("empty");
    expect(g.shown).toBeNull();
    expect(g.leftOut).toEqual(["workload 1"]);
  });

  it("a bad scenario name does not make the figures stale; a bad EC2 setting does", () => {
    const named = at({ ...base, name: "" });
    expect(changesFigures(named.evaluation)).toBe(false);
    expect(glance(named.current, good.current, named.evaluation, { ...base, name: "" }, fargateCatalog).state).toBe("fresh");
    const ec2Draft: Draft = { ...base, ec2: { headroomPercent: "" as unknown as number } };
    const ec2 = at(ec2Draft);
    const g = glance(ec2.current, good.current, ec2.evaluation, ec2Draft, fargateCatalog);
    expect(g.state).toBe("stale");
    expect(g.settingsProblems).toEqual(["Headroom must be a number"]);
  });

  it("isComplete waits for the whole-bill prices", () => {
    const v2: Draft = { ...base, version: 2, workloads: [{ ...base.workloads[0]!, publicIp: true }] };
    expect(isComplete(evaluateDraft(v2, fargateCatalog))).toBe(false);
    expect(isComplete(good.evaluation)).toBe(true);
  });

  it("leftOutText counts", () => {
    expect(leftOutText(["a", "b"])).toBe("2 workloads have a problem and are left out of the totals until fixed: a, b.");
    expect(leftOutText([])).toBeNull();
  });
});

describe("isReplacement: another scenario opened in place of this one", () => {
  it("edits, additions and removals keep some workload keys; a replacement keeps none", () => {
    const keys = [0, 1, 2];
    expect(isReplacement(keys, keys)).toBe(false);
    expect(isReplacement(keys, [0, 1, 2, 3])).toBe(false); // added
    expect(isReplacement(keys, [1, 2])).toBe(false); // removed the first
    expect(isReplacement(keys, [3, 4])).toBe(true); // a share link or stored draft replaced the scenario
    expect(isReplacement(keys, [])).toBe(false);
  });
});

describe("spotFixFor: a region without Fargate Spot", () => {
  const draft: Draft = {
    ...base,
    region: "ap-northeast-3",
    workloads: [
      { name: "api", vcpu: 1, memoryGiB: 2, spotPercent: 50 },
      { name: "db", vcpu: 1, memoryGiB: 2 },
      { name: "jobs", vcpu: 1, memoryGiB: 2, spotPercent: 100 },
    ],
  };

  it("names the workloads that use Spot and what to change", () => {
    const fix = spotFixFor(draft, fargateCatalog)!;
    expect(fix.indices).toEqual([0, 2]);
    expect(fix.text).toBe("Fargate Spot has no price in Asia Pacific (Osaka) in our snapshot: api, jobs use Spot and need a Spot share of 0 here.");
  });

  it("switching region keeps the last estimate (not a zeroed one) until the fix is applied", () => {
    const before = at({ ...draft, region: "us-east-1" });
    const now = at(draft);
    const g = glance(now.current, before.current, now.evaluation, draft, fargateCatalog);
    expect(g.state).toBe("stale");
    expect(g.spotFix?.names).toEqual(["api", "jobs"]);
    // After the fix every workload prices in Osaka.
    const fixed: Draft = { ...draft, workloads: draft.workloads.map((w, i) => (g.spotFix!.indices.includes(i) ? { ...w, spotPercent: 0 } : w)) };
    const after = at(fixed);
    expect(glance(after.current, before.current, after.evaluation, fixed, fargateCatalog).state).toBe("fresh");
    expect(after.current?.scenario.workloads).toHaveLength(3);
  });

  it("nothing to fix where Spot is priced, or when no workload uses it", () => {
    expect(spotFixFor({ ...draft, region: "us-east-1" }, fargateCatalog)).toBeNull();
    expect(spotFixFor({ ...draft, workloads: [{ name: "x", vcpu: 1, memoryGiB: 2 }] }, fargateCatalog)).toBeNull();
    expect(spotFixFor({ ...draft, region: "constructor" }, fargateCatalog)).toBeNull();
  });
});

describe("periods and upfront payments", () => {
  it("per hour and per year from the 730-hour month", () => {
    // 108.1203 / 730 = 0.14811; x 12 = 1297.4436
    expect(periods("108.1203")).toEqual({ perHour: "0.14811", perMonth: "108.1203", perYear: "1297.4436" });
    expect(formatUsdPerHour("0.14811")).toBe("$0.1481");
  });

  it("an all-upfront Savings Plan is paid for the whole term at purchase", () => {
    const draft: Draft = {
      ...base,
      workloads: [
        { name: "api", vcpu: 1, memoryGiB: 2, tasks: 3, savingsPlan: "1yr-all-upfront" },
        { name: "web", vcpu: 1, memoryGiB: 2, tasks: 1 },
      ],
    };
    const { current } = at(draft);
    // api: 3 x 730 h x (0.0295504 + 2 x 0.00324485) = 2190 x 0.0360401 = 78.927819 a month; x 12 = 947.133828 upfront.
    expect(upfrontPayments(current!.view, current!.scenario)).toEqual([{ amount: "947.133828", label: "1-year all-upfront Compute Savings Plan (api)" }]);
    expect(upfrontPayments(at(base).current!.view, at(base).current!.scenario)).toEqual([]);
  });
});
