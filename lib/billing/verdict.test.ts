import { describe, expect, it } from "vitest";
import { dec } from "@/lib/core";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { parseScenario } from "@/lib/scenario/parse";
import { compareWithScenario } from "./compare";
import { reconcileFile } from "./node";
import { fixture, reconcileCsvText } from "./test-helpers";
import { cur2Csv } from "./__fixtures__/synthetic-bills";
import { billVerdict, comparedPeriod, datesInWords, lineGapWords, type VerdictInput, type VerdictLine } from "./verdict";
import { comparisonChart } from "./bill-chart";
import { billToTable, billView } from "./view";
import { groupedQuantity, readablePercent } from "./words";

const SEPTEMBER = comparedPeriod({
  bill: { file: "b.csv", format: "cur2", rows: 1, fargateRows: 1, periodStart: "2026-09-01T00:00:00Z", periodEnd: "2026-10-01T00:00:00Z", periodHours: "720" },
});

const line = (over: Partial<VerdictLine>): VerdictLine => ({
  region: "us-east-1",
  platform: "ecs",
  usageType: "Fargate-vCPU-Hours:perCPU",
  unit: "vCPU-hours",
  estimatedQuantity: "0",
  billedQuantity: "0",
  estimatedCost: "0.00",
  billedCost: "0.00",
  ...over,
});

const input = (estimated: string, billed: string, lines: VerdictLine[]): VerdictInput => ({
  period: SEPTEMBER,
  listCost: billed,
  paidCost: billed,
  comparison: { scenario: "shop", estimatedCost: estimated, billedCost: billed, exactEstimatedCost: estimated, exactBilledCost: billed, lines },
});

