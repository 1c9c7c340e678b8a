/**
 * `reconcile --athena-sql` and `reconcile --athena DATABASE.TABLE --output s3://...`: the CLI end to end, with the
 * Athena runner replaced by DuckDB running the same SQL on a test bill (the AWS adapter itself is tested at the SDK
 * boundary in lib/aws/athena.test.ts).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTRIBUTION_ROWS, cur2Csv } from "@/lib/billing/attribution-bill";
import { runReconcileCli, type AthenaRunner } from "./reconcile-cli";

const tmp = mkdtempSync(path.join(tmpdir(), "reconcile-athena-"));
const bill = path.join(tmp, "attrib.csv");
let db: DuckDBInstance;
let con: DuckDBConnection;
const seen: Parameters<AthenaRunner>[0][] = [];

/** Athena stand-in: the SQL on DuckDB, where the CUR 2.0 table billing.cur2 holds the attribution bill. */
const duckAthena: AthenaRunner = async (target) => {
  seen.push(target);
  const rows = (await con.runAndReadAll(target.sql)).getRowObjectsJson() as Record<string, string | null>[];
  return { ok: true, value: rows };
};

beforeAll(async () => {
  writeFileSync(bill, cur2Csv(ATTRIBUTION_ROWS));
  db = await DuckDBInstance.create(":memory:");
  con = await db.connect();
  await con.run("CREATE SCHEMA billing");
  const doubles = ["line_item_usage_amount", "line_item_unblended_cost", "pricing_public_on_demand_cost", "savings_plan_savings_plan_effective_cost"]
    .map((c) => `CAST(NULLIF(${c}, '') AS DOUBLE) AS ${c}`)
    .join(", ");
  await con.run(
    `CREATE TABLE billing.cur2 AS SELECT * REPLACE (${doubles}, ` +
      ["line_item_usage_start_date", "line_item_usage_end_date", "bill_billing_period_start_date", "bill_billing_period_end_date"]
        .map((c) => `CAST(replace(replace(${c}, 'T', ' '), 'Z', '') AS TIMESTAMP) AS ${c}, `)
        .join("") +
      `CAST(json_transform(COALESCE(NULLIF(resource_tags, ''), '{}'), '"MAP(VARCHAR, VARCHAR)"') AS MAP(VARCHAR, VARCHAR)) AS resource_tags), ` +
      // The attribution bill has no invoice column; Athena's CUR 2.0 table always has one (empty until the month closes).
      `CAST(NULL AS VARCHAR) AS bill_invoice_id ` +
      `FROM read_csv('${bill}', all_varchar = true, header = true)`,
  );
});
afterAll(() => {
  con?.closeSync();
  db?.closeSync();
});

const athenaArgs = ["--athena", "billing.cur2", "--output", "s3://example-athena-results/fargate/", "--from", "2026-09-01", "--to", "2026-10-01"];

