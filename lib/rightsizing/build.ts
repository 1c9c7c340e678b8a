/**
 * Compute Optimizer record (from the API or its CSV export) -> our RightsizingRecommendation.
 * Shared by lib/aws/compute-optimizer-map.ts and the export CSV parser, so both agree on every rule:
 * CPU units / 1024 = vCPU, MiB / 1024 = GiB, recommendation snapped up to a valid Fargate size.
 */
import { dec, toPlain, CPU_UNITS_PER_VCPU, MIB_PER_GIB, fail, ok, type Result } from "@/lib/core";
import { formatSize, roundUpToValidSize, type TaskSize } from "@/lib/pricing";
import {
  emptyUtilization,
  FINDING_REASON_CODES,
  FINDINGS,
  PERFORMANCE_RISKS,
  type Bounds,
  type Finding,
  type FindingReasonCode,
  type PerformanceRisk,
  type RecommendationSource,
  type ReportedSavings,
  type RightsizingRecommendation,
} from "./types";

/** The fields we read from a Compute Optimizer ECS service recommendation, source-neutral. */
export interface ComputeOptimizerRecord {
  serviceArn: string | null;
  accountId: string | null;
  finding: string | null;
  findingReasonCodes: string[];
  currentCpuUnits: number | null;
  currentMemoryMiB: number | null;
  /** The best (first) recommendation option; null when there is none. */
  recommendedCpuUnits: number | null;
  recommendedMemoryMiB: number | null;
  cpuMaxPercent: number | null;
  memoryMaxPercent: number | null;
  cpuAveragePercent: number | null;
  memoryAveragePercent: number | null;
  projectedCpuMax: Bounds | null;
  projectedMemoryMax: Bounds | null;
  performanceRisk: string | null;
  lookbackPeriodInDays: number | null;
  savings: ReportedSavings | null;
  savingsAfterDiscounts: ReportedSavings | null;
  lastRefreshed: string | null;
}

/** The recommendation, or why the record cannot be one (a sentence that starts with the service ARN). */
export type BuildResult = Result<RightsizingRecommendation>;