describe("the verdict's words", () => {
  it("a bill above the estimate: the sign in words, the percent, and most of the gap in one line", () => {
    // vCPU: 7,300 vCPU-hours estimated ($250.00), 7,420 billed ($260.00): 120 more, +$10.00.
    // Memory: $50.00 estimated, $52.30 billed: +$2.30. Total $300.00 vs $312.30: +$12.30, 12.30 / 300 = 4.1%.
    const v = billVerdict(
      input("300.00", "312.30", [
        line({ estimatedQuantity: "7300", billedQuantity: "7420", estimatedCost: "250.00", billedCost: "260.00" }),
        line({
          usageType: "Fargate-GB-Hours",
          unit: "GB-hours",
          estimatedQuantity: "11248",
          billedQuantity: "11766",
          estimatedCost: "50.00",
          billedCost: "52.30",
        }),
      ]),
    );
    expect(v.direction).toBe("above");
    expect(v.headline).toBe("The bill is $12.30 (4.1%) above the estimate.");
    expect(v.detail).toBe(
      'Fargate cost $312.30 at list prices and $312.30 paid, 1 to 30 September 2026 (720 hours); the scenario "shop" estimates $300.00 for the same hours.',
    );
    // $10.00 of $12.30: more than half, and no more than all of it.
    expect(v.largest).toBe("Most of it: vCPU in us-east-1, 120 vCPU-hours more than estimated ($10.00 more).");
    expect(v.sentences).toEqual([v.detail, v.headline, v.largest]);
  });

  it("a bill below the estimate; lines that offset each other are 'the largest gap', never 'most of it'", () => {
    // $100.00 estimated, $99.00 billed: -$1.00, 1 / 100 = 1%. vCPU -$4.00 is more than the whole gap: memory +$3.00 offsets it.
    const v = billVerdict(
      input("100.00", "99.00", [
        line({ estimatedQuantity: "2000", billedQuantity: "1900.5", estimatedCost: "80.00", billedCost: "76.00" }),
        line({
          usageType: "Fargate-GB-Hours",
          unit: "GB-hours",
          platform: "eks",
          estimatedQuantity: "4000",
          billedQuantity: "4675",
          estimatedCost: "20.00",
          billedCost: "23.00",
        }),
      ]),
    );
    expect(v.direction).toBe("below");
    expect(v.headline).toBe("The bill is $1.00 (1%) below the estimate.");
    // 2,000 - 1,900.5 = 99.5 vCPU-hours fewer.
    expect(v.largest).toBe("The largest gap: vCPU in us-east-1, 99.5 vCPU-hours fewer than estimated ($4.00 less).");
  });

  it("equal to the cent: says so, and still names a gap that cancels out", () => {
    const v = billVerdict(
      input("50.00", "50.00", [
        line({ estimatedQuantity: "100", billedQuantity: "100", estimatedCost: "40.00", billedCost: "38.00" }),
        line({
          usageType: "Fargate-EphemeralStorage-GB-Hours",
          unit: "GB-hours",
          estimatedQuantity: "0",
          billedQuantity: "18300",
          estimatedCost: "10.00",
          billedCost: "12.00",
        }),
      ]),
    );
    expect(v.direction).toBe("equal");
    expect(v.headline).toBe("The bill matches the estimate to the cent ($50.00).");
    // Both lines are $2.00 apart: the first one found is named.
    expect(v.largest).toBe("The largest gap: vCPU in us-east-1, the same 100 vCPU-hours as estimated at another price ($2.00 less).");
  });

  it("far from the estimate: the share billed as a percentage people read (never 0.0021×)", () => {
    // $0.23 of $106.64: 0.23 / 106.64 = 0.2157% -> "0.22%"; 106.41 / 106.64 = 99.78% -> "99.8%".
    const v = billVerdict(input("106.64", "0.23", [line({ estimatedQuantity: "2160", billedQuantity: "2", estimatedCost: "106.64", billedCost: "0.23" })]));
    expect(v.headline).toBe("The bill is $106.41 (99.8%) below the estimate: billed 0.22% of the estimate.");
    // $200.00 against $100.00: +100%, exactly twice (not more): no share. $300.01: +200.01% -> "200%", billed 300.01% -> "300%".
    expect(billVerdict(input("100.00", "200.00", [])).headline).toBe("The bill is $100.00 (100%) above the estimate.");
    expect(billVerdict(input("100.00", "300.01", [])).headline).toBe("The bill is $200.01 (200%) above the estimate: billed 300% of the estimate.");
  });

  it("nothing estimated, and no scenario at all", () => {
    const v = billVerdict(input("0.00", "0.23", [line({ billedQuantity: "2", billedCost: "0.23" })]));
    expect(v.headline).toBe("The bill is $0.23 above the estimate, which has nothing for this usage.");
    expect(v.largest).toBe("Most of it: vCPU in us-east-1, 2 vCPU-hours billed that the scenario does not estimate ($0.23 more).");
    const alone = billVerdict({ period: SEPTEMBER, listCost: "0.24", paidCost: "0.23", comparison: null });
    expect(alone).toMatchObject({
      headline: "Fargate cost $0.24 at list prices and $0.23 paid, 1 to 30 September 2026 (720 hours).",
      detail: null,
      largest: null,
    });
  });

  it("a header-only bill is no usage, not 'billed 0% of the estimate'; a bill with rows but no Fargate says so (review finding)", async () => {
    const SEPT = { periodStart: "2026-09-01T00:00:00Z", periodEnd: "2026-10-01T00:00:00Z" };
    const shop = parseScenario({ name: "shop", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] }, fargateCatalog);
    if (!shop.ok) throw new Error("scenario");
    const empty = await reconcileCsvText(cur2Csv(SEPT, []), "empty.csv");
    expect(empty.bill.rows).toBe(0);
    const c = compareWithScenario(empty, shop.value, fargateCatalog);
    const v = billView(empty, c);
    expect(v.verdict.sentences).toEqual([
      'The file has no rows, only its header: no usage and no dates, so there is nothing to compare with the scenario "shop".',
    ]);
    // No comparison over an invented 730-hour month: no table, no chart, no "compared over a 730-hour month" line.
    expect(v.comparison).toBeNull();
    expect(v.period).toBeNull();
    const table = billToTable(v);
    expect(table).not.toMatch(/0% of the estimate|730-hour|Compared with/);
    // The JSON comparison has no lines (compared: false), with one finding instead of "the bill has none" per usage type.
    expect(c.findings).toEqual(['The file has no rows, only its header: no usage and no dates, so there is nothing to compare with the scenario "shop".']);
    // Without a scenario too.
    expect(billView(empty).verdict.headline).toBe("The file has no rows, only its header: no usage and no dates.");

    // Only a tax row: rows but no usage, and the billing period it names.
    const tax = await reconcileCsvText(
      cur2Csv(SEPT, [{ kind: "tax", start: SEPT.periodStart, hours: 720, product: "AmazonECS-tax", usageType: "", quantity: "1", rate: "0.5" }]),
      "tax.csv",
    );
    expect(billView(tax, compareWithScenario(tax, shop.value, fargateCatalog)).verdict.headline).toBe(
      'The file has 1 row but no usage (only taxes, credits, fees or other charges), billing period 1 to 30 September 2026, so there is nothing to compare with the scenario "shop".',
    );

    // Usage of another service over 10 days but no Fargate: a true comparison over those 240 hours, in words.
    const dns = await reconcileCsvText(
      cur2Csv(
        SEPT,
        Array.from({ length: 240 }, (_, h) => ({
          kind: "usage" as const,
          start: new Date(Date.parse(SEPT.periodStart) + h * 3_600_000).toISOString().replace(".000Z", "Z"),
          hours: 1,
          product: "AmazonRoute53" as const,
          usageType: "DNS-Queries",
          quantity: "1",
          rate: "0.0004",
        })),
      ),
      "dns.csv",
    );
    // The estimate over 240 hours: 240 x (0.04048 + 2 x 0.004445) = 240 x 0.04937 = 11.8488 -> $11.85; billed $0.00.
    expect(billView(dns, compareWithScenario(dns, shop.value, fargateCatalog)).verdict.headline).toBe(
      "The bill is $11.85 below the estimate: it has no Fargate usage over these hours.",
    );
  });

  it("one row and one hour are said in the singular (review finding: plurals built with counts)", async () => {
    const SEPT = { periodStart: "2026-09-01T00:00:00Z", periodEnd: "2026-10-01T00:00:00Z" };
    const tax = await reconcileCsvText(
      cur2Csv(SEPT, [{ kind: "tax", start: SEPT.periodStart, hours: 720, product: "AmazonECS-tax", usageType: "", quantity: "1", rate: "0.5" }]),
      "tax.csv",
    );
    expect(billView(tax).title).toBe("tax.csv: CUR 2.0, 1 row (0 Fargate), 2026-09-01 to 2026-10-01");
    // One hour compared: "(1 hour)", not "(1 hours)".
    const hour = comparedPeriod({
      bill: {
        file: "b.csv",
        format: "cur2",
        rows: 1,
        fargateRows: 1,
        periodStart: "2026-09-01T00:00:00Z",
        periodEnd: "2026-09-01T01:00:00Z",
        periodHours: "1",
      },
    });
    expect(hour.words).toBe("1 September 2026 (1 hour)");
  });

  it("a line on the estimate's side only, on EKS", () => {
    expect(lineGapWords(line({ platform: "eks", usageType: "Fargate-GB-Hours", unit: "GB-hours", estimatedQuantity: "1460", estimatedCost: "6.49" }))).toBe(
      "memory in us-east-1 (EKS), 1,460 GB-hours estimated and none billed ($6.49 less)",
    );
  });

  it("percentages and quantities as people read them", () => {
    expect(readablePercent(dec("0.2778"))).toBe("0.28%");
    expect(readablePercent(dec("0.0928"))).toBe("0.093%");
    expect(readablePercent(dec("0"))).toBe("0%");
    expect(readablePercent(dec("4.1"))).toBe("4.1%");
    expect(readablePercent(dec("12.04"))).toBe("12%");
    // Just under 100% never reads "100%".
    expect(readablePercent(dec("99.96"))).toBe("99.9%");
    expect(readablePercent(dec("210.4"))).toBe("210%");
    expect(readablePercent(dec("1234.5"))).toBe("1,235%");
    expect(groupedQuantity(dec("4352.87671"))).toBe("4,352.8767");
    expect(groupedQuantity(dec("-2158"))).toBe("-2,158");
  });

  it("dates in words (the end is exclusive), and the one function that feeds the compared period", () => {
    expect(datesInWords("2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z")).toBe("1 to 30 September 2026");
    expect(datesInWords("2026-09-28T00:00:00Z", "2026-10-04T00:00:00Z")).toBe("28 September to 3 October 2026");
    expect(datesInWords("2026-12-28T00:00:00Z", "2027-01-04T00:00:00Z")).toBe("28 December 2026 to 3 January 2027");
    expect(datesInWords("2026-09-05T00:00:00Z", "2026-09-05T13:00:00Z")).toBe("5 September 2026");
    expect(datesInWords(null, "2026-10-01T00:00:00Z")).toBeNull();
    const noDates = {
      bill: { ...SEPTEMBER, file: "b", format: "cur2" as const, rows: 1, fargateRows: 1, periodStart: null, periodEnd: null, periodHours: null },
    };
    expect(comparedPeriod(noDates, { periodHours: "730" }).words).toBe("the bill's 730 hours (the file has no dates)");
    // A month-to-date cut passes its covered hours and its sentence: 10 days x 24 = 240 hours.
    const mtd = comparedPeriod(
      noDates,
      { periodHours: "720" },
      {
        start: "2026-09-01T00:00:00Z",
        end: "2026-09-11T00:00:00Z",
        hours: "240",
        note: "month to date: 10 of 30 days",
      },
    );
    expect(mtd.words).toBe("1 to 10 September 2026 (240 hours)");
    // The same through a comparison whose reader reports the covered hours (the shape of the bill's `period`).
    const covered = {
      coveredStart: "2026-09-01T00:00:00Z",
      coveredEnd: "2026-09-11T00:00:00Z",
      coveredHours: "240",
      monthToDate: true,
      daysCovered: "10",
      daysInPeriod: "30",
    };
    expect(comparedPeriod(noDates, { periodHours: "240", period: covered, periodSentence: "month to date: 10 of 30 days" })).toEqual(mtd);
    // A whole billing period read that way: its dates, no note.
    const whole = { ...covered, coveredEnd: "2026-10-01T00:00:00Z", coveredHours: "720", monthToDate: false, daysCovered: "30" };
    expect(comparedPeriod(noDates, { periodHours: "720", period: whole, periodSentence: "whole billing period: 30 of 30 days" })).toMatchObject({
      words: "1 to 30 September 2026 (720 hours)",
      note: null,
    });
    const v = billVerdict({ period: mtd, listCost: "10.00", paidCost: "9.00", comparison: null });
    expect(v.sentences).toEqual(["Fargate cost $10.00 at list prices and $9.00 paid, 1 to 10 September 2026 (240 hours). Month to date: 10 of 30 days."]);
  });
});

