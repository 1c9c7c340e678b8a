import { describe, expect, it } from "vitest";
import type { Result } from "@/lib/core";
import { nearestRankPercentile, recommendFromSeries } from "./recommend";
import type { UtilizationSeries } from "./utilization-csv";

const series = (cpu: number[], memory: number[], serviceName = "svc"): UtilizationSeries => ({
  serviceName,
  cpuPercent: cpu,
  memoryPercent: memory,
  firstTimestamp: null,
  lastTimestamp: null,
});
/** 98 low values, then the p99 value (rank 99 of 100), then the peak (rank 100). */
const hundred = (low: number, p99: number, peak: number) => [...Array<number>(98).fill(low), p99, peak];

function ok<T>(r: Result<T, string[]>): T {
  if (!r.ok) throw new Error(r.error.join("; "));
  return r.value;
}

describe("nearestRankPercentile", () => {
  it("is the value at rank ceil(p/100 x n)", () => {
    const v = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(nearestRankPercentile(v, 50)).toBe(5); // rank ceil(5) = 5
    expect(nearestRankPercentile(v, 90)).toBe(9); // rank 9 exactly (no float drift: 0.9 x 10)
    expect(nearestRankPercentile(v, 91)).toBe(10); // rank ceil(9.1) = 10
    expect(nearestRankPercentile(v, 99)).toBe(10); // fewer than 100 points: p99 is the maximum
    expect(nearestRankPercentile(v, 100)).toBe(10);
    expect(nearestRankPercentile(v, 1)).toBe(1); // rank ceil(0.1) = 1
  });
  it("uses exact decimals for fractional percentiles", () => {
    const v = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(nearestRankPercentile(v, 99.9)).toBe(999); // 99.9 x 1000 / 100 = 999 exactly, not 999.0000001 -> 1000
    expect(nearestRankPercentile(v, 57)).toBe(570);
  });
});

