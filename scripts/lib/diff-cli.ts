import { parseCliArgs } from "./args";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import {
  besidePath,
  type CostDiff,
  diffScenarios,
  diffToJson,
  diffToMarkdown,
  diffToTable,
  growsMoreThan,
  isScenarioText,
  loadSide,
  type SideNotes,
  type SourceFile,
} from "@/lib/diff";
import { dec, fail as failed, ok, type Decimal, type Result } from "@/lib/core";
import type { Problem, Scenario } from "@/lib/scenario";
import type { CliResult } from "./cli";

export const DIFF_HELP = `Usage: npm run --silent estimate -- diff BASE HEAD [--region R] [--format json|markdown|table] [--fail-above PERCENT] [--fail-above-usd AMOUNT]

Compares the monthly Fargate cost of two versions of a setup, workload by workload (matched by name).
  BASE, HEAD          each a scenario file, an ECS task definition (JSON) or Kubernetes manifests (YAML or JSON,
                      several documents allowed), detected as --import does
  NAME.scenario.json  beside a task definition or manifest NAME.ext, optional: sets per workload (by name) what
                      those files do not say - "tasks", "schedule", "spotPercent", "savingsPlan" - and the
                      scenario's "region", "ec2" and other scenario fields. Example:
                      { "region": "eu-west-1", "workloads": [{ "name": "api", "tasks": 3, "spotPercent": 50 }] }
  --region R          region of task definitions and manifests without a scenario naming one (default us-east-1)
  --format json       { base, head, difference: { monthlyCost, percent }, workloads: [{ name, change,
                      baseMonthlyCost, headMonthlyCost, difference, reasons, lineItems }] } (default)
  --format markdown   a compact table for a pull-request comment, line items folded in <details>
  --format table      a plain-text table
  --fail-above P      exit 3 when the monthly cost grows by more than P percent (a base of $0 that grows counts as more)
  --fail-above-usd A  exit 3 when the monthly cost grows by more than A US dollars (both limits may be given)
  BASE or HEAD "-"    reads standard input (e.g. helm template ./chart | ... diff base.yaml -)

JSON also has "warnings" (notes on the files) and per workload "assumptions" (what the importer had to assume).

Exit status: 0 success; 2 invalid input (each problem on stderr as "path: message"); 3 over --fail-above or --fail-above-usd.
`;

const fail = (problems: Problem[]): CliResult => ({
  code: 2,
  stdout: "",
  stderr: problems.map((p) => `${p.path || "(diff)"}: ${p.message}`).join("\n") + "\n",
});

type Reader = (path: string) => string;
/** The file's text; null for an optional file that is not there. */
type Read = Result<string | null, Problem>;

