/**
 * The Athena SQL run for real on the test bills with an embedded engine (DuckDB), compared row for row with the
 * streaming reader's answer. The table is loaded the way Athena types CUR 2.0 (numbers DOUBLE, dates TIMESTAMP,
 * resource_tags a map) under a DATABASE.TABLE name.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT, ATTRIBUTION_ROWS, cur2Csv, type Cur2Row } from "./attribution-bill";
import { athenaQueryProblems, athenaResult, athenaSql, reconciliationFromAthena, type AthenaQuery, type AthenaRow } from "./athena-sql";
import { fixture, reconcileCsvText } from "./test-helpers";
import type { Reconciliation, UsageLine } from "./types";
import { billView } from "./view";

let db: DuckDBInstance;
let con: DuckDBConnection;
const dir = mkdtempSync(path.join(tmpdir(), "athena-sql-"));

beforeAll(async () => {
  db = await DuckDBInstance.create(":memory:");
  con = await db.connect();
  await con.run("CREATE SCHEMA cur");
});
afterAll(() => {
  con?.closeSync();
  db?.closeSync();
});

const DOUBLES = ["line_item_usage_amount", "line_item_unblended_cost", "pricing_public_on_demand_cost", "savings_plan_savings_plan_effective_cost"];
const TIMESTAMPS = ["line_item_usage_start_date", "line_item_usage_end_date", "bill_billing_period_start_date", "bill_billing_period_end_date"];
const TEXT = [
  "line_item_usage_account_id",
  "line_item_line_item_type",
  "line_item_product_code",
  "line_item_usage_type",
  "line_item_resource_id",
  "product_region_code",
  "pricing_unit",
  "bill_invoice_id",
];

/** Loads CUR 2.0 CSV text as table cur.<name>, typed as Athena's CUR 2.0 table is (a column the CSV lacks is NULL, as in Athena). */
async function load(name: string, csv: string) {
  const file = path.join(dir, `${name}.csv`);
  writeFileSync(file, csv);
  const present = new Set(csv.slice(0, csv.indexOf("\n")).split(","));
  const cell = (c: string) => (present.has(c) ? `NULLIF(${c}, '')` : "CAST(NULL AS VARCHAR)");
  const cols = [
    ...TEXT.map((c) => `${cell(c)} AS ${c}`),
    ...DOUBLES.map((c) => `CAST(${cell(c)} AS DOUBLE) AS ${c}`),
    ...TIMESTAMPS.map((c) => `CAST(replace(replace(${cell(c)}, 'T', ' '), 'Z', '') AS TIMESTAMP) AS ${c}`),
    `CAST(json_transform(COALESCE(NULLIF(resource_tags, ''), '{}'), '"MAP(VARCHAR, VARCHAR)"') AS MAP(VARCHAR, VARCHAR)) AS resource_tags`,
  ];
  await con.run(`CREATE OR REPLACE TABLE cur.${name} AS SELECT ${cols.join(", ")} FROM read_csv('${file}', all_varchar = true, header = true)`);
}

async function runSql(q: AthenaQuery): Promise<AthenaRow[]> {
  const reader = await con.runAndReadAll(athenaSql(q));
  return reader.getRowObjectsJson() as AthenaRow[];
}

/** What the SQL answers and what the streaming reader answers, in the same shapes. */
async function both(name: string, csv: string, q: Omit<AthenaQuery, "table">, expectedCsv = csv) {
  await load(name, csv);
  const sql = athenaResult(await runSql({ ...q, table: `cur.${name}` }));
  const stream: Reconciliation = await reconcileCsvText(expectedCsv, `${name}.csv`);
  return { sql, stream };
}

const month = { from: "2026-09-01", to: "2026-10-01" };
/** The usage fields the SQL computes (the reader may add others, e.g. a billed figure). */
const fields = (r: { usage: readonly UsageLine[] }) =>
  r.usage.map(({ region, platform, usageType, quantity, unit, listCost, effectiveCost }) => ({
    region,
    platform,
    usageType,
    quantity,
    unit,
    listCost,
    effectiveCost,
  }));