describe("the chart's bars", () => {
  it("the largest first, lines with nothing on either side left out, the rest as one bar that adds up", () => {
    const l = (usageType: string, est: string, bill: string, platform = "ECS", region = "us-east-1") => ({
      key: `${region}|${platform}|${usageType}`,
      region,
      platform,
      usageType,
      estimatedCost: est,
      billedCost: bill,
    });
    const bars = comparisonChart([
      l("Fargate-vCPU-Hours:perCPU", "87.44", "0.07"),
      l("Fargate-GB-Hours", "19.20", "0.02"),
      l("Fargate-ARM-GB-Hours", "0.00", "0.00"),
      l("Fargate-ARM-vCPU-Hours:perCPU", "0.00", "0.01"),
      l("Fargate-Windows-vCPU-Hours:perCPU", "0.00", "0.05"),
      l("Fargate-Windows-OS-Hours:perCPU", "0.00", "0.05"),
      l("SpotUsage-Fargate-vCPU-Hours:perCPU", "0.00", "0.01"),
      l("Fargate-vCPU-Hours:perCPU", "0.00", "0.01", "EKS"),
      l("Fargate-GB-Hours", "0.00", "0.03", "EKS", "eu-west-1"),
    ]);
    // 8 lines with money (the ARM memory line is $0.00 on both sides): 5 bars, then the 3 smallest as one.
    expect(bars.map((b) => b.label)).toEqual([
      "vCPU, us-east-1",
      "memory, us-east-1",
      "Windows vCPU, us-east-1",
      "Windows license, us-east-1",
      "memory (EKS), eu-west-1",
      "3 other usage types",
    ]);
    // ARM vCPU 0.01 + Spot vCPU 0.01 + EKS vCPU 0.01 = 0.03.
    expect(bars.at(-1)).toMatchObject({ estimate: 0, bill: 0.03, estimateText: "$0.00", billText: "$0.03" });
    expect(bars[0]).toMatchObject({ estimate: 87.44, bill: 0.07 });
  });
});

