import { parseCliArgs } from "./args";
import { fargateCatalog } from "@/lib/catalog";
import { extrasCatalog } from "@/lib/catalog/extras";
import { diffScenarios, diffToJson, growsMoreThan, type CostDiff } from "@/lib/diff/diff";
import { diffToMarkdown, diffToTable } from "@/lib/diff/render";
import { besidePath, isScenarioText, loadSide, type SourceFile } from "@/lib/diff/source";
import type { Problem } from "@/lib/scenario/parse";
import type { Scenario } from "@/lib/scenario/schema";
import type { CliResult } from "./cli";

export const DIFF_HELP = `Usage: npm run --silent estimate -- diff BASE HEAD [--region R] [--format json|markdown|table] [--fail-above PERCENT]

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

Exit status: 0 success; 2 invalid input (each problem on stderr as "path: message"); 3 over --fail-above.
`;

const fail = (problems: Problem[]): CliResult => ({
  code: 2,
  stdout: "",
  stderr: problems.map((p) => `${p.path || "(diff)"}: ${p.message}`).join("\n") + "\n",
});

type Reader = (path: string) => string;
type Read = { ok: true; text: string | null } | { ok: false; problem: Problem };

function read(readFile: Reader, path: string, optional: boolean): Read {
  try {
    return { ok: true, text: readFile(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && optional) return { ok: true, text: null };
    if (code === "EISDIR") return { ok: false, problem: { path, message: "is a directory: give a file" } };
    return { ok: false, problem: { path, message: code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? "error"})` } };
  }
}

/** Reads BASE or HEAD (and the scenario beside it, when there is one) into a validated scenario. */
export function loadFile(path: string, region: string, readFile: Reader): { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] } {
  const main = read(readFile, path, false);
  if (!main.ok) return { ok: false, problems: [main.problem] };
  const file: SourceFile = { path, text: main.text ?? "" };
  let beside: SourceFile | undefined;
  if (!isScenarioText(file.text)) {
    const p = besidePath(path);
    const b = read(readFile, p, true);
    if (!b.ok) return { ok: false, problems: [b.problem] };
    if (b.text !== null) beside = { path: p, text: b.text };
  }
  const side = loadSide({ file, beside }, { region }, fargateCatalog, extrasCatalog);
  return side.ok ? { ok: true, scenario: side.scenario } : side;
}

export function parseFailAbove(value: string | undefined): number | Problem {
  const s = (value ?? "").trim().replace(/%$/, "");
  const n = Number(s);
  if (!s || !Number.isFinite(n) || n < 0) return { path: "--fail-above", message: `must be a percentage of at least 0, such as 10 (got "${value ?? ""}")` };
  return n;
}

export function renderDiff(diff: CostDiff, format: string, failAbove: number | undefined): CliResult {
  const failed = failAbove !== undefined && growsMoreThan(diff, failAbove);
  const stdout =
    format === "markdown"
      ? diffToMarkdown([{ diff }], { failAbove, failed })
      : format === "table"
        ? diffToTable([{ diff }])
        : `${JSON.stringify(diffToJson(diff), null, 2)}\n`;
  const pct = diff.difference.percent === null ? "from $0" : `${diff.difference.percent}%`;
  return { code: failed ? 3 : 0, stdout, stderr: failed ? `The monthly cost grows by ${pct}, more than --fail-above ${failAbove}%.\n` : "" };
}

/** `estimate diff BASE HEAD ...` as a function of its arguments and a file reader. */
export function runDiff(argv: string[], readFile: Reader): CliResult {
  if (argv.includes("--help") || argv.includes("-h")) return { code: 0, stdout: DIFF_HELP, stderr: "" };
  const args = parseCliArgs(argv, ["format", "region", "fail-above"]);
  if (!args.ok) return fail([{ path: "arguments", message: `${args.message} for diff (see estimate diff --help)` }]);
  const { format = "json", region = "us-east-1" } = args.values;
  const files = args.positionals;
  let failAbove: number | undefined;
  if (args.values["fail-above"] !== undefined) {
    const n = parseFailAbove(args.values["fail-above"]);
    if (typeof n !== "number") return fail([n]);
    failAbove = n;
  }
  if (!["json", "markdown", "table"].includes(format)) return fail([{ path: "--format", message: `must be json, markdown or table (got "${format}")` }]);
  if (!region) return fail([{ path: "--region", message: "give a region code such as us-east-1" }]);
  if (files.length !== 2) return fail([{ path: "arguments", message: `give two files, BASE then HEAD (got ${files.length}; see estimate diff --help)` }]);

  const base = loadFile(files[0]!, region, readFile);
  const head = loadFile(files[1]!, region, readFile);
  const problems = [...(base.ok ? [] : base.problems), ...(head.ok ? [] : head.problems)];
  if (!base.ok || !head.ok) return fail(problems);
  return renderDiff(diffScenarios(base.scenario, head.scenario, fargateCatalog, extrasCatalog), format, failAbove);
}
