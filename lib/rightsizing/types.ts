/**
 * Right-sizing: our own types, shared by the Compute Optimizer adapter (lib/aws), the offline CSV parsers
 * and the browser. Pure data, no AWS SDK types: everything here is JSON-serialisable.
 */
import type { TaskSize } from "@/lib/pricing";
import type { Result } from "@/lib/core";

export type { TaskSize };

export const FINDINGS = ["Overprovisioned", "Underprovisioned", "Optimized"] as const;
export type Finding = (typeof FINDINGS)[number];

/** Compute Optimizer's reason codes for ECS services (API enum spelling). */
export const FINDING_REASON_CODES = ["CPUOverprovisioned", "CPUUnderprovisioned", "MemoryOverprovisioned", "MemoryUnderprovisioned"] as const;
export type FindingReasonCode = (typeof FINDING_REASON_CODES)[number];

/** Compute Optimizer's `currentPerformanceRisk` scale; our utilization rule uses Low / Medium / High. */
export const PERFORMANCE_RISKS = ["VeryLow", "Low", "Medium", "High"] as const;
export type PerformanceRisk = (typeof PERFORMANCE_RISKS)[number];

export type RecommendationSource = "compute-optimizer" | "compute-optimizer-export" | "utilization";

/** A money amount as AWS reported it (a decimal string, never recomputed by us). */
export interface ReportedSavings {
  percent: number | null;
  /** Estimated monthly saving in `currency` (USD in practice), as a decimal string. */
  monthlyUsd: string | null;
  currency: string | null;
}

export interface Bounds {
  lower: number;
  upper: number;
}

export interface Utilization {
  /** Peak (p100 / Compute Optimizer "Maximum") CPU use, percent of the current size. */
  cpuMaxPercent: number | null;
  memoryMaxPercent: number | null;
  cpuAveragePercent: number | null;
  memoryAveragePercent: number | null;
  /** Utilization CSV only: the percentile the recommendation covers (e.g. 99) and its values. */
  percentile: number | null;
  cpuPercentileValue: number | null;
  memoryPercentileValue: number | null;
  /** Utilization CSV only: data points used. */
  samples: number | null;
  /** Compute Optimizer only: projected peak utilization at the recommended size. */
  projectedCpuMaxPercent: Bounds | null;
  projectedMemoryMaxPercent: Bounds | null;
}

export interface RightsizingRecommendation {
  source: RecommendationSource;
  /** Null for a utilization CSV (no ARN there). */
  serviceArn: string | null;
  serviceName: string;
  clusterName: string | null;
  accountId: string | null;
  finding: Finding;
  findingReasonCodes: FindingReasonCode[];
  /** The current task size (CPU units / 1024, MiB / 1024). */
  current: TaskSize;
  /** The recommended size, always a valid Fargate (ECS Linux) task size. */
  recommended: TaskSize;
  /** What Compute Optimizer recommended before we snapped it to a valid size; null for the utilization rule. */
  recommendedAsReported: TaskSize | null;
  /** True when `recommended` differs from `recommendedAsReported` (rounded up to a valid Fargate size). */
  snapped: boolean;
  /** Human-readable notes (snapping, missing data, assumptions). */
  notes: string[];
  utilization: Utilization;
  performanceRisk: PerformanceRisk | null;
  lookbackPeriodInDays: number | null;
  /** AWS's own savings estimate (Compute Optimizer); null for the utilization rule: price it with priceRightsizing. */
  savings: ReportedSavings | null;
  savingsAfterDiscounts: ReportedSavings | null;
  /** ISO timestamp of Compute Optimizer's last refresh. */
  lastRefreshed: string | null;
  /** Utilization rule only: headroom added on top of the percentile, percent. */
  headroomPercent: number | null;
}

/** A service Compute Optimizer (or its export) could not give a recommendation for. */
export interface SkippedService {
  serviceArn: string | null;
  /** AWS error code where there is one (e.g. "InsufficientData"). */
  code: string | null;
  reason: string;
}

/** What a parser read, and what it skipped or assumed on the way. */
export type Parsed<T> = { parsed: T; warnings: string[] };

/**
 * Every parser in lib/rightsizing returns this: all or nothing, never a throw, never a partial result. The errors
 * are sentences that name their line and column themselves ("line 7: CPU % 'abc' is not a number"), at most 10 and
 * a count of the rest.
 */
export type ParseOutcome<T> = Result<Parsed<T>, string[]>;

export const emptyUtilization = (): Utilization => ({
  cpuMaxPercent: null,
  memoryMaxPercent: null,
  cpuAveragePercent: null,
  memoryAveragePercent: null,
  percentile: null,
  cpuPercentileValue: null,
  memoryPercentileValue: null,
  samples: null,
  projectedCpuMaxPercent: null,
  projectedMemoryMaxPercent: null,
});
