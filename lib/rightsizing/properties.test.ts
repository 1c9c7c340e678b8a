import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidSize, allSizes } from "@/lib/pricing/sizes";
import { parseComputeOptimizerExportCsv } from "./export-csv";
import { recommendFromSeries, rightsizeFromUtilizationCsv } from "./recommend";
import { parseUtilizationCsv } from "./utilization-csv";

/** CSV-shaped noise: the tokens that steer the parsers into their deeper paths. */
const csvish = fc
  .array(
    fc.oneof(
      fc.constantFrom(",", ";", "\t", "\n", "\r\n", '"', '""', " ", "%", "-", ".", "e5", "1E+3"),
      fc.constantFrom("timestamp", "cpu", "CPUUtilization", "memory", "MemoryUtilization", "service", "Label", "MetricName", "Value", "CpuUtilized", "Maximum"),
      fc.constantFrom(
        "serviceArn",
        "currentServiceConfiguration_cpu",
        "currentServiceConfiguration_memory",
        "finding",
        "errorCode",
        "arn:aws:ecs:us-east-1:123456789012:service/c/s",
      ),
      fc.integer({ min: -5, max: 5000 }).map(String),
      fc.double({ noNaN: false }).map(String),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(""));

const anyText = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: "binary", maxLength: 200 }), csvish);

function wellFormed(r: { ok: boolean; error?: string[] }) {
  if (r.ok) return;
  expect(r.error!.length).toBeGreaterThan(0);
  for (const e of r.error!) expect(typeof e === "string" && e.trim().length > 5).toBe(true);
}

describe("parsers never throw and always explain a rejection", () => {
  it("parseUtilizationCsv", () => {
    fc.assert(fc.property(anyText, (t) => wellFormed(parseUtilizationCsv(t))));
  });
  it("parseComputeOptimizerExportCsv", () => {
    fc.assert(fc.property(anyText, (t) => wellFormed(parseComputeOptimizerExportCsv(t))));
  });
  it("rightsizeFromUtilizationCsv with arbitrary options", () => {
    const options = fc.record({
      current: fc.record({ vcpu: fc.double(), memoryGiB: fc.double() }),
      percentile: fc.option(fc.double(), { nil: undefined }),
      headroomPercent: fc.option(fc.double(), { nil: undefined }),
    });
    fc.assert(fc.property(anyText, options, (t, o) => wellFormed(rightsizeFromUtilizationCsv(t, o))));
  });
  it("non-string input", () => {
    fc.assert(fc.property(fc.anything(), (v) => wellFormed(parseUtilizationCsv(v))));
    fc.assert(fc.property(fc.anything(), (v) => wellFormed(parseComputeOptimizerExportCsv(v))));
  });
});

describe("the recommendation rule", () => {
  const pct = fc.double({ min: 0, max: 100, noNaN: true });
  const sizes = allSizes("linux");
  it("is a valid size that covers percentile x (1 + headroom), and the smallest vCPU that does", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sizes),
        fc.array(pct, { minLength: 1, maxLength: 50 }),
        fc.array(pct, { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 100 }),
        (current, cpu, mem, headroom) => {
          const r = recommendFromSeries(
            { serviceName: "s", cpuPercent: cpu, memoryPercent: mem, firstTimestamp: null, lastTimestamp: null },
            { current, headroomPercent: headroom },
          );
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const rec = r.value.parsed.recommended;
          expect(isValidSize(rec, "linux")).toBe(true);
          // The p99 by the nearest-rank rule, computed here: sorted ascending, the value at rank ceil(0.99 x n).
          const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(1, Math.ceil((99 * xs.length) / 100)) - 1]!;
          expect(r.value.parsed.utilization.cpuPercentileValue).toBe(p99(cpu));
          expect(r.value.parsed.utilization.memoryPercentileValue).toBe(p99(mem));
          const needV = (current.vcpu * p99(cpu) * (100 + headroom)) / 10000;
          const needM = (current.memoryGiB * p99(mem) * (100 + headroom)) / 10000;
          const tooBig = needV > 32 || needM > 244;
          if (!tooBig) {
            expect(rec.vcpu).toBeGreaterThanOrEqual(needV - 1e-9);
            expect(rec.memoryGiB).toBeGreaterThanOrEqual(needM - 1e-9);
            // No smaller valid size covers both.
            const smaller = sizes.filter(
              (s) => s.vcpu >= needV - 1e-9 && s.memoryGiB >= needM - 1e-9 && (s.vcpu < rec.vcpu || (s.vcpu === rec.vcpu && s.memoryGiB < rec.memoryGiB)),
            );
            expect(smaller).toEqual([]);
          }
        },
      ),
    );
  });
});
