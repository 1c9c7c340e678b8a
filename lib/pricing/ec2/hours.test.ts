import { describe, expect, it } from "vitest";
import { dutyCycleHours, scaledInstanceHours } from "./hours";

describe("instance-hours when the cluster scales with the tasks", () => {
  it.each([
    [{ type: "always-on" as const }, 730],
    [{ type: "duty-cycle" as const, percent: 10 }, 73], // 730 x 10 / 100 = 73 exactly (a float gives 73.00000000000001)
    [{ type: "duty-cycle" as const, percent: 33.3 }, 244], // 243.09 -> 244
    [{ type: "duty-cycle" as const, percent: 0 }, 0],
    [{ type: "duty-cycle" as const, percent: 100 }, 730],
    [{ type: "batch" as const, runsPerMonth: 30, secondsPerRun: 3000 }, 30], // 50 min -> 1 h x 30
    [{ type: "batch" as const, runsPerMonth: 30, secondsPerRun: 3601 }, 60], // 1 h 1 s -> 2 h x 30
    [{ type: "batch" as const, runsPerMonth: 1000, secondsPerRun: 10 }, 730], // 1 h x 1000, capped at the month
    [{ type: "batch" as const, runsPerMonth: 0, secondsPerRun: 10 }, 0],
  ])("%j -> %i h", (schedule, hours) => {
    expect(scaledInstanceHours(schedule)).toBe(hours);
  });

  it("rounds the duty cycle up to whole hours exactly", () => {
    expect(dutyCycleHours(5)).toBe(37); // 36.5 -> 37
    expect(dutyCycleHours(20)).toBe(146);
  });
});
