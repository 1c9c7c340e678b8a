import { describe, expect, it } from "vitest";
import { mapEcsServiceRecommendation, mapEcsServiceRecommendations, mapProjectedMetrics, mapRecommendationErrors } from "./compute-optimizer-map";
import { parseComputeOptimizerExportCsv } from "@/lib/rightsizing/export-csv";
import { readFileSync } from "node:fs";
import { projectedMetrics, recommendationsPage1, recommendationsPage2 } from "./__fixtures__/load";

describe("Compute Optimizer -> our recommendation type", () => {
  const { recommendations, skipped } = mapEcsServiceRecommendations(recommendationsPage1().ecsServiceRecommendations!);

  it("maps the three fixture services", () => {
    expect(skipped).toEqual([]);
    expect(recommendations.map((r) => [r.serviceName, r.clusterName, r.finding, r.current, r.recommended, r.performanceRisk])).toEqual([
      // 1024 units / 1024 = 1 vCPU, 4096 MiB / 1024 = 4 GiB -> 512 / 2048 = 0.5 vCPU / 2 GiB
      ["orders-api", "prod-cluster", "Overprovisioned", { vcpu: 1, memoryGiB: 4 }, { vcpu: 0.5, memoryGiB: 2 }, "VeryLow"],
      ["payments-worker", "prod-cluster", "Underprovisioned", { vcpu: 0.5, memoryGiB: 1 }, { vcpu: 0.5, memoryGiB: 2 }, "Medium"],
      ["web-frontend", "prod-cluster", "Optimized", { vcpu: 0.25, memoryGiB: 0.5 }, { vcpu: 0.25, memoryGiB: 0.5 }, "Low"],
    ]);
    const orders = recommendations[0]!;
    expect(orders).toMatchObject({
      source: "compute-optimizer",
      serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/prod-cluster/orders-api",
      accountId: "123456789012",
      findingReasonCodes: ["CPUOverprovisioned", "MemoryOverprovisioned"],
      snapped: false,
      utilization: { cpuMaxPercent: 21.4, memoryMaxPercent: 28.9, projectedCpuMaxPercent: { lower: 38.5, upper: 47.1 } },
      lookbackPeriodInDays: 14,
      savings: { percent: 50, monthlyUsd: "63.8", currency: "USD" },
      savingsAfterDiscounts: { percent: 50, monthlyUsd: "51.04", currency: "USD" },
      lastRefreshed: "2025-06-18T09:12:44.318Z",
    });
  });

  it("the API and the export CSV of the same services give the same recommendations", () => {
    const csv = parseComputeOptimizerExportCsv(readFileSync(new URL("../rightsizing/__fixtures__/ecs-export.csv", import.meta.url), "utf8"));
    expect(csv.ok).toBe(true);
    if (!csv.ok) return;
    const strip = (r: { source: string }) => ({ ...r, source: "x" });
    expect(csv.value.parsed.recommendations.map(strip)).toEqual(recommendations.map(strip));
  });

  it("snaps an invalid recommended size up to a valid one and notes it", () => {
    const r = recommendationsPage1().ecsServiceRecommendations![0]!;
    r.serviceRecommendationOptions![0]!.cpu = 384; // 0.375 vCPU: no such size -> 0.5 vCPU
    r.serviceRecommendationOptions![0]!.memory = 1536; // 1.5 GiB -> 2 GiB
    const m = mapEcsServiceRecommendation(r);
    expect(m.ok && [m.value.recommendedAsReported, m.value.recommended, m.value.snapped]).toEqual([
      { vcpu: 0.375, memoryGiB: 1.5 },
      { vcpu: 0.5, memoryGiB: 2 },
      true,
    ]);
    expect(m.ok && m.value.notes[0]).toMatch(/rounded up to 0.5 vCPU \/ 2 GiB/);
  });

  it("keeps the current size when there is no option, and skips a record without a current size", () => {
    const r = recommendationsPage1().ecsServiceRecommendations![0]!;
    const noOption = mapEcsServiceRecommendation({ ...r, serviceRecommendationOptions: [] });
    expect(noOption.ok && noOption.value.recommended).toEqual({ vcpu: 1, memoryGiB: 4 });
    expect(noOption.ok && noOption.value.savings).toBeNull();
    const noCurrent = mapEcsServiceRecommendation({ ...r, currentServiceConfiguration: undefined });
    expect(noCurrent).toEqual({ ok: false, error: { serviceArn: r.serviceArn, code: null, reason: expect.stringMatching(/no current task CPU and memory/) } });
  });

  it("maps per-service errors", () => {
    expect(mapRecommendationErrors(recommendationsPage2().errors)).toEqual([
      {
        identifier: "arn:aws:ecs:us-east-1:123456789012:service/staging-cluster/batch-importer",
        code: "InsufficientData",
        message: "Compute Optimizer doesn't have enough utilization data to generate a recommendation for this service.",
      },
    ]);
  });

  it("maps projected metrics (14 daily points per metric)", () => {
    const m = mapProjectedMetrics(projectedMetrics(), "us-east-1", "arn:aws:ecs:us-east-1:123456789012:service/prod-cluster/orders-api");
    expect(m.options).toHaveLength(1);
    expect(m.options[0]!.recommended).toEqual({ vcpu: 0.5, memoryGiB: 2 });
    expect(m.options[0]!.series.map((s) => [s.name, s.points.length])).toEqual([
      ["Cpu", 14],
      ["Memory", 14],
    ]);
    expect(m.options[0]!.series[0]!.points[0]).toEqual({ timestamp: "2025-06-04T00:00:00.000Z", lower: 33.7, upper: 41.2 });
  });
});
