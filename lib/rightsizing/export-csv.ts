/**
 * Parses the CSV written by Compute Optimizer's ExportECSServiceRecommendations into our recommendations.
 * Columns are matched by name, case-insensitively (the export's capitalisation is partly unconfirmed and
 * `fieldsToExport` can drop columns); unknown columns are ignored. All or nothing: never throws.
 */
import { fail, ok, type Result } from "@/lib/core";
import { amountString, buildFromComputeOptimizer, type ComputeOptimizerRecord } from "./build";
import { capErrors, parseNumberCell, quote, readCsv, type CsvRow } from "./csv";
import type { ParseOutcome, ReportedSavings, RightsizingRecommendation, SkippedService } from "./types";

export interface ExportParseResult {
  recommendations: RightsizingRecommendation[];
  /** Rows the export marks with an errorCode (e.g. not enough data yet). */
  skipped: SkippedService[];
}

/** Column names as Compute Optimizer writes them (lower-cased for matching). */
const COL = {
  accountId: "accountid",
  serviceArn: "servicearn",
  lookback: "lookbackperiodindays",
  lastRefresh: "lastrefreshtimestamp_utc",
  risk: "currentperformancerisk",
  cpu: "currentserviceconfiguration_cpu",
  memory: "currentserviceconfiguration_memory",
  cpuMax: "utilizationmetrics_cpu_maximum",
  memoryMax: "utilizationmetrics_memory_maximum",
  cpuAvg: "utilizationmetrics_cpu_average",
  memoryAvg: "utilizationmetrics_memory_average",
  finding: "finding",
  reasonCodes: "findingreasoncodes",
  recCpu: "recommendationoptions_1_cpu",
  recMemory: "recommendationoptions_1_memory",
  savingsPct: "recommendationoptions_1_savingsopportunitypercentage",
  savingsValue: "recommendationoptions_1_estimatedmonthlysavings_value",
  savingsCurrency: "recommendationoptions_1_estimatedmonthlysavings_currency",
  savingsPctAfter: "recommendationoptions_1_savingsopportunitypercentageafterdiscounts",
  savingsValueAfter: "recommendationoptions_1_estimatedmonthlysavingsafterdiscounts_value",
  savingsCurrencyAfter: "recommendationoptions_1_estimatedmonthlysavingsafterdiscounts_currency",
  projCpuUpper: "recommendationoptions_1_projectedutilizationmetrics_cpu_maximum_upperboundvalue",
  projCpuLower: "recommendationoptions_1_projectedutilizationmetrics_cpu_maximum_lowerboundvalue",
  projMemUpper: "recommendationoptions_1_projectedutilizationmetrics_memory_maximum_upperboundvalue",
  projMemLower: "recommendationoptions_1_projectedutilizationmetrics_memory_maximum_lowerboundvalue",
  errorCode: "errorcode",
  errorMessage: "errormessage",
} as const;

/** Boolean reason-code columns -> API reason codes. */
const REASON_COLUMNS: [string, string][] = [
  ["findingreasoncodes_iscpuoverprovisioned", "CPUOverprovisioned"],
  ["findingreasoncodes_iscpuunderprovisioned", "CPUUnderprovisioned"],
  ["findingreasoncodes_ismemoryoverprovisioned", "MemoryOverprovisioned"],
  ["findingreasoncodes_ismemoryunderprovisioned", "MemoryUnderprovisioned"],
];

const TRUE = new Set(["true", "1", "yes", "y"]);
const FALSE = new Set(["false", "0", "no", "n", ""]);

export function parseComputeOptimizerExportCsv(text: unknown): ParseOutcome<ExportParseResult> {
  const read = readCsv(text, { delimiters: [","] });
  if (!read.ok) return read;
  const [header, ...rows] = read.value;
  const index = new Map<string, number>();
  header!.cells.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (key && !index.has(key)) index.set(key, i);
  });
  const missing = [
    [COL.serviceArn, "serviceArn"],
    [COL.cpu, "currentServiceConfiguration_cpu"],
    [COL.memory, "currentServiceConfiguration_memory"],
  ].filter(([k]) => !index.has(k!));
  if (missing.length) {
    return fail([
      `line ${header!.line}: the header has no ${missing.map(([, n]) => n).join(", ")} column${missing.length > 1 ? "s" : ""}: is this a Compute Optimizer ECS service export (ExportECSServiceRecommendations)?`,
    ]);
  }
  if (rows.length === 0) return fail(["The file has a header but no services."]);

  const warnings: string[] = [];
  if (!index.has(COL.finding)) warnings.push("The file has no finding column: findings are derived from the current and recommended sizes.");
  if (!index.has(COL.recCpu) || !index.has(COL.recMemory))
    warnings.push("The file has no recommendationOptions_1_cpu / _memory columns: current sizes are kept.");

  const errors: string[] = [];
  const recommendations: RightsizingRecommendation[] = [];
  const skipped: SkippedService[] = [];
  for (const row of rows) {
    const outcome = parseRow(row, header!.cells, index);
    if (!outcome.ok) errors.push(...outcome.error);
    else if ("skip" in outcome.value) skipped.push(outcome.value.skip);
    else recommendations.push(outcome.value.recommendation);
  }
  if (errors.length) return fail(capErrors(errors));
  if (recommendations.length === 0 && skipped.length === 0) return fail(["The file has a header but no services."]);
  return ok({ parsed: { recommendations, skipped }, warnings });
}

/** A row: a recommendation, a service the export skipped (its errorCode), or the row's errors. */
type RowOutcome = Result<{ skip: SkippedService } | { recommendation: RightsizingRecommendation }, string[]>;

