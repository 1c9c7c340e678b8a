import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { parseScenario } from "@/lib/scenario";
import { runCli } from "./cli";
import { runReconcileCli } from "./reconcile-cli";
import { loopingParquet } from "@/lib/billing/test-helpers";

const root = path.resolve(__dirname, "..", "..");
const fx = (f: string) => path.join(root, "lib", "billing", "__fixtures__", f);
const tmp = mkdtempSync(path.join(tmpdir(), "reconcile-cli-"));

describe("reconcile CLI", () => {
  it("prints the documented JSON for the FOCUS sample", async () => {
    const r = await runReconcileCli([fx("focus-1.0-sample-fargate.csv")]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.bill).toMatchObject({ format: "focus", rows: 61, fargateRows: 12, periodStart: "2024-09-01T00:00:00Z", periodEnd: "2024-10-01T00:00:00Z" });
    expect(j.usage[0]).toEqual({
      region: "us-west-2",
      platform: "ecs",
      usageType: "Fargate-vCPU-Hours:perCPU",
      quantity: "0.3613324306",
      unit: "vCPU-hours",
      listCost: "0.0146267369",
      effectiveCost: "0.0146267369",
    });
    expect(j.totals).toMatchObject({ listCost: "0.0205264022", effectiveCost: "0.02044738" });
    expect(Array.isArray(j.groups) && Array.isArray(j.outsideFargate)).toBe(true);
    expect(j.comparison).toBeUndefined();
    // The hour-by-hour profile that builds a scenario is not part of the printed reconciliation.
    expect(j.groups.some((g: object) => "profile" in g)).toBe(false);
  });

  it("--build-scenario prints the inferred scenario as a scenario file the estimate CLI accepts", async () => {
    const r = await runReconcileCli([fx("cur2-fargate.csv"), "--build-scenario"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    const parsed = parseScenario(s, fargateCatalog);
    expect(parsed.ok).toBe(true);
    expect(s).toMatchObject({ version: 1, region: "us-east-1" });
    // One workload per group, the Savings-Plan-covered half of shop/api apart (lib/billing/compare.test.ts).
    expect(s.workloads.map((w: { name: string }) => w.name).sort()).toEqual([
      "prod-eks",
      "shop/api",
      "shop/api (Savings Plan)",
      "shop/arm-api",
      "shop/worker",
      "win/iis",
    ]);
    expect(s.workloads.every((w: { note?: string }) => /^Size: /.test(w.note ?? ""))).toBe(true);
    const file = path.join(tmp, "built.json");
    writeFileSync(file, r.stdout);
    const est = runCli([file, "--format", "json"], (f) => readFileSync(f, "utf8"));
    expect(est.code).toBe(0);
    expect((await runReconcileCli([fx("cur2-fargate.csv"), "--build-scenario", "--format", "table"])).stderr).toMatch(
      /--build-scenario prints a scenario JSON file/,
    );
  });

  it("compares with --scenario and prints tables and CSV whose rounded rows add up to the rounded totals", async () => {
    const scenario = path.join(tmp, "s.json");
    writeFileSync(scenario, JSON.stringify({ name: "shop", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] }));
    const json = JSON.parse((await runReconcileCli([fx("cur2-fargate.csv.gz"), "--scenario", scenario])).stdout);
    // 720 h x (0.04048 + 2 x 0.004445) = 35.5464
    expect(json.comparison.totals.estimatedCost).toBe("35.5464");
    const table = (await runReconcileCli([fx("cur-legacy-fargate.csv"), "--format", "table", "--scenario", scenario])).stdout;
    expect(table).toMatch(/Total\s+\$35\.55\s+\$0\.23\s+-\$35\.32/);
    expect(table).toMatch(/Billed vCPU is 0\.0028× the estimate/);
    const csv = (await runReconcileCli([fx("cur2-fargate.parquet"), "--format=csv"])).stdout;
    const rows = Papa.parse<string[]>(csv.trim()).data;
    const usage = rows.filter((r) => r[0] === "Fargate usage");
    const cents = (xs: string[]) => xs.reduce((t, x) => t + Math.round(Number(x) * 100), 0);
    const total = rows.find((r) => r[0] === "Fargate usage total")!;
    // 0.225048625 -> $0.23: the 12 rows, each rounded so they add up, sum to 23 cents.
    expect(total[8]).toBe("0.23");
    expect(cents(usage.map((r) => r[8]!))).toBe(23);
    expect(cents(usage.map((r) => r[7]!))).toBe(Math.round(Number(total[7]) * 100));
    // A credit is a plain negative number, not a neutralised formula.
    expect(rows.find((r) => r[0] === "Adjustment (credit)")![8]).toBe("-0.05");
  });

  it("exits 2 with one sentence naming the file and the missing column", async () => {
    const bad = path.join(tmp, "no-cost.csv");
    writeFileSync(bad, readFileSync(fx("cur2-fargate.csv"), "utf8").replace("line_item_unblended_cost", "line_item_blended_cost"));
    const r = await runReconcileCli([bad]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: `${bad} looks like a CUR 2.0 export but has no line_item_unblended_cost column, which the reconciliation needs: export it again with that column included.\n`,
    });
    const notBill = await runReconcileCli([path.join(root, "examples", "checkout.json")]);
    expect(notBill.code).toBe(2);
    expect(notBill.stderr).toMatch(/checkout\.json is not a bill export/);
    expect((await runReconcileCli([])).stderr).toBe("arguments: give exactly one bill file (see --help).\n");
    expect((await runReconcileCli([bad, "--format", "xml"])).stderr).toMatch(/^--format: must be json, table or csv/);
    const badScenario = path.join(tmp, "bad.json");
    writeFileSync(badScenario, JSON.stringify({ workloads: [{ name: "x", vcpu: 1, memoryGiB: 10 }] }));
    const s = await runReconcileCli([fx("cur2-fargate.csv"), "--scenario", badScenario]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/bad\.json: workloads\.0\.memoryGiB: 1 vCPU \/ 10 GiB is not a valid Fargate task size/);
  });

  it("runs as npm run reconcile: exit code 2 and no stack trace", () => {
    const r = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/reconcile.ts", path.join(tmp, "missing.csv")], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`${path.join(tmp, "missing.csv")} was not found: check the path.`);
  });

  it("a Parquet file that would make the decoder loop is stopped by the time limit or the heap cap, exit 2 (issue 19 item 3)", () => {
    const file = path.join(tmp, "loop.parquet");
    writeFileSync(file, loopingParquet());
    const r = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/reconcile.ts", file, "--time-limit", "5"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} (took longer than 5 s to read \\(the limit for its size\\)|needed more than 1\\.5 GB of memory to read), so reading it was stopped; the file may be damaged\\.$`,
      ),
    );
  }, 150_000);

  it("--time-limit must be a number of seconds", async () => {
    const r = await runReconcileCli([fx("cur2-fargate.csv"), "--time-limit", "0"]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: '--time-limit: give a number of seconds above 0 (got "0").\n' });
  });
});