describe("the verdict over a real bill, in the view and the CLI table", () => {
  it("cur2-fargate.csv against the default scenario (3 always-on 1 vCPU / 2 GB tasks in us-east-1)", async () => {
    const recon = await reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog, "cur2.csv");
    const p = parseScenario({ name: "My scenario", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 }] }, fargateCatalog);
    if (!p.ok) throw new Error(JSON.stringify(p.error));
    const v = billView(recon, compareWithScenario(recon, p.value, fargateCatalog));
    // Over the bill's 720 hours: vCPU 3 x 720 = 2,160 vCPU-hours x 0.04048 = 87.4368; memory 3 x 2 x 720 = 4,320
    // GB-hours x 0.004445 = 19.2024; estimate 106.6392 -> $106.64. Paid 0.225048625 -> $0.23, list 0.234922625 -> $0.23.
    // Difference 0.23 - 106.64 = -106.41; exact (106.6392 - 0.225048625) / 106.6392 = 99.789% -> "99.8%";
    // billed 0.225048625 / 106.6392 = 0.21104% -> "0.21%".
    expect(v.verdict.sentences).toEqual([
      'Fargate cost $0.23 at list prices and $0.23 paid, 1 to 30 September 2026 (720 hours); the scenario "My scenario" estimates $106.64 for the same hours.',
      "The bill is $106.41 (99.8%) below the estimate: billed 0.21% of the estimate.",
      // vCPU: $87.44 estimated, $0.07 shown billed (0.072864): $87.37 of the $106.41; 2,160 - 2 = 2,158 vCPU-hours.
      "Most of it: vCPU in us-east-1, 2,158 vCPU-hours fewer than estimated ($87.37 less).",
    ]);
    // The chart's bars add up to the table's totals.
    const cents = (xs: number[]) => xs.reduce((t, x) => t + Math.round(x * 100), 0);
    expect(cents(v.comparison!.chart.map((b) => b.estimate))).toBe(10664);
    expect(cents(v.comparison!.chart.map((b) => b.bill))).toBe(23);
    expect(v.comparison!.chartCaption).toBe(
      "US dollars over 1 to 30 September 2026 (720 hours): the scenario's estimate and what the bill paid, per usage type; the smallest usage types together.",
    );
    // The CLI table opens with the verdict, under the title.
    const table = billToTable(v).split("\n");
    expect(table.slice(0, 5)).toEqual(["cur2.csv: CUR 2.0, 25 rows (16 Fargate), 2026-09-01 to 2026-10-01", "", ...v.verdict.sentences]);
  });
});

describe("units as people read them (issue 20 item 4)", () => {
  it("AWS's abbreviations become words; other units stay as written", async () => {
    const { readableUnit } = await import("./words");
    expect(["Hrs", "hours", "GB-Mo", "LCU-Hrs", "GB", "vCPU-hours"].map(readableUnit)).toEqual([
      "hours",
      "hours",
      "GB-months",
      "LCU-hours",
      "GB",
      "vCPU-hours",
    ]);
  });
});
