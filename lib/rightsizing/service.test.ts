import { describe, expect, it } from "vitest";
import type { DraftWorkload } from "@/lib/scenario/draft";
import { applyRecommendation, inferTaskCount, priceService, regionFromArn, totalOf } from "./service";
import { emptyUtilization, type RightsizingRecommendation } from "./types";

function rec(over: Partial<RightsizingRecommendation> = {}): RightsizingRecommendation {
  return {
    source: "compute-optimizer-export",
    serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/prod-cluster/orders-api",
    serviceName: "orders-api",
    clusterName: "prod-cluster",
    accountId: "123456789012",
    finding: "Overprovisioned",
    findingReasonCodes: [],
    current: { vcpu: 1, memoryGiB: 4 },
    recommended: { vcpu: 0.5, memoryGiB: 2 },
    recommendedAsReported: { vcpu: 0.5, memoryGiB: 2 },
    snapped: false,
    notes: [],
    utilization: emptyUtilization(),
    performanceRisk: null,
    lookbackPeriodInDays: 14,
    savings: { percent: 50, monthlyUsd: "63.8", currency: "USD" },
    savingsAfterDiscounts: null,
    lastRefreshed: null,
    headroomPercent: null,
    ...over,
  };
}

describe("regionFromArn", () => {
  it.each([
    ["arn:aws:ecs:eu-central-1:123456789012:service/c/s", "eu-central-1"],
    ["arn:aws-us-gov:ecs:us-gov-west-1:123456789012:service/s", "us-gov-west-1"],
    ["arn:aws:ecs::123456789012:service/s", null],
    ["not an arn", null],
    [null, null],
  ])("%s -> %s", (arn, region) => expect(regionFromArn(arn)).toBe(region));
});

describe("inferTaskCount", () => {
  it("reads the task count from Compute Optimizer's saving: 63.8 / 21.2649 = 3.0002 -> 3", () => expect(inferTaskCount("63.8", "21.2649")).toBe(3));
  it("rounds a part-time average to a whole task: 50 / 21.2649 = 2.35 -> 2", () => expect(inferTaskCount("50", "21.2649")).toBe(2));
  it.each([
    [null, "21.2649"],
    ["0", "21.2649"],
    ["63.8", "0"],
    ["63.8", "-3.2"],
    ["5", "21.2649"], // 0.24 of a task: not a count
  ])("null when it cannot be read (%s / %s)", (reported, perTask) => expect(inferTaskCount(reported, perTask)).toBeNull());
});

describe("priceService", () => {
  it("prices per service, in the ARN's region, and the saving is the difference of the prices shown", () => {
    const r = priceService(
      rec({
        serviceArn: "arn:aws:ecs:eu-central-1:123456789012:service/prod-cluster/orders-api",
        savings: { percent: 50, monthlyUsd: "73.37", currency: "USD" },
      }),
      "us-east-1",
    );
    // eu-central-1: 0.04656 per vCPU-hour, 0.00511 per GB-hour.
    // one task: current 730 x (0.04656 + 4 x 0.00511) = 730 x 0.067 = 48.91; recommended 730 x (0.02328 + 0.01022) = 24.455
    // tasks: 73.37 / (48.91 - 24.455 = 24.455) = 3.0002 -> 3
    // current 3 x 48.91 = 146.73; recommended 3 x 24.455 = 73.365 -> 73.37 (half-up);
    // saving as shown 146.73 - 73.37 = 73.36 (the unrounded 73.365 would show 73.37 and not add up)
    expect(r).toEqual({
      ok: true,
      value: {
        region: "eu-central-1",
        regionFromArn: true,
        tasks: 3,
        tasksSource: "compute-optimizer",
        current: "146.73",
        recommended: "73.37",
        saving: "73.36",
        perTask: { current: "48.91", recommended: "24.46" },
        reportedSaving: "73.37",
      },
    });
  });

  it("uses the scenario's region without an ARN, one task without a reported saving, and the count entered", () => {
    const r = priceService(rec({ serviceArn: null, savings: null }), "us-east-1");
    // 730 x 0.05826 = 42.5298 -> 42.53; 730 x 0.02913 = 21.2649 -> 21.26; 42.53 - 21.26 = 21.27 (not 21.2649 -> 21.26)
    expect(r).toMatchObject({
      ok: true,
      value: {
        region: "us-east-1",
        regionFromArn: false,
        tasks: 1,
        tasksSource: "default",
        current: "42.53",
        recommended: "21.26",
        saving: "21.27",
        reportedSaving: null,
      },
    });
    // 5 entered: 5 x 42.5298 = 212.649 -> 212.65; 5 x 21.2649 = 106.3245 -> 106.32; 212.65 - 106.32 = 106.33
    expect(priceService(rec(), "us-east-1", 5)).toMatchObject({
      ok: true,
      value: {
        tasks: 5,
        tasksSource: "entered",
        current: "212.65",
        recommended: "106.32",
        saving: "106.33",
      },
    });
  });

  it("an ARN in a region without prices says so", () => {
    const r = priceService(rec({ serviceArn: "arn:aws:ecs:xx-nowhere-9:123456789012:service/c/s" }), "us-east-1");
    expect(r).toMatchObject({ ok: false, error: { region: "xx-nowhere-9" } });
  });
});