function read(readFile: Reader, path: string, optional: boolean): Read {
  try {
    return ok(readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && optional) return ok(null);
    if (code === "EISDIR") return failed({ path, message: "is a directory: give a file" });
    return failed({ path, message: code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? "error"})` });
  }
}

/** Reads BASE or HEAD (and the scenario beside it, when there is one) into a validated scenario, with the importer's notes. */
export function loadFile(path: string, region: string, readFile: Reader): Result<{ scenario: Scenario; notes: SideNotes }, Problem[]> {
  const main = read(readFile, path, false);
  if (!main.ok) return failed([main.error]);
  const file: SourceFile = { path, text: main.value ?? "" };
  let beside: SourceFile | undefined;
  if (!isScenarioText(file.text)) {
    const p = besidePath(path);
    const b = read(readFile, p, true);
    if (!b.ok) return failed([b.error]);
    if (b.value !== null) beside = { path: p, text: b.value };
  }
  const side = loadSide({ file, beside }, { region }, fargateCatalog, extrasCatalog);
  return side.ok ? ok({ scenario: side.value.scenario, notes: side.value.notes }) : side;
}

export function parseFailAbove(value: string | undefined): Result<number, Problem> {
  const s = (value ?? "").trim().replace(/%$/, "");
  const n = Number(s);
  if (!s || !Number.isFinite(n) || n < 0)
    return failed({ path: "--fail-above", message: `must be a percentage of at least 0, such as 10 (got "${value ?? ""}")` });
  return ok(n);
}

/** A dollar amount of at least 0 ("100", "$100", "12.50"), exact. */
export function parseFailAboveUsd(value: string | undefined, name = "--fail-above-usd"): Result<Decimal, Problem> {
  const s = (value ?? "").trim().replace(/^\$/, "");
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(s))
    return failed({ path: name, message: `must be an amount in US dollars of at least 0, such as 100 (got "${value ?? ""}")` });
  return ok(dec(s));
}

export function renderDiff(diff: CostDiff, format: string, failAbove: number | undefined, failAboveUsd?: Decimal): CliResult {
  const overPercent = failAbove !== undefined && growsMoreThan(diff, failAbove);
  const failedUsd = failAboveUsd !== undefined && diff.difference.monthlyCost.gt(failAboveUsd);
  const failed = overPercent || failedUsd;
  const stdout =
    format === "markdown"
      ? diffToMarkdown([{ diff }], { failAbove, failed: overPercent, failAboveUsd, failedUsd })
      : format === "table"
        ? diffToTable([{ diff }])
        : `${JSON.stringify(diffToJson(diff), null, 2)}\n`;
  const pct = diff.difference.percent === null ? "from $0" : `${diff.difference.percent}%`;
  const why = [
    overPercent ? `The monthly cost grows by ${pct}, more than --fail-above ${failAbove}%.` : "",
    failedUsd ? `The monthly cost grows by ${diff.difference.monthlyCost.toFixed(2)} USD, more than --fail-above-usd ${failAboveUsd!.toString()}.` : "",
  ].filter(Boolean);
  return { code: failed ? 3 : 0, stdout, stderr: why.map((l) => `${l}\n`).join("") };
}

/** `estimate diff BASE HEAD ...` as a function of its arguments and a file reader. */
export function runDiff(argv: string[], readFile: Reader): CliResult {
  if (argv.includes("--help") || argv.includes("-h")) return { code: 0, stdout: DIFF_HELP, stderr: "" };
  const args = parseCliArgs(argv, ["format", "region", "fail-above", "fail-above-usd"]);
  if (!args.ok) return fail([{ path: "arguments", message: `${args.error.message} for diff (see estimate diff --help)` }]);
  const { format = "json", region = "us-east-1" } = args.value.values;
  const files = args.value.positionals;
  let failAbove: number | undefined;
  if (args.value.values["fail-above"] !== undefined) {
    const n = parseFailAbove(args.value.values["fail-above"]);
    if (!n.ok) return fail([n.error]);
    failAbove = n.value;
  }
  let failAboveUsd: Decimal | undefined;
  if (args.value.values["fail-above-usd"] !== undefined) {
    const n = parseFailAboveUsd(args.value.values["fail-above-usd"]);
    if (!n.ok) return fail([n.error]);
    failAboveUsd = n.value;
  }
  if (!["json", "markdown", "table"].includes(format)) return fail([{ path: "--format", message: `must be json, markdown or table (got "${format}")` }]);
  if (!region) return fail([{ path: "--region", message: "give a region code such as us-east-1" }]);
  if (files.length !== 2) return fail([{ path: "arguments", message: `give two files, BASE then HEAD (got ${files.length}; see estimate diff --help)` }]);

  const base = loadFile(files[0]!, region, readFile);
  const head = loadFile(files[1]!, region, readFile);
  const problems = [...(base.ok ? [] : base.error), ...(head.ok ? [] : head.error)];
  if (!base.ok || !head.ok) return fail(problems);
  const notes = { base: base.value.notes, head: head.value.notes };
  return renderDiff(diffScenarios(base.value.scenario, head.value.scenario, fargateCatalog, extrasCatalog, ec2Catalog, notes), format, failAbove, failAboveUsd);
}
