/**
 * Parses a utilization CSV: one row per data point with CPU % and memory % (percent of the current task size),
 * optionally a timestamp and a service column. Accepted layouts:
 * - wide: `timestamp, service, cpu %, memory %` with header variants (CPUUtilization, cpu_percent, "CPU (%)",
 *   MemoryUtilization, mem_pct, ...); leading lines before the header (CloudWatch-style exports) are skipped;
 *   when both Average and Maximum columns exist, Maximum is used;
 * - long (CloudWatch metric data): `timestamp, [service], metric/label, value` with metric names holding
 *   "CPU" or "Memory" (e.g. CPUUtilization, MemoryUtilization).
 * Empty cells are missing data points and are skipped. All or nothing: never throws.
 */
import { capErrors, parseNumberCell, quote, readCsv, type CsvRow } from "./csv";
import { fail, ok, type Result } from "@/lib/core";
import type { ParseOutcome } from "./types";

export interface UtilizationSeries {
  serviceName: string;
  /** CPU use in percent of the current task vCPU, in file order. */
  cpuPercent: number[];
  /** Memory use in percent of the current task memory, in file order. */
  memoryPercent: number[];
  firstTimestamp: string | null;
  lastTimestamp: string | null;
}

export const DEFAULT_SERVICE_NAME = "service";
/** Percentages above this are taken as a mistake (ECS can report a little over 100%, never 10x). */
export const MAX_PERCENT = 1000;
/** Lines searched for the header row (CloudWatch-style files may start with a title or metadata). */
const HEADER_SEARCH_LINES = 20;

const key = (h: string) => h.toLowerCase().replace(/[^a-z0-9%]/g, "");
const isCpu = (k: string) => k.includes("cpu");
const isMemory = (k: string) => k.includes("mem");
const isTimestamp = (k: string) =>
  ["timestamp", "timestamps", "time", "date", "datetime", "period", "label", "ts"].includes(k) || k.includes("timestamp") || k.includes("datetime");
const isService = (k: string) => ["service", "servicename", "ecsservice", "name", "task", "taskfamily"].includes(k);
const isMetricName = (k: string) => ["metric", "metricname", "label", "metriclabel", "name", "id"].includes(k);
const isValue = (k: string) => ["value", "values", "average", "maximum", "max", "avg", "p99", "percent"].includes(k);
/** Container Insights reports CpuUtilized/MemoryUtilized in CPU units and MiB, not percent. */
const isAbsolute = (k: string) => k.includes("utilized") || k.includes("reserved");

interface Layout {
  headerIndex: number;
  timestamp: number | null;
  service: number | null;
  warnings: string[];
  wide?: { cpu: number; memory: number; cpuName: string; memoryName: string };
  long?: { metric: number; value: number };
}

function pick(cells: string[], candidates: number[], what: string): Result<{ index: number; warning?: string }, string> {
  if (candidates.length === 1) return ok({ index: candidates[0]! });
  const max = candidates.filter((i) => /max/.test(key(cells[i]!)));
  if (max.length === 1) {
    return ok({
      index: max[0]!,
      warning: `Several ${what} columns (${candidates.map((i) => cells[i]!.trim()).join(", ")}): using the maximum, "${cells[max[0]!]!.trim()}".`,
    });
  }
  return fail(`several ${what} columns (${candidates.map((i) => `"${cells[i]!.trim()}"`).join(", ")}): keep one`);
}

