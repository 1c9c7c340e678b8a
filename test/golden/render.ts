import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateToCsv } from "@/lib/export/csv";
import { estimateAll } from "@/lib/pricing/estimate";
import { spotSeries } from "@/lib/pricing/spot-series";
import { parseScenario } from "@/lib/scenario/parse";
import type { Scenario } from "@/lib/scenario/schema";
import { atScaleScenarios, goldenScenarios, type GoldenScenario } from "./scenarios";

/** Where the golden files live, relative to the repository root. */
export const GOLDEN_DIR = "test/golden";
/** Per scenario: `<name>.json` (the CLI's `--format json` output) and `<name>.csv` (its `--format csv` output). */
export const ESTIMATES_DIR = `${GOLDEN_DIR}/estimates`;
export const SPOT_SERIES_FILE = `${GOLDEN_DIR}/spot-series.json`;
export const AT_SCALE_FILE = `${GOLDEN_DIR}/at-scale.json`;

function parsed({ name, input }: GoldenScenario): Scenario {
  const p = parseScenario(input, fargateCatalog, extrasCatalog);
  if (!p.ok) throw new Error(`golden scenario ${name} is not valid: ${p.error.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  return p.value;
}

/**
 * JSON laid out for review: as `JSON.stringify(value, null, 2)`, except that an object or array stays on one line
 * when it fits in 160 columns or holds no object or array (a line item is one line: a changed price is a one-line
 * diff). The data is the CLI's `--format json` output exactly; only the white space differs.
 */
export function goldenJson(value: unknown): string {
  const data: unknown = JSON.parse(JSON.stringify(value));
  const write = (v: unknown, indent: string, prefix: string): string => {
    const flat = JSON.stringify(v);
    if (typeof v !== "object" || v === null || indent.length + prefix.length + flat.length <= 160) return flat;
    if (Object.values(v).every((x) => typeof x !== "object" || x === null)) return flat;
    const inner = `${indent}  `;
    if (Array.isArray(v)) return v.length === 0 ? "[]" : `[\n${v.map((x) => inner + write(x, inner, "")).join(",\n")}\n${indent}]`;
    const entries = Object.entries(v);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, inner, `${JSON.stringify(k)}: `)}`).join(",\n")}\n${indent}}`;
  };
  return `${write(data, "", "")}\n`;
}

/** A scenario's two golden files: the CLI's `--format json` output (laid out by goldenJson) and its `--format csv` output. */
export function renderEstimate(s: GoldenScenario): { json: string; csv: string } {
  const scenario = parsed(s);
  const estimate = estimateAll(scenario, fargateCatalog, ec2Catalog, extrasCatalog);
  return {
    json: goldenJson(estimate),
    csv: estimateToCsv({ scenario, fargate: estimate, managedInstances: estimate.managedInstances, ec2: estimate.ec2 }),
  };
}

/** The Spot savings series (compute cost at 0, 10, ... 100% Spot) of every golden scenario. */
export function renderSpotSeries(scenarios: GoldenScenario[]): string {
  return goldenJson(Object.fromEntries(scenarios.map((s) => [s.name, spotSeries(parsed(s), fargateCatalog)])));
}

/** The large scenarios without their per-workload estimates: totals, services, the EC2 cluster and its whole bill. */
export function renderAtScale(scenarios: GoldenScenario[]): string {
  const out = scenarios.map((s) => {
    const { workloads, ...rest } = estimateAll(parsed(s), fargateCatalog, ec2Catalog, extrasCatalog);
    return { name: s.name, workloadCount: workloads.length, ...rest };
  });
  return goldenJson(out);
}

/** Every golden file: path (from the repository root) -> content. What `npm run golden:update` writes. */
export function renderAll(): Map<string, string> {
  const scenarios = goldenScenarios();
  const files = new Map<string, string>();
  for (const s of scenarios) {
    const { json, csv } = renderEstimate(s);
    files.set(`${ESTIMATES_DIR}/${s.name}.json`, json);
    files.set(`${ESTIMATES_DIR}/${s.name}.csv`, csv);
  }
  files.set(SPOT_SERIES_FILE, renderSpotSeries(scenarios));
  files.set(AT_SCALE_FILE, renderAtScale(atScaleScenarios()));
  return files;
}
