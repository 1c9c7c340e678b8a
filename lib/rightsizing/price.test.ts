import { describe, expect, it } from "vitest";
import { priceRightsizing, sumDecimalStrings } from "./price";

describe("priceRightsizing: current vs recommended with the engine", () => {
  it("orders-api, 3 tasks in us-east-1: 1 vCPU / 4 GiB -> 0.5 vCPU / 2 GiB", () => {
    const r = priceRightsizing({ current: { vcpu: 1, memoryGiB: 4 }, recommended: { vcpu: 0.5, memoryGiB: 2 }, region: "us-east-1", tasks: 3 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 730 h x 3 tasks = 2190 task-hours.
    // current: 2190 x (1 x 0.04048 + 4 x 0.004445) = 2190 x 0.05826 = 127.5894
    // recommended: 2190 x (0.5 x 0.04048 + 2 x 0.004445) = 2190 x 0.02913 = 63.7947
    expect(r.value.current.monthlyCost).toBe("127.5894");
    expect(r.value.recommended.monthlyCost).toBe("63.7947");
    expect(r.value.monthlySaving).toBe("63.7947");
    expect(r.value.savingPercent).toBe("50.00");
    expect(sumDecimalStrings([r.value.monthlySaving, r.value.monthlySaving])).toBe("127.5894");
    expect(r.value).toMatchObject({ region: "us-east-1", regionName: "US East (N. Virginia)", tasks: 3, currency: "USD" });
    expect(r.value.priceSource.publishedAt).toMatch(/^\d{4}-\d{2}/);
  });

  it("defaults to one task; up-sizing gives a negative saving", () => {
    const r = priceRightsizing({ current: { vcpu: 0.5, memoryGiB: 1 }, recommended: { vcpu: 0.5, memoryGiB: 2 }, region: "us-east-1" });
    // current 730 x (0.5 x 0.04048 + 1 x 0.004445) = 730 x 0.024685 = 18.02005
    // recommended 730 x (0.02024 + 0.00889) = 730 x 0.02913 = 21.2649; saving -3.24485 (-18.01%)
    expect(r.ok && [r.value.tasks, r.value.current.monthlyCost, r.value.recommended.monthlyCost, r.value.monthlySaving, r.value.savingPercent]).toEqual([
      1,
      "18.02005",
      "21.2649",
      "-3.24485",
      "-18.01",
    ]);
  });

  it("ARM and Windows use their rates", () => {
    // ARM: 730 x (1 x 0.03238 + 2 x 0.00356) = 730 x 0.0395 = 28.835
    const arm = priceRightsizing({ current: { vcpu: 1, memoryGiB: 2 }, recommended: { vcpu: 1, memoryGiB: 2 }, region: "us-east-1", arch: "arm64" });
    expect(arm.ok && [arm.value.current.monthlyCost, arm.value.monthlySaving, arm.value.savingPercent]).toEqual(["28.835", "0", "0.00"]);
    const win = priceRightsizing({ current: { vcpu: 2, memoryGiB: 4 }, recommended: { vcpu: 1, memoryGiB: 2 }, region: "us-east-1", os: "windows" });
    expect(win.ok && win.value.savingPercent).toBe("50.00");
  });

  it("explains what cannot be priced, without throwing", () => {
    expect(priceRightsizing({ current: { vcpu: 1, memoryGiB: 2 }, recommended: { vcpu: 1, memoryGiB: 2 }, region: "mars-1" })).toEqual({
      ok: false,
      error: [expect.stringMatching(/Unknown region "mars-1"/)],
    });
    const bad = priceRightsizing({ current: { vcpu: 1, memoryGiB: 10 }, recommended: { vcpu: 1, memoryGiB: 2 }, region: "us-east-1" });
    expect(bad.ok ? [] : bad.error).toEqual([expect.stringMatching(/^current size: 1 vCPU \/ 10 GiB is not a valid Fargate task size/)]);
    const win = priceRightsizing({ current: { vcpu: 1, memoryGiB: 2 }, recommended: { vcpu: 0.5, memoryGiB: 1 }, region: "us-east-1", os: "windows" });
    expect(win.ok ? [] : win.error).toEqual([expect.stringMatching(/^recommended size: Windows containers on Fargate need at least 1 vCPU/)]);
    const tasks = priceRightsizing({ current: { vcpu: 1, memoryGiB: 2 }, recommended: { vcpu: 1, memoryGiB: 2 }, region: "us-east-1", tasks: 1.5 });
    expect(tasks.ok).toBe(false);
  });
});
