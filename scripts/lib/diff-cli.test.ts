import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli";

const root = path.resolve(__dirname, "..", "..");
const scenario = (tasks: number, extra: object = {}) =>
  JSON.stringify({ name: "shop", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks, ...extra }] });
const taskDef = (cpu: string, memory: string) => JSON.stringify({ family: "web", cpu, memory, containerDefinitions: [{ name: "web", image: "nginx" }] });
const files: Record<string, string> = {
  "base.json": scenario(2),
  "head.json": scenario(3),
  "base/td.json": taskDef("512", "1024"),
  "head/td.json": taskDef("1024", "2048"),
  "head/td.scenario.json": JSON.stringify({ workloads: [{ name: "web", tasks: 2 }] }),
  "bad.json": scenario(-1),
  "broken.yaml": "kind: [",
};
const read = (f: string) => {
  if (!Object.hasOwn(files, f)) throw Object.assign(new Error("nope"), { code: "ENOENT" });
  return files[f]!;
};
const diff = (...argv: string[]) => runCli(["diff", ...argv], read);

describe("estimate diff", () => {
  it("JSON by default, in the documented shape", () => {
    const r = diff("base.json", "head.json");
    expect(r.code).toBe(0);
    // 2 -> 3 tasks of 1 vCPU / 2 GB: 730 x (0.04048 + 2 x 0.004445) = 36.0401 a task; 72.0802 -> 108.1203, +50%
    expect(JSON.parse(r.stdout)).toEqual({
      base: { name: "shop", region: "us-east-1", monthlyCost: "72.0802" },
      head: { name: "shop", region: "us-east-1", monthlyCost: "108.1203" },
      difference: { monthlyCost: "36.0401", percent: "50.00" },
      warnings: [],
      workloads: [
        {
          name: "api",
          change: "changed",
          baseMonthlyCost: "72.0802",
          headMonthlyCost: "108.1203",
          difference: "36.0401",
          reasons: ["tasks 2 → 3"],
          assumptions: [],
          lineItems: [
            // vCPU 1460 -> 2190 h x 0.04048 = 59.1008 -> 88.6512; memory 2920 -> 4380 GB-h x 0.004445 = 12.9794 -> 19.4691
            { name: "Fargate vCPU (on-demand, Linux/x86_64)", baseMonthlyCost: "59.1008", headMonthlyCost: "88.6512", difference: "29.5504" },
            { name: "Fargate memory (on-demand, Linux/x86_64)", baseMonthlyCost: "12.9794", headMonthlyCost: "19.4691", difference: "6.4897" },
          ],
        },
      ],
      // Both setups fit one c6a.xlarge (3 tasks of 1 vCPU under 5% headroom: 3891 CPU units; awsvpc 4 ENIs - 1 = 3):
      // EC2 730 x 0.153 = 111.69 + EBS 30 x 0.08 = 2.40 -> 114.09; Managed Instances adds the fee 730 x 0.01836 = 13.4028 -> 127.4928.
      clusters: [
        { side: "ECS Managed Instances", baseMonthlyCost: "127.4928", headMonthlyCost: "127.4928" },
        { side: "EC2 self-managed", baseMonthlyCost: "114.09", headMonthlyCost: "114.09" },
      ],
    });
  });

  it("Markdown and table formats", () => {
    const md = diff("base.json", "head.json", "--format", "markdown");
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("### Fargate cost: +$36.04 a month (+50.00%)");
    expect(md.stdout).toContain("| api | changed | $72.08 | $108.12 | +$36.04 | tasks 2 → 3 |");
    expect(md.stdout).toContain("The same setups on ECS Managed Instances $127.49 → $127.49 ($0.00); on EC2 self-managed $114.09 → $114.09 ($0.00), a month.");
    expect(diff("base.json", "head.json", "--format=table").stdout).toMatch(/^api\s+changed\s+\$72\.08\s+\$108\.12\s+\+\$36\.04\s+tasks 2 → 3$/m);
  });

  it("finds the scenario beside a task definition (and does without one)", () => {
    const r = JSON.parse(diff("base/td.json", "head/td.json").stdout);
    // BASE: no scenario beside it, 1 task of 0.5 vCPU / 1 GB: 730 x 0.024685 = 18.02005
    // HEAD: 2 tasks (head/td.scenario.json) of 1 vCPU / 2 GB: 2 x 36.0401 = 72.0802
    expect(r.workloads[0]).toMatchObject({
      baseMonthlyCost: "18.02005",
      headMonthlyCost: "72.0802",
      reasons: ["vCPU 0.5 → 1", "memory 1 GiB → 2 GiB", "tasks 1 → 2"],
    });
    // (72.0802 - 18.02005) / 18.02005 = 300%
    expect(r.difference.percent).toBe("300.00");
  });

  it("--fail-above: exit 3 above the limit (the report is still printed), 0 at or below it", () => {
    const over = diff("base.json", "head.json", "--fail-above", "49.99");
    expect(over.code).toBe(3);
    expect(JSON.parse(over.stdout).difference.percent).toBe("50.00");
    expect(over.stderr).toBe("The monthly cost grows by 50.00%, more than --fail-above 49.99%.\n");
    expect(diff("base.json", "head.json", "--fail-above", "50").code).toBe(0);
    expect(diff("base.json", "head.json", "--fail-above=50%", "--format", "markdown").stdout).toContain("Within the limit of +50%.");
    // A decrease never fails.
    expect(diff("head.json", "base.json", "--fail-above", "0").code).toBe(0);
    // --fail-above-usd: the difference is 36.0401 a month (72.0802 -> 108.1203).
    const usd = diff("base.json", "head.json", "--fail-above-usd", "36.04");
    expect(usd.code).toBe(3);
    expect(usd.stderr).toBe("The monthly cost grows by 36.04 USD, more than --fail-above-usd 36.04.\n");
    expect(diff("base.json", "head.json", "--fail-above-usd", "$36.0401").code).toBe(0);
    expect(diff("base.json", "head.json", "--fail-above-usd", "40", "--format", "markdown").stdout).toContain("Within the limit of +$40.00 a month.");
    expect(diff("base.json", "head.json", "--fail-above-usd", "ten").stderr).toMatch(/^--fail-above-usd: must be an amount in US dollars of at least 0/);
  });

  it.each([
    [["base.json"], /^arguments: give two files, BASE then HEAD \(got 1/],
    [["base.json", "head.json", "--format", "csv"], /^--format: must be json, markdown or table \(got "csv"\)/],
    [["base.json", "head.json", "--fail-above", "ten"], /^--fail-above: must be a percentage of at least 0, such as 10 \(got "ten"\)/],
    [["base.json", "head.json", "--fail-above", "-5"], /^--fail-above: must be a percentage/],
    [["base.json", "head.json", "--fail-above"], /^--fail-above: must be a percentage/],
    [["base.json", "head.json", "--frob"], /^arguments: unknown option --frob for diff/],
    [["base.json", "missing.json"], /^missing\.json: file not found/],
    [["bad.json", "broken.yaml"], /^bad\.json: workloads\.0\.tasks: Tasks cannot be negative\nbroken\.yaml: The file is not valid YAML/],
  ])("exit 2 with one clear line per problem: %j", (argv, message) => {
    const r = diff(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("explains itself (diff --help, and in the main --help)", () => {
    expect(diff("--help").stdout).toContain("NAME.scenario.json");
    expect(runCli(["--help"], read).stdout).toContain("diff BASE HEAD");
  });

  // Measured on the shared 2-core machine: 0.4-0.6 s quiet, 1-2 s while other builds run (mostly the engine's own
  // pricing of 2 x 9,000 workloads and its garbage collection); the budget leaves room for a loaded gate.
  it("a 1 MB scenario on each side is diffed, its Markdown kept under GitHub's comment limit", () => {
    // About 1 MB each: 9,000 workloads of ~115 characters; HEAD doubles the tasks of every other one.
    const make = (tasksOf: (i: number) => number) =>
      JSON.stringify({
        region: "us-east-1",
        workloads: Array.from({ length: 9000 }, (_, i) => ({
          name: `service-number-${i}`,
          vcpu: 1,
          memoryGiB: 2,
          tasks: tasksOf(i),
          spotPercent: 0,
          savingsPlan: "none",
        })),
      });
    const big: Record<string, string> = { "a.json": make(() => 1), "b.json": make((i) => (i % 2 ? 2 : 1)) };
    expect(big["a.json"]!.length).toBeGreaterThan(900_000);
    runCli(["diff", "a.json", "b.json"], (f) => big[f]!); // warm-up (module and JIT)
    for (const format of ["json", "markdown"]) {
      const r = runCli(["diff", "a.json", "b.json", "--format", format], (f) => big[f]!);
      expect(r.code).toBe(0);
      if (format === "markdown") {
        // 4,500 changed workloads (1 -> 2 tasks of 36.0401): 49 rows, then one row for the other 4,451:
        //   4451 x 36.0401 = 160,414.4851 -> $160,414.49; 4451 x 72.0802 = 320,828.9702 -> $320,828.97
        // 4,500 unchanged: 4500 x 36.0401 = 162,180.45. Totals: 9000 x 36.0401 = 324,360.90 -> 486,541.35.
        expect(r.stdout).toContain("| 4451 more workloads |  | $160,414.49 | $320,828.97 | +$160,414.48 | see the JSON output for each |");
        expect(r.stdout).toContain("| **Total** | | **$324,360.90** | **$486,541.35** | **+$162,180.45** | |");
        expect(r.stdout).toContain("| 4500 unchanged workloads | unchanged | $162,180.45 | $162,180.45 | $0.00 |  |");
        expect(r.stdout.length).toBeLessThan(65_536);
      }
    }
  });

  it("runs as a real process: exit codes 0, 2 and 3", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "diff-cli-"));
    for (const f of ["base.json", "head.json", "bad.json"]) writeFileSync(path.join(dir, f), files[f]!);
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    const run = (...argv: string[]) =>
      spawnSync(tsx, ["scripts/estimate.ts", "diff", ...argv.map((a) => (a.endsWith(".json") ? path.join(dir, a) : a))], { cwd: root });
    const ok = run("base.json", "head.json", "--format", "markdown");
    expect(ok.status).toBe(0);
    expect(ok.stdout.toString()).toContain("+$36.04 a month (+50.00%)");
    expect(run("base.json", "head.json", "--fail-above", "10").status).toBe(3);
    const bad = run("base.json", "bad.json");
    expect(bad.status).toBe(2);
    expect(bad.stderr.toString()).toContain("bad.json: workloads.0.tasks: Tasks cannot be negative");
  }, 60_000);
});
