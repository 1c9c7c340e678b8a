import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli";

const root = path.resolve(__dirname, "..", "..");
const files: Record<string, string> = {
  "ok.json": JSON.stringify({ name: "t", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] }),
  "bad.json": JSON.stringify({ region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 10, tasks: -1 }] }),
  "broken.json": '{"workloads": [',
};
const read = (f: string) => {
  if (!(f in files)) throw Object.assign(new Error("nope"), { code: "ENOENT" });
  return files[f]!;
};

describe("estimate CLI", () => {
  it("prints the estimate JSON", () => {
    const r = runCli(["ok.json"], read);
    expect(r.code).toBe(0);
    const est = JSON.parse(r.stdout);
    // 730 x (0.04048 + 2 x 0.004445) = 36.0401
    expect(est.totals.monthlyCost).toBe("36.0401");
    expect(est.workloads[0].billedSize).toEqual({ vcpu: 1, memoryGiB: 2 });
    expect(est.catalog).toMatchObject({ region: "us-east-1", publishedAt: "2025-10-27" });
  });

  it("prints a table and a CSV", () => {
    expect(runCli(["ok.json", "--format", "table"], read).stdout).toMatch(/Monthly total\s+\$36\.04/);
    const csv = runCli(["ok.json", "--format=csv"], read).stdout.split("\r\n");
    expect(csv).toContain("Total,,Fargate total,,,,36.04,");
    expect(csv.at(-2)).toMatch(/^Total,,EC2 total,,,,\d+\.\d\d,$/);
  });

  it("exits 2 listing every problem as path: message", () => {
    const r = runCli(["bad.json"], read);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("workloads.0.tasks: Tasks cannot be negative");
    expect(r.stderr).toContain("workloads.0.memoryGiB: 1 vCPU / 10 GiB is not a valid Fargate task size");
  });

  it.each([
    [["broken.json"], /broken\.json: not valid JSON/],
    [["missing.json"], /missing\.json: file not found/],
    [["ok.json", "--format", "xml"], /--format: must be json, table or csv/],
    [[], /give exactly one scenario file/],
    [["ok.json", "--frobnicate"], /unknown option --frobnicate/],
  ])("rejects %j clearly", (argv, message) => {
    const r = runCli(argv, read);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("prices an imported task definition or pod spec (--import, --region)", () => {
    const fixtures = path.join(root, "lib", "scenario", "__fixtures__");
    const realRead = (f: string) => readFileSync(f, "utf8");
    const ecs = runCli(["--import", path.join(fixtures, "ecs-describe-task-definition.json"), "--region", "eu-central-1"], realRead);
    expect(ecs.code).toBe(0);
    const est = JSON.parse(ecs.stdout);
    expect(est.catalog.region).toBe("eu-central-1");
    expect(est.workloads[0].platform).toBe("ecs");
    const k8s = runCli(["--import", path.join(fixtures, "k8s-deployment.yaml")], realRead);
    expect(k8s.code).toBe(0);
    expect(JSON.parse(k8s.stdout).workloads[0].platform).toBe("eks");
    const bad = runCli(["--import", "bad.json"], () => "just: [unclosed");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.json: /);
  });

  it("explains the format with --help", () => {
    const r = runCli(["--help"], read);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"schedule": { "type": "always-on" }');
  });

  it("runs as a real process: stdin, exit codes, no stack trace", () => {
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    const ok = execFileSync(tsx, ["scripts/estimate.ts", "-"], { cwd: root, input: files["ok.json"] }).toString();
    expect(JSON.parse(ok).totals.monthlyCost).toBe("36.0401");
    const bad = spawnSync(tsx, ["scripts/estimate.ts", "-"], { cwd: root, input: files["bad.json"] });
    expect(bad.status).toBe(2);
    expect(bad.stderr.toString()).toContain("workloads.0.tasks: Tasks cannot be negative");
    expect(bad.stderr.toString()).not.toContain("    at ");
  }, 30_000);
});

describe("argument parsing (node:util parseArgs)", () => {
  const read = () => JSON.stringify({ name: "a", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] });
  it("an option last on the line has an empty value, refused by its own check", () => {
    const r = runCli(["ok.json", "--format"], read);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format: must be json, table or csv \(got ""\)/);
  });
  it("refuses an unknown short option instead of reading it as a file", () => {
    expect(runCli(["ok.json", "-x"], read).stderr).toMatch(/unknown option -x/);
  });
  it("takes - as standard input, not as an option", () => {
    expect(runCli(["-", "--format=csv"], read).code).toBe(0);
  });
});

describe("estimate CLI: the three columns", () => {
  it("shows Fargate, ECS Managed Instances and EC2 by default; --columns chooses, and refuses a list without fargate", () => {
    expect(runCli(["ok.json", "--format", "table"], read).stdout).toMatch(/ Fargate +Managed Instances +EC2\n/);
    const two = runCli(["ok.json", "--format", "table", "--columns", "fargate,ec2"], read).stdout;
    expect(two).toMatch(/ Fargate +EC2\n/);
    expect(two).not.toMatch(/Managed Instances/);
    const csv = runCli(["ok.json", "--format", "csv", "--columns", "fargate,managed-instances"], read).stdout;
    expect(csv).toMatch(/\r\nTotal,,ECS Managed Instances total,,,,\d+\.\d\d,\r\n$/);
    expect(csv).not.toMatch(/EC2 total/);
    const bad = runCli(["ok.json", "--columns", "ec2"], read);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--columns: /);
    // The JSON always carries all three.
    expect(Object.keys(JSON.parse(runCli(["ok.json"], read).stdout))).toEqual(expect.arrayContaining(["managedInstances", "ec2"]));
  });
});
