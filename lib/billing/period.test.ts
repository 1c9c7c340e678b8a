import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { parseScenario } from "@/lib/scenario/parse";
import { csvToParquet, cur2Csv, focus12Csv, legacyCurCsv, taskRows, type Charge } from "./__fixtures__/synthetic-bills";
import { reconcileBlob } from "./browser";
import { scenarioFromBill } from "./build-scenario";
import { compareWithScenario } from "./compare";
import { reconcileFile } from "./node";
import { periodSentence } from "./period";
import { fixture, reconcileCsvText } from "./test-helpers";
import { billToTable, billView } from "./view";

// us-east-1 rates from the snapshot: x86 0.04048 per vCPU-hour, 0.004445 per GB-hour; 1yr Compute Savings Plan 0.032384 / 0.003556.
const SEPT = { periodStart: "2026-09-01T00:00:00Z", periodEnd: "2026-10-01T00:00:00Z" };
const scenario = (input: unknown) => {
  const p = parseScenario(input, fargateCatalog);
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value;
};
// One always-on task of 1 vCPU / 2 GB: per hour 0.04048 + 2 x 0.004445 = 0.04937.
const ALWAYS_ON = scenario({ name: "shop", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] });

describe("item 1: the period a bill covers", () => {
  // A month-to-date CUR 2.0 export: 10 days (240 hours) of an always-on 1 vCPU / 2 GB task, no invoice ID yet, the
  // month's tax row spanning the whole billing period and a month-long Route 53 row (neither moves the covered hours).
  const mtd: Charge[] = [
    ...taskRows({ start: "2026-09-01T00:00:00Z", count: 240, vcpu: "1", memoryGB: "2" }),
    { kind: "tax", start: SEPT.periodStart, hours: 720, product: "AmazonECS-tax", usageType: "", quantity: "1", rate: "0.5" },
    { kind: "usage", start: SEPT.periodStart, hours: 720, product: "AmazonRoute53", usageType: "HostedZone", quantity: "1", rate: "0.5" },
  ];

  it("a 10-day month-to-date cut of a bill that matches its scenario exactly compares at 0%, not -66.67%", async () => {
    const r = await reconcileCsvText(cur2Csv(SEPT, mtd), "mtd.csv", 4096);
    expect(r.period).toEqual({
      billingPeriodStart: "2026-09-01T00:00:00Z",
      billingPeriodEnd: "2026-10-01T00:00:00Z",
      firstUsageStart: "2026-09-01T00:00:00Z",
      lastUsageEnd: "2026-09-11T00:00:00Z",
      coveredStart: "2026-09-01T00:00:00Z",
      coveredEnd: "2026-09-11T00:00:00Z",
      // 2026-09-01 00:00 to 2026-09-11 00:00 = 10 x 24 = 240 hours; the period is 30 days.
      coveredHours: "240",
      daysCovered: "10",
      daysInPeriod: "30",
      granularity: "hourly",
      monthToDate: true,
      invoiced: false,
      limits: null,
    });
    expect(periodSentence(r.period!)).toBe("month to date: 10 of 30 days (2026-09-01 to 2026-09-10)");
    // The bill: 240 vCPU-hours x 0.04048 = 9.7152; 480 GB-hours x 0.004445 = 2.1336; together 11.8488.
    expect(r.totals.effectiveCost).toBe("11.8488");
    const c = compareWithScenario(r, ALWAYS_ON, fargateCatalog);
    // The estimate over the covered hours: 730 h x 0.04937 x 240 / 730 = 240 x 0.04937 = 11.8488, the bill's own figure.
    expect(c.periodHours).toBe("240");
    expect(c.totals).toEqual({ estimatedCost: "11.8488", billedCost: "11.8488", difference: "0", differencePercent: "0.00" });
    expect(c.findings).toEqual([]);
    expect(c.periodSentence).toBe("month to date: 10 of 30 days (2026-09-01 to 2026-09-10)");
    // Over the whole month instead (what it did before): 720 x 0.04937 = 35.5464; (11.8488 - 35.5464) / 35.5464 = -66.67%.
    const whole = compareWithScenario({ ...r, period: undefined }, ALWAYS_ON, fargateCatalog);
    expect(whole.totals.differencePercent).toBe("-66.67");
    // The CLI table says it above the comparison.
    expect(billToTable(billView(r, c))).toMatch(
      /Period: month to date: 10 of 30 days \(2026-09-01 to 2026-09-10\)\nCompared with the scenario "shop" over the bill's 240 hours/,
    );
  });

  it("infers duty cycles from the covered hours: 240 task-hours over 240 hours is one task always on", async () => {
    const r = await reconcileCsvText(cur2Csv(SEPT, mtd), "mtd.csv", 4096);
    const built = scenarioFromBill(r, fargateCatalog);
    expect(built.scenario.workloads).toEqual([expect.objectContaining({ name: "shop/api", vcpu: 1, memoryGiB: 2, tasks: 1, schedule: { type: "always-on" } })]);
    // The bill's hours are its covered 240 (month to date), not September's 720.
    expect(built.explanations[0]!.how).toMatch(/usage in 240 of the bill's 240 hours.*240 task-hours over 240 hours is 1 task always on/);
  });

  it("a cut ending mid-day: the exact hours, and the sentence gives them", async () => {
    // 9 days and 12 hours = 228 hours: 9.5 of 30 days.
    const r = await reconcileCsvText(cur2Csv(SEPT, taskRows({ start: "2026-09-01T00:00:00Z", count: 228, vcpu: "1", memoryGB: "2" })), "cut.csv", 4096);
    expect(r.period).toMatchObject({ coveredHours: "228", daysCovered: "9.5", monthToDate: true });
    expect(periodSentence(r.period!)).toBe("month to date: 9.5 of 30 days (2026-09-01 00:00 to 2026-09-10 12:00 UTC, 228 hours)");
    // The estimate over 228 h: 228 x 0.04937 = 11.25636 = the bill.
    expect(compareWithScenario(r, ALWAYS_ON, fargateCatalog).totals).toMatchObject({ estimatedCost: "11.25636", differencePercent: "0.00" });
  });

  it("an invoiced bill covers its whole billing period, however early its usage stops", async () => {
    const r = await reconcileCsvText(cur2Csv({ ...SEPT, invoiceId: "2469135780" }, mtd), "final.csv", 4096);
    expect(r.period).toMatchObject({ coveredHours: "720", monthToDate: false, invoiced: true, lastUsageEnd: "2026-09-11T00:00:00Z" });
    expect(periodSentence(r.period!)).toBe("whole billing period (invoiced): 30 of 30 days (2026-09-01 to 2026-09-30)");
    // The task ran 10 of 30 days of a closed month: 11.8488 against 35.5464 is -66.67%, the truth for a closed month.
    expect(compareWithScenario(r, ALWAYS_ON, fargateCatalog).totals.differencePercent).toBe("-66.67");
  });

  it("the fixtures: the CUR fixture is invoiced (720 hours); the FOCUS sample's sparse rows reach within a day of both ends", async () => {
    const cur = await reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog, "cur2.csv");
    expect(cur.period).toMatchObject({ coveredHours: "720", invoiced: true, monthToDate: false, granularity: "hourly" });
    // Without an invoice ID (the Parquet copy keeps its bytes from before the column): usage 00:00 to 02:00 on the 1st.
    const parquet = await reconcileFile(fixture("cur2-fargate.parquet"), fargateCatalog, "cur2.parquet");
    expect(parquet.period).toMatchObject({ coveredHours: "2", monthToDate: true, coveredEnd: "2026-09-01T02:00:00Z" });
    // FOCUS sample: usage rows from 2024-09-01 01:00 to 2024-09-30 23:00, both within a day of the period's ends: 720 hours.
    const focus = await reconcileFile(fixture("focus-1.0-sample-fargate.csv"), fargateCatalog, "focus.csv");
    expect(focus.period).toMatchObject({
      firstUsageStart: "2024-09-01T01:00:00Z",
      lastUsageEnd: "2024-09-30T23:00:00Z",
      coveredHours: "720",
      monthToDate: false,
    });
    expect(periodSentence(focus.period!)).toBe("whole billing period: 30 of 30 days (2024-09-01 to 2024-09-30)");
  });

  it("a daily-granularity legacy CUR: read as daily, compared over its days, and says what daily rows cannot tell", async () => {
    // 30 daily rows of the always-on task: 24 vCPU-hours and 48 GB-hours a day.
    const month = await reconcileCsvText(
      legacyCurCsv(SEPT, taskRows({ start: "2026-09-01T00:00:00Z", count: 30, hours: 24, vcpu: "1", memoryGB: "2" })),
      "daily.csv",
    );
    expect(month.bill.format).toBe("cur");
    expect(month.period).toMatchObject({ granularity: "daily", coveredHours: "720", monthToDate: false });
    expect(month.period!.limits).toMatch(/^daily rows: no concurrency or short runs can be inferred/);
    expect(month.notes.join("\n")).toMatch(
      /Period: whole billing period: 30 of 30 days \(2026-09-01 to 2026-09-30\); daily rows: no concurrency or short runs/,
    );
    // 720 vCPU-hours x 0.04048 = 29.1456; 1440 GB-hours x 0.004445 = 6.4008; 35.5464 = 720 x 0.04937, the estimate.
    expect(compareWithScenario(month, ALWAYS_ON, fargateCatalog).totals).toEqual({
      estimatedCost: "35.5464",
      billedCost: "35.5464",
      difference: "0",
      differencePercent: "0.00",
    });
    // A task's size from a daily row: 24 vCPU-hours over 24 hours = 1 vCPU (a whole-day task; part-day tasks read smaller).
    expect(month.groups[0]!.peak).toMatchObject({ vcpu: "1", memoryGB: "2" });
    // Ten daily rows: month to date, 10 of 30 days, 240 hours.
    const ten = await reconcileCsvText(
      legacyCurCsv(SEPT, taskRows({ start: "2026-09-01T00:00:00Z", count: 10, hours: 24, vcpu: "1", memoryGB: "2" })),
      "daily.csv",
    );
    expect(ten.period).toMatchObject({ granularity: "daily", coveredHours: "240", monthToDate: true });
    expect(periodSentence(ten.period!)).toMatch(/^month to date: 10 of 30 days \(2026-09-01 to 2026-09-10\); daily rows: /);
  });

  it("one day is '1 day', not '1 days' (review finding: plurals built with counts)", async () => {
    const [header, ...rows] = Papa.parse<string[]>(cur2Csv(SEPT, taskRows({ start: "2026-09-03T00:00:00Z", count: 24, vcpu: "1", memoryGB: "2" })).trim()).data;
    const bare = Papa.unparse([header!.slice(2), ...rows.map((r) => r.slice(2))]);
    const r = await reconcileCsvText(bare, "bare.csv", 4096);
    // 2026-09-03 00:00 to 2026-09-04 00:00: 24 hours, 1 day.
    expect(r.period).toMatchObject({ coveredHours: "24", daysCovered: "1" });
    expect(periodSentence(r.period!)).toBe("usage from the first to the last usage hour: 1 day (2026-09-03 to 2026-09-03)");
  });

  it("without billing-period columns: the first to the last usage hour, and no month-to-date claim", async () => {
    const [header, ...rows] = Papa.parse<string[]>(cur2Csv(SEPT, taskRows({ start: "2026-09-03T00:00:00Z", count: 36, vcpu: "1", memoryGB: "2" })).trim()).data;
    // Drop bill_billing_period_start_date and _end_date (the first two columns).
    const bare = Papa.unparse([header!.slice(2), ...rows.map((r) => r.slice(2))]);
    const r = await reconcileCsvText(bare, "bare.csv", 4096);
    // 2026-09-03 00:00 to 2026-09-04 12:00: 36 hours, 1.5 days.
    expect(r.period).toMatchObject({ billingPeriodStart: null, coveredHours: "36", daysCovered: "1.5", daysInPeriod: null, monthToDate: false });
    expect(periodSentence(r.period!)).toBe("usage from the first to the last usage hour: 1.5 days (2026-09-03 00:00 to 2026-09-04 12:00 UTC, 36 hours)");
    // 36 x 0.04937 = 1.77732, estimated and billed.
    expect(compareWithScenario(r, ALWAYS_ON, fargateCatalog).totals).toMatchObject({ estimatedCost: "1.77732", billedCost: "1.77732" });
  });

  it("a monthly-granularity row set is monthly", async () => {
    const r = await reconcileCsvText(
      legacyCurCsv(SEPT, taskRows({ start: "2026-09-01T00:00:00Z", count: 1, hours: 720, vcpu: "1", memoryGB: "2" })),
      "monthly.csv",
    );
    expect(r.period).toMatchObject({ granularity: "monthly", coveredHours: "720" });
    expect(r.period!.limits).toMatch(/^monthly rows: no daily pattern, concurrency or short runs can be inferred/);
  });
});

