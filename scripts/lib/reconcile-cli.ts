import { parseCliArgs } from "./args";
import { readFileSync } from "node:fs";
import { fargateCatalog } from "@/lib/catalog/fargate";
import {
  absentRightsizing,
  billResult,
  billToCsv,
  billToTable,
  billView,
  compareWithScenario,
  rightsizingCsvRows,
  rightsizingTable,
  savingsPlanCsvRows,
  savingsPlanToTable,
  scenarioFromBill,
} from "@/lib/billing";
import { athenaQueryProblems, athenaResult, athenaSql, reconcileFile, reconciliationFromAthena, type AthenaQuery } from "@/lib/billing/node";
import { terminalText } from "@/lib/core";
import { parseScenario } from "@/lib/scenario";
import type { CliResult } from "./cli";

export const RECONCILE_HELP = `Usage: npm run --silent reconcile -- <bill> [--scenario scenario.json] [--format json|table|csv] [--rightsizing] [--savings-plan]
       npm run --silent reconcile -- --athena DATABASE.TABLE --output s3://bucket/prefix/ --from YYYY-MM-DD --to YYYY-MM-DD
                                     [--regions us-east-1,...] [--accounts 123456789012,...] [--workgroup NAME] [--scenario ...]
       npm run --silent reconcile -- --athena-sql --athena DATABASE.TABLE --from YYYY-MM-DD --to YYYY-MM-DD [...]

Reads an AWS bill export and shows what Fargate actually cost, per usage type, per cluster and service, and the
charges beside it: those the bill links to the Fargate services found, and account-wide ones (per region, not
attributed); with --scenario, compares it with the scenario's estimate over the
bill's own period (the 730-hour month scaled to the period's hours).
  <bill>              FOCUS 1.0/1.2 CSV, CUR 2.0 CSV / .csv.gz / .parquet, or legacy CUR CSV / .csv.gz
                      (the format is detected from the header; gzip and Parquet from the file's first bytes)
  --scenario FILE     a scenario JSON file (as for "npm run estimate") to compare with
  --format json       the reconciliation as JSON (default; full-precision decimal strings)
  --format table      readable tables
  --format csv        every table as one CSV (RFC 4180, formula-safe)
  --rightsizing       add right-sizing from the bill's split cost allocation data (CUR 2.0 / legacy CUR): per
                      service reserved vs actual vCPU and GiB per task, the unused cost, the recommended size
                      (p99 + 20% headroom, as the utilization upload) priced before and after (json, table, and
                      csv as "Right-sizing" rows: one figure a row, its unit in the Unit column)
  --build-scenario    print the scenario inferred from the bill instead (a scenario JSON file for "npm run
                      estimate"; each workload's "note" says how it was inferred)
  --time-limit S      stop reading after S seconds (default: 60 s plus 4 s per MB of the file)
  --athena DB.TABLE   instead of a file, query the CUR 2.0 table in Athena (AWS's CUR 2.0 integration) with the
                      AWS SDK's default credentials and region (AWS_PROFILE, AWS_REGION, a role): the same usage,
                      list and paid totals and attribution, computed by Athena
  --athena-sql        print that SQL (Athena engine 3; no AWS call) instead of running it
  --output S3URL      where Athena writes its results (s3://bucket/prefix/); not needed with a --workgroup that sets one
  --from, --to        usage days counted: from --from to the day before --to (YYYY-MM-DD, UTC); --scenario compares
                      over the hours the rows cover within them (month to date, invoiced), as for a file
  --regions LIST      only these regions (product_region_code), comma-separated
  --accounts LIST     only these usage accounts (line_item_usage_account_id), comma-separated
  --workgroup NAME    the Athena workgroup (default: primary)
  --savings-plan      add a savingsPlan section: the Compute Savings Plan on the bill (coverage and utilization over
                      Fargate) and the hourly commitment that saves the most over the bill's hours, per term
                      (1 and 3 years, no upfront and all upfront); needs an hourly export.
                      In every format; in CSV as "Savings Plan ..." rows (one figure a row, its unit in Unit)
  --help              this text

The bill is read in a worker thread with at most 1.5 GB of heap and the time limit above: a damaged file that
would loop or exhaust memory is stopped with one sentence.
Exit status: 0 success; 2 invalid input (one sentence on stderr naming the file and what is wrong).
`;

/** The named options (each takes a value); --time-limit is the launcher's (scripts/reconcile.ts), checked here. */
export const RECONCILE_OPTIONS = ["format", "scenario", "time-limit", "athena", "output", "from", "to", "regions", "accounts", "workgroup"] as const;

/** Runs SQL on Athena and gives its rows or one sentence (scripts/reconcile.ts passes lib/aws's adapter). */
export type AthenaRunner = (target: {
  sql: string;
  database: string;
  outputLocation?: string;
  workGroup?: string;
}) => Promise<{ ok: true; value: Record<string, string | null>[] } | { ok: false; error: { message: string } }>;

export interface ReconcileDeps {
  /** Absent in the bundled CLI (no AWS SDK): --athena then says so; --athena-sql works everywhere. */
  runAthena?: AthenaRunner;
}

const list = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

/** The switches (no value); the launcher drops them before parsing the named options. */
export const RECONCILE_FLAGS = ["rightsizing", "savings-plan", "athena-sql", "build-scenario"] as const;