/** "arn:aws:ecs:us-east-1:123456789012:service/prod-cluster/orders-api" -> cluster and service names (old ARNs have no cluster). */
export function parseServiceArn(arn: string): { serviceName: string; clusterName: string | null; accountId: string | null } {
  const parts = arn.split(":");
  const accountId = parts.length >= 6 && /^\d{12}$/.test(parts[4] ?? "") ? parts[4]! : null;
  const resource = parts.slice(5).join(":");
  const segments = resource.split("/");
  if (segments[0] === "service" && segments.length >= 3) return { serviceName: segments.slice(2).join("/"), clusterName: segments[1] ?? null, accountId };
  if (segments[0] === "service" && segments.length === 2) return { serviceName: segments[1]!, clusterName: null, accountId };
  return { serviceName: arn, clusterName: null, accountId };
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");

/** Accepts the API spelling and export variants ("OVER_PROVISIONED", "over-provisioned"). */
export function normaliseFinding(value: string | null | undefined): Finding | null {
  if (!value) return null;
  const n = norm(value);
  return FINDINGS.find((f) => norm(f) === n) ?? null;
}

export function normaliseReasonCode(value: string): FindingReasonCode | null {
  const n = norm(value);
  return FINDING_REASON_CODES.find((c) => norm(c) === n) ?? null;
}

export function normaliseRisk(value: string | null | undefined): PerformanceRisk | null {
  if (!value) return null;
  const n = norm(value);
  return PERFORMANCE_RISKS.find((r) => norm(r) === n) ?? null;
}

const toSize = (cpuUnits: number, memoryMiB: number): TaskSize => ({ vcpu: cpuUnits / CPU_UNITS_PER_VCPU, memoryGiB: memoryMiB / MIB_PER_GIB });
const positive = (n: number | null): n is number => n !== null && Number.isFinite(n) && n > 0;

export function buildFromComputeOptimizer(r: ComputeOptimizerRecord, source: RecommendationSource): BuildResult {
  const label = r.serviceArn ?? "a service";
  if (!positive(r.currentCpuUnits) || !positive(r.currentMemoryMiB)) {
    return fail({ message: `${label}: no current task CPU and memory in the recommendation` });
  }
  const reported = normaliseFinding(r.finding);
  if (r.finding && !reported) return fail({ message: `${label}: finding "${r.finding}" is not one of ${FINDINGS.join(", ")}` });

  const notes: string[] = [];
  const current = toSize(r.currentCpuUnits, r.currentMemoryMiB);
  let asReported: TaskSize;
  if (positive(r.recommendedCpuUnits) && positive(r.recommendedMemoryMiB)) {
    asReported = toSize(r.recommendedCpuUnits, r.recommendedMemoryMiB);
  } else {
    asReported = current;
    notes.push("Compute Optimizer gave no recommendation option: the current size is kept.");
  }
  const snappedSize = roundUpToValidSize(asReported, "linux");
  if (!snappedSize) return fail({ message: `${label}: the recommended ${formatSize(asReported)} is above the largest Fargate size` });
  const snapped = snappedSize.vcpu !== asReported.vcpu || snappedSize.memoryGiB !== asReported.memoryGiB;
  if (snapped) notes.push(`Compute Optimizer recommended ${formatSize(asReported)}, not a valid Fargate task size: rounded up to ${formatSize(snappedSize)}.`);

  let reasonCodes: FindingReasonCode[] = [];
  for (const code of r.findingReasonCodes) {
    const c = normaliseReasonCode(code);
    if (c && !reasonCodes.includes(c)) reasonCodes.push(c);
  }
  let finding: Finding;
  if (reported) finding = reported;
  else {
    // No finding given (an export without the column): derive it from the sizes.
    const derived = compareSizes(current, asReported);
    finding = derived.finding;
    if (reasonCodes.length === 0) reasonCodes = derived.findingReasonCodes;
    notes.push("No finding in the data: derived from the current and recommended sizes.");
  }
  const arn = r.serviceArn ? parseServiceArn(r.serviceArn) : null;
  const risk = normaliseRisk(r.performanceRisk);
  if (r.performanceRisk && !risk) notes.push(`Unknown performance risk "${r.performanceRisk}".`);

  return ok({
    source,
    serviceArn: r.serviceArn,
    serviceName: arn?.serviceName ?? "service",
    clusterName: arn?.clusterName ?? null,
    accountId: r.accountId ?? arn?.accountId ?? null,
    finding,
    findingReasonCodes: reasonCodes,
    current,
    recommended: snappedSize,
    recommendedAsReported: asReported,
    snapped,
    notes,
    utilization: {
      ...emptyUtilization(),
      cpuMaxPercent: r.cpuMaxPercent,
      memoryMaxPercent: r.memoryMaxPercent,
      cpuAveragePercent: r.cpuAveragePercent,
      memoryAveragePercent: r.memoryAveragePercent,
      projectedCpuMaxPercent: r.projectedCpuMax,
      projectedMemoryMaxPercent: r.projectedMemoryMax,
    },
    performanceRisk: risk,
    lookbackPeriodInDays: r.lookbackPeriodInDays,
    savings: r.savings,
    savingsAfterDiscounts: r.savingsAfterDiscounts,
    lastRefreshed: r.lastRefreshed,
    headroomPercent: null,
  });
}

/** A reported double (63.8) as a decimal string ("63.8"); null when absent or not finite. */
export function amountString(value: number | null | undefined): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  // Shortest round-trip text, in plain notation ("2.988e-4" -> "0.0002988").
  return toPlain(dec(value));
}

/** Finding and reason codes from comparing sizes: any dimension up -> Underprovisioned; else any down -> Overprovisioned. */
export function compareSizes(current: TaskSize, recommended: TaskSize): { finding: Finding; findingReasonCodes: FindingReasonCode[] } {
  const codes: FindingReasonCode[] = [];
  if (recommended.vcpu > current.vcpu) codes.push("CPUUnderprovisioned");
  if (recommended.vcpu < current.vcpu) codes.push("CPUOverprovisioned");
  if (recommended.memoryGiB > current.memoryGiB) codes.push("MemoryUnderprovisioned");
  if (recommended.memoryGiB < current.memoryGiB) codes.push("MemoryOverprovisioned");
  const finding: Finding = codes.some((c) => c.endsWith("Underprovisioned")) ? "Underprovisioned" : codes.length > 0 ? "Overprovisioned" : "Optimized";
  return { finding, findingReasonCodes: codes };
}
