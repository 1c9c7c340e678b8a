import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { extrasCatalog } from "@/lib/catalog/extras";
import { ec2Catalog } from "@/lib/catalog/ec2";
import {
  besidePath,
  type CostDiff,
  diffScenarios,
  diffToJson,
  type DiffSection,
  diffToMarkdown,
  type ErrorSection,
  isScenarioText,
  loadSide,
  MARKDOWN_MARKER,
  notComputedMarkdown,
  percentOf,
  totalGrowsMoreThan,
} from "@/lib/diff";
import { sum, fail as failed, ok, type Decimal, type Result } from "@/lib/core";
import type { Problem } from "@/lib/scenario";
import { parseFailAbove, parseFailAboveUsd } from "./diff-cli";

/**
 * What the GitHub Action (action.yml) runs: for each given path, the cost diff between the file at the base commit
 * and at the head commit (read with `git cat-file`, so the checkout's working tree does not matter), written as
 * Markdown to the job summary and, with a token, as one pull-request comment that later runs update. Exit 0; 2 on
 * bad input (paths, commits, files); 3 when the total grows by more than fail-above.
 */

export interface CiEnv {
  [key: string]: string | undefined;
}

export interface CiResult {
  code: number;
  markdown: string;
  log: string[];
  /** For later steps ($GITHUB_OUTPUT): monthly costs as exact decimal strings, percent to 2 decimals ("" from $0). */
  outputs: Record<string, string>;
  /** The report for any CI (`fargate-estimator report --json`): totals, each file's diff (as `estimate diff` JSON) and each error. */
  json: unknown;
}

/** The largest file read from a commit (a scenario is well under this; the importer reads at most 1 MB). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** `git ls-tree` of a whole commit, for globs. */
const MAX_LISTING_BYTES = 64 * 1024 * 1024;
const COMMENT_LIMIT = 65_000; // GitHub refuses comment bodies over 65,536 characters

/** git's output, or what it said on stderr when it failed. */
function git(repo: string, args: string[], maxBuffer = MAX_FILE_BYTES): Result<string, string> {
  const r = spawnSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer });
  return r.status === 0 ? ok(r.stdout) : failed((r.stderr || String(r.error ?? "")).trim());
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What git says of one `commit:path`: its type and size, and a blob's text when it was read with the others. */
type GitObject = { type: string; size: number; text?: string };

/**
 * Each `commit:path` looked up with one `git cat-file --batch-check` and the blobs within the size limit read with one
 * `git cat-file --batch`: two git processes for all the files of a report, where fileAt alone starts up to three for
 * each. null for a name git does not have; a name left out (a line break in it, or git failing) is read by fileAt.
 */
function objectsAt(repo: string, names: string[]): Map<string, GitObject | null> {
  const known = new Map<string, GitObject | null>();
  const batchable = [...new Set(names)].filter((n) => !/[\r\n]/.test(n));
  if (!batchable.length) return known;
  const check = spawnSync("git", ["-C", repo, "cat-file", "--batch-check=%(objecttype) %(objectsize)"], {
    input: `${batchable.join("\n")}\n`,
    encoding: "utf8",
    maxBuffer: MAX_LISTING_BYTES,
  });
  const lines = check.status === 0 ? check.stdout.split("\n") : [];
  if (lines.length !== batchable.length + 1) return known;
  const blobs: string[] = [];
  batchable.forEach((name, i) => {
    const line = lines[i]!;
    if (line === `${name} missing`) known.set(name, null);
    else {
      const m = /^(\w+) (\d+)$/.exec(line);
      if (!m) return; // "ambiguous" and the like: fileAt asks git itself
      known.set(name, { type: m[1]!, size: Number(m[2]) });
      if (m[1] === "blob" && Number(m[2]) <= MAX_FILE_BYTES) blobs.push(name);
    }
  });
  if (!blobs.length) return known;
  const bytes = blobs.reduce((n, name) => n + known.get(name)!.size + 100 + name.length, 0);
  const batch = spawnSync("git", ["-C", repo, "cat-file", "--batch"], { input: `${blobs.join("\n")}\n`, maxBuffer: bytes + 1024 });
  if (batch.status !== 0) return known;
  // Each: "<oid> blob <size>\n", the contents, "\n".
  let at = 0;
  for (const name of blobs) {
    const eol = batch.stdout.indexOf(10, at);
    const size = Number(/ blob (\d+)$/.exec(batch.stdout.subarray(at, eol).toString("utf8"))?.[1]);
    if (eol < 0 || size !== known.get(name)!.size) break; // not what was asked: the rest is read one by one
    known.set(name, { ...known.get(name)!, text: batch.stdout.subarray(eol + 1, eol + 1 + size).toString("utf8") });
    at = eol + 1 + size + 1;
  }
  return known;
}