describe("the Athena SQL on DuckDB = the streaming reader, row for row", () => {
  it("the attribution bill: usage, totals, linked / account-wide / on EC2", async () => {
    const { sql, stream } = await both("attrib", cur2Csv(ATTRIBUTION_ROWS), month);
    expect(fields(sql)).toEqual(fields(stream));
    expect(sql.totals).toEqual({ listCost: stream.totals.listCost, effectiveCost: stream.totals.effectiveCost, outsideFargate: stream.totals.outsideFargate });
    expect(sql.beside).toEqual(stream.beside);
    // The period, read by the same rules from the same rows: every row is September's hour 00:00-01:00 on the 1st, no
    // invoice ID: month to date, 1 hour of 30 days.
    expect(sql.period).toEqual(stream.period);
    expect(sql.rows).toBe(stream.bill.rows);
    expect(sql.period).toMatchObject({ coveredStart: "2026-09-01T00:00:00Z", coveredEnd: "2026-09-01T01:00:00Z", coveredHours: "1", monthToDate: true });
    // The hand-computed figures of ./attribution.test.ts: Fargate 0.14811, linked 0.5725, account-wide 5.1455.
    expect([sql.totals.effectiveCost, sql.beside.linkedTotal, sql.beside.accountWideTotal]).toEqual(["0.14811", "0.5725", "5.1455"]);
  });

  it("the CUR 2.0 fixture: Savings Plan covered rows at their effective cost, negations not counted, Spot, ARM, Windows, EKS", async () => {
    const csv = readFileSync(fixture("cur2-fargate.csv"), "utf8");
    const { sql, stream } = await both("fixture", csv, month);
    expect(fields(sql)).toEqual(fields(stream));
    expect(sql.beside).toEqual(stream.beside);
    // Invoiced (bill_invoice_id): the whole of September, 720 hours, hourly; negation rows count as usage rows.
    expect(sql.period).toEqual(stream.period);
    expect(sql.rows).toBe(stream.bill.rows);
    expect(sql.period).toMatchObject({ invoiced: true, coveredHours: "720", granularity: "hourly", monthToDate: false });
    // ./fixtures.test.ts: effective 0.225048625, list 0.234922625.
    expect(sql.totals).toEqual({ listCost: "0.234922625", effectiveCost: "0.225048625", outsideFargate: "0.2275" });
  });

  it("--regions and --accounts filter rows as a bill holding only those rows would read", async () => {
    const rows: Cur2Row[] = [
      ...ATTRIBUTION_ROWS,
      // Another account's Fargate task and NAT in us-east-1: left out by --accounts.
      {
        account: "444455556666",
        product: "AmazonECS",
        usageType: "USE1-Fargate-vCPU-Hours:perCPU",
        resourceId: "arn:aws:ecs:us-east-1:444455556666:task/shop/ff",
        quantity: "5",
        cost: "0.2024",
        region: "us-east-1",
        unit: "hours",
      },
      {
        account: "444455556666",
        product: "AmazonEC2",
        usageType: "NatGateway-Hours",
        quantity: "1",
        cost: "0.045",
        region: "us-east-1",
        tags: { aws_ecs_clusterName: "shop" },
      },
    ];
    const kept = rows.filter((r) => (r.account ?? ACCOUNT) === ACCOUNT && r.region === "us-east-1");
    const { sql, stream } = await both("filtered", cur2Csv(rows), { ...month, regions: ["us-east-1"], accounts: [ACCOUNT] }, cur2Csv(kept));
    expect(fields(sql)).toEqual(fields(stream));
    expect(sql.beside).toEqual(stream.beside);
    expect(sql.period).toEqual(stream.period);
    expect(sql.rows).toBe(stream.bill.rows);
    // us-east-1 only: the 3 other regions' 0.31 + 3.3 + 0.048 are gone: 5.1455 - 3.658 = 1.4875.
    expect(sql.beside.accountWideTotal).toBe("1.4875");
  });

  it("--from/--to count usage hours from the first day to the day before --to", async () => {
    const rows: Cur2Row[] = ATTRIBUTION_ROWS.map((r, i) => (i % 2 ? { ...r, start: "2026-09-15T10:00:00Z", end: "2026-09-15T11:00:00Z" } : r));
    const kept = rows.filter((r) => r.start === "2026-09-15T10:00:00Z");
    const { sql, stream } = await both("dated", cur2Csv(rows), { from: "2026-09-15", to: "2026-09-16" }, cur2Csv(kept));
    expect(fields(sql)).toEqual(fields(stream));
    expect(sql.beside).toEqual(stream.beside);
    expect(sql.usage.length).toBeGreaterThan(0);
    // Usage on the 15th, 10:00-11:00, more than a day after the period's start, no invoice: that one hour.
    expect(sql.period).toEqual(stream.period);
    expect(sql.period).toMatchObject({ coveredStart: "2026-09-15T10:00:00Z", coveredEnd: "2026-09-15T11:00:00Z", coveredHours: "1" });
  });

  it("daily rows and a month-to-date cut: the same period as the streaming reader (review finding)", async () => {
    // The Fargate rows of the attribution bill as daily rows over 1 to 10 September, the 10th cut at 13:00: daily
    // granularity, through the end of the 10th (./period.ts): 10 x 24 = 240 hours, month to date.
    const fargate = ATTRIBUTION_ROWS.filter((r) => /Fargate/.test(r.usageType));
    const rows: Cur2Row[] = [];
    for (let d = 1; d <= 10; d++)
      for (const r of fargate)
        rows.push({
          ...r,
          start: `2026-09-${String(d).padStart(2, "0")}T00:00:00Z`,
          end: d === 10 ? "2026-09-10T13:00:00Z" : `2026-09-${String(d + 1).padStart(2, "0")}T00:00:00Z`,
        });
    const { sql, stream } = await both("daily", cur2Csv(rows), month);
    expect(fields(sql)).toEqual(fields(stream));
    expect(sql.period).toEqual(stream.period);
    expect(sql.period).toMatchObject({ granularity: "daily", coveredEnd: "2026-09-11T00:00:00Z", coveredHours: "240", monthToDate: true, invoiced: false });
  });

  it("an invoiced month: the whole billing period, as the streaming reader; a query for part of it compares only that part", async () => {
    const invoiced = (csv: string) =>
      csv
        .trim()
        .split("\n")
        .map((line, i) => `${i ? "2469135780" : "bill_invoice_id"},${line}`)
        .join("\n") + "\n";
    const csv = invoiced(cur2Csv(ATTRIBUTION_ROWS));
    const { sql, stream } = await both("closed", csv, month);
    expect(sql.period).toEqual(stream.period);
    expect(sql.period).toMatchObject({ invoiced: true, coveredHours: "720", monthToDate: false });
    // The same month queried for 1 to 10 September: the comparison is over those 240 hours, "part of the billing period".
    const q = { from: "2026-09-01", to: "2026-09-11", table: "cur.closed" };
    const r = reconciliationFromAthena(q, athenaResult(await runSql(q)));
    // 2026-09-01 to 2026-09-11: 10 x 24 = 240 hours.
    expect(r.period).toMatchObject({
      coveredStart: "2026-09-01T00:00:00Z",
      coveredEnd: "2026-09-11T00:00:00Z",
      coveredHours: "240",
      daysCovered: "10",
      monthToDate: false,
    });
    expect(r.notes.join("\n")).toContain("Period: part of the billing period: 10 of 30 days (2026-09-01 to 2026-09-10).");
  });

  it("a reconciliation from the answer: the period is the query's, the beside rows are outsideFargate", async () => {
    await load("recon", cur2Csv(ATTRIBUTION_ROWS));
    const q = { ...month, table: "cur.recon" };
    const r = reconciliationFromAthena(q, athenaResult(await runSql(q)));
    // September: 30 days x 24 = 720 hours; the rows cover its first hour (month to date), as a file of them does.
    expect(r.bill).toMatchObject({ file: "cur.recon (Athena)", format: "cur2", periodStart: "2026-09-01T00:00:00Z", periodHours: "720" });
    const file = await reconcileCsvText(cur2Csv(ATTRIBUTION_ROWS), "recon.csv");
    expect(r.period).toEqual(file.period);
    expect(r.bill.rows).toBe(file.bill.rows);
    expect(r.notes).toContain("Period: month to date: 1 hour of 30 days (2026-09-01 00:00 to 2026-09-01 01:00 UTC).");
    expect(r.totals.outsideFargate).toBe("5.718");
    expect(r.outsideFargate.reduce((t, o) => t + Number(o.cost), 0)).toBeCloseTo(5.718, 10);
  });
});

