import { parseCliArgs } from "./args";
import { readFileSync } from "node:fs";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { billResult, billToCsv, billToTable, billView, compareWithScenario, scenarioFromBill } from "@/lib/billing";
import { reconcileFile } from "@/lib/billing/node";
import { terminalText } from "@/lib/core";
import { parseScenario } from "@/lib/scenario";
import type { CliResult } from "./cli";

export const RECONCILE_HELP = `Usage: npm run --silent reconcile -- <bill> [--scenario scenario.json] [--format json|table|csv]

Reads an AWS bill export and shows what Fargate actually cost, per usage type, per cluster and service, and what
else on the bill a Fargate service causes; with --scenario, compares it with the scenario's estimate over the
bill's own period (the 730-hour month scaled to the period's hours).
  <bill>              FOCUS 1.0/1.2 CSV, CUR 2.0 CSV / .csv.gz / .parquet, or legacy CUR CSV / .csv.gz
                      (the format is detected from the header; gzip and Parquet from the file's first bytes)
  --scenario FILE     a scenario JSON file (as for "npm run estimate") to compare with
  --format json       the reconciliation as JSON (default; full-precision decimal strings)
  --format table      readable tables
  --format csv        every table as one CSV (RFC 4180, formula-safe)
  --build-scenario    print the scenario inferred from the bill instead (a scenario JSON file for "npm run
                      estimate"; each workload's "note" says how it was inferred)
  --time-limit S      stop reading after S seconds (default: 60 s plus 4 s per MB of the file)
  --help              this text

The bill is read in a worker thread with at most 1.5 GB of heap and the time limit above: a damaged file that
would loop or exhaust memory is stopped with one sentence.
Exit status: 0 success; 2 invalid input (one sentence on stderr naming the file and what is wrong).
`;

/** The named options (each takes a value); --time-limit is the launcher's (scripts/reconcile.ts), checked here. */
export const RECONCILE_OPTIONS = ["format", "scenario", "time-limit"] as const;

/** The options that take no value: the argument list without them, and which were given. */
export const RECONCILE_FLAGS = ["build-scenario"] as const;
export function withoutFlags(argv: string[]): { argv: string[]; flags: Set<string> } {
  const flags = new Set<string>();
  const rest = argv.filter((a) => {
    const flag = RECONCILE_FLAGS.find((f) => a === `--${f}`);
    if (flag) flags.add(flag);
    return !flag;
  });
  return { argv: rest, flags };
}

/** --time-limit in ms, or a sentence; undefined when not given. */
export function timeLimitMs(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const s = Number(value);
  return value.trim() !== "" && Number.isFinite(s) && s > 0 ? Math.ceil(s * 1000) : `--time-limit: give a number of seconds above 0 (got "${value}").`;
}

// Messages quote names from the files: escaped for the terminal (terminalText).
const fail = (message: string): CliResult => ({ code: 2, stdout: "", stderr: terminalText(`${message}\n`) });

/** The reconcile CLI as a function of its arguments (tests drive it directly). */
export async function runReconcileCli(allArgs: string[]): Promise<CliResult> {
  if (allArgs.includes("--help") || allArgs.includes("-h")) return { code: 0, stdout: RECONCILE_HELP, stderr: "" };
  const { argv, flags } = withoutFlags(allArgs);
  const args = parseCliArgs(argv, RECONCILE_OPTIONS);
  if (!args.ok) return fail(`arguments: ${args.error.message} (see --help).`);
  const { format = "json", scenario: scenarioFile } = args.value.values;
  const files = args.value.positionals;
  if (!["json", "table", "csv"].includes(format)) return fail(`--format: must be json, table or csv (got "${format}").`);
  if (files.length !== 1) return fail("arguments: give exactly one bill file (see --help).");
  if (scenarioFile === "") return fail("--scenario: give a scenario JSON file.");
  const limit = timeLimitMs(args.value.values["time-limit"]);
  if (typeof limit === "string") return fail(limit);

  let scenario;
  if (scenarioFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(scenarioFile, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return fail(`${scenarioFile}: ${code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? "error"})`}.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return fail(`${scenarioFile}: not valid JSON: ${(e as Error).message}.`);
    }
    const parsed = parseScenario(json, fargateCatalog);
    if (!parsed.ok) return fail(parsed.error.map((p) => `${scenarioFile}: ${p.path || "(scenario)"}: ${p.message}`).join("\n"));
    scenario = parsed.value;
  }

  const read = await billResult(reconcileFile(files[0]!, fargateCatalog));
  if (!read.ok) return fail(read.error.message);
  // The groups' hour-by-hour profile (for building a scenario) stays out of the printed reconciliation.
  const recon = {
    ...read.value,
    groups: read.value.groups.map((g) => {
      const copy = { ...g };
      delete copy.profile;
      return copy;
    }),
  };
  if (flags.has("build-scenario")) {
    if (format !== "json") return fail("--build-scenario prints a scenario JSON file: leave out --format or give --format json.");
    if (scenario) return fail("--build-scenario and --scenario: give one of them.");
    return { code: 0, stdout: `${JSON.stringify(scenarioFromBill(read.value, fargateCatalog).scenario, null, 2)}\n`, stderr: "" };
  }
  const comparison = scenario ? compareWithScenario(recon, scenario, fargateCatalog) : undefined;
  if (format === "json") return { code: 0, stdout: `${JSON.stringify({ ...recon, ...(comparison ? { comparison } : {}) }, null, 2)}\n`, stderr: "" };
  const view = billView(recon, comparison);
  return { code: 0, stdout: format === "table" ? billToTable(view) : billToCsv(view), stderr: "" };
}