/** argv without the switches, and which were given. */
export function takeFlags(argv: readonly string[]): { rest: string[]; flags: Set<string> } {
  const flags = new Set<string>();
  const rest = argv.filter((a) => {
    const name = a.startsWith("--") ? a.slice(2) : "";
    if (!(RECONCILE_FLAGS as readonly string[]).includes(name)) return true;
    flags.add(name);
    return false;
  });
  return { rest, flags };
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
export async function runReconcileCli(argv: string[], deps: ReconcileDeps = {}): Promise<CliResult> {
  if (argv.includes("--help") || argv.includes("-h")) return { code: 0, stdout: RECONCILE_HELP, stderr: "" };
  // --athena-sql, --savings-plan, --rightsizing and --build-scenario are the switches without a value (RECONCILE_FLAGS): taken out before the named options.
  const { rest, flags } = takeFlags(argv);
  const sqlOnly = flags.has("athena-sql");
  const savingsPlan = flags.has("savings-plan");
  const args = parseCliArgs(rest, RECONCILE_OPTIONS);
  if (!args.ok) return fail(`arguments: ${args.error.message} (see --help).`);
  const { format = "json", scenario: scenarioFile } = args.value.values;
  const files = args.value.positionals;
  if (!["json", "table", "csv"].includes(format)) return fail(`--format: must be json, table or csv (got "${format}").`);
  const table = args.value.values.athena;
  const athena = sqlOnly || table !== undefined;
  let query: AthenaQuery | undefined;
  if (athena) {
    if (files.length) return fail("arguments: give a bill file or --athena DATABASE.TABLE, not both (see --help).");
    if (!table) return fail("--athena: name the CUR 2.0 table as DATABASE.TABLE (see --help).");
    const { from, to, output, workgroup } = args.value.values;
    if (!from || !to) return fail("--from and --to: give the first usage day and the day after the last, as YYYY-MM-DD.");
    query = { table, from, to, regions: list(args.value.values.regions), accounts: list(args.value.values.accounts) };
    const problems = athenaQueryProblems(query);
    if (problems.length) return fail(problems.join("\n"));
    if (sqlOnly) return { code: 0, stdout: athenaSql(query), stderr: "" };
    if (output !== undefined && !/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(output))
      return fail(`--output: give an S3 location as s3://bucket/prefix/ (got "${output}").`);
    if (!output && !workgroup) return fail("--output: give the S3 location for Athena's results (s3://bucket/prefix/), or a --workgroup that sets one.");
  } else if (files.length !== 1) return fail("arguments: give exactly one bill file (see --help).");
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

  let recon;
  let built: Awaited<ReturnType<typeof reconcileFile>> | undefined;
  if (query) {
    if (!deps.runAthena) {
      return fail(
        "--athena: this build of the CLI has no AWS SDK; run it as npm run reconcile in the project, or print the SQL with --athena-sql and run it in the Athena console.",
      );
    }
    const { output, workgroup } = args.value.values;
    const ran = await deps.runAthena({
      sql: athenaSql(query),
      database: query.table.split(".")[0]!,
      ...(output ? { outputLocation: output } : {}),
      ...(workgroup ? { workGroup: workgroup } : {}),
    });
    if (!ran.ok) return fail(ran.error.message);
    try {
      recon = reconciliationFromAthena(query, athenaResult(ran.value));
    } catch (e) {
      return fail((e as Error).message);
    }
  } else {
    const read = await billResult(reconcileFile(files[0]!, fargateCatalog, files[0]!, { savingsPlan }));
    if (!read.ok) return fail(read.error.message);
    built = read.value;
    // The groups' hour-by-hour profile (for building a scenario) stays out of the printed reconciliation.
    recon = {
      ...read.value,
      groups: read.value.groups.map((g) => {
        const copy = { ...g };
        delete copy.profile;
        return copy;
      }),
    };
  }
  if (flags.has("build-scenario")) {
    if (!built) return fail("--build-scenario reads a bill file: it cannot be built from an Athena query.");
    if (format !== "json") return fail("--build-scenario prints a scenario JSON file: leave out --format or give --format json.");
    if (scenario) return fail("--build-scenario and --scenario: give one of them.");
    const fromBill = scenarioFromBill(built, fargateCatalog);
    // What could not be built (another region, no task size, no usage) is said on stderr; the scenario file stays clean.
    const left = fromBill.skipped.map((x) => `left out: ${x}\n`).join("");
    return { code: 0, stdout: `${JSON.stringify(fromBill.scenario, null, 2)}\n`, stderr: terminalText(left) };
  }
  const comparison = scenario ? compareWithScenario(recon, scenario, fargateCatalog) : undefined;
  // Right-sizing only when asked for: without --rightsizing the output is as before, split columns or not.
  const { rightsizing: split, ...bill } = recon;
  const rightsizing = flags.has("rightsizing") ? (split ?? absentRightsizing(recon.bill.format)) : undefined;
  if (format === "json")
    return {
      code: 0,
      stdout: `${JSON.stringify({ ...bill, ...(comparison ? { comparison } : {}), ...(rightsizing ? { rightsizing } : {}) }, null, 2)}\n`,
      stderr: "",
    };
  const view = billView(recon, comparison);
  if (format === "table") {
    // The plan's and the right-sizing's sections after the bill's tables; names in them come from our own labels and numbers only.
    const extra = (recon.savingsPlan ? `\n${savingsPlanToTable(recon.savingsPlan)}` : "") + (rightsizing ? `\n${rightsizingTable(rightsizing)}` : "");
    return { code: 0, stdout: billToTable(view) + extra, stderr: "" };
  }
  // The reports as sectioned rows of the same CSV ("Savings Plan option", "Right-sizing", ...: lib/billing/report-csv.ts).
  return { code: 0, stdout: billToCsv(view, [...savingsPlanCsvRows(recon.savingsPlan), ...rightsizingCsvRows(rightsizing)]), stderr: "" };
}