describe("no rows for the dates (review finding)", () => {
  it("the same empty period as a header-only file, and the verdict says the query found nothing rather than comparing", async () => {
    const { sql, stream } = await both("empty", cur2Csv([]), month);
    expect(sql.period).toEqual(stream.period);
    expect(sql.rows).toBe(0);
    const q = { ...month, table: "cur.empty" };
    const r = reconciliationFromAthena(q, athenaResult(await runSql(q)));
    expect(billView(r).verdict.headline).toBe("The query found no rows for its dates, regions and accounts: no usage.");
  });
});

describe("the SQL's inputs", () => {
  it("refuses what cannot go into SQL text, one sentence each", () => {
    expect(athenaQueryProblems({ table: "db.t; DROP TABLE x", from: "2026-09-01", to: "2026-10-01" })).toEqual([
      '--athena: give the CUR 2.0 table as DATABASE.TABLE (letters, digits, _), got "db.t; DROP TABLE x".',
    ]);
    expect(athenaQueryProblems({ table: "db.t", from: "2026-02-30", to: "2026-10-01", regions: ["us-east-1'"], accounts: ["12"] })).toEqual([
      '--from: give a date as YYYY-MM-DD, got "2026-02-30".',
      '--regions: "us-east-1\'" is not a region code like us-east-1.',
      '--accounts: "12" is not a 12-digit account id.',
    ]);
    expect(athenaQueryProblems({ table: "db.t", from: "2026-10-01", to: "2026-09-01" })).toEqual([
      "--to (2026-09-01) must be after --from (2026-10-01); --to is the first day not counted.",
    ]);
    expect(() => athenaSql({ table: "x", from: "2026-09-01", to: "2026-10-01" })).toThrow(/DATABASE\.TABLE/);
  });
  it("names the table, the dates, the regions and the accounts", () => {
    const sql = athenaSql({ table: "billing.cur2", from: "2026-09-01", to: "2026-10-01", regions: ["us-east-1", "eu-west-1"], accounts: [ACCOUNT] });
    expect(sql).toContain('FROM "billing"."cur2"');
    expect(sql).toContain("line_item_usage_start_date >= TIMESTAMP '2026-09-01 00:00:00'");
    expect(sql).toContain("line_item_usage_start_date < TIMESTAMP '2026-10-01 00:00:00'");
    expect(sql).toContain("product_region_code IN ('us-east-1', 'eu-west-1')");
    expect(sql).toContain(`line_item_usage_account_id IN ('${ACCOUNT}')`);
  });
});
