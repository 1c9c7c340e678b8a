/**
 * The offline right-sizing rule (docs/pricing-rules.md#right-sizing): the smallest valid Fargate size that
 * covers the chosen percentile (default p99, nearest-rank) of observed use plus headroom (default 20%), for CPU
 * and memory separately. Used vCPU = current vCPU x CPU% / 100; used GiB = current GiB x memory% / 100.
 * Exact decimals for the arithmetic, so a boundary (0.25 x 100% x 1.0 = 0.25) never rounds up by a float error.
 */
import { dec, fail, ok, plural, ROUND_UP } from "@/lib/core";
import { formatSize, isValidSize, largestSize, roundUpToValidSize, type OperatingSystem, type TaskSize } from "@/lib/pricing";
import { compareSizes } from "./build";
import { capErrors } from "./csv";
import { emptyUtilization, type ParseOutcome, type PerformanceRisk, type RightsizingRecommendation } from "./types";
import { parseUtilizationCsv, type UtilizationSeries } from "./utilization-csv";

export const DEFAULT_PERCENTILE = 99;
export const DEFAULT_HEADROOM_PERCENT = 20;
/** Fewer points than this (24 hourly points, Compute Optimizer's minimum) earn a warning. */
export const MIN_RECOMMENDED_SAMPLES = 24;
/** Performance risk: the observed peak (p100) as a share of the new size. Up to 80% Low, up to 100% Medium, above High. */
export const RISK_THRESHOLDS = { low: 0.8, medium: 1 } as const;

export interface UtilizationOptions {
  /** The task size the percentages are relative to (the size the service runs at now). */
  current: TaskSize;
  /** Per-service current sizes, by the service column's value; falls back to `current`. */
  currentByService?: Record<string, TaskSize>;
  /** 0 < percentile <= 100, nearest-rank. Default 99. */
  percentile?: number;
  /** 0..200 percent added on top of the percentile. Default 20. */
  headroomPercent?: number;
  /** Default linux. Windows rounds onto the Windows size grid (1, 2, 4 vCPU). */
  os?: OperatingSystem;
  /** Name of the one service when the file has no service column. */
  defaultServiceName?: string;
}

/** Nearest-rank percentile: the value at rank ceil(p/100 x n) of the sorted values (p100 = the maximum). */
export function nearestRankPercentile(values: readonly number[], percentile: number): number {
  if (values.length === 0) throw new RangeError("no values");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, dec(percentile).times(sorted.length).div(100).round(0, ROUND_UP).toNumber());
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

