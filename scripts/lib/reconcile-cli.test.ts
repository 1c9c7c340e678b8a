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
import { loopingParquet, splitBillCsv } from "@/lib/billing/test-helpers";
import { cur2Csv, taskRows } from "@/lib/billing/__fixtures__/synthetic-bills";

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
      // New (issue 20 item 3): the cash figure; an on-demand row bills what it costs.
      billedCost: "0.0146267369",
    });
    expect(j.totals).toMatchObject({ listCost: "0.0205264022", effectiveCost: "0.02044738" });
    expect(Array.isArray(j.groups) && Array.isArray(j.outsideFargate)).toBe(true);
    expect(j.comparison).toBeUndefined();
    // The hour-by-hour profile that builds a scenario is not part of the printed reconciliation.
    expect(j.groups.some((g: object) => "profile" in g)).toBe(false);
  });

  it("--build-scenario says on stderr what it left out (a second region), and the CSV says which hours were compared", async () => {
    const shape = { periodStart: "2026-09-01T00:00:00Z", periodEnd: "2026-10-01T00:00:00Z", invoiceId: "INV" };
    const use1 = taskRows({ start: shape.periodStart, count: 720, vcpu: "2", memoryGB: "4", resourceId: "arn:aws:ecs:us-east-1:111122223333:task/shop/a" });
    const euw1 = taskRows({
      start: shape.periodStart,
      count: 720,
      vcpu: "1",
      memoryGB: "2",
      prefix: "EUW1",
      service: "eu-api",
      resourceId: "arn:aws:ecs:eu-west-1:111122223333:task/shop-eu/b",
    });
    const file = path.join(tmp, "two-regions.csv");
    writeFileSync(
      file,
      cur2Csv(shape, use1) +
        cur2Csv({ ...shape, region: "eu-west-1" }, euw1)
          .split("\n")
          .slice(1)
          .join("\n"),
    );
    const r = await runReconcileCli([file, "--build-scenario"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).workloads.map((w: { name: string }) => w.name)).toEqual(["shop/api"]);
    expect(r.stderr).toBe("left out: shop-eu/eu-api (eu-west-1): a scenario has one region; this bill's main Fargate region is us-east-1.\n");
    // The CSV of a comparison names its hours (720, invoiced) and the cash billed beside the amortised paid.
    const scenario = path.join(tmp, "one.json");
    writeFileSync(scenario, JSON.stringify({ name: "one", region: "us-east-1", workloads: [{ name: "api", vcpu: 2, memoryGiB: 4 }] }));
    const csv = (await runReconcileCli([file, "--scenario", scenario, "--format", "csv"])).stdout;
    expect(csv).toMatch(/\r\nComparison period,,,720 hours: whole billing period \(invoiced\): 30 of 30 days \(2026-09-01 to 2026-09-30\),,720,hours,,,,\r\n/);
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
    // The verdict opens the table, under the title: estimate 35.5464 -> $35.55, paid 0.225048625 -> $0.23, list
    // 0.234922625 -> $0.23; 0.23 - 35.55 = -35.32; (35.5464 - 0.225048625) / 35.5464 = 99.37% -> "99.4%", billed 0.63%;
    // vCPU 720 x 0.04048 = 29.1456 -> $29.15 against $0.07: $29.08 of the $35.32, 720 - 2 = 718 vCPU-hours fewer.
    expect(table.split("\n").slice(2, 5)).toEqual([
      'Fargate cost $0.23 at list prices and $0.23 paid, 1 to 30 September 2026 (720 hours); the scenario "shop" estimates $35.55 for the same hours.',
      "The bill is $35.32 (99.4%) below the estimate: billed 0.63% of the estimate.",
      "Most of it: vCPU in us-east-1, 718 vCPU-hours fewer than estimated ($29.08 less).",
    ]);
    expect(table).toMatch(/Billed vCPU is 0\.28% of the estimate/);
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

  it("a header-only bill with --scenario: the JSON compares nothing (no 730-hour month), the CSV says why (review finding)", async () => {
    const header = path.join(tmp, "header-only.csv");
    writeFileSync(header, `${readFileSync(fx("cur2-fargate.csv"), "utf8").split("\n")[0]}\n`);
    const scenario = path.join(tmp, "shop-h.json");
    writeFileSync(scenario, JSON.stringify({ name: "shop", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] }));
    const why = 'The file has no rows, only its header: no usage and no dates, so there is nothing to compare with the scenario "shop".';
    const r = await runReconcileCli([header, "--scenario", scenario, "--format", "json"]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout).comparison;
    // Before: 730 h x (0.04048 + 2 x 0.004445) = 36.0401 estimated against 0 billed, -100%, "compared over a 730-hour month".
    expect(c).toMatchObject({ compared: false, reason: why, periodHours: "0", lines: [], findings: [why] });
    expect(c.totals).toEqual({ estimatedCost: "0", billedCost: "0", difference: "0", differencePercent: null });
    expect(c.periodSentence).toBeUndefined();
    expect(r.stdout).not.toMatch(/730|36\.04/);
    const csv = (await runReconcileCli([header, "--scenario", scenario, "--format", "csv"])).stdout;
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows.filter((x) => x[0]!.startsWith("Comparison"))).toEqual([["Comparison summary", "", "", why, "", "", "", "", "", "", ""]]);
  });

  it("--rightsizing adds the right-sizing section to JSON and table; without it the output is as before", async () => {
    // One service, 2 tasks of 1 vCPU / 2 GiB for 10 hours, using 0.2 vCPU / 0.5 GiB except one hour at 0.4 / 0.8
    // (lib/billing/split-rightsizing.test.ts works the same bill out): p99 = 40% -> 0.48 vCPU, 0.96 GiB -> 0.5 vCPU / 1 GiB;
    // 2 tasks always on: $72.08 -> $36.04 a month.
    const nine = (v: number) => Array.from({ length: 9 }, () => v);
    const bill = path.join(tmp, "split.csv");
    const task = (id: string, cpu: number, memory: number) => ({
      id,
      cluster: "shop",
      service: "api",
      vcpu: 1,
      memoryGiB: 2,
      cpu: [...nine(0.2), cpu],
      memory: [...nine(0.5), memory],
    });
    writeFileSync(bill, splitBillCsv([task("a", 0.3, 0.6), task("b", 0.4, 0.8)], { periodHours: 10 }));
    const plain = JSON.parse((await runReconcileCli([bill])).stdout);
    expect(plain.rightsizing).toBeUndefined();
    const withIt = JSON.parse((await runReconcileCli([bill, "--rightsizing"])).stdout);
    expect(withIt).toEqual({ ...plain, rightsizing: expect.anything() });
    expect(withIt.rightsizing.status).toBe("ok");
    expect(withIt.rightsizing.services[0]).toMatchObject({
      name: "shop/api",
      reserved: { vcpu: 1, memoryGiB: 2 },
      actual: { vcpu: { average: 0.215, p95: 0.3, max: 0.4 } },
      recommendation: { recommended: { vcpu: 0.5, memoryGiB: 1 } },
      priced: { tasks: 2, current: "72.08", recommended: "36.04", saving: "36.04" },
    });
    const table = (await runReconcileCli([bill, "--format", "table", "--rightsizing"])).stdout;
    expect(table).toContain("Right-sizing from split cost allocation data");
    expect(table).toMatch(/shop\/api .*1 vCPU \/ 2 GiB.*0\.5 vCPU \/ 1 GiB\s+\$72\.08\s+\$36\.04\s+\$36\.04/);
    expect((await runReconcileCli([bill, "--format", "table"])).stdout).not.toContain("Right-sizing");
    // A bill without the columns: the section says so and how to turn the data on.
    const focus = JSON.parse((await runReconcileCli([fx("focus-1.0-sample-fargate.csv"), "--rightsizing"])).stdout);
    expect(focus.rightsizing).toMatchObject({ status: "absent", services: [], howToEnable: expect.stringMatching(/Include split cost allocation data/) });
    // CSV: the section as rows of the same table, one figure a row with its unit (it used to be refused).
    const csv = await runReconcileCli([bill, "--rightsizing", "--format", "csv"]);
    expect(csv.code).toBe(0);
    const plainCsv = (await runReconcileCli([bill, "--format", "csv"])).stdout;
    expect(csv.stdout.startsWith(plainCsv)).toBe(true);
    const extra = csv.stdout.slice(plainCsv.length);
    expect(extra).toMatch(/^Right-sizing summary,,,[^\r]*\r\n/);
    expect(extra).toContain("\r\nRight-sizing,us-east-1,ECS,shop/api,reserved vCPU per task (billed),1,vCPU,,,,\r\n");
    expect(extra).toContain('\r\nRight-sizing,us-east-1,ECS,shop/api,"vCPU used per task, p95",0.3,vCPU,,,,\r\n');
    expect(extra).toContain("\r\nRight-sizing,us-east-1,ECS,shop/api,recommended vCPU per task (p99 + 20% headroom),0.5,vCPU,,,,\r\n");
    // $72.08 now, $36.04 recommended: saving 72.08 - 36.04 = 36.04 a month.
    expect(extra).toContain("\r\nRight-sizing,us-east-1,ECS,shop/api,saving per month (now minus recommended),36.04,USD,,,,\r\n");
    expect(extra).toContain("\r\nRight-sizing total,,,,saving per month,36.04,USD,,,,\r\n");
    // Every row has the CSV's 11 columns.
    expect(Papa.parse<string[]>(csv.stdout.trim()).data.every((r) => r.length === 11)).toBe(true);
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

  it.each(["UNCOMPRESSED", "SNAPPY"] as const)(
    "a %s Parquet file whose indices would grow one array past V8's limit (fatal for the whole process) is one sentence, exit 2",
    (codec) => {
      // Before the guard checked dictionary-index runs, this exited 133 (V8: "Fatal JavaScript invalid size error").
      const file = path.join(tmp, `loop-${codec}.parquet`);
      writeFileSync(file, loopingParquet(codec));
      const r = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/reconcile.ts", file], {
        cwd: root,
        encoding: "utf8",
        timeout: 120_000,
      });
      expect({ status: r.status, stderr: r.stderr.trim() }).toEqual({
        status: 2,
        stderr: `${file} is a damaged Parquet file: rows 1-1000: a run-length run repeats a value past the page's 1000 values; it is not read.`,
      });
    },
    150_000,
  );

  it("--time-limit must be a number of seconds", async () => {
    const r = await runReconcileCli([fx("cur2-fargate.csv"), "--time-limit", "0"]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: '--time-limit: give a number of seconds above 0 (got "0").\n' });
  });
});
