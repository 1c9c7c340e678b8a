import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { MARKDOWN_MARKER } from "@/lib/diff/render";
import { runCiDiff, upsertComment } from "./ci-diff";

/**
 * The GitHub Action end to end, without GitHub: two commits of a temporary git repository, and the action's own
 * "Cost diff" step from action.yml (its env mapping and run command, with ${{ }} expressions filled in the way
 * the runner would) run by bash, writing to a job-summary file. No token, so no network (the comment test serves a
 * mock API). The action's folder is what a release holds: action.yml and the bundled CLI (dist/cli), no node_modules.
 */
const root = path.resolve(__dirname, "..", "..");
let actionPath = "";
type Step = { id?: string; name: string; run: string; shell: string; "working-directory"?: string; env?: Record<string, string> };
const action = parse(readFileSync(path.join(root, "action.yml"), "utf8")) as {
  inputs: Record<string, { required?: boolean; default?: string }>;
  runs: { using: string; steps: Step[] };
};

let repo = "";
const sha: Record<string, string> = {};
const git = (...args: string[]) => {
  const r = spawnSync("git", args, {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
};
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const taskDef = (cpu: string, memory: string) =>
  JSON.stringify({ family: "web", requiresCompatibilities: ["FARGATE"], cpu, memory, containerDefinitions: [{ name: "web", image: "nginx" }] }, null, 2);
const manifests = (replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: ${replicas}\n  template:\n    spec:\n      containers:\n        - name: api\n          resources: {requests: {cpu: 500m, memory: 1Gi}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {ports: [{port: 80}]}\n`;

beforeAll(() => {
  actionPath = mkdtempSync(path.join(tmpdir(), "cost-diff-action-"));
  writeFileSync(path.join(actionPath, "action.yml"), readFileSync(path.join(root, "action.yml")));
  const built = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs"), "--out", path.join(actionPath, "dist", "cli")], { encoding: "utf8" });
  if (built.status !== 0) throw new Error(built.stderr);
  repo = mkdtempSync(path.join(tmpdir(), "cost-diff-repo-"));
  git("init", "-q", "-b", "main");
  write(".aws/task-definition.json", taskDef("512", "1024"));
  write(".aws/task-definition.scenario.json", JSON.stringify({ workloads: [{ name: "web", tasks: 2 }] }));
  write("k8s/app.yaml", manifests(2));
  git("add", ".");
  git("commit", "-q", "-m", "base");
  sha.base = git("rev-parse", "HEAD");
  write(".aws/task-definition.json", taskDef("1024", "2048"));
  write("k8s/app.yaml", manifests(3));
  write(
    "scenarios/batch.json",
    JSON.stringify({
      name: "batch",
      region: "us-east-1",
      workloads: [{ name: "report", vcpu: 1, memoryGiB: 2, schedule: { type: "duty-cycle", percent: 50 } }],
    }),
  );
  git("add", ".");
  git("commit", "-q", "-m", "head");
  sha.head = git("rev-parse", "HEAD");
  // The working tree moves on: the action reads the commits, not the files on disk.
  write("k8s/app.yaml", manifests(99));
});

/** Fills ${{ ... }} as the runner would, from the inputs given (or their defaults) and a github context. */
function expand(text: string, inputs: Record<string, string>, github: Record<string, unknown>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const [scope, ...rest] = expr.split(".");
    if (scope === "inputs") {
      const name = rest.join(".");
      if (!Object.hasOwn(action.inputs, name)) throw new Error(`action.yml uses an undeclared input ${name}`);
      return Object.hasOwn(inputs, name) ? inputs[name]! : expand(action.inputs[name]!.default ?? "", inputs, github);
    }
    if (scope === "github") {
      let v: unknown = github;
      for (const k of rest) v = v && typeof v === "object" && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined;
      return v === undefined ? "" : String(v);
    }
    throw new Error(`unexpected expression ${expr}`);
  });
}

function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  return runActionAt(inputs, sha.head!, extraEnv);
}

/** The action's "Cost diff" step as the runner would start it: its command, folder and environment, and the files it writes. */
function actionStep(inputs: Record<string, string>, headSha: string, extraEnv: Record<string, string> = {}) {
  const out = mkdtempSync(path.join(tmpdir(), "cost-diff-out-"));
  const summary = path.join(out, "summary.md");
  const outputs = path.join(out, "outputs.txt");
  writeFileSync(summary, "");
  writeFileSync(outputs, "");
  const github = { action_path: actionPath, workspace: repo, sha: headSha, event: { pull_request: { base: { sha: sha.base } } } };
  const step = action.runs.steps.find((s) => s.id === "diff")!;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, inputs, github);
  return {
    args: ["-e", "-c", expand(step.run, inputs, github)],
    shell: step.shell,
    cwd: expand(step["working-directory"] ?? ".", inputs, github),
    env: {
      NODE_ENV: "test" as const,
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? "/tmp",
      ...env,
      GITHUB_WORKSPACE: repo,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: outputs,
      GITHUB_REPOSITORY: "acme/shop",
      ...extraEnv,
    },
    files: () => ({ summary: readFileSync(summary, "utf8"), outputs: readFileSync(outputs, "utf8") }),
  };
}

function runActionAt(inputs: Record<string, string>, headSha: string, extraEnv: Record<string, string> = {}) {
  const step = actionStep(inputs, headSha, extraEnv);
  const r = spawnSync(step.shell, step.args, { cwd: step.cwd, encoding: "utf8", env: step.env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ...step.files() };
}

/** The same, without blocking this process (so a mock API served from it can answer the step). */
function runActionAsync(inputs: Record<string, string>, headSha: string, extraEnv: Record<string, string>) {
  const step = actionStep(inputs, headSha, extraEnv);
  return new Promise<{ status: number | null; stdout: string; stderr: string; summary: string; outputs: string }>((resolve, reject) => {
    const child = spawn(step.shell, step.args, { cwd: step.cwd, env: step.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr, ...step.files() }));
  });
}

const ciEnv = (env: Record<string, string>) => ({ GITHUB_WORKSPACE: repo, INPUT_BASE: sha.base, INPUT_HEAD: sha.head, ...env });

describe("the GitHub Action on two commits of a git repository", () => {
  it("is a composite action of one step: the bundled CLI, no npm ci when the release carries it", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps.map((s) => s["working-directory"])).toEqual(["${{ github.action_path }}"]);
    const run = action.runs.steps[0]!.run.trim().split("\n");
    expect(run.at(-1)).toBe("node dist/cli/fargate-estimator.mjs ci-diff");
    // npm ci only in the branch taken when dist/cli is missing (a ref that is not a release).
    expect(run[0]).toBe("if [ ! -f dist/cli/fargate-estimator.mjs ]; then");
    expect(run.findIndex((l) => l.includes("npm ci"))).toBeLessThan(run.indexOf("fi"));
    // Inputs are passed as environment variables, never pasted into a shell command (script injection).
    for (const s of action.runs.steps) expect(s.run).not.toMatch(/\$\{\{/);
  });

  it("writes the job summary and the outputs: a task definition with its scenario, manifests, a new scenario file", () => {
    const trace = path.join(mkdtempSync(path.join(tmpdir(), "cost-diff-trace-")), "git.txt");
    const r = runAction({ paths: ".aws/task-definition.json\nk8s/app.yaml\nscenarios/batch.json" }, { GIT_TRACE: trace });
    expect(r.stderr).not.toContain("::error::");
    expect(r.status).toBe(0);
    // Few git processes, however many files: the checkout, the two commits and the folder (4 rev-parse), then one
    // cat-file --batch-check for the 3 files and the scenario beside each at both commits, one cat-file --batch for
    // the texts (it was 3 processes a file and side, 28 here).
    const started = readFileSync(trace, "utf8").match(/trace: built-in: git .*/g) ?? [];
    expect(started.map((line) => line.replace(/'/g, "").split(" ").slice(3, 5).join(" "))).toEqual([
      "rev-parse --git-dir",
      "rev-parse --verify",
      "rev-parse --verify",
      "rev-parse --show-prefix",
      "cat-file --batch-check=%(objecttype)",
      "cat-file --batch",
    ]);
    // .aws/task-definition.json, 2 tasks (from .aws/task-definition.scenario.json), 730 h each:
    //   BASE 0.5 vCPU / 1 GB: 1460 x (0.5 x 0.04048 + 1 x 0.004445 = 0.024685) = 36.0401
    //   HEAD 1 vCPU / 2 GB:   1460 x (0.04048 + 2 x 0.004445 = 0.04937) = 72.0802
    // k8s/app.yaml (EKS: 0.5 vCPU / 1 GiB + 0.25 GiB -> billed 0.5 vCPU / 2 GB, 730 x 0.02913 = 21.2649 a pod;
    //   the Service runs no pods): BASE 2 replicas 42.5298, HEAD 3 replicas 63.7947 (the working tree's 99 is ignored)
    // scenarios/batch.json, new: 1 vCPU / 2 GB at 50% duty cycle: 365 x 0.04937 = 18.02005
    // Totals: BASE 36.0401 + 42.5298 = 78.5699 -> $78.57; HEAD 72.0802 + 63.7947 + 18.02005 = 153.89495 -> $153.89
    //   difference 75.32505 (shown $153.89 - $78.57 = $75.32); 75.32505 / 78.5699 = 95.870%
    const s = r.summary;
    expect(s.startsWith(MARKDOWN_MARKER)).toBe(true);
    expect(s).toContain("### Fargate cost: +$75.32 a month (+95.87%)");
    expect(s).toContain("**$78.57 → $153.89** a month in us-east-1");
    expect(s).toContain("#### .aws/task-definition.json: +$36.04 a month (+100.00%)");
    expect(s).toContain("| web | changed | $36.04 | $72.08 | +$36.04 | vCPU 0.5 → 1; memory 1 GiB → 2 GiB |");
    expect(s).toContain("#### k8s/app.yaml: +$21.26 a month (+50.00%)"); // 21.2649 / 42.5298 = 50% exactly
    expect(s).toContain("| api | changed | $42.53 | $63.79 | +$21.26 | tasks 2 → 3 |");
    expect(s).toContain("#### scenarios/batch.json: +$18.02 a month (new cost)");
    expect(s).toContain("| report | added | – | $18.02 | +$18.02 | added: 1 × 1 vCPU / 2 GiB, duty cycle 50% |");
    // stdout is the report between a stop-commands line and the line that resumes them (see the injection test).
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^::stop-commands::[0-9a-f-]{36}$/);
    expect(lines.slice(1).join("\n")).toBe(`${s.replace(/\n$/, "")}${lines[0]!.replace("::stop-commands::", "::")}::\n`);
    expect(r.outputs).toBe("base-monthly-cost=78.5699\nhead-monthly-cost=153.89495\nmonthly-difference=75.32505\npercent=95.87\n");
  }, 60_000);

  it("fail-above: exit 3 with the report still written", () => {
    const r = runAction({ paths: "k8s/app.yaml", "fail-above": "49" });
    // 21.2649 / 42.5298 = exactly 50% > 49%
    expect(r.status).toBe(3);
    expect(r.summary).toContain("### Fargate cost: +$21.26 a month (+50.00%)");
    expect(r.summary).toContain("**$42.53 → $63.79** a month in us-east-1, base → head: k8s/app.yaml.");
    expect(r.summary).toContain("**Over the limit:** the monthly cost grows by more than 49%.");
    expect(runCiDiff(ciEnv({ INPUT_PATHS: "k8s/app.yaml", INPUT_FAIL_ABOVE: "50" })).code).toBe(0);
    // fail-above-usd: the difference is 21.2649 a month, over $21.26, not over $21.27.
    const usd = runCiDiff(ciEnv({ INPUT_PATHS: "k8s/app.yaml", INPUT_FAIL_ABOVE_USD: "21.26" }));
    expect(usd.code).toBe(3);
    expect(usd.markdown).toContain("**Over the limit:** the monthly cost grows by more than $21.26.");
    expect(usd.log).toContain("The monthly cost grows by more than fail-above-usd 21.26 USD.");
    const within = runCiDiff(ciEnv({ INPUT_PATHS: "k8s/app.yaml", INPUT_FAIL_ABOVE_USD: "$21.27" }));
    expect(within.code).toBe(0);
    expect(within.markdown).toContain("Within the limit of +$21.27 a month.");
  }, 60_000);

  it("bad input: exit 2, each problem in one sentence, in the log and the summary", () => {
    const missing = runAction({ paths: "k8s/nope.yaml" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(
      `::error::k8s/nope.yaml: not found at the base (${sha.base!.slice(0, 12)}) or the head (${sha.head!.slice(0, 12)}): check the path`,
    );
    expect(missing.summary).toContain("### Fargate cost: not computed");
    // The same checks in process (each run of the script costs seconds on a shared machine):
    const log = (env: Record<string, string>) => {
      const r = runCiDiff(ciEnv(env));
      expect(r.code).toBe(2);
      return r.log.join("\n");
    };
    expect(log({ INPUT_PATHS: "k8s" })).toContain("k8s: is a folder at");
    expect(log({ INPUT_PATHS: "../etc/passwd" })).toContain("../etc/passwd: paths are relative to working-directory and stay inside the repository");
    expect(log({ INPUT_PATHS: "k8s/app.yaml", INPUT_BASE: "0123456789abcdef0123456789abcdef01234567" })).toContain(
      'base: commit "0123456789abcdef0123456789abcdef01234567" is not in this checkout: give actions/checkout fetch-depth: 0',
    );
    expect(log({ INPUT_PATHS: "k8s/app.yaml", INPUT_FAIL_ABOVE: "lots" })).toContain('fail-above: must be a percentage of at least 0, such as 10 (got "lots")');
    expect(log({ INPUT_PATHS: " \n " })).toContain("paths: list the scenario files, task definitions or manifests to compare, one per line");
    expect(log({ INPUT_PATHS: "k8s/app.yaml", INPUT_BASE: "" })).toContain("base: no base commit: run on pull_request events");
    // A broken file at one commit names the file and the side.
    git("checkout", "-q", "-b", "broken", sha.head!);
    write("k8s/app.yaml", "kind: [");
    git("commit", "-q", "-am", "broken");
    const broken = git("rev-parse", "HEAD");
    git("checkout", "-q", "main");
    expect(log({ INPUT_PATHS: "k8s/app.yaml", INPUT_HEAD: broken })).toMatch(/^k8s\/app\.yaml \(head\): The file is not valid YAML/m);
  }, 60_000);
});

/** A commit on its own branch from HEAD's commit with these files changed; the main branch is left as it was. */
function commitVariant(branch: string, files: Record<string, string>): string {
  git("checkout", "-q", "-b", branch, sha.head!);
  for (const [file, text] of Object.entries(files)) write(file, text);
  git("add", "--", ...Object.keys(files)); // only these: the working tree's k8s/app.yaml (99 replicas) stays out
  git("commit", "-q", "-m", branch);
  const commit = git("rev-parse", "HEAD");
  git("checkout", "-q", "main");
  return commit;
}

/** What the runner would run of stdout/stderr: every line that is a workflow command outside a stop-commands block. */
function commandsRun(text: string): string[] {
  const run: string[] = [];
  let stopToken: string | undefined;
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (stopToken !== undefined) {
      if (t === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const m = /^::stop-commands::(.+)$/.exec(t);
    if (m) stopToken = m[1];
    else if (t.startsWith("::")) run.push(t);
  }
  return run;
}

describe("names from files in the report (workflow commands, mentions, links)", () => {
  const evil = "x\n::warning title=INJECTED::owned\n@octocat [click](https://evil.example) ![i](https://evil.example/i.png) #1";
  const pod = (cpu: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${JSON.stringify(evil)}\nspec:\n  containers:\n    - name: c\n      resources: {requests: {cpu: "${cpu}", memory: 1Gi}}\n`;
  const inert = (r: { stdout: string; stderr: string; summary: string }) => {
    // Nothing the file says becomes a workflow command: stdout runs only the stop-commands pair, stderr only ::error:: lines.
    expect(commandsRun(r.stdout)).toEqual([]);
    for (const c of commandsRun(r.stderr)) expect(c).toMatch(/^::error::/);
    expect(r.stderr).not.toMatch(/^\s*::warning/m);
    expect(r.summary).not.toMatch(/^\s*::/m);
    // No mention, link, image, autolink or issue reference survives in the Markdown.
    expect(r.summary).not.toMatch(/@octocat|(?<!\\)\]\(|(?<!\\)!\[|https:\/\/|#1/);
    expect(r.summary).toContain("&#64;&#8203;octocat \\[click\\](https:&#8203;//evil.example) !\\[i\\]");
  };

  it("exit 2 (cpu 64 cannot run on Fargate): the problem is escaped like the names of a priced report", () => {
    const head = commitVariant("evil-64", { "k8s/evil.yaml": pod("64") });
    const r = runActionAt({ paths: "k8s/evil.yaml" }, head);
    expect(r.status).toBe(2);
    expect(r.summary).toContain("### Fargate cost: not computed");
    expect(r.summary).toContain('- k8s/evil.yaml (head): "x ::warning title=INJECTED::owned &#64;&#8203;octocat');
    expect(r.summary).toContain("cannot run on Fargate as written: A pod requesting 64 vCPU / 1 GiB (+256 MiB) is above the largest Fargate size");
    inert(r);
  }, 60_000);

  it("exit 0 (cpu 1): the same name in a priced report", () => {
    const head = commitVariant("evil-1", { "k8s/evil.yaml": pod("1") });
    const r = runActionAt({ paths: "k8s/evil.yaml" }, head);
    expect(r.status).toBe(0);
    expect(r.summary).toContain("| x ::warning title=INJECTED::owned &#64;&#8203;octocat");
    inert(r);
  }, 60_000);
});

describe("which files, and a file that cannot be priced", () => {
  it("counts each file once whatever the spelling", () => {
    const r = runCiDiff(ciEnv({ INPUT_PATHS: "k8s/app.yaml\n./k8s/app.yaml\nk8s//app.yaml, k8s/../k8s/app.yaml" }));
    expect(r.code).toBe(0);
    // Once: 42.5298 -> 63.7947 (as in the end-to-end test), not four times.
    expect(r.outputs["base-monthly-cost"]).toBe("42.5298");
    expect(r.outputs["head-monthly-cost"]).toBe("63.7947");
    expect(r.markdown.match(/\| api \| changed/g)).toHaveLength(1);
  });

  it("expands globs at both commits; a scenario beside a matched file is not a file of its own", () => {
    // .aws/*.json matches task-definition.json and task-definition.scenario.json (its scenario); **/*.yaml matches
    // k8s/app.yaml; scenarios/*.json matches batch.json (head only). Totals as in the end-to-end test.
    const r = runCiDiff(ciEnv({ INPUT_PATHS: ".aws/*.json\n**/*.yaml\nscenarios/*.{json,yml}" }));
    expect(r.log).toEqual([expect.stringContaining("78.57 -> 153.89 USD a month")]);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ "base-monthly-cost": "78.5699", "head-monthly-cost": "153.89495" });
    expect(r.markdown).toContain("#### .aws/task-definition.json: +$36.04 a month (+100.00%)");
    expect(r.markdown).not.toContain("#### .aws/task-definition.scenario.json");
    expect(runCiDiff(ciEnv({ INPUT_PATHS: "nothing/*.yaml" })).log).toContain(
      `nothing/*.yaml: matches no file at the base (${sha.base!.slice(0, 12)}) or the head (${sha.head!.slice(0, 12)})`,
    );
  });

  it("reads paths and globs relative to working-directory", () => {
    const head = commitVariant("subfolder", { "svc/k8s/web.yaml": manifests(1), "svc/k8s/web.scenario.json": JSON.stringify({ region: "us-east-1" }) });
    mkdirSync(path.join(repo, "svc"), { recursive: true }); // the checkout has the folder
    // From svc/: k8s/*.yaml is svc/k8s/web.yaml (new at the head, 1 pod: 21.2649), and its scenario beside it.
    const r = runCiDiff({ GITHUB_WORKSPACE: repo, INPUT_WORKING_DIRECTORY: "svc", INPUT_BASE: sha.base!, INPUT_HEAD: head, INPUT_PATHS: "k8s/*.yaml" });
    expect(r.log).toEqual([expect.stringContaining("0.00 -> 21.26 USD a month")]);
    expect(r.markdown).toContain("**$0.00 → $21.26** a month in us-east-1, base → head: k8s/web.yaml.");
    const plain = runCiDiff({ GITHUB_WORKSPACE: repo, INPUT_WORKING_DIRECTORY: "svc", INPUT_BASE: sha.base!, INPUT_HEAD: head, INPUT_PATHS: "./k8s/web.yaml" });
    expect(plain.outputs["head-monthly-cost"]).toBe("21.2649");
    // Up and out of the working directory is fine inside the repository, not beyond it.
    expect(
      runCiDiff({ GITHUB_WORKSPACE: repo, INPUT_WORKING_DIRECTORY: "svc", INPUT_BASE: sha.base!, INPUT_HEAD: head, INPUT_PATHS: "../k8s/app.yaml" }).outputs,
    ).toMatchObject({ "head-monthly-cost": "63.7947" });
  });

  it("a broken file is an error section: the others are still compared, the outputs written, exit 2", () => {
    const head = commitVariant("one-broken", { "k8s/app.yaml": "kind: [" });
    const r = runCiDiff(ciEnv({ INPUT_HEAD: head, INPUT_PATHS: "k8s/app.yaml\n.aws/task-definition.json" }));
    expect(r.code).toBe(2);
    // Only the task definition is priced: 36.0401 -> 72.0802 (see the end-to-end test).
    expect(r.outputs).toEqual({ "base-monthly-cost": "36.0401", "head-monthly-cost": "72.0802", "monthly-difference": "36.0401", percent: "100.00" });
    expect(r.markdown).toContain("### Fargate cost: +$36.04 a month (+100.00%)");
    expect(r.markdown).toContain("**1 file could not be priced** (below): the totals leave it out.");
    expect(r.markdown).toMatch(/#### k8s\/app\.yaml: not priced\n\n- k8s\/app\.yaml \(head\): The file is not valid YAML/);
    expect(r.log.at(-1)).toMatch(/^k8s\/app\.yaml \(head\): The file is not valid YAML/);
  });

  it("a file over the size limit is refused in words, not ENOBUFS", () => {
    const head = commitVariant("huge", { "k8s/huge.yaml": `# ${"x".repeat(3 * 1024 * 1024)}\n` });
    const r = runCiDiff(ciEnv({ INPUT_HEAD: head, INPUT_PATHS: "k8s/huge.yaml" }));
    expect(r.code).toBe(2);
    expect(r.log.join("\n")).toContain(
      `k8s/huge.yaml: is 3.0 MB at ${head.slice(0, 12)}; the cost diff reads files of at most 2.0 MB (task definitions and manifests at most 1 MB)`,
    );
    expect(r.log.join("\n")).not.toContain("ENOBUFS");
  });

  it("says what was assumed: a task definition without a scenario beside it counts as 1 task", () => {
    const head = commitVariant("no-scenario", { "ecs/api.json": taskDef("1024", "2048") });
    const r = runCiDiff(ciEnv({ INPUT_HEAD: head, INPUT_PATHS: "ecs/api.json" }));
    expect(r.code).toBe(0);
    expect(r.markdown).toContain(
      '**Assumed** (say it in the files to make the estimate exact):\n- web: assumed 1 task: add api.scenario.json beside it with "tasks" for this workload',
    );
  });
});

describe("the comment when a file cannot be priced", () => {
  it("is still updated (a local mock of the GitHub API), with the report of what could be priced; the step exits 2", async () => {
    const head = commitVariant("broken-comment", { "k8s/app.yaml": "kind: [" });
    const calls: { method: string; url: string; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (d: Buffer) => (body += d.toString()));
      req.on("end", () => {
        calls.push({ method: req.method!, url: req.url!, body });
        res.setHeader("content-type", "application/json");
        res.end(req.method === "GET" ? JSON.stringify([{ id: 5, body: `${MARKDOWN_MARKER}\nthe old estimate` }]) : "{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const event = path.join(mkdtempSync(path.join(tmpdir(), "cost-diff-event-")), "event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));
    try {
      const r = await runActionAsync({ paths: "k8s/app.yaml\n.aws/task-definition.json", "github-token": "t0k" }, head, {
        GITHUB_API_URL: `http://127.0.0.1:${port}`,
        GITHUB_EVENT_PATH: event,
      });
      expect(r.status).toBe(2);
      expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
        "GET /repos/acme/shop/issues/7/comments?per_page=100&page=1",
        "PATCH /repos/acme/shop/issues/comments/5",
      ]);
      const body = (JSON.parse(calls[1]!.body) as { body: string }).body;
      expect(body).toBe(r.summary.replace(/\n$/, ""));
      expect(body).toContain("### Fargate cost: +$36.04 a month (+100.00%)");
      expect(body).toContain("#### k8s/app.yaml: not priced");
      expect(r.outputs).toContain("head-monthly-cost=72.0802\n");
    } finally {
      server.close();
    }
  }, 60_000);
});

describe("GitLab CI (examples/gitlab-ci.yml) and the JSON report", () => {
  it("runs the example's report line: a merge-request note on a local mock of the GitLab API, the JSON and Markdown reports", async () => {
    const job = (parse(readFileSync(path.join(root, "examples", "gitlab-ci.yml"), "utf8")) as Record<string, { script: string[] }>)["fargate-cost"]!;
    const line = job.script.find((l) => l.startsWith("fargate-estimator report"))!;
    // `fargate-estimator` on PATH is the bundled CLI the tarball installs (cli-package.test.ts installs the tarball itself).
    const bin = mkdtempSync(path.join(tmpdir(), "gitlab-bin-"));
    writeFileSync(
      path.join(bin, "fargate-estimator"),
      `#!/bin/sh\nexec node ${JSON.stringify(path.join(actionPath, "dist", "cli", "fargate-estimator.mjs"))} "$@"\n`,
      { mode: 0o755 },
    );
    const calls: { method: string; url: string; token?: string; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (d: Buffer) => (body += d.toString()));
      req.on("end", () => {
        calls.push({ method: req.method!, url: req.url!, token: req.headers["private-token"] as string | undefined, body });
        res.setHeader("content-type", "application/json");
        res.statusCode = req.method === "POST" ? 201 : 200;
        res.end(req.method === "GET" ? JSON.stringify([{ id: 3, body: "LGTM", system: false }]) : "{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const r = await new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn("bash", ["-e", "-c", line], {
          cwd: repo,
          env: {
            NODE_ENV: "test",
            PATH: `${bin}:${process.env.PATH}`,
            HOME: process.env.HOME ?? "/tmp",
            CI_MERGE_REQUEST_DIFF_BASE_SHA: sha.base!,
            CI_COMMIT_SHA: sha.head!,
            CI_API_V4_URL: `http://127.0.0.1:${port}/api/v4`,
            CI_PROJECT_ID: "42",
            CI_MERGE_REQUEST_IID: "9",
            GITLAB_TOKEN: "glpat-test",
          },
        });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", (status) => resolve({ status, stderr }));
      });
      // .aws/task-definition.json 36.0401 -> 72.0802 and k8s/app.yaml 42.5298 -> 63.7947 (the end-to-end test's
      // figures): 78.5699 -> 135.8749, +57.305 = +72.94%, over fail-above 20: exit 3 after posting. Shown: $78.57 ->
      // $135.87, so the headline difference is $57.30 (the rows always add up to what is shown).
      expect(r.stderr).toContain("noted on the merge request");
      expect(r.status).toBe(3);
      expect(calls.map((c) => `${c.method} ${c.url} ${c.token}`)).toEqual([
        "GET /api/v4/projects/42/merge_requests/9/notes?per_page=100&page=1&sort=asc glpat-test",
        "POST /api/v4/projects/42/merge_requests/9/notes glpat-test",
      ]);
      const markdown = readFileSync(path.join(repo, "cost.md"), "utf8");
      expect((JSON.parse(calls[1]!.body) as { body: string }).body).toBe(markdown);
      expect(markdown).toContain("### Fargate cost: +$57.30 a month (+72.94%)");
      const json = JSON.parse(readFileSync(path.join(repo, "cost.json"), "utf8")) as Record<string, unknown>;
      expect(json).toMatchObject({
        base: { commit: sha.base, monthlyCost: "78.5699" },
        head: { commit: sha.head, monthlyCost: "135.8749" },
        difference: { monthlyCost: "57.305", percent: "72.94" },
        overLimit: true,
        files: [
          { path: ".aws/task-definition.json", difference: { monthlyCost: "36.0401" } },
          { path: "k8s/app.yaml", difference: { monthlyCost: "21.2649" } },
        ],
        errors: [],
      });
    } finally {
      server.close();
    }
  }, 60_000);
});

