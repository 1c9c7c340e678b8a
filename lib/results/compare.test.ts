import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { evaluateDraft, type Draft } from "@/lib/scenario/draft";
import type { ScenarioInput } from "@/lib/scenario/schema";
import { comparisonSentence, matchPurchaseOptions, partTimeWorkloads, purchaseMatches } from "./compare";
import { describeFleet } from "./fleet-words";
import { buildResults } from "./view";

function priced(input: ScenarioInput) {
  const evaluation = evaluateDraft(input as Draft, fargateCatalog);
  expect(evaluation.complete).toBe(true);
  const scenario = evaluation.priced!;
  return { scenario, view: buildResults(scenario, fargateCatalog, ec2Catalog) };
}

const api = { name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 };
const nightly = { name: "nightly", vcpu: 2, memoryGiB: 4, tasks: 2, schedule: { type: "batch" as const, runsPerMonth: 30, secondsPerRun: 1800 } };
const scenario = (workloads: ScenarioInput["workloads"], ec2: ScenarioInput["ec2"] = {}): ScenarioInput => ({
  version: 1,
  name: "t",
  region: "us-east-1",
  workloads,
  ec2,
});

describe("matchPurchaseOptions", () => {
  it("copies one workload's Spot share and Savings Plan term", () => {
    const { scenario: s, view } = priced(scenario([{ ...api, spotPercent: 50, savingsPlan: "1yr-no-upfront" }]));
    expect(matchPurchaseOptions(s, view.estimate)).toEqual({ spotPercent: 50, commitment: "1yr", mixed: false });
  });

  it("weights Spot shares by task-hours and picks the term with the most non-Spot task-hours", () => {
    // api: 3 tasks x 730 h = 2,190 task-hours at 60% Spot (1,314 Spot); web: 1 x 730 = 730 at 0%.
    // Spot share = 1,314 / 2,920 = 45%. Non-Spot task-hours: api 876 on a 3yr plan, web 730 on-demand -> 3yr.
    const { scenario: s, view } = priced(
      scenario([
        { ...api, spotPercent: 60, savingsPlan: "3yr-all-upfront" },
        { name: "web", vcpu: 1, memoryGiB: 2, tasks: 1 },
      ]),
    );
    expect(matchPurchaseOptions(s, view.estimate)).toEqual({ spotPercent: 45, commitment: "3yr", mixed: true });
  });

  it("a tie between on-demand and a plan stays on-demand; Windows workloads are not hosted on EC2", () => {
    // a: 730 task-hours on a 1yr plan, b: 730 on-demand (a tie); the Windows workload is left out of the EC2 side.
    const { scenario: s, view } = priced(
      scenario([
        { name: "a", vcpu: 1, memoryGiB: 2, tasks: 1, savingsPlan: "1yr-no-upfront" },
        { name: "b", vcpu: 1, memoryGiB: 2, tasks: 1 },
        { name: "win", os: "windows", vcpu: 1, memoryGiB: 2, tasks: 5, savingsPlan: "3yr-no-upfront" },
      ]),
    );
    expect(matchPurchaseOptions(s, view.estimate)).toEqual({ spotPercent: 0, commitment: "none", mixed: true });
  });

  it("nothing to match when no Linux task runs", () => {
    const { scenario: s, view } = priced(scenario([{ ...api, tasks: 0 }]));
    expect(matchPurchaseOptions(s, view.estimate)).toBeNull();
  });

  it("purchaseMatches compares with the EC2 settings", () => {
    const m = { spotPercent: 50, commitment: "1yr" as const, mixed: false };
    expect(purchaseMatches(m, { spotPercent: 50, commitment: "1yr" })).toBe(true);
    expect(purchaseMatches(m, { spotPercent: 0, commitment: "1yr" })).toBe(false);
    expect(purchaseMatches(m, { spotPercent: 50, commitment: "3yr" })).toBe(false);
  });

  it("matching changes the EC2 figure to the hand-computed like-for-like price", () => {
    const { view: before } = priced(scenario([{ ...api, spotPercent: 50, savingsPlan: "1yr-no-upfront" }]));
    // On-demand: 1 x c6a.xlarge 730 h x 0.153 = 111.69 + EBS 30 GiB x 0.08 = 2.40 -> 114.09
    expect(before.totals.ec2).toBe("114.09");
    const { view: after } = priced(scenario([{ ...api, spotPercent: 50, savingsPlan: "1yr-no-upfront" }], { spotPercent: 50, commitment: "1yr" }));
    // 365 h x 0.153 x (100 - 26.04)% = 365 x 0.1131588 = 41.302962
    // 365 h x 0.153 x (100 - 59)% Spot estimate = 365 x 0.06273 = 22.89645
    // + EBS 2.40 = 66.599412
    expect(after.totals.ec2).toBe("66.599412");
  });
});

