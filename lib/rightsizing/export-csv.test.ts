import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseComputeOptimizerExportCsv } from "./export-csv";

const csv = readFileSync(new URL("./__fixtures__/ecs-export.csv", import.meta.url), "utf8");
const table = () => Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
const toCsv = (rows: string[][], quotes = false) => Papa.unparse(rows, { quotes, newline: "\n" });

function parsed(text: string) {
  const r = parseComputeOptimizerExportCsv(text);
  if (!r.ok) throw new Error(r.error.join("; "));
  return r;
}
function errorsOf(text: string) {
  const r = parseComputeOptimizerExportCsv(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error;
}

describe("ExportECSServiceRecommendations CSV (fixture: 114 columns, 3 services)", () => {
  it("maps every service to our recommendation type", () => {
    const r = parsed(csv);
    expect(r.value.warnings).toEqual([]);
    expect(r.value.parsed.skipped).toEqual([]);
    const [orders, payments, web] = r.value.parsed.recommendations;
    expect(orders).toEqual({
      source: "compute-optimizer-export",
      serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/prod-cluster/orders-api",
      serviceName: "orders-api",
      clusterName: "prod-cluster",
      accountId: "123456789012",
      finding: "Overprovisioned",
      findingReasonCodes: ["CPUOverprovisioned", "MemoryOverprovisioned"],
      // 1024 CPU units / 1024 = 1 vCPU; 4096 MiB / 1024 = 4 GiB -> recommended 512 / 2048 = 0.5 vCPU / 2 GiB.
      current: { vcpu: 1, memoryGiB: 4 },
      recommended: { vcpu: 0.5, memoryGiB: 2 },
      recommendedAsReported: { vcpu: 0.5, memoryGiB: 2 },
      snapped: false,
      notes: [],
      utilization: {
        cpuMaxPercent: 21.4,
        memoryMaxPercent: 28.9,
        cpuAveragePercent: null,
        memoryAveragePercent: null,
        percentile: null,
        cpuPercentileValue: null,
        memoryPercentileValue: null,
        samples: null,
        projectedCpuMaxPercent: { lower: 38.5, upper: 47.1 },
        projectedMemoryMaxPercent: { lower: 52, upper: 63.6 },
      },
      performanceRisk: "VeryLow",
      lookbackPeriodInDays: 14,
      savings: { percent: 50, monthlyUsd: "63.8", currency: "USD" },
      savingsAfterDiscounts: { percent: 50, monthlyUsd: "51.04", currency: "USD" },
      lastRefreshed: "2025-06-18T09:12:44.318Z",
      headroomPercent: null,
    });
    expect([payments!.finding, payments!.findingReasonCodes, payments!.current, payments!.recommended, payments!.performanceRisk]).toEqual([
      "Underprovisioned",
      ["MemoryUnderprovisioned"],
      { vcpu: 0.5, memoryGiB: 1 },
      { vcpu: 0.5, memoryGiB: 2 },
      "Medium",
    ]);
    expect([web!.finding, web!.findingReasonCodes, web!.current, web!.recommended]).toEqual([
      "Optimized",
      [],
      { vcpu: 0.25, memoryGiB: 0.5 },
      { vcpu: 0.25, memoryGiB: 0.5 },
    ]);
  });

  it("matches columns case-insensitively, in any order, with extra columns and every field quoted", () => {
    const rows = table();
    const header = rows[0]!.map((h) => h.toUpperCase());
    // Reverse the column order and add an unknown column (real exports gained EffectiveRecommendationPreferencesLookBackPeriod).
    const shuffled = [
      [...header].reverse().concat("EffectiveRecommendationPreferencesLookBackPeriod"),
      ...rows.slice(1).map((r) => [...r].reverse().concat("DAYS_14")),
    ];
    const r = parsed(toCsv(shuffled, true));
    const original = parsed(csv).value.parsed.recommendations;
    expect(r.value.parsed.recommendations).toEqual(original);
  });

  it("tolerates missing optional columns (fieldsToExport) and derives the finding when absent", () => {
    const rows = table();
    const keep = [
      "serviceArn",
      "currentServiceConfiguration_cpu",
      "currentServiceConfiguration_memory",
      "recommendationOptions_1_cpu",
      "recommendationOptions_1_memory",
    ];
    const idx = keep.map((k) => rows[0]!.indexOf(k));
    const r = parsed(toCsv(rows.map((row) => idx.map((i) => row[i]!))));
    expect(r.value.warnings).toEqual(["The file has no finding column: findings are derived from the current and recommended sizes."]);
    expect(r.value.parsed.recommendations.map((x) => [x.serviceName, x.finding, x.accountId])).toEqual([
      ["orders-api", "Overprovisioned", "123456789012"], // account from the ARN
      ["payments-worker", "Underprovisioned", "123456789012"],
      ["web-frontend", "Optimized", "123456789012"],
    ]);
  });

  it("snaps a recommendation that is not a valid Fargate size, and says so", () => {
    const rows = table();
    const mem = rows[0]!.indexOf("recommendationOptions_1_memory");
    rows[1]![mem] = "1536"; // 0.5 vCPU / 1.5 GiB is not valid -> 0.5 vCPU / 2 GiB
    const orders = parsed(toCsv(rows)).value.parsed.recommendations[0]!;
    expect(orders.recommendedAsReported).toEqual({ vcpu: 0.5, memoryGiB: 1.5 });
    expect(orders.recommended).toEqual({ vcpu: 0.5, memoryGiB: 2 });
    expect(orders.snapped).toBe(true);
    expect(orders.notes[0]).toMatch(/0.5 vCPU \/ 1.5 GiB, not a valid Fargate task size: rounded up to 0.5 vCPU \/ 2 GiB/);
  });

  it("rows with an errorCode are listed as skipped, not failed", () => {
    const rows = table();
    const h = rows[0]!;
    const row = h.map(() => "");
    row[h.indexOf("serviceArn")] = "arn:aws:ecs:us-east-1:123456789012:service/staging/batch";
    row[h.indexOf("errorCode")] = "InsufficientData";
    row[h.indexOf("errorMessage")] = "Not enough data";
    const r = parsed(toCsv([...rows, row]));
    expect(r.value.parsed.recommendations).toHaveLength(3);
    expect(r.value.parsed.skipped).toEqual([
      { serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/staging/batch", code: "InsufficientData", reason: "Not enough data" },
    ]);
  });

  it("accepts OVER_PROVISIONED spelling, lower-case booleans and scientific numbers", () => {
    const rows = table();
    const h = rows[0]!;
    rows[1]![h.indexOf("finding")] = "OVER_PROVISIONED";
    rows[1]![h.indexOf("findingReasonCodes_isCpuOverprovisioned")] = "true";
    rows[1]![h.indexOf("utilizationMetrics_Cpu_Maximum")] = "2.14E+01";
    const orders = parsed(toCsv(rows)).value.parsed.recommendations[0]!;
    expect(orders.finding).toBe("Overprovisioned");
    expect(orders.utilization.cpuMaxPercent).toBe(21.4);
  });
});

describe("malformed export CSVs", () => {
  const withCell = (row: number, column: string, value: string) => {
    const rows = table();
    rows[row]![rows[0]!.indexOf(column)] = value;
    return toCsv(rows);
  };
  it("names the line and column of a bad number", () => {
    expect(errorsOf(withCell(2, "currentServiceConfiguration_cpu", "abc"))).toEqual(["line 3: currentServiceConfiguration_cpu 'abc' is not a number"]);
    expect(errorsOf(withCell(1, "currentServiceConfiguration_memory", ""))).toEqual(["line 2: currentServiceConfiguration_memory is empty"]);
    expect(errorsOf(withCell(3, "utilizationMetrics_Cpu_Maximum", "12,5"))[0]).toBe("line 4: utilizationMetrics_Cpu_Maximum '12,5' is not a number");
  });
  it("bad finding, boolean and ARN", () => {
    expect(errorsOf(withCell(1, "finding", "Great"))[0]).toMatch(/^line 2: .*finding "Great" is not one of Overprovisioned, Underprovisioned, Optimized/);
    expect(errorsOf(withCell(1, "findingReasonCodes_isCpuOverprovisioned", "maybe"))[0]).toBe(
      "line 2: findingReasonCodes_isCpuOverprovisioned 'maybe' is not TRUE or FALSE",
    );
    expect(errorsOf(withCell(1, "serviceArn", "orders-api"))[0]).toBe("line 2: serviceArn 'orders-api' is not an ECS service ARN");
  });
  it("a file that is not an ECS export", () => {
    expect(errorsOf("instanceArn,finding\nx,y\n")[0]).toMatch(
      /^line 1: the header has no serviceArn, currentServiceConfiguration_cpu, currentServiceConfiguration_memory columns/,
    );
    expect(errorsOf(table()[0]!.join(","))).toEqual(["The file has a header but no services."]);
  });
  it("a row with more fields than the header (bad quoting)", () => {
    expect(errorsOf(`${csv.trim()}\n${toCsv([[...table()[1]!, "extra", "cells"]])}`)).toEqual([
      "line 5: has 116 fields but the header has 114 (check the quoting)",
    ]);
  });
  it("never a partial result: one bad row fails the file", () => {
    const r = parseComputeOptimizerExportCsv(withCell(3, "currentServiceConfiguration_cpu", "-"));
    expect(r).toEqual({ ok: false, error: ["line 4: currentServiceConfiguration_cpu '-' is not a number"] });
  });
});