function parseRow(row: CsvRow, header: string[], index: Map<string, number>): RowOutcome {
  const at = `line ${row.line}`;
  const headerWidth = header.length;
  /** A column's name as the file spells it (falls back to our spelling). */
  const nameOf = (key: string, fallback: string) => {
    const i = index.get(key);
    return i === undefined ? fallback : header[i]!.trim();
  };
  const extra = row.cells.slice(headerWidth);
  if (extra.some((c) => c.trim() !== "")) return fail([`${at}: has ${row.cells.length} fields but the header has ${headerWidth} (check the quoting)`]);
  const text = (key: string): string => {
    const i = index.get(key);
    return i === undefined ? "" : (row.cells[i] ?? "").trim();
  };
  const errors: string[] = [];
  const number = (key: string, name: string, required = false): number | null => {
    const value = parseNumberCell(text(key));
    if (value === "invalid") {
      errors.push(`${at}: ${nameOf(key, name)} ${quote(text(key))} is not a number`);
      return null;
    }
    if (value === null && required) errors.push(`${at}: ${nameOf(key, name)} is empty`);
    return value;
  };

  const serviceArn = text(COL.serviceArn);
  const errorCode = text(COL.errorCode);
  if (errorCode) {
    return ok({ skip: { serviceArn: serviceArn || null, code: errorCode, reason: text(COL.errorMessage) || `Compute Optimizer reported ${errorCode}` } });
  }
  if (!serviceArn) errors.push(`${at}: serviceArn is empty`);
  else if (!/^arn:aws[a-z-]*:ecs:/.test(serviceArn)) errors.push(`${at}: serviceArn ${quote(serviceArn)} is not an ECS service ARN`);

  const cpu = number(COL.cpu, "currentServiceConfiguration_cpu", true);
  const memory = number(COL.memory, "currentServiceConfiguration_memory", true);
  const recCpu = number(COL.recCpu, "recommendationOptions_1_cpu");
  const recMemory = number(COL.recMemory, "recommendationOptions_1_memory");
  const cpuMax = number(COL.cpuMax, "utilizationMetrics_Cpu_Maximum");
  const memoryMax = number(COL.memoryMax, "utilizationMetrics_Memory_Maximum");
  const cpuAvg = number(COL.cpuAvg, "utilizationMetrics_Cpu_Average");
  const memoryAvg = number(COL.memoryAvg, "utilizationMetrics_Memory_Average");
  const lookback = number(COL.lookback, "lookbackPeriodInDays");
  const savingsPct = number(COL.savingsPct, "recommendationOptions_1_savingsOpportunityPercentage");
  const savingsValue = number(COL.savingsValue, "recommendationOptions_1_estimatedMonthlySavings_value");
  const savingsPctAfter = number(COL.savingsPctAfter, "recommendationOptions_1_savingsOpportunityPercentageAfterDiscounts");
  const savingsValueAfter = number(COL.savingsValueAfter, "recommendationOptions_1_estimatedMonthlySavingsAfterDiscounts_value");
  const bounds = (lowerKey: string, upperKey: string, name: string) => {
    const lower = number(lowerKey, `${name}_lowerBoundValue`);
    const upper = number(upperKey, `${name}_upperBoundValue`);
    return lower !== null && upper !== null ? { lower, upper } : null;
  };
  const projectedCpuMax = bounds(COL.projCpuLower, COL.projCpuUpper, "projectedUtilizationMetrics_Cpu_Maximum");
  const projectedMemoryMax = bounds(COL.projMemLower, COL.projMemUpper, "projectedUtilizationMetrics_Memory_Maximum");

  for (const [name, value] of [
    ["currentServiceConfiguration_cpu", cpu],
    ["currentServiceConfiguration_memory", memory],
  ] as const) {
    if (value !== null && value <= 0) errors.push(`${at}: ${nameOf(name.toLowerCase(), name)} must be more than 0`);
  }

  const reasonCodes: string[] = [];
  for (const [column, code] of REASON_COLUMNS) {
    if (!index.has(column)) continue;
    const v = text(column).toLowerCase();
    if (TRUE.has(v)) reasonCodes.push(code);
    else if (!FALSE.has(v)) errors.push(`${at}: ${nameOf(column, column)} ${quote(text(column))} is not TRUE or FALSE`);
  }
  // Some exports may carry the codes in one list column.
  for (const code of text(COL.reasonCodes).split(/[,;|\s]+/)) if (code) reasonCodes.push(code);

  if (errors.length) return fail(errors);

  const savings = (pct: number | null, value: number | null, currencyKey: string): ReportedSavings | null =>
    pct === null && value === null ? null : { percent: pct, monthlyUsd: amountString(value), currency: text(currencyKey) || null };

  const record: ComputeOptimizerRecord = {
    serviceArn,
    accountId: text(COL.accountId) || null,
    finding: text(COL.finding) || null,
    findingReasonCodes: reasonCodes,
    currentCpuUnits: cpu,
    currentMemoryMiB: memory,
    recommendedCpuUnits: recCpu,
    recommendedMemoryMiB: recMemory,
    cpuMaxPercent: cpuMax,
    memoryMaxPercent: memoryMax,
    cpuAveragePercent: cpuAvg,
    memoryAveragePercent: memoryAvg,
    projectedCpuMax,
    projectedMemoryMax,
    performanceRisk: text(COL.risk) || null,
    lookbackPeriodInDays: lookback,
    savings: savings(savingsPct, savingsValue, COL.savingsCurrency),
    savingsAfterDiscounts: savings(savingsPctAfter, savingsValueAfter, COL.savingsCurrencyAfter),
    lastRefreshed: text(COL.lastRefresh) || null,
  };
  const built = buildFromComputeOptimizer(record, "compute-optimizer-export");
  if (!built.ok) return fail([`${at}: ${built.error.message}`]);
  return ok({ recommendation: built.value });
}