describe("the pull-request comment", () => {
  const fake = (existing: { id: number; body: string }[], status = 200) => {
    const calls: { url: string; method: string; body?: string; auth?: string }[] = [];
    const fetch = async (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
      calls.push({ url, method: init.method, body: init.body, auth: init.headers.Authorization });
      return {
        ok: status < 300,
        status,
        json: async () => (init.method === "GET" && status < 300 ? existing : { message: "Resource not accessible by integration" }),
      };
    };
    return { calls, fetch };
  };
  const opts = { api: "https://api.github.com", repository: "acme/shop", pr: 7, token: "t0k", body: `${MARKDOWN_MARKER}\n### Fargate cost: +$1.00 a month` };

  it("creates one comment, then updates it on later runs", async () => {
    const first = fake([{ id: 1, body: "LGTM" }]);
    expect(await upsertComment({ ...opts, fetch: first.fetch })).toEqual({ ok: true, value: "commented on the pull request" });
    expect(first.calls.map((c) => [c.method, c.url])).toEqual([
      ["GET", "https://api.github.com/repos/acme/shop/issues/7/comments?per_page=100&page=1"],
      ["POST", "https://api.github.com/repos/acme/shop/issues/7/comments"],
    ]);
    expect(JSON.parse(first.calls[1]!.body!).body).toBe(opts.body);
    expect(first.calls[1]!.auth).toBe("Bearer t0k");
    const again = fake([
      { id: 1, body: "LGTM" },
      { id: 42, body: `${MARKDOWN_MARKER}\nold` },
    ]);
    expect(await upsertComment({ ...opts, fetch: again.fetch })).toEqual({ ok: true, value: "updated comment 42" });
    expect(again.calls[1]).toMatchObject({ method: "PATCH", url: "https://api.github.com/repos/acme/shop/issues/comments/42" });
  });

  it("says what permission is missing instead of failing the step", async () => {
    const denied = fake([], 403);
    expect(await upsertComment({ ...opts, fetch: denied.fetch })).toEqual({
      ok: false,
      error: {
        message: 'could not list the pull request\'s comments (403 Resource not accessible by integration): give the job "pull-requests: write" permission',
      },
    });
  });
});