function optionErrors(o: UtilizationOptions): string[] {
  const errors: string[] = [];
  const sizeOk = (s: TaskSize | undefined) => !!s && Number.isFinite(s.vcpu) && Number.isFinite(s.memoryGiB) && s.vcpu > 0 && s.memoryGiB > 0;
  if (!sizeOk(o.current)) errors.push("The current size needs vCPU and memory above 0.");
  for (const [name, s] of Object.entries(o.currentByService ?? {})) if (!sizeOk(s)) errors.push(`The current size of ${name} needs vCPU and memory above 0.`);
  const p = o.percentile ?? DEFAULT_PERCENTILE;
  if (!(Number.isFinite(p) && p > 0 && p <= 100)) errors.push("The percentile must be above 0 and at most 100.");
  const h = o.headroomPercent ?? DEFAULT_HEADROOM_PERCENT;
  if (!(Number.isFinite(h) && h >= 0 && h <= 200)) errors.push("The headroom must be between 0% and 200%.");
  if (o.os !== undefined && o.os !== "linux" && o.os !== "windows") errors.push('The operating system must be "linux" or "windows".');
  return errors;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (n: number, digits = 4) => Number(n.toFixed(digits));

/** One service's series -> a recommendation. Options are validated; invalid options give errors, never a throw. */
export function recommendFromSeries(series: UtilizationSeries, options: UtilizationOptions): ParseOutcome<RightsizingRecommendation> {
  const errors = optionErrors(options);
  if (errors.length) return fail(errors);
  if (series.cpuPercent.length === 0 || series.memoryPercent.length === 0) return fail([`${series.serviceName}: needs CPU and memory values`]);
  const os = options.os ?? "linux";
  const p = options.percentile ?? DEFAULT_PERCENTILE;
  const headroom = options.headroomPercent ?? DEFAULT_HEADROOM_PERCENT;
  const byService = options.currentByService;
  const current = (byService && Object.hasOwn(byService, series.serviceName) ? byService[series.serviceName] : undefined) ?? options.current;
  const notes: string[] = [];
  const warnings: string[] = [];

  const cpuP = nearestRankPercentile(series.cpuPercent, p);
  const memP = nearestRankPercentile(series.memoryPercent, p);
  const cpuMax = nearestRankPercentile(series.cpuPercent, 100);
  const memMax = nearestRankPercentile(series.memoryPercent, 100);
  const factor = dec(100).plus(headroom).div(100);
  // Needed = current x percentile% / 100 x (1 + headroom%).
  const needVcpu = dec(current.vcpu).times(cpuP).div(100).times(factor);
  const needGiB = dec(current.memoryGiB).times(memP).div(100).times(factor);
  const need: TaskSize = { vcpu: needVcpu.toNumber(), memoryGiB: needGiB.toNumber() };
  let recommended = roundUpToValidSize(need, os);
  if (!recommended) {
    recommended = largestSize(os);
    notes.push(
      `The p${p} use plus ${headroom}% headroom (${need.vcpu.toFixed(2)} vCPU / ${need.memoryGiB.toFixed(2)} GiB) is above the largest Fargate size: showing ${formatSize(recommended)}.`,
    );
  }
  notes.push(
    `p${p} CPU ${cpuP}% of ${current.vcpu} vCPU = ${round(dec(current.vcpu).times(cpuP).div(100).toNumber())} vCPU, +${headroom}% = ${round(need.vcpu)} vCPU; ` +
      `p${p} memory ${memP}% of ${current.memoryGiB} GiB = ${round(dec(current.memoryGiB).times(memP).div(100).toNumber())} GiB, +${headroom}% = ${round(need.memoryGiB)} GiB; ` +
      `smallest valid ${os === "windows" ? "Windows " : ""}Fargate size: ${formatSize(recommended)}.`,
  );
  if (!isValidSize(current, os)) notes.push(`The current size ${formatSize(current)} is not a valid Fargate ${os === "windows" ? "Windows " : ""}task size.`);

  // Performance risk from how close the observed peak comes to the new size.
  const peakCpuShare = dec(current.vcpu).times(cpuMax).div(100).div(recommended.vcpu).toNumber();
  const peakMemShare = dec(current.memoryGiB).times(memMax).div(100).div(recommended.memoryGiB).toNumber();
  const peak = Math.max(peakCpuShare, peakMemShare);
  const risk: PerformanceRisk = peak <= RISK_THRESHOLDS.low ? "Low" : peak <= RISK_THRESHOLDS.medium ? "Medium" : "High";
  const riskWhat = peakMemShare >= peakCpuShare ? "memory" : "CPU";
  notes.push(
    `Performance risk ${risk}: the observed peak ${riskWhat} would use ${Math.round(peak * 100)}% of the new size` +
      (risk === "High" ? (riskWhat === "memory" ? " (a task above 100% memory is stopped)." : " (CPU would be throttled at peaks).") : "."),
  );
  const samples = Math.max(series.cpuPercent.length, series.memoryPercent.length);
  const fewest = Math.min(series.cpuPercent.length, series.memoryPercent.length);
  if (fewest < MIN_RECOMMENDED_SAMPLES) {
    warnings.push(
      `${series.serviceName}: only ${fewest} ${plural(fewest, "data point")}; use at least ${MIN_RECOMMENDED_SAMPLES} hourly points (ideally 14 days) for a dependable recommendation.`,
    );
  }

  const { finding, findingReasonCodes } = compareSizes(current, recommended);
  return ok({
    warnings,
    parsed: {
      source: "utilization",
      serviceArn: null,
      serviceName: series.serviceName,
      clusterName: null,
      accountId: null,
      finding,
      findingReasonCodes,
      current: { vcpu: current.vcpu, memoryGiB: current.memoryGiB },
      recommended,
      recommendedAsReported: null,
      snapped: false,
      notes,
      utilization: {
        ...emptyUtilization(),
        cpuMaxPercent: cpuMax,
        memoryMaxPercent: memMax,
        cpuAveragePercent: round(mean(series.cpuPercent)),
        memoryAveragePercent: round(mean(series.memoryPercent)),
        percentile: p,
        cpuPercentileValue: cpuP,
        memoryPercentileValue: memP,
        samples,
      },
      performanceRisk: risk,
      lookbackPeriodInDays: null,
      savings: null,
      savingsAfterDiscounts: null,
      lastRefreshed: series.lastTimestamp,
      headroomPercent: headroom,
    },
  });
}

/** The whole offline flow: utilization CSV text + the user's current size -> one recommendation per service. */
export function rightsizeFromUtilizationCsv(text: unknown, options: UtilizationOptions): ParseOutcome<RightsizingRecommendation[]> {
  const optionProblems = optionErrors(options);
  if (optionProblems.length) return fail(optionProblems);
  const parsed = parseUtilizationCsv(text, { defaultServiceName: options.defaultServiceName });
  if (!parsed.ok) return parsed;
  const out: RightsizingRecommendation[] = [];
  const warnings = [...parsed.value.warnings];
  const errors: string[] = [];
  for (const series of parsed.value.parsed) {
    const r = recommendFromSeries(series, options);
    if (r.ok) {
      out.push(r.value.parsed);
      warnings.push(...r.value.warnings);
    } else errors.push(...r.error);
  }
  return errors.length ? fail(capErrors(errors)) : ok({ parsed: out, warnings });
}