/**
 * The file's text at a commit, null when the commit does not have it; the problem names what is wrong with the path.
 * `known`: what objectsAt found already (the same answers, without a git process each).
 */
function fileAt(repo: string, commit: string, file: string, shown = file, known?: Map<string, GitObject | null>): Result<string | null, Problem> {
  const found = known?.get(`${commit}:${file}`);
  if (found === null) return ok(null);
  let type: string;
  if (found) type = found.type;
  else {
    const typeOut = git(repo, ["cat-file", "-t", `${commit}:${file}`]);
    if (!typeOut.ok) return ok(null);
    type = typeOut.value.trim();
  }
  if (type !== "blob")
    return failed({
      path: shown,
      message: `is a ${type === "tree" ? "folder" : type} at ${commit.slice(0, 12)}: list the files themselves`,
    });
  // The size first: a file over the limit is refused in words, never read into a buffer that overflows (ENOBUFS).
  let size: number;
  if (found) size = found.size;
  else {
    const sizeOut = git(repo, ["cat-file", "-s", `${commit}:${file}`]);
    size = sizeOut.ok ? Number(sizeOut.value.trim()) : NaN;
  }
  if (Number.isFinite(size) && size > MAX_FILE_BYTES)
    return failed({
      path: shown,
      message: `is ${megabytes(size)} at ${commit.slice(0, 12)}; the cost diff reads files of at most ${megabytes(MAX_FILE_BYTES)} (task definitions and manifests at most 1 MB)`,
    });
  if (found?.text !== undefined) return ok(found.text);
  const blob = git(repo, ["cat-file", "blob", `${commit}:${file}`]);
  return blob.ok ? blob : failed({ path: shown, message: `cannot be read at ${commit.slice(0, 12)} (${blob.error.split("\n")[0]})` });
}