describe("covered hours in whole units of the file's granularity (review finding)", () => {
  it("a daily export whose last row stops mid-day (a day cut) covers that whole day", async () => {
    // 9 whole daily rows (1 to 9 September) and a 10th day's row from 00:00 to 13:00: daily granularity (13 h > 1 h).
    const rows = [
      ...taskRows({ start: "2026-09-01T00:00:00Z", count: 9, hours: 24, vcpu: "1", memoryGB: "2" }),
      ...taskRows({ start: "2026-09-10T00:00:00Z", count: 1, hours: 13, vcpu: "1", memoryGB: "2" }),
    ];
    const r = await reconcileCsvText(legacyCurCsv(SEPT, rows), "daily.csv");
    // Through the end of 10 September: 10 x 24 = 240 hours (the last row's own end would give 9 x 24 + 13 = 229).
    expect(r.period).toMatchObject({
      granularity: "daily",
      lastUsageEnd: "2026-09-10T13:00:00Z",
      coveredEnd: "2026-09-11T00:00:00Z",
      coveredHours: "240",
      daysCovered: "10",
      monthToDate: true,
    });
    expect(periodSentence(r.period!)).toMatch(/^month to date: 10 of 30 days \(2026-09-01 to 2026-09-10\); daily rows: /);
  });

  it("an hourly export covers through the last clock hour with usage, and no further", async () => {
    // 232 hourly rows, 1 September 00:00 to 10 September 16:00, then a 20-minute row from 16:00 to 16:20.
    const rows = [
      ...taskRows({ start: "2026-09-01T00:00:00Z", count: 232, vcpu: "1", memoryGB: "2" }),
      ...taskRows({ start: "2026-09-10T16:00:00Z", count: 1, hours: 1 / 3, vcpu: "1", memoryGB: "2" }),
    ];
    const r = await reconcileCsvText(cur2Csv(SEPT, rows), "hourly.csv", 4096);
    // 232 + 1 = 233 hours, to 17:00 (not 232.33 hours to 16:20, nor the end of the day).
    expect(r.period).toMatchObject({ granularity: "hourly", lastUsageEnd: "2026-09-10T16:20:00Z", coveredEnd: "2026-09-10T17:00:00Z", coveredHours: "233" });
    // Without the 20-minute row: through 16:00, 232 hours (the hours present, not the day's end).
    const whole = await reconcileCsvText(cur2Csv(SEPT, rows.slice(0, -2)), "hourly.csv", 4096);
    expect(whole.period).toMatchObject({ coveredEnd: "2026-09-10T16:00:00Z", coveredHours: "232" });
  });
});