describe("totalOf", () => {
  it("sums the figures as shown", () => {
    const a = priceService(rec({ serviceArn: null, savings: null }), "us-east-1"); // 42.53 / 21.26 / 21.27
    const b = priceService(rec(), "us-east-1"); // 3 tasks: 127.5894 -> 127.59; 63.7947 -> 63.79; 63.80
    // 42.53 + 127.59 = 170.12; 21.26 + 63.79 = 85.05; 21.27 + 63.80 = 85.07 (= 170.12 - 85.05)
    expect(totalOf([a, b, { ok: false, error: { region: "x", errors: [] } }])).toEqual({ current: "170.12", recommended: "85.05", saving: "85.07", count: 2 });
  });
});

describe("applyRecommendation", () => {
  const api: DraftWorkload = { name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 };
  const orders: DraftWorkload = { name: "orders-api", vcpu: 1, memoryGiB: 4, tasks: 3, schedule: { type: "duty-cycle", percent: 40 }, spotPercent: 50 };

  it("adds beside, with the task count and an always-on schedule, and a second click adds nothing", () => {
    const first = applyRecommendation([api], rec(), 3, "beside");
    expect(first.kind).toBe("added");
    expect(first.index).toBe(1);
    expect(first.workloads[1]).toEqual({
      name: "orders-api (right-sized)",
      platform: "ecs",
      os: "linux",
      arch: "x86_64",
      vcpu: 0.5,
      memoryGiB: 2,
      tasks: 3,
      schedule: { type: "always-on" },
    });
    expect(first.message).toBe("Added “orders-api (right-sized)” (0.5 vCPU / 2 GiB, 3 tasks, always on) as workload 2.");
    const second = applyRecommendation(first.workloads, rec(), 3, "beside");
    expect(second.kind).toBe("unchanged");
    expect(second.workloads).toHaveLength(2);
    expect(second.index).toBe(1);
  });

  it("replaces the workload it right-sizes, keeping its name, schedule and Spot share; twice is once", () => {
    const first = applyRecommendation([api, orders], rec(), 3, 1);
    expect(first.kind).toBe("replaced");
    expect(first.workloads).toHaveLength(2);
    expect(first.workloads[1]).toEqual({ ...orders, vcpu: 0.5, memoryGiB: 2, tasks: 3 });
    expect(first.message).toBe("Right-sized “orders-api” (workload 2) to 0.5 vCPU / 2 GiB, 3 tasks.");
    expect(applyRecommendation(first.workloads, rec(), 3, 1).kind).toBe("unchanged");
  });

  it("a changed task count updates the right-sized copy instead of adding another", () => {
    const first = applyRecommendation([api], rec(), 3, "beside");
    const again = applyRecommendation(first.workloads, rec(), 4, "beside");
    expect(again.kind).toBe("replaced");
    expect(again.workloads).toHaveLength(2);
    expect(again.workloads[1]!.tasks).toBe(4);
  });
});
