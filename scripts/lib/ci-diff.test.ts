import { spawnSync } from "node:child_process";
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
 * the runner would) run by bash, writing to a job-summary file. No token, so no network.
 * The "Install the estimator" step (npm ci in the action's folder) is not run: this checkout is installed.
 */
const root = path.resolve(__dirname, "..", "..");
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

function runAction(inputs: Record<string, string>) {
  return runActionAt(inputs, sha.head!);
}

function runActionAt(inputs: Record<string, string>, headSha: string) {
  const out = mkdtempSync(path.join(tmpdir(), "cost-diff-out-"));
  const summary = path.join(out, "summary.md");
  const outputs = path.join(out, "outputs.txt");
  writeFileSync(summary, "");
  writeFileSync(outputs, "");
  const github = { action_path: root, workspace: repo, sha: headSha, event: { pull_request: { base: { sha: sha.base } } } };
  const step = action.runs.steps.find((s) => s.id === "diff")!;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, inputs, github);
  const r = spawnSync(step.shell, ["-e", "-c", expand(step.run, inputs, github)], {
    cwd: expand(step["working-directory"] ?? ".", inputs, github),
    encoding: "utf8",
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? "/tmp",
      ...env,
      GITHUB_WORKSPACE: repo,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: outputs,
      GITHUB_REPOSITORY: "acme/shop",
    },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(summary, "utf8"), outputs: readFileSync(outputs, "utf8") };
}

const ciEnv = (env: Record<string, string>) => ({ GITHUB_WORKSPACE: repo, INPUT_BASE: sha.base, INPUT_HEAD: sha.head, ...env });

describe("the GitHub Action on two commits of a git repository", () => {
  it("is a composite action: install in its own folder, then the diff step", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps.map((s) => [s.run, s["working-directory"]])).toEqual([
      ["npm ci --no-audit --no-fund --loglevel=error", "${{ github.action_path }}"],
      ["node_modules/.bin/tsx scripts/ci-diff.ts", "${{ github.action_path }}"],
    ]);
    // Inputs are passed as environment variables, never pasted into a shell command (script injection).
    for (const s of action.runs.steps) expect(s.run).not.toMatch(/\$\{\{/);
  });

  it("writes the job summary and the outputs: a task definition with its scenario, manifests, a new scenario file", () => {
    const r = runAction({ paths: ".aws/task-definition.json\nk8s/app.yaml\nscenarios/batch.json" });
    expect(r.stderr).not.toContain("::error::");
    expect(r.status).toBe(0);
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
  git("add", ".");
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