describe("partTimeWorkloads", () => {
  it("names the hosted workloads that run only part of the month", () => {
    const { scenario: s, view } = priced(
      scenario([
        api,
        nightly,
        { name: "half", vcpu: 1, memoryGiB: 2, schedule: { type: "duty-cycle", percent: 50 } },
        { name: "full", vcpu: 1, memoryGiB: 2, schedule: { type: "duty-cycle", percent: 100 } },
      ]),
    );
    expect(partTimeWorkloads(s, view.estimate)).toEqual(["nightly", "half"]);
  });
});

describe("comparisonSentence", () => {
  it("like for like, Fargate cheaper: says how full the instance is", () => {
    // 3 tasks of 1 vCPU / 2 GiB on one c6a.xlarge (4 vCPU / 8 GiB): 75% full. Fargate 108.12 < EC2 114.09.
    const { scenario: s, view } = priced(scenario([api]));
    expect(comparisonSentence(s, view)).toBe(
      "Both sides on-demand, always on: Fargate is cheaper because the tasks fill only 75% of one c6a.xlarge, and EC2 bills whole instances.",
    );
  });

  it("like for like, EC2 cheaper: says what fits where", () => {
    // 10 x 2 vCPU / 8 GiB: Fargate 10 x 730 x (2 x 0.04048 + 8 x 0.004445) = 850.596; EC2 758.16.
    const { scenario: s, view } = priced(scenario([{ name: "api", vcpu: 2, memoryGiB: 8, tasks: 10 }]));
    expect(view.totals.cheaper).toBe("ec2");
    expect(comparisonSentence(s, view)).toBe(
      "Both sides on-demand, always on: EC2 is cheaper because the 10 tasks fit on 2 instances (1 × m5a.2xlarge + 1 × m5a.4xlarge).",
    );
  });

  it("names awsvpc's task cap when it, not CPU or memory, fills the instances", () => {
    // 6 tasks of 0.25 vCPU / 0.5 GiB: awsvpc allows 2 per c6a.large (3 ENIs - 1), so 3 instances 25% full.
    const { scenario: s, view } = priced(scenario([{ name: "tiny", vcpu: 0.25, memoryGiB: 0.5, tasks: 6 }]));
    expect(comparisonSentence(s, view)).toBe(
      "Both sides on-demand, always on: Fargate is cheaper because awsvpc networking allows only a few tasks per instance, so the tasks fill only 25% of the 3 instances (3 × c6a.large), and EC2 bills whole instances.",
    );
    // With ENI trunking or bridge networking the cap goes, and so does the reason.
    const bridge = priced(scenario([{ name: "tiny", vcpu: 0.25, memoryGiB: 0.5, tasks: 6 }], { networking: "bridge" }));
    expect(comparisonSentence(bridge.scenario, bridge.view)).not.toContain("awsvpc");
  });

  it("batch work on an always-on cluster: Fargate bills the runs only", () => {
    const { scenario: s, view } = priced(scenario([api, nightly]));
    expect(comparisonSentence(s, view)).toBe("Fargate bills nightly only while it runs; the EC2 cluster stays up all month.");
  });

  it("a cluster that follows the schedules is like for like", () => {
    const { scenario: s, view } = priced(scenario([api, nightly], { scaling: "scale-with-tasks" }));
    expect(comparisonSentence(s, view)).toMatch(/^Both sides on-demand, following the schedules: Fargate is cheaper because/);
  });

  it("different purchase options are called out, and go away once matched", () => {
    const w = { ...api, spotPercent: 50, savingsPlan: "1yr-no-upfront" as const };
    const { scenario: s, view } = priced(scenario([w]));
    expect(comparisonSentence(s, view)).toBe(
      "Not like for like: Fargate uses Spot for 50% of task-hours and a 1-year Savings Plan on the rest, while the EC2 cluster is on-demand.",
    );
    const matched = priced(scenario([w], { spotPercent: 50, commitment: "1yr" }));
    expect(comparisonSentence(matched.scenario, matched.view)).toMatch(/^Both sides on Spot for 50%, with a 1-year commitment on the rest, always on: /);
  });

  it("no sentence without an EC2 figure", () => {
    const { scenario: s, view } = priced(scenario([api]));
    expect(comparisonSentence(s, { ...view, ec2: null, totals: { ...view.totals, ec2: null, difference: null, cheaper: null } })).toBeNull();
  });
});

describe("describeFleet", () => {
  it("says how full the instances are and explains the break-even in words", () => {
    const { view } = priced(scenario([api]));
    const d = describeFleet(view.ec2!);
    expect(d.summary).toBe("1 × c6a.xlarge. Your tasks use 75% of its CPU and 75% of its memory.");
    expect(d.detail).toContain("tasks filling 79.14% of its vCPU and memory: fuller than that, EC2 is cheaper");
    expect(`${d.summary} ${d.detail}`).not.toMatch(/packing/i);
  });

  it("says so when even a full fleet costs more than Fargate", () => {
    const { view } = priced(scenario([{ ...api, spotPercent: 50, savingsPlan: "1yr-no-upfront" }]));
    expect(describeFleet(view.ec2!).detail).toContain("Even completely full, this instance would cost more");
  });
});