/** The header row and which columns hold what; the error names the line. */
function findLayout(rows: CsvRow[]): Result<Layout, string> {
  let firstProblem: string | null = null;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_LINES); r++) {
    const cells = rows[r]!.cells;
    const keys = cells.map(key);
    const cpu = keys.map((k, i) => (isCpu(k) ? i : -1)).filter((i) => i >= 0);
    const memory = keys.map((k, i) => (isMemory(k) && !isCpu(k) ? i : -1)).filter((i) => i >= 0);
    const timestampIdx = keys.findIndex((k, i) => isTimestamp(k) || (k === "" && i === 0 && cells.length > 2));
    const serviceIdx = keys.findIndex((k) => isService(k) || (k.includes("service") && !isCpu(k) && !isMemory(k)));
    const at = `line ${rows[r]!.line}`;
    if (cpu.length > 0 || memory.length > 0) {
      const absolute = [...cpu, ...memory].filter((i) => isAbsolute(keys[i]!));
      const cpuPct = cpu.filter((i) => !isAbsolute(keys[i]!));
      const memPct = memory.filter((i) => !isAbsolute(keys[i]!));
      if (cpuPct.length === 0 || memPct.length === 0) {
        const missing = cpuPct.length === 0 ? "CPU %" : "memory %";
        const hint = absolute.length
          ? ` ("${cells[absolute[0]!]!.trim()}" is in CPU units or MiB, not percent: export CPUUtilization and MemoryUtilization)`
          : cpuPct.length === 0
            ? ' (looked for a header with "cpu", e.g. CPUUtilization or cpu_percent)'
            : ' (looked for a header with "mem", e.g. MemoryUtilization or memory_percent)';
        return fail(`${at}: no ${missing} column${hint}`);
      }
      const cpuPick = pick(cells, cpuPct, "CPU");
      if (!cpuPick.ok) return fail(`${at}: ${cpuPick.error}`);
      const memoryPick = pick(cells, memPct, "memory");
      if (!memoryPick.ok) return fail(`${at}: ${memoryPick.error}`);
      const c = cpuPick.value;
      const m = memoryPick.value;
      const warnings = [c.warning, m.warning].filter((w): w is string => !!w);
      if (r > 0) warnings.unshift(`Skipped ${r} line${r > 1 ? "s" : ""} before the header (line ${rows[r]!.line}).`);
      return ok({
        headerIndex: r,
        timestamp: timestampIdx >= 0 ? timestampIdx : null,
        service: serviceIdx >= 0 && serviceIdx !== c.index && serviceIdx !== m.index ? serviceIdx : null,
        warnings,
        wide: { cpu: c.index, memory: m.index, cpuName: cells[c.index]!.trim(), memoryName: cells[m.index]!.trim() },
      });
    }
    const metric = keys.findIndex(isMetricName);
    const value = keys.findIndex(isValue);
    if (metric >= 0 && value >= 0 && metric !== value) {
      const warnings = r > 0 ? [`Skipped ${r} line${r > 1 ? "s" : ""} before the header (line ${rows[r]!.line}).`] : [];
      const service = serviceIdx >= 0 && serviceIdx !== metric ? serviceIdx : null;
      return ok({ headerIndex: r, timestamp: timestampIdx >= 0 && timestampIdx !== metric ? timestampIdx : null, service, warnings, long: { metric, value } });
    }
    firstProblem ??= `line ${rows[r]!.line}`;
  }
  return fail(
    `${firstProblem ?? "line 1"}: no header with CPU and memory columns found (expected e.g. "timestamp,cpu_percent,memory_percent" or "CPUUtilization,MemoryUtilization")`,
  );
}

export function parseUtilizationCsv(text: unknown, options: { defaultServiceName?: string } = {}): ParseOutcome<UtilizationSeries[]> {
  const read = readCsv(text);
  if (!read.ok) return read;
  const found = findLayout(read.value);
  if (!found.ok) return fail([found.error]);
  const layout = found.value;
  const defaultName = options.defaultServiceName?.trim() || DEFAULT_SERVICE_NAME;
  const series = new Map<string, UtilizationSeries>();
  const errors: string[] = [];
  const get = (name: string) => {
    let s = series.get(name);
    if (!s) {
      s = { serviceName: name, cpuPercent: [], memoryPercent: [], firstTimestamp: null, lastTimestamp: null };
      series.set(name, s);
    }
    return s;
  };
  const value = (row: CsvRow, index: number, what: string): number | null => {
    const cell = row.cells[index] ?? "";
    const v = parseNumberCell(cell);
    if (v === "invalid") errors.push(`line ${row.line}: ${what} ${quote(cell)} is not a number`);
    else if (v !== null && v < 0) errors.push(`line ${row.line}: ${what} ${quote(cell)} is below 0`);
    else if (v !== null && v > MAX_PERCENT) errors.push(`line ${row.line}: ${what} ${quote(cell)} is above ${MAX_PERCENT}: is the column a percentage?`);
    else return v;
    return null;
  };

  for (const row of read.value.slice(layout.headerIndex + 1)) {
    const name = (layout.service !== null ? row.cells[layout.service]?.trim() : "") || defaultName;
    const timestamp = layout.timestamp !== null ? row.cells[layout.timestamp]?.trim() || null : null;
    let cpu: number | null = null;
    let memory: number | null = null;
    if (layout.wide) {
      cpu = value(row, layout.wide.cpu, "CPU %");
      memory = value(row, layout.wide.memory, "memory %");
    } else if (layout.long) {
      const metric = key(row.cells[layout.long.metric] ?? "");
      if (isCpu(metric) && !isAbsolute(metric)) cpu = value(row, layout.long.value, "CPU %");
      else if (isMemory(metric) && !isAbsolute(metric)) memory = value(row, layout.long.value, "memory %");
      else continue; // other metrics in a long export are not ours
    }
    if (cpu === null && memory === null) continue;
    const s = get(name);
    if (cpu !== null) s.cpuPercent.push(cpu);
    if (memory !== null) s.memoryPercent.push(memory);
    if (timestamp) {
      s.firstTimestamp ??= timestamp;
      s.lastTimestamp = timestamp;
    }
  }
  if (errors.length) return fail(capErrors(errors));
  if (series.size === 0) return fail(["The file has no CPU or memory values below its header."]);
  for (const s of series.values()) {
    const label = series.size > 1 || s.serviceName !== defaultName ? `${s.serviceName}: ` : "";
    if (s.cpuPercent.length === 0) errors.push(`${label}no CPU % values`);
    if (s.memoryPercent.length === 0) errors.push(`${label}no memory % values`);
  }
  if (errors.length) return fail(capErrors(errors));
  return ok({ parsed: [...series.values()], warnings: layout.warnings });
}
