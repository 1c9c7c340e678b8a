import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { extrasCatalog } from "@/lib/catalog/extras";
import {
  besidePath,
  type CostDiff,
  diffScenarios,
  type DiffSection,
  diffToMarkdown,
  isScenarioText,
  loadSide,
  MARKDOWN_MARKER,
  percentOf,
  totalGrowsMoreThan,
} from "@/lib/diff";
import { sum, fail as failed, ok, type Result } from "@/lib/core";
import type { Problem } from "@/lib/scenario";
import { parseFailAbove } from "./diff-cli";

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
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const COMMENT_LIMIT = 65_000; // GitHub refuses comment bodies over 65,536 characters

/** git's output, or what it said on stderr when it failed. */
function git(repo: string, args: string[]): Result<string, string> {
  const r = spawnSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: MAX_FILE_BYTES });
  return r.status === 0 ? ok(r.stdout) : failed((r.stderr || String(r.error ?? "")).trim());
}

/** The file's text at a commit, null when the commit does not have it; the problem names what is wrong with the path. */
function fileAt(repo: string, commit: string, file: string): Result<string | null, Problem> {
  const type = git(repo, ["cat-file", "-t", `${commit}:${file}`]);
  if (!type.ok) return ok(null);
  if (type.value.trim() !== "blob")
    return failed({
      path: file,
      message: `is a ${type.value.trim() === "tree" ? "folder" : type.value.trim()} at ${commit.slice(0, 12)}: list the files themselves`,
    });
  const blob = git(repo, ["cat-file", "blob", `${commit}:${file}`]);
  return blob.ok ? blob : failed({ path: file, message: `cannot be read at ${commit.slice(0, 12)} (${blob.error.split("\n")[0]})` });
}

export function splitPaths(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[\n,]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Repository-relative, forward slashes, no "./"; refuses absolute paths and paths leaving the repository. */
function normalise(p: string): string | null {
  const n = path.posix.normalize(p.replace(/\\/g, "/")).replace(/^\.\//, "");
  return path.posix.isAbsolute(n) || n === ".." || n.startsWith("../") ? null : n;
}

export function runCiDiff(env: CiEnv): CiResult {
  const log: string[] = [];
  const problems: Problem[] = [];
  const repo = path.resolve(env.GITHUB_WORKSPACE || process.cwd(), env.INPUT_WORKING_DIRECTORY || ".");
  const region = env.INPUT_REGION?.trim() || "us-east-1";
  const fail = (list: Problem[]): CiResult => {
    const lines = list.map((p) => `${p.path}: ${p.message}`);
    const markdown = `${MARKDOWN_MARKER}\n### Fargate cost: not computed\n\n${lines.map((l) => `- ${l.replace(/[<>|]/g, (c) => `&#${c.charCodeAt(0)};`)}`).join("\n")}\n`;
    return { code: 2, markdown, log: [...log, ...lines], outputs: {} };
  };

  let failAbove: number | undefined;
  if (env.INPUT_FAIL_ABOVE?.trim()) {
    const n = parseFailAbove(env.INPUT_FAIL_ABOVE);
    if (!n.ok) return fail([{ path: "fail-above", message: n.error.message }]);
    failAbove = n.value;
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

  const sections: DiffSection[] = [];
  for (const raw of paths) {
    const file = normalise(raw);
    if (file === null) {
      problems.push({ path: raw, message: "paths are relative to the repository root and stay inside it" });
      continue;
    }
    const sides: Partial<Record<"base" | "head", ReturnType<typeof loadSide>>> = {};
    let missing = 0;
    for (const side of ["base", "head"] as const) {
      const main = fileAt(repo, commits[side], file);
      if (!main.ok) {
        problems.push(main.error);
        continue;
      }
      const text = main.value;
      if (text === null) {
        missing++;
        continue;
      }
      let beside: { path: string; text: string } | undefined;
      if (!isScenarioText(text)) {
        const b = fileAt(repo, commits[side], besidePath(file));
        if (!b.ok) problems.push(b.error);
        else if (b.value !== null) beside = { path: besidePath(file), text: b.value };
      }
      sides[side] = loadSide(
        { file: { path: `${file} (${side})`, text }, beside: beside && { path: `${beside.path} (${side})`, text: beside.text } },
        { region },
        fargateCatalog,
        extrasCatalog,
      );
    }
    if (missing === 2) {
      problems.push({ path: file, message: `not found at the base (${commits.base.slice(0, 12)}) or the head (${commits.head.slice(0, 12)}): check the path` });
      continue;
    }
    for (const s of [sides.base, sides.head]) if (s && !s.ok) problems.push(...s.error);
    const base = sides.base?.ok ? sides.base.value.scenario : null;
    const head = sides.head?.ok ? sides.head.value.scenario : null;
    if ((sides.base && !sides.base.ok) || (sides.head && !sides.head.ok)) continue;
    sections.push({ title: file, diff: diffScenarios(base, head, fargateCatalog, extrasCatalog) });
  }
  if (problems.length) return fail(problems);

  const totals = total(sections.map((s) => s.diff));
  const failed = failAbove !== undefined && totalGrowsMoreThan(totals.base, totals.head, failAbove);
  const markdown = diffToMarkdown(sections, { failAbove, failed });
  log.push(`base ${commits.base.slice(0, 12)} -> head ${commits.head.slice(0, 12)}: ${totals.base.toFixed(2)} -> ${totals.head.toFixed(2)} USD a month`);
  if (failed) log.push(`The monthly cost grows by more than fail-above ${failAbove}%.`);
  const difference = totals.head.minus(totals.base);
  const percent = percentOf(difference, totals.base);
  const outputs = {
    "base-monthly-cost": totals.base.toString(),
    "head-monthly-cost": totals.head.toString(),
    "monthly-difference": difference.toString(),
    percent: percent ?? "",
  };
  return { code: failed ? 3 : 0, markdown, log, outputs };
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

/** Appends to a GitHub Actions file (job summary, outputs) when the variable names one. */
export function appendTo(file: string | undefined, text: string) {
  if (file) appendFileSync(file, text);
}