/** One path or glob per line, or comma-separated (a comma inside a glob's {a,b} does not separate). */
export function splitPaths(value: string | undefined): string[] {
  return (value ?? "")
    .split(/\n|,(?![^{}\n]*\})/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Forward slashes, no "./", no "a/../"; null for absolute paths and paths above the top. */
function normalise(p: string): string | null {
  const n = path.posix.normalize(p.replace(/\\/g, "/")).replace(/^\.\//, "");
  return path.posix.isAbsolute(n) || n === ".." || n.startsWith("../") || n === "." ? null : n;
}

const isGlob = (p: string) => /[*?[{]/.test(p);

/**
 * A glob as a regular expression over slash-separated paths: `*` and `?` within one folder, `**` across folders
 * (`k8s/**\/*.yaml` also matches `k8s/a.yaml`), `[abc]` / `[!abc]` classes, `{a,b}` alternatives.
 */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        re += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close < 0) re += "\\[";
      else {
        const body = glob
          .slice(i + 1, close)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = close;
      }
    } else if (c === "{") {
      braces++;
      re += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (c === "," && braces > 0) re += "|";
    else re += c.replace(/[.+^$()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${re}${")".repeat(braces)}$`);
}

/** The paths a glob matches at either commit (repository-relative, sorted). */
function expandGlob(repo: string, commits: string[], prefix: string, glob: string): Result<string[], string> {
  const re = globToRegExp(glob);
  const found = new Set<string>();
  for (const commit of commits) {
    const list = git(repo, ["ls-tree", "-r", "--name-only", "--full-tree", "-z", commit], MAX_LISTING_BYTES);
    if (!list.ok) return failed(list.error.split("\n")[0] ?? "");
    for (const file of list.value.split("\0")) {
      if (!file || !file.startsWith(prefix)) continue;
      if (re.test(file.slice(prefix.length))) found.add(file);
    }
  }
  return ok([...found].sort());
}

export function runCiDiff(env: CiEnv): CiResult {
  const log: string[] = [];
  const repo = path.resolve(env.GITHUB_WORKSPACE || process.cwd(), env.INPUT_WORKING_DIRECTORY || ".");
  const region = env.INPUT_REGION?.trim() || "us-east-1";
  const fail = (list: Problem[]): CiResult => {
    const lines = list.map((p) => `${p.path}: ${p.message}`);
    return { code: 2, markdown: notComputedMarkdown(list), log: [...log, ...lines], outputs: {}, json: { errors: list } };
  };

  let failAbove: number | undefined;
  if (env.INPUT_FAIL_ABOVE?.trim()) {
    const n = parseFailAbove(env.INPUT_FAIL_ABOVE);
    if (!n.ok) return fail([{ path: "fail-above", message: n.error.message }]);
    failAbove = n.value;
  }
  let failAboveUsd: Decimal | undefined;
  if (env.INPUT_FAIL_ABOVE_USD?.trim()) {
    const n = parseFailAboveUsd(env.INPUT_FAIL_ABOVE_USD, "fail-above-usd");
    if (!n.ok) return fail([n.error]);
    failAboveUsd = n.value;
  }
  const paths = splitPaths(env.INPUT_PATHS);
  if (!paths.length) return fail([{ path: "paths", message: "list the scenario files, task definitions or manifests to compare, one per line" }]);
  const commits: Record<"base" | "head", string> = { base: env.INPUT_BASE?.trim() ?? "", head: env.INPUT_HEAD?.trim() || "HEAD" };
  if (!commits.base) return fail([{ path: "base", message: "no base commit: run on pull_request events, or set the base input to a commit or branch" }]);
  if (!git(repo, ["rev-parse", "--git-dir"]).ok)
    return fail([{ path: "working-directory", message: `${repo} is not a git checkout: run actions/checkout first` }]);
  for (const side of ["base", "head"] as const) {
    const r = git(repo, ["rev-parse", "--verify", "--quiet", `${commits[side]}^{commit}`]);
    if (!r.ok) return fail([{ path: side, message: `commit "${commits[side]}" is not in this checkout: give actions/checkout fetch-depth: 0` }]);
    commits[side] = r.value.trim();
  }
  // Paths are relative to working-directory, which may be a folder inside the repository; git reads from its root.
  const prefixOut = git(repo, ["rev-parse", "--show-prefix"]);
  const prefix = prefixOut.ok ? prefixOut.value.trim() : "";

  // Each file once, whatever the spelling ("k8s/a.yaml", "./k8s/a.yaml", "k8s//a.yaml"); globs expanded at both commits.
  const errors: ErrorSection[] = [];
  /** A problem of one file, as one line that names where (e.g. "k8s/a.yaml (head): ..."); grouped by file. */
  const problem = (title: string, line: string) => {
    const known = errors.find((e) => e.title === title);
    if (known) known.problems.push(line);
    else errors.push({ title, problems: [line] });
  };
  const files: { full: string; shown: string }[] = [];
  const seen = new Set<string>();
  const add = (full: string) => {
    if (seen.has(full)) return;
    seen.add(full);
    files.push({ full, shown: full.startsWith(prefix) ? full.slice(prefix.length) : path.posix.relative(prefix, full) });
  };
  for (const raw of paths) {
    const full = normalise(`${prefix}${raw.replace(/\\/g, "/").replace(/^\.\//, "")}`);
    if (full === null) {
      problem(raw, `${raw}: paths are relative to working-directory and stay inside the repository`);
      continue;
    }
    if (!isGlob(raw)) {
      add(full);
      continue;
    }
    const matches = expandGlob(repo, [commits.base, commits.head], prefix, full.slice(prefix.length));
    if (!matches.ok) problem(raw, `${raw}: could not list the files of the commits (${matches.error})`);
    else if (!matches.value.length)
      problem(raw, `${raw}: matches no file at the base (${commits.base.slice(0, 12)}) or the head (${commits.head.slice(0, 12)})`);
    else {
      // A NAME.scenario.json beside a matched file belongs to it, not a file of its own.
      const besides = new Set(matches.value.map(besidePath));
      for (const m of matches.value) if (!besides.has(m)) add(m);
    }
  }

  const known = objectsAt(
    repo,
    files.flatMap(({ full }) => [commits.base, commits.head].flatMap((c) => [`${c}:${full}`, `${c}:${besidePath(full)}`])),
  );
  const sections: DiffSection[] = [];
  for (const { full: file, shown } of files) {
    const sides: Partial<Record<"base" | "head", ReturnType<typeof loadSide>>> = {};
    let missing = 0;
    let bad = false;
    for (const side of ["base", "head"] as const) {
      const main = fileAt(repo, commits[side], file, shown, known);
      if (!main.ok) {
        problem(shown, `${main.error.path}: ${main.error.message}`);
        bad = true;
        continue;
      }
      const text = main.value;
      if (text === null) {
        missing++;
        continue;
      }
      let beside: { path: string; text: string } | undefined;
      if (!isScenarioText(text)) {
        const b = fileAt(repo, commits[side], besidePath(file), besidePath(shown), known);
        if (!b.ok) {
          problem(shown, `${b.error.path}: ${b.error.message}`);
          bad = true;
        } else if (b.value !== null) beside = { path: besidePath(shown), text: b.value };
      }
      sides[side] = loadSide(
        {
          file: { path: `${shown} (${side})`, text },
          beside: beside && { path: `${beside.path} (${side})`, text: beside.text },
          besideName: besidePath(shown),
        },
        { region },
        fargateCatalog,
        extrasCatalog,
      );
    }
    if (missing === 2) {
      problem(shown, `${shown}: not found at the base (${commits.base.slice(0, 12)}) or the head (${commits.head.slice(0, 12)}): check the path`);
      continue;
    }
    for (const s of [sides.base, sides.head]) if (s && !s.ok) for (const p of s.error) problem(shown, `${p.path || shown}: ${p.message}`);
    if (bad || (sides.base && !sides.base.ok) || (sides.head && !sides.head.ok)) continue;
    const base = sides.base?.ok ? sides.base.value : null;
    const head = sides.head?.ok ? sides.head.value : null;
    sections.push({
      title: shown,
      diff: diffScenarios(base?.scenario ?? null, head?.scenario ?? null, fargateCatalog, extrasCatalog, ec2Catalog, { base: base?.notes, head: head?.notes }),
    });
  }

  const totals = total(sections.map((s) => s.diff));
  const overPercent = failAbove !== undefined && totalGrowsMoreThan(totals.base, totals.head, failAbove);
  const failedUsd = failAboveUsd !== undefined && totals.head.minus(totals.base).gt(failAboveUsd);
  const failed = overPercent || failedUsd;
  const markdown = diffToMarkdown(sections, { failAbove, failed: overPercent, failAboveUsd, failedUsd, errors });
  if (sections.length)
    log.push(`base ${commits.base.slice(0, 12)} -> head ${commits.head.slice(0, 12)}: ${totals.base.toFixed(2)} -> ${totals.head.toFixed(2)} USD a month`);
  if (overPercent) log.push(`The monthly cost grows by more than fail-above ${failAbove}%.`);
  if (failedUsd) log.push(`The monthly cost grows by more than fail-above-usd ${failAboveUsd!.toString()} USD.`);
  const difference = totals.head.minus(totals.base);
  const percent = percentOf(difference, totals.base);
  const outputs = {
    "base-monthly-cost": totals.base.toString(),
    "head-monthly-cost": totals.head.toString(),
    "monthly-difference": difference.toString(),
    percent: percent ?? "",
  };
  const json = {
    base: { commit: commits.base, monthlyCost: outputs["base-monthly-cost"] },
    head: { commit: commits.head, monthlyCost: outputs["head-monthly-cost"] },
    difference: { monthlyCost: outputs["monthly-difference"], percent },
    overLimit: failed,
    files: sections.map((s) => ({ path: s.title, ...(diffToJson(s.diff) as object) })),
    errors: errors.map((e) => ({ path: e.title, problems: e.problems })),
  };
  if (errors.length) {
    // The report and the outputs of the files that could be priced are written; the step still fails (exit 2).
    const lines = errors.flatMap((e) => e.problems);
    return { code: 2, markdown, log: [...log, ...lines], outputs: sections.length ? outputs : {}, json };
  }
  return { code: failed ? 3 : 0, markdown, log, outputs, json };
}

function total(diffs: CostDiff[]) {
  return { base: sum(diffs.map((d) => d.base.monthlyCost)), head: sum(diffs.map((d) => d.head.monthlyCost)) };
}

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Creates the pull request's cost comment, or updates the one an earlier run left (found by its hidden marker). */
export async function upsertComment(opts: { api: string; repository: string; pr: number; token: string; body: string; fetch: Fetch }): Promise<Result<string>> {
  const headers = {
    Authorization: `Bearer ${opts.token}`,
    Accept: "application/vnd.github+json",
    "X-GitHub-Api-Version": "2022-11-28",
    "User-Agent": "fargate-estimator",
  };
  const body = opts.body.length > COMMENT_LIMIT ? `${opts.body.slice(0, COMMENT_LIMIT)}\n\n… (cut to fit a comment: the job summary has it all)\n` : opts.body;
  const base = `${opts.api.replace(/\/$/, "")}/repos/${opts.repository}`;
  const why = async (r: { status: number; json(): Promise<unknown> }) => {
    const j = (await r.json().catch(() => null)) as { message?: string } | null;
    return `${r.status}${j?.message ? ` ${j.message}` : ""}`;
  };
  let existing: number | undefined;
  for (let page = 1; page <= 10 && existing === undefined; page++) {
    const r = await opts.fetch(`${base}/issues/${opts.pr}/comments?per_page=100&page=${page}`, { method: "GET", headers });
    if (!r.ok) return failed({ message: `could not list the pull request's comments (${await why(r)}): give the job "pull-requests: write" permission` });
    const list = (await r.json()) as { id: number; body?: string }[];
    existing = list.find((c) => typeof c.body === "string" && c.body.includes(MARKDOWN_MARKER))?.id;
    if (list.length < 100) break;
  }
  const r = existing
    ? await opts.fetch(`${base}/issues/comments/${existing}`, { method: "PATCH", headers, body: JSON.stringify({ body }) })
    : await opts.fetch(`${base}/issues/${opts.pr}/comments`, { method: "POST", headers, body: JSON.stringify({ body }) });
  if (!r.ok)
    return failed({ message: `could not ${existing ? "update" : "write"} the comment (${await why(r)}): give the job "pull-requests: write" permission` });
  return ok(existing ? `updated comment ${existing}` : "commented on the pull request");
}

/** The pull request's number, from the event payload GitHub writes for the job. */
export function pullRequestNumber(env: CiEnv): number | undefined {
  if (env.INPUT_PR_NUMBER && /^\d+$/.test(env.INPUT_PR_NUMBER.trim())) return Number(env.INPUT_PR_NUMBER.trim());
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as { pull_request?: { number?: unknown }; number?: unknown };
    const n = event.pull_request?.number ?? undefined;
    return typeof n === "number" ? n : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One line for the runner's log: `::error::message` (or `::warning::`, `::notice::`), or a plain line for kind "".
 * A command's message is escaped as the runner expects (%, CR, LF), so it stays one line whatever a file put in it.
 * A plain line is made one line too, and one that would start with "::" (a workflow command of its own) is quoted with "> ".
 */
export function workflowCommand(kind: "error" | "warning" | "notice" | "", message: string): string {
  if (kind) return `::${kind}::${message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}\n`;
  const one = message.replace(/[\r\n]+/g, " ");
  return /^\s*::/.test(one) ? `> ${one}\n` : `${one}\n`;
}

/** Appends to a GitHub Actions file (job summary, outputs) when the variable names one. */
export function appendTo(file: string | undefined, text: string) {
  if (file) appendFileSync(file, text);
}
