/**
 * Pure mapper: Compute Optimizer SDK shapes -> our right-sizing types (lib/rightsizing/types.ts).
 * Type-only SDK imports (erased at build); dates may be Date objects (SDK) or ISO strings (fixtures, JSON).
 */
import type {
  ECSServiceProjectedUtilizationMetric,
  ECSServiceRecommendation,
  ECSServiceRecommendationOption,
  ECSServiceUtilizationMetric,
  GetECSServiceRecommendationProjectedMetricsResponse,
  GetRecommendationError,
  SavingsOpportunity,
} from "@aws-sdk/client-compute-optimizer";
import {
  amountString,
  type Bounds,
  buildFromComputeOptimizer,
  type ProjectedMetricsResponse,
  type RecommendationError,
  type ReportedSavings,
  type RightsizingRecommendation,
  type SkippedService,
} from "@/lib/rightsizing";
import { CPU_UNITS_PER_VCPU, MIB_PER_GIB, fail, type Result } from "@/lib/core";

type DateLike = Date | string | number | undefined | null;

export function isoDate(value: DateLike): string | null {
  if (value === undefined || value === null) return null;
  const d = value instanceof Date ? value : new Date(typeof value === "number" ? value * 1000 : value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const finite = (n: number | undefined | null): number | null => (typeof n === "number" && Number.isFinite(n) ? n : null);

function metric(metrics: ECSServiceUtilizationMetric[] | undefined, name: "Cpu" | "Memory", statistic: "Maximum" | "Average"): number | null {
  return finite(metrics?.find((m) => m.name === name && m.statistic === statistic)?.value);
}

function projected(metrics: ECSServiceProjectedUtilizationMetric[] | undefined, name: "Cpu" | "Memory"): Bounds | null {
  const m = metrics?.find((x) => x.name === name && (x.statistic === "Maximum" || x.statistic === undefined));
  const lower = finite(m?.lowerBoundValue);
  const upper = finite(m?.upperBoundValue);
  return lower !== null && upper !== null ? { lower, upper } : null;
}

function savings(s: SavingsOpportunity | undefined): ReportedSavings | null {
  if (!s) return null;
  return {
    percent: finite(s.savingsOpportunityPercentage),
    monthlyUsd: amountString(s.estimatedMonthlySavings?.value),
    currency: s.estimatedMonthlySavings?.currency ?? null,
  };
}

/**
 * The best option: Compute Optimizer lists ECS options best first (they carry no rank field), so the first
 * option with both CPU and memory.
 */
export function bestOption(options: ECSServiceRecommendationOption[] | undefined): ECSServiceRecommendationOption | undefined {
  return options?.find((o) => finite(o.cpu) !== null && finite(o.memory) !== null) ?? options?.[0];
}

/** The recommendation, or the service skipped with the reason. */
export function mapEcsServiceRecommendation(r: ECSServiceRecommendation): Result<RightsizingRecommendation, SkippedService> {
  const option = bestOption(r.serviceRecommendationOptions);
  const built = buildFromComputeOptimizer(
    {
      serviceArn: r.serviceArn ?? null,
      accountId: r.accountId ?? null,
      finding: r.finding ?? null,
      findingReasonCodes: r.findingReasonCodes ?? [],
      currentCpuUnits: finite(r.currentServiceConfiguration?.cpu),
      currentMemoryMiB: finite(r.currentServiceConfiguration?.memory),
      recommendedCpuUnits: finite(option?.cpu),
      recommendedMemoryMiB: finite(option?.memory),
      cpuMaxPercent: metric(r.utilizationMetrics, "Cpu", "Maximum"),
      memoryMaxPercent: metric(r.utilizationMetrics, "Memory", "Maximum"),
      cpuAveragePercent: metric(r.utilizationMetrics, "Cpu", "Average"),
      memoryAveragePercent: metric(r.utilizationMetrics, "Memory", "Average"),
      projectedCpuMax: projected(option?.projectedUtilizationMetrics, "Cpu"),
      projectedMemoryMax: projected(option?.projectedUtilizationMetrics, "Memory"),
      performanceRisk: r.currentPerformanceRisk ?? null,
      lookbackPeriodInDays: finite(r.lookbackPeriodInDays),
      savings: savings(option?.savingsOpportunity),
      savingsAfterDiscounts: savings(option?.savingsOpportunityAfterDiscounts),
      lastRefreshed: isoDate(r.lastRefreshTimestamp as DateLike),
    },
    "compute-optimizer",
  );
  if (built.ok) return built;
  return fail({ serviceArn: r.serviceArn ?? null, code: null, reason: built.error.message });
}

export function mapEcsServiceRecommendations(list: ECSServiceRecommendation[]): { recommendations: RightsizingRecommendation[]; skipped: SkippedService[] } {
  const recommendations: RightsizingRecommendation[] = [];
  const skipped: SkippedService[] = [];
  for (const r of list) {
    const m = mapEcsServiceRecommendation(r);
    if (m.ok) recommendations.push(m.value);
    else skipped.push(m.error);
  }
  return { recommendations, skipped };
}

export function mapRecommendationErrors(errors: GetRecommendationError[] | undefined): RecommendationError[] {
  return (errors ?? []).map((e) => ({ identifier: e.identifier ?? null, code: e.code ?? null, message: e.message ?? e.code ?? "Unknown error" }));
}

export function mapProjectedMetrics(
  response: GetECSServiceRecommendationProjectedMetricsResponse,
  region: string,
  serviceArn: string,
): ProjectedMetricsResponse {
  return {
    region,
    serviceArn,
    options: (response.recommendedOptionProjectedMetrics ?? []).map((o) => ({
      recommended: { vcpu: (finite(o.recommendedCpuUnits) ?? 0) / CPU_UNITS_PER_VCPU, memoryGiB: (finite(o.recommendedMemorySize) ?? 0) / MIB_PER_GIB },
      series: (o.projectedMetrics ?? [])
        .filter((m): m is typeof m & { name: "Cpu" | "Memory" } => m.name === "Cpu" || m.name === "Memory")
        .map((m) => ({
          name: m.name,
          points: (m.timestamps ?? []).flatMap((t, i) => {
            const timestamp = isoDate(t as DateLike);
            return timestamp ? [{ timestamp, lower: finite(m.lowerBoundValues?.[i]), upper: finite(m.upperBoundValues?.[i]) }] : [];
          }),
        })),
    })),
  };
}