describe("reconcile --athena-sql / --athena", () => {
  it("--athena-sql prints the SQL for the table, dates, regions and accounts (no AWS call)", async () => {
    const r = await runReconcileCli(["--athena-sql", ...athenaArgs, "--regions", "us-east-1, eu-west-1", "--accounts", "111122223333"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^-- fargate-estimator reconcile --athena-sql/);
    expect(r.stdout).toContain('FROM "billing"."cur2"');
    expect(r.stdout).toContain("product_region_code IN ('us-east-1', 'eu-west-1')");
    expect(r.stdout).toContain("line_item_usage_account_id IN ('111122223333')");
  });

  it("--athena: the same usage, totals and attribution as reading the bill's file", async () => {
    const viaAthena = await runReconcileCli(athenaArgs, { runAthena: duckAthena });
    expect(viaAthena.stderr).toBe("");
    expect(viaAthena.code).toBe(0);
    expect(seen.at(-1)).toMatchObject({ database: "billing", outputLocation: "s3://example-athena-results/fargate/" });
    const a = JSON.parse(viaAthena.stdout);
    const f = JSON.parse((await runReconcileCli([bill])).stdout);
    // The usage fields the SQL computes (the file reader may add others, e.g. a billed figure).
    const fields = (u: Record<string, unknown>[]) =>
      u.map(({ region, platform, usageType, quantity, unit, listCost, effectiveCost }) => ({
        region,
        platform,
        usageType,
        quantity,
        unit,
        listCost,
        effectiveCost,
      }));
    expect(fields(a.usage)).toEqual(fields(f.usage));
    expect(a.beside).toEqual(f.beside);
    // The same period (./period.ts) from the query's period rows as from the file's rows.
    expect(a.period).toEqual(f.period);
    expect(a.totals).toMatchObject({ listCost: f.totals.listCost, effectiveCost: f.totals.effectiveCost, outsideFargate: f.totals.outsideFargate });
    // September, 720 hours; Fargate paid 0.14811, linked 0.5725, account-wide 5.1455 (lib/billing/attribution.test.ts).
    expect(a.bill).toMatchObject({ file: "billing.cur2 (Athena)", periodHours: "720" });
    expect([a.totals.effectiveCost, a.beside.linkedTotal, a.beside.accountWideTotal]).toEqual(["0.14811", "0.5725", "5.1455"]);
  });

  it("--athena with --scenario and --format table: the comparison over the hours the rows cover, as for the file", async () => {
    const scenario = path.join(tmp, "s.json");
    writeFileSync(scenario, JSON.stringify({ name: "shop", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] }));
    const json = JSON.parse((await runReconcileCli([...athenaArgs, "--scenario", scenario], { runAthena: duckAthena })).stdout);
    const file = JSON.parse((await runReconcileCli([bill, "--scenario", scenario])).stdout);
    // The bill's rows are all in September's first hour, with no invoice ID: month to date, 1 hour (not the queried
    // 720): 1 h x (0.04048 + 2 x 0.004445) = 0.04937, as the file's comparison.
    expect(json.comparison.periodHours).toBe("1");
    expect(json.comparison.totals.estimatedCost).toBe("0.04937");
    expect(json.comparison.totals).toEqual(file.comparison.totals);
    expect(json.comparison.periodSentence).toBe("month to date: 1 hour of 30 days (2026-09-01 00:00 to 2026-09-01 01:00 UTC)");
    const table = (await runReconcileCli([...athenaArgs, "--format", "table"], { runAthena: duckAthena })).stdout;
    expect(table).toContain("billing.cur2 (Athena): CUR 2.0");
    expect(table).toContain("Account-wide, not attributed to Fargate (per region)");
  });

  it("an AWS failure is one sentence, exit 2", async () => {
    const r = await runReconcileCli(athenaArgs, {
      runAthena: async () => ({ ok: false, error: { message: "No AWS credentials were found: set AWS_PROFILE, then try again." } }),
    });
    expect(r).toEqual({ code: 2, stdout: "", stderr: "No AWS credentials were found: set AWS_PROFILE, then try again.\n" });
  });

  it("bad arguments: one sentence each, exit 2", async () => {
    const err = async (argv: string[]) => {
      const r = await runReconcileCli(argv, { runAthena: duckAthena });
      expect(r.code).toBe(2);
      return r.stderr.trim();
    };
    expect(await err([bill, ...athenaArgs])).toBe("arguments: give a bill file or --athena DATABASE.TABLE, not both (see --help).");
    expect(await err(["--athena", "billing.cur2", "--output", "s3://b-1/x/"])).toBe(
      "--from and --to: give the first usage day and the day after the last, as YYYY-MM-DD.",
    );
    expect(await err(["--athena", "billing.cur2", "--from", "2026-09-01", "--to", "2026-10-01"])).toBe(
      "--output: give the S3 location for Athena's results (s3://bucket/prefix/), or a --workgroup that sets one.",
    );
    expect(await err([...athenaArgs.slice(0, 2), "--output", "/tmp/out", ...athenaArgs.slice(4)])).toBe(
      '--output: give an S3 location as s3://bucket/prefix/ (got "/tmp/out").',
    );
    expect(await err(["--athena-sql", "--athena", "x", "--from", "2026-09-01", "--to", "2026-09-01"])).toBe(
      '--athena: give the CUR 2.0 table as DATABASE.TABLE (letters, digits, _), got "x".\n--to (2026-09-01) must be after --from (2026-09-01); --to is the first day not counted.',
    );
    expect(await err(["--athena-sql", "--from", "2026-09-01", "--to", "2026-10-01"])).toBe("--athena: name the CUR 2.0 table as DATABASE.TABLE (see --help).");
  });

  it("without the AWS SDK (the bundled CLI): --athena says so, --athena-sql still works", async () => {
    const r = await runReconcileCli(athenaArgs);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--athena: this build of the CLI has no AWS SDK; .*--athena-sql/);
  });
});