describe("recommendFromSeries: smallest valid size covering p99 + 20% headroom", () => {
  it("the worked example: 1 vCPU / 4 GiB, p99 CPU 30%, p99 memory 40% -> 0.5 vCPU / 2 GiB", () => {
    // CPU: 1 vCPU x 30% = 0.3 vCPU, x 1.2 = 0.36 -> the 0.25 row is too small, 0.5 vCPU.
    // Memory: 4 GiB x 40% = 1.6 GiB, x 1.2 = 1.92 -> 2 GiB (0.5 vCPU allows 1-4 GiB).
    const r = ok(recommendFromSeries(series(hundred(10, 30, 35), hundred(20, 40, 45)), { current: { vcpu: 1, memoryGiB: 4 } }));
    expect(r.parsed.recommended).toEqual({ vcpu: 0.5, memoryGiB: 2 });
    expect(r.parsed.finding).toBe("Overprovisioned");
    expect(r.parsed.findingReasonCodes).toEqual(["CPUOverprovisioned", "MemoryOverprovisioned"]);
    expect(r.parsed.utilization).toMatchObject({
      percentile: 99,
      cpuPercentileValue: 30,
      memoryPercentileValue: 40,
      cpuMaxPercent: 35,
      memoryMaxPercent: 45,
      samples: 100,
    });
    // Peaks: CPU 1 x 35% = 0.35 of 0.5 = 70%; memory 4 x 45% = 1.8 of 2 = 90% -> Medium (80-100%).
    expect(r.parsed.performanceRisk).toBe("Medium");
    expect(r.parsed.notes.join(" ")).toMatch(/observed peak memory would use 90% of the new size/);
    expect(r.parsed.headroomPercent).toBe(20);
    expect(r.parsed.source).toBe("utilization");
  });

  it("boundaries do not round up through float error", () => {
    // 0.25 vCPU x 100% x 1.0 = 0.25 exactly; 0.5 GiB x 100% x 1.0 = 0.5 -> stays 0.25 / 0.5.
    const a = ok(recommendFromSeries(series([100], [100]), { current: { vcpu: 0.25, memoryGiB: 0.5 }, headroomPercent: 0 }));
    expect(a.parsed.recommended).toEqual({ vcpu: 0.25, memoryGiB: 0.5 });
    expect(a.parsed.finding).toBe("Optimized");
    // 0.5 vCPU x 50% x 1.2 = 0.3 -> 0.5 (0.3 > 0.25); 2 GiB x 50% x 1.2 = 1.2 GiB -> the 0.5 vCPU row (1-4 GiB) gives 2 GiB.
    const b = ok(recommendFromSeries(series([50], [50]), { current: { vcpu: 0.5, memoryGiB: 2 } }));
    expect(b.parsed.recommended).toEqual({ vcpu: 0.5, memoryGiB: 2 });
    // 2 vCPU x 50% x 1.0 = 1 vCPU exactly -> 1 vCPU; 8 GiB x 25% = 2 GiB -> 2 GiB.
    const c = ok(recommendFromSeries(series([50], [25]), { current: { vcpu: 2, memoryGiB: 8 }, headroomPercent: 0 }));
    expect(c.parsed.recommended).toEqual({ vcpu: 1, memoryGiB: 2 });
  });

  it("memory can force a larger vCPU row", () => {
    // CPU: 4 x 5% x 1.2 = 0.24 -> 0.25; memory: 30 x 50% x 1.2 = 18 GiB -> rows up to 2 vCPU stop at 16 GiB -> 4 vCPU / 18 GiB.
    const r = ok(recommendFromSeries(series([5], [50]), { current: { vcpu: 4, memoryGiB: 30 } }));
    expect(r.parsed.recommended).toEqual({ vcpu: 4, memoryGiB: 18 });
    expect(r.parsed.findingReasonCodes).toEqual(["MemoryOverprovisioned"]);
    expect(r.parsed.finding).toBe("Overprovisioned");
  });

  it("under-provisioned services grow, and a peak above the new size is High risk", () => {
    // CPU: 0.5 x 90% x 1.2 = 0.54 -> 1 vCPU; memory: 1 x 95% x 1.2 = 1.14 GiB -> 1 vCPU row starts at 2 GiB.
    const r = ok(recommendFromSeries(series(hundred(50, 90, 100), hundred(60, 95, 99)), { current: { vcpu: 0.5, memoryGiB: 1 } }));
    expect(r.parsed.recommended).toEqual({ vcpu: 1, memoryGiB: 2 });
    expect(r.parsed.finding).toBe("Underprovisioned");
    expect(r.parsed.findingReasonCodes).toEqual(["CPUUnderprovisioned", "MemoryUnderprovisioned"]);
    expect(r.parsed.performanceRisk).toBe("Low"); // peaks 0.5 of 1 vCPU, 0.99 of 2 GiB: 50%

    // p50 with no headroom while the peak is 3x: 1 vCPU x 20% = 0.2 -> 0.25; peak 0.6 of 0.25 = 240% -> High.
    const risky = ok(recommendFromSeries(series([20, 20, 60], [10, 10, 10]), { current: { vcpu: 1, memoryGiB: 2 }, percentile: 50, headroomPercent: 0 }));
    expect(risky.parsed.recommended).toEqual({ vcpu: 0.25, memoryGiB: 0.5 });
    expect(risky.parsed.performanceRisk).toBe("High");
    expect(risky.parsed.notes.join(" ")).toMatch(/CPU would be throttled/);
  });

  it("Windows rounds onto the Windows grid (1 vCPU minimum)", () => {
    // 1 x 10% x 1.2 = 0.12 vCPU -> Windows starts at 1 vCPU; 2 GiB x 10% x 1.2 = 0.24 GiB -> 2 GiB.
    const r = ok(recommendFromSeries(series([10], [10]), { current: { vcpu: 1, memoryGiB: 2 }, os: "windows" }));
    expect(r.parsed.recommended).toEqual({ vcpu: 1, memoryGiB: 2 });
    expect(r.parsed.finding).toBe("Optimized");
  });

  it("needs above the largest size show the largest size, High risk, and say so", () => {
    const r = ok(recommendFromSeries(series([100], [100]), { current: { vcpu: 32, memoryGiB: 244 } }));
    expect(r.parsed.recommended).toEqual({ vcpu: 32, memoryGiB: 244 });
    expect(r.parsed.performanceRisk).toBe("Medium"); // peak = 100% of the same size
    expect(r.parsed.notes[0]).toMatch(/above the largest Fargate size/);
  });

  it("warns when there are fewer than 24 points", () => {
    const r = recommendFromSeries(series([10, 20], [10, 20]), { current: { vcpu: 1, memoryGiB: 2 } });
    expect(r.ok && r.value.warnings[0]).toMatch(/only 2 data points/);
  });

  it("one point is '1 data point', not '1 data points' (review finding)", () => {
    const r = recommendFromSeries(series([10], [10]), { current: { vcpu: 1, memoryGiB: 2 } });
    expect(r.ok && r.value.warnings[0]).toMatch(/only 1 data point; use at least 24 hourly points/);
  });

  it("rejects bad options with messages instead of throwing", () => {
    const s = series([10], [10]);
    const cases = [
      { current: { vcpu: 0, memoryGiB: 2 } },
      { current: { vcpu: 1, memoryGiB: Number.NaN } },
      { current: { vcpu: 1, memoryGiB: 2 }, percentile: 0 },
      { current: { vcpu: 1, memoryGiB: 2 }, percentile: 101 },
      { current: { vcpu: 1, memoryGiB: 2 }, headroomPercent: -1 },
      { current: { vcpu: 1, memoryGiB: 2 }, os: "mac" as "linux" },
    ];
    for (const c of cases) {
      const r = recommendFromSeries(s, c);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error[0]!.length).toBeGreaterThan(10);
    }
  });
});
