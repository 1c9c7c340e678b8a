import { describe, expect, it } from "vitest";
import { allSizes, isValidSize, nearestValidSizes, roundUpToValidSize } from "./sizes";

describe("Fargate size grid", () => {
  it("has the documented number of Linux sizes: 3 + 4 + 7 + 13 + 23 + 12 + 12 + 3", () => {
    expect(allSizes("linux")).toHaveLength(77);
  });
  it("Windows sizes are the 1, 2 and 4 vCPU rows: 7 + 13 + 23", () => {
    expect(allSizes("windows")).toHaveLength(43);
  });
  it.each([
    [0.25, 0.5, true],
    [0.25, 3, false],
    [0.5, 4, true],
    [8, 20, true],
    [8, 18, false],
    [16, 40, true],
    [16, 36, false],
    [32, 244, true],
    [32, 64, false],
  ])("%s vCPU / %s GiB valid: %s", (vcpu, memoryGiB, valid) => {
    expect(isValidSize({ vcpu, memoryGiB }, "linux")).toBe(valid);
  });
  it("rounds a request up vCPU first, then memory", () => {
    expect(roundUpToValidSize({ vcpu: 1, memoryGiB: 8.25 }, "linux")).toEqual({ vcpu: 2, memoryGiB: 9 });
    expect(roundUpToValidSize({ vcpu: 0.3, memoryGiB: 0.1 }, "linux")).toEqual({ vcpu: 0.5, memoryGiB: 1 });
    expect(roundUpToValidSize({ vcpu: 16, memoryGiB: 121 }, "linux")).toEqual({ vcpu: 32, memoryGiB: 244 });
    expect(roundUpToValidSize({ vcpu: 32, memoryGiB: 245 }, "linux")).toBeUndefined();
  });
  it("names valid neighbours of an invalid size", () => {
    expect(nearestValidSizes({ vcpu: 0.25, memoryGiB: 4 }, "linux")).toEqual([
      { vcpu: 0.25, memoryGiB: 2 },
      { vcpu: 0.5, memoryGiB: 4 },
    ]);
  });
});