describe("item 3: one answer across formats", () => {
  // Three hours of the 1 vCPU / 2 GB task: hour 0 on demand; hours 1 and 2 covered by a Compute Savings Plan of
  // 0.04 per hour (fee rows for hours 1 and 2), which the task uses 1 x 0.032384 + 2 x 0.003556 = 0.039496 of, leaving
  // 0.04 - 0.039496 = 0.000504 unused each hour.
  const charges: Charge[] = [
    ...taskRows({ start: "2026-09-01T00:00:00Z", count: 3, vcpu: "1", memoryGB: "2", kind: (i) => (i === 0 ? "usage" : "covered") }),
    ...[1, 2].map((h): Charge => ({
      kind: "spFee",
      start: `2026-09-01T0${h}:00:00Z`,
      hours: 1,
      product: "ComputeSavingsPlans",
      usageType: "ComputeSP:1yrNoUpfront",
      quantity: "1",
      rate: "0.04",
      unused: "0.000504",
    })),
  ];

  it("the same month as FOCUS 1.2 and as CUR 2.0 gives the same usage, list, paid and billed totals", async () => {
    const cur = await reconcileCsvText(cur2Csv(SEPT, charges), "cur2.csv");
    const focus = await reconcileCsvText(focus12Csv(SEPT, charges), "focus12.csv");
    expect([cur.bill.format, focus.bill.format]).toEqual(["cur2", "focus"]);
    for (const r of [cur, focus]) {
      const u = Object.fromEntries(r.usage.map((x) => [x.usageType, x]));
      // vCPU: 3 vCPU-hours; list 3 x 0.04048 = 0.12144; paid 0.04048 + 2 x 0.032384 = 0.105248; billed (cash) 0.04048
      // (CUR: 0.04048 + 2 covered rows at 0.04048 - 2 negations of 0.04048; FOCUS: BilledCost 0 on covered rows).
      expect(u["Fargate-vCPU-Hours:perCPU"]).toEqual({
        region: "us-east-1",
        platform: "ecs",
        usageType: "Fargate-vCPU-Hours:perCPU",
        quantity: "3",
        unit: "vCPU-hours",
        listCost: "0.12144",
        effectiveCost: "0.105248",
        billedCost: "0.04048",
      });
      // Memory: 6 GB-hours; list 6 x 0.004445 = 0.02667; paid 2 x 0.004445 + 2 x 2 x 0.003556 = 0.00889 + 0.014224 = 0.023114; billed 0.00889.
      expect(u["Fargate-GB-Hours"]).toMatchObject({ quantity: "6", listCost: "0.02667", effectiveCost: "0.023114", billedCost: "0.00889" });
      // Totals: list 0.12144 + 0.02667 = 0.14811; paid 0.105248 + 0.023114 = 0.128362; billed 0.04048 + 0.00889 = 0.04937.
      expect(r.totals).toMatchObject({ listCost: "0.14811", effectiveCost: "0.128362", billedCost: "0.04937" });
      // The plan's fee is cash under fees, once: 2 hours x 0.04 = 0.08 (FOCUS: Purchase rows; its Unused rows bill 0).
      expect(r.totals.adjustments).toBe("0.08");
      // Of it, usage used 2 x 0.039496 = 0.078992 (already in paid); unused 0.08 - 0.078992 = 0.001008.
      expect(r.savingsPlanFees).toEqual({ fee: "0.08", usedByUsage: "0.078992", unused: "0.001008" });
      // The groups add up to the paid total.
      expect(r.groups.map((g) => g.effectiveCost)).toEqual(["0.128362"]);
      expect(r.period).toMatchObject({ coveredHours: "3", monthToDate: true });
      expect(periodSentence(r.period!)).toBe("month to date: 3 hours of 30 days (2026-09-01 00:00 to 2026-09-01 03:00 UTC)");
    }
    expect(cur.columnsUsed).toEqual({
      usageType: ["line_item_usage_type"],
      quantity: ["line_item_usage_amount"],
      listCost: ["pricing_public_on_demand_cost"],
      paid: ["line_item_unblended_cost", "savings_plan_savings_plan_effective_cost"],
      billed: ["line_item_unblended_cost"],
      usageHours: ["line_item_usage_start_date", "line_item_usage_end_date"],
      billingPeriod: ["bill_billing_period_start_date", "bill_billing_period_end_date"],
      invoice: ["bill_invoice_id"],
    });
    expect(focus.columnsUsed).toEqual({
      usageType: ["SkuMeter"],
      quantity: ["ConsumedQuantity"],
      listCost: ["ListCost"],
      paid: ["EffectiveCost"],
      billed: ["BilledCost"],
      usageHours: ["ChargePeriodStart", "ChargePeriodEnd"],
      billingPeriod: ["BillingPeriodStart", "BillingPeriodEnd"],
      invoice: ["InvoiceId"],
    });
    expect(focus.notes.join("\n")).toMatch(/paid at its EffectiveCost \(amortised/);
    // The comparison uses the paid figure in both: the same estimate, the same bill.
    const [a, b] = [cur, focus].map((r) => compareWithScenario(r, ALWAYS_ON, fargateCatalog).totals);
    expect(a).toEqual(b);
    // 3 hours x 0.04937 = 0.14811 estimated (on-demand scenario) against 0.128362 paid.
    expect(a).toMatchObject({ estimatedCost: "0.14811", billedCost: "0.128362" });
    const view = billView(focus);
    expect(view.billedTotal).toBe("0.05");
    expect(view.columnsUsed).toContain("usage type: SkuMeter");
  });

  it("the same month as Parquet (CUR 2.0 and FOCUS 1.2, through the browser reader): the same totals, to the digit", async () => {
    const read = (bytes: Uint8Array, name: string) => reconcileBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]), name, fargateCatalog);
    for (const r of [
      await read(csvToParquet(cur2Csv(SEPT, charges)), "cur2.parquet"),
      await read(csvToParquet(focus12Csv(SEPT, charges)), "focus12.parquet"),
    ]) {
      // DOUBLE cells (0.04048, 0.032384 ...) are read by their shortest decimal form, so the sums are the CSV's: list 0.14811,
      // paid 0.128362, billed 0.04937 (as above).
      expect(r.totals).toMatchObject({ listCost: "0.14811", effectiveCost: "0.128362", billedCost: "0.04937" });
      expect(r.savingsPlanFees).toEqual({ fee: "0.08", usedByUsage: "0.078992", unused: "0.001008" });
      expect(r.period).toMatchObject({ coveredHours: "3", monthToDate: true, granularity: "hourly" });
    }
  });

  it("SkuMeter-only rows (a SKU the snapshot lacks, a generic description) are Fargate; x_UsageType too; without either, not", async () => {
    const rows = taskRows({ start: "2026-09-01T00:00:00Z", count: 2, vcpu: "0.5", memoryGB: "1", prefix: "USW2" });
    const meter = await reconcileCsvText(focus12Csv({ ...SEPT, region: "us-west-2" }, rows, "SkuMeter"), "focus12.csv");
    // 2 hours of 0.5 vCPU / 1 GB: 1 vCPU-hour x 0.04048 + 2 GB-hours x 0.004445 = 0.04048 + 0.00889 = 0.04937.
    expect(meter.bill.fargateRows).toBe(4);
    expect(meter.usage.map((u) => [u.region, u.usageType, u.quantity])).toEqual([
      ["us-west-2", "Fargate-vCPU-Hours:perCPU", "1"],
      ["us-west-2", "Fargate-GB-Hours", "2"],
    ]);
    expect(meter.totals.effectiveCost).toBe("0.04937");
    expect(meter.columnsUsed!.usageType).toEqual(["SkuMeter"]);
    const x = await reconcileCsvText(focus12Csv({ ...SEPT, region: "us-west-2" }, rows, "x_UsageType"), "focus10.csv");
    expect(x.totals.effectiveCost).toBe("0.04937");
    expect(x.columnsUsed!.usageType).toEqual(["x_UsageType"]);
    const none = await reconcileCsvText(focus12Csv({ ...SEPT, region: "us-west-2" }, rows, null), "bare.csv");
    expect(none.bill.fargateRows).toBe(0);
  });

  it("the FOCUS 1.0 sample: usage types from SkuId; paid stays BilledCost because its EffectiveCost is rounded", async () => {
    const r = await reconcileFile(fixture("focus-1.0-sample-fargate.csv"), fargateCatalog, "focus.csv");
    expect(r.columnsUsed).toMatchObject({ usageType: ["SkuId"], paid: ["BilledCost"], billed: ["BilledCost"], invoice: [] });
    // BilledCost = paid = 0.02044738 (fixtures.test.ts); billed the same.
    expect(r.totals).toMatchObject({ effectiveCost: "0.02044738", billedCost: "0.02044738" });
    expect(r.savingsPlanFees).toBeUndefined();
  });

  it("the CUR fixture: billed nets the covered rows with their negations", async () => {
    const r = await reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog, "cur2.csv");
    // Paid 0.225048625 (fixtures.test.ts). Billed: paid - covered at SP rates (0.032384 + 0.007112) + their cash after
    // negation (0): 0.225048625 - 0.039496 = 0.185552625.
    expect(r.totals).toMatchObject({ effectiveCost: "0.225048625", billedCost: "0.185552625" });
    // The fixture's plan: fee 0.04 (hour 0), covered usage 0.039496 (hour 1): unused 0.000504.
    expect(r.savingsPlanFees).toEqual({ fee: "0.04", usedByUsage: "0.039496", unused: "0.000504" });
  });
});

describe("FOCUS without EffectiveCost (review finding)", () => {
  it("says paid is cash, and why: the file has no amortised cost column", async () => {
    const shape = { periodStart: "2026-09-01T00:00:00Z", periodEnd: "2026-10-01T00:00:00Z" };
    const rows = taskRows({ start: shape.periodStart, count: 4, vcpu: "1", memoryGB: "2", kind: (i) => (i < 2 ? "covered" : "usage") });
    const table = Papa.parse<string[]>(focus12Csv(shape, rows).trim()).data;
    const drop = table[0]!.indexOf("EffectiveCost");
    expect(drop).toBeGreaterThan(-1);
    const text = Papa.unparse(table.map((row) => row.filter((_, i) => i !== drop)));
    const r = await reconcileCsvText(text, "focus.csv", 4096);
    expect(r.notes.join(" ")).toMatch(/"paid" here is cash \(BilledCost\), not amortised.*The file has no EffectiveCost column/);
  });
});
