import { readFileSync } from "node:fs";
import fc from "fast-check";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { BillAccumulator } from "./accumulate";
import { readCsvBill, type TextStream } from "./csv";
import { existingPlanSentence, savingsPlanChartData, savingsPlanToTable } from "./savings-plan";
import { savingsPlanCsvRows } from "./report-csv";
import { fixture, reconcileCsvText } from "./test-helpers";
import { cur2Csv, taskRows } from "./__fixtures__/synthetic-bills";
import { env } from "@/lib/env";
import { dec } from "@/lib/core";

async function withSavingsPlan(text: string, fileName = "bill.csv") {
  const acc = new BillAccumulator(fileName, fargateCatalog, { savingsPlan: true });
  await readCsvBill(Readable.from([text]) as unknown as TextStream, acc);
  return acc.finish();
}

const CUR2 =
  "line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,pricing_public_on_demand_cost,product_region_code,savings_plan_savings_plan_effective_cost,line_item_usage_start_date,line_item_usage_end_date";
const hourIso = (h: number) => new Date(Date.UTC(2026, 8, 1, h)).toISOString().replace(".000Z", "Z");
/** x86 Linux Fargate in us-east-1 at on-demand rates (vCPU 0.04048, GB 0.004445). */
const fargateHour = (h: number, vcpu: number, gb: number) => [
  `Usage,AmazonECS,USE1-Fargate-vCPU-Hours:perCPU,${vcpu},${(0.04048 * vcpu).toFixed(5)},${(0.04048 * vcpu).toFixed(5)},us-east-1,,${hourIso(h)},${hourIso(h + 1)}`,
  `Usage,AmazonECS,USE1-Fargate-GB-Hours,${gb},${(0.004445 * gb).toFixed(5)},${(0.004445 * gb).toFixed(5)},us-east-1,,${hourIso(h)},${hourIso(h + 1)}`,
];

/**
 * Six hours: 1 vCPU + 2 GB in hours 0-3 (s = 0.04048 + 0.00889 = $0.04937 an hour), 2 vCPU + 4 GB in hour 4
 * ($0.09874), nothing on Fargate in hour 5 (an EC2 row shows the hour is in the export); a Spot row and a
 * month-long tax row, which neither count nor widen the hours.
 */
const SIX_HOURS = [
  CUR2,
  ...[0, 1, 2, 3].flatMap((h) => fargateHour(h, 1, 2)),
  ...fargateHour(4, 2, 4),
  `Usage,AmazonEC2,BoxUsage:m5.large,1,0.096,0.096,us-east-1,,${hourIso(5)},${hourIso(6)}`,
  `Usage,AmazonECS,USE1-SpotUsage-Fargate-vCPU-Hours:perCPU,1,0.01288871,0.01288871,us-east-1,,${hourIso(0)},${hourIso(1)}`,
  `Tax,AmazonECS,,1,0.02,,,,${hourIso(0)},2026-10-01T00:00:00Z`,
].join("\n");

describe("Savings Plan sizing from a CUR 2.0 bill's hours", () => {
  it("is absent unless asked for: the reconciliation is unchanged", async () => {
    const r = await reconcileCsvText(SIX_HOURS);
    expect("savingsPlan" in r).toBe(false);
  });

  it("sizes each term from the hourly spend (hand-computed)", async () => {
    const sp = (await withSavingsPlan(SIX_HOURS)).savingsPlan!;
    expect(sp.status).toBe("ok");
    // Hours 0 to 6 (the EC2 row's hour counts; the tax row spans the month and does not).
    expect([sp.hours, sp.hoursWithUsage, sp.periodStart, sp.periodEnd]).toEqual([6, 5, "2026-09-01T00:00:00Z", "2026-09-01T06:00:00Z"]);
    // Eligible: 4 x 0.04937 + 0.09874 = 0.29622; Spot 0.01288871 left out.
    expect(sp.eligibleOnDemand).toBe("0.29622");
    expect(sp.excluded).toEqual({ spot: "0.01288871", notCovered: "0", noRate: "0" });
    expect(sp.existing).toBeNull();
    const by = Object.fromEntries(sp.options.map((o) => [o.term, o]));

    // 1 year no upfront: rates 0.032384 / 0.04048 = 0.003556 / 0.004445 = 0.8 (20% off). Plan cost k = 0.039496 (hours 0-3),
    // 0.078992 (hour 4). At C = k = 0.039496: covered 5 x 0.04937 = 0.24685, paid 6 x 0.039496 = 0.236976, net 0.009874;
    // at C = 0.078992: covered 0.29622, paid 0.473952: a loss. Optimum 0.039496; bought to $0.001:
    // C = 0.039: covered 5 x 0.039 / 0.8 = 0.24375, paid 0.234, net 0.29622 - (0.234 + 0.29622 - 0.24375) = 0.00975;
    // C = 0.040: covered 4 x 0.04937 + 0.04 / 0.8 = 0.24748, paid 0.24, net 0.00748. So 0.039.
    const nu1 = by["1yr-no-upfront"]!;
    expect([nu1.optimum, nu1.commitmentPerHour, nu1.netSavings, nu1.costWithPlan]).toEqual(["0.039496", "0.039", "0.00975", "0.28647"]);
    expect([nu1.discountPercent, nu1.breakEvenUtilizationPercent, nu1.upfront]).toEqual(["20.00", "80.00", null]);
    // Utilization 5 x 0.039 / (6 x 0.039) = 83.33%; coverage 0.24375 / 0.29622 = 82.29%; savings 0.00975 / 0.29622 = 3.29%.
    expect([nu1.utilizationPercent, nu1.coveragePercent, nu1.savingsPercent]).toEqual(["83.33", "82.29", "3.29"]);

    // 3 years all upfront: 0.0194304 / 0.04048 = 0.0021336 / 0.004445 = 0.48 (52% off). k = 0.0236976 and 0.0473952.
    // Optimum 0.0236976: net 0.24685 - 6 x 0.0236976 = 0.1046644. Bought: C = 0.023 covers 5 x 0.023 / 0.48 = 0.2395833...,
    // net 0.2395833... - 0.138 = 0.1015833...; C = 0.024 covers 4 x 0.04937 + 0.024 / 0.48 = 0.24748, net 0.24748 - 0.144 = 0.10348.
    const au3 = by["3yr-all-upfront"]!;
    expect([au3.optimum, au3.commitmentPerHour, au3.netSavings]).toEqual(["0.0236976", "0.024", "0.10348"]);
    // Paid at purchase: 0.024 x 26,280 hours = 630.72.
    expect(au3.upfront).toBe("630.72");
    expect([au3.discountPercent, au3.breakEvenUtilizationPercent]).toEqual(["52.00", "48.00"]);

    // 1 year all upfront (0.73: 27% off): k = 0.0360401; C = 0.036 covers 0.18 / 0.73 = 0.2465753..., net 0.0305753...;
    // C = 0.037 covers 0.19748 + 0.037 / 0.73, net 0.0261649...: 0.036. 3 years no upfront (0.55): 0.027 (net 0.0834545...).
    expect([by["1yr-all-upfront"]!.commitmentPerHour, by["1yr-all-upfront"]!.netSavings]).toEqual(["0.036", "0.0305753425"]);
    expect([by["3yr-no-upfront"]!.commitmentPerHour, by["3yr-no-upfront"]!.netSavings]).toEqual(["0.027", "0.0834545455"]);

    // The curve: 0 to the largest plan cost (0.078992, 1 year no upfront) in 48 steps plus each recommendation, at cents.
    expect(sp.curve[0]).toEqual({
      commitment: "0",
      netSavings: { "1yr-no-upfront": "0.00", "1yr-all-upfront": "0.00", "3yr-no-upfront": "0.00", "3yr-all-upfront": "0.00" },
    });
    expect(sp.curve.at(-1)!.commitment).toBe("0.078992");
    expect(sp.curve.find((p) => p.commitment === "0.024")!.netSavings["3yr-all-upfront"]).toBe("0.10");
    const chart = savingsPlanChartData(sp);
    expect(chart.points.length).toBe(sp.curve.length);
    expect(chart.recommended.find((r) => r.term === "3yr-all-upfront")).toEqual({
      term: "3yr-all-upfront",
      label: "3 years, all upfront",
      commitment: 0.024,
      netSavings: 0.10348,
    });
    expect(sp.notes.join(" ")).toMatch(/Spot .*left out/);

    // 3 years all upfront saves 0.10348 / 0.29622 = 34.93%, the most.
    expect(sp.summary).toBe(
      "Over these 6 hours, a 1-year no-upfront commitment of $0.0390 an hour would have saved $0.01 (3.29%); 3 years, all upfront at $0.0240 an hour saves the most, $0.10 (34.93%).",
    );
    const table = savingsPlanToTable(sp);
    expect(table).toContain("3 years, all upfront");
    expect(table).toContain("$0.0240");
    expect(table).toContain("$630.72");
  });

  it("reads the existing plan's coverage and utilization over Fargate (CUR 2.0 fixture)", async () => {
    const sp = (await withSavingsPlan(readFileSync(fixture("cur2-fargate.csv"), "utf8"), "cur2-fargate.csv")).savingsPlan!;
    // Covered in hour 1: 1 vCPU (0.04048) + 2 GB (0.00889) = 0.04937 on demand, 0.032384 + 0.007112 = 0.039496 at the plan's rates.
    // Eligible: x86 0.04937 (hour 0) + 0.04937 (covered) + ARM 0.008095 + 0.00178 + Windows 0.046552 + 0.0102235
    // + EKS 0.01012 + 0.0022225 = 0.177733; coverage 0.04937 / 0.177733 = 27.78%.
    // Commitment: one recurring fee row of 0.04; used 0.039496 = 98.74%, all of it by Fargate.
    expect(sp.existing).toEqual({
      coveredOnDemand: "0.04937",
      coveredCost: "0.039496",
      coveragePercent: "27.78",
      commitment: "0.04",
      usedCommitment: "0.039496",
      utilizationPercent: "98.74",
      fargateSharePercent: "98.74",
    });
    expect(sp.eligibleOnDemand).toBe("0.177733");
    // Spot 0.006444355 + 0.00141527; storage 0.00333 + the Windows license 0.046 are not covered by a plan.
    expect(sp.excluded).toEqual({ spot: "0.007859625", notCovered: "0.04933", noRate: "0" });
    // The fixture is invoiced (bill_invoice_id): its whole September, 720 hours, each paying a commitment (usage in 2).
    expect(sp.hours).toBe(720);
  });

  it("a daily bill gets a sentence, not a commitment", async () => {
    const daily = [
      CUR2,
      "Usage,AmazonECS,USE1-Fargate-vCPU-Hours:perCPU,24,0.97152,0.97152,us-east-1,,2026-09-01T00:00:00Z,2026-09-02T00:00:00Z",
      "Usage,AmazonECS,USE1-Fargate-GB-Hours,48,0.21336,0.21336,us-east-1,,2026-09-01T00:00:00Z,2026-09-02T00:00:00Z",
    ].join("\n");
    const sp = (await withSavingsPlan(daily)).savingsPlan!;
    expect(sp.status).toBe("not-hourly");
    expect(sp.options).toEqual([]);
    expect(sp.curve).toEqual([]);
    expect(sp.message).toMatch(/not hourly .* no commitment is recommended.*hourly granularity/);
    expect(savingsPlanToTable(sp)).toContain("no commitment is recommended");
  });

  it("a bill spanning more than 100,000 hours gets a sentence (memory and time stay bounded)", async () => {
    const far = [CUR2, ...fargateHour(0, 1, 2), ...fargateHour(100_001, 1, 2)].join("\n");
    const sp = (await withSavingsPlan(far)).savingsPlan!;
    expect(sp.status).toBe("too-many-hours");
    expect(sp.message).toMatch(/more than 100,000 hours/);
    expect(sp.options).toEqual([]);
  });

  it("a bill without Fargate usage a plan covers says so", async () => {
    const spotOnly = [CUR2, `Usage,AmazonECS,USE1-SpotUsage-Fargate-vCPU-Hours:perCPU,1,0.01288871,0.01288871,us-east-1,,${hourIso(0)},${hourIso(1)}`].join(
      "\n",
    );
    const sp = (await withSavingsPlan(spotOnly)).savingsPlan!;
    expect(sp.status).toBe("no-usage");
    expect(sp.excluded.spot).toBe("0.01288871");
  });
});

describe("a commitment of zero is said as no commitment, with the reason (review finding)", () => {
  /** Ten hours in the export (EC2 rows in the hours without Fargate); 1 vCPU + 2 GB of Fargate ($0.04937) in the first `used`. */
  const tenHours = (used: number) =>
    [
      CUR2,
      ...Array.from({ length: 10 }, (_, h) =>
        h < used ? fargateHour(h, 1, 2) : [`Usage,AmazonEC2,BoxUsage:m5.large,1,0.096,0.096,us-east-1,,${hourIso(h)},${hourIso(h + 1)}`],
      ).flat(),
    ].join("\n");

  it("the 1-year term saves nothing, the 3-year ones do: no '$0.0000 an hour would have saved $0.00'", async () => {
    const sp = (await withSavingsPlan(tenHours(7))).savingsPlan!;
    // Near C = 0 net savings grow only while hours with usage / (1 - d) > every hour: 1 year no upfront 7 / 0.8 = 8.75 and
    // 1 year all upfront 7 / 0.73 = 9.59 are below 10, so their best is 0; 3 years (0.55, 0.48): 12.73 and 14.58 are above.
    expect(sp.options.map((o) => o.commitmentPerHour)).toEqual(["0", "0", "0.027", "0.024"]);
    // 3 years all upfront: k = 0.04937 x 0.48 = 0.0236976. C = 0.023 covers 7 x 0.023 / 0.48 = 0.3354166..., paid 0.23, net
    // 0.1054166...; C = 0.024 covers all 7 x 0.04937 = 0.34559, paid 10 x 0.024 = 0.24, net 0.10559 (30.55% of 0.34559).
    expect(sp.options[3]).toMatchObject({ netSavings: "0.10559", savingsPercent: "30.55" });
    expect(sp.summary).toBe(
      "Over these 10 hours, a 1-year no-upfront commitment would have saved nothing: Fargate ran in 7 of the 10 hours (70.00%) and a commitment is paid every hour, so at that term's discount (20.00% off) it must be used in more than 80.00% of them to save anything; 3 years, all upfront at $0.0240 an hour saves the most, $0.11 (30.55%).",
    );
    expect(sp.summary).not.toContain("$0.0000");
  });

  it("no term saves anything: one sentence says so and why", async () => {
    // 4 of 10 hours (40%): even 3 years all upfront (52% off) needs more than 48% of the hours (4 / 0.48 = 8.33 < 10).
    const sp = (await withSavingsPlan(tenHours(4))).savingsPlan!;
    expect(sp.options.every((o) => o.commitmentPerHour === "0")).toBe(true);
    expect(sp.summary).toBe(
      "Over these 10 hours, no Savings Plan commitment would have saved anything on this bill: Fargate ran in 4 of the 10 hours (40.00%) and a commitment is paid every hour, so even at the largest discount here, 3 years, all upfront (52.00% off) it must be used in more than 48.00% of them to save anything.",
    );
    const table = savingsPlanToTable(sp);
    expect(table).toContain("no Savings Plan commitment would have saved anything on this bill");
    // Each term's row says "none", not "$0.0000" an hour (nor a $0.00 upfront payment).
    expect(table).toMatch(/1 year, no upfront\s+none\s+20\.00%/);
    expect(table).toMatch(/3 years, all upfront\s+none\s+52\.00%/);
    expect(table).not.toContain("$0.0000");
  });

  it("a zero commitment's utilization is n/a in the CSV, as on the page, never an empty cell with a % unit (review finding)", async () => {
    const sp = (await withSavingsPlan(tenHours(4))).savingsPlan!;
    // Commitment 0: utilization (used / 0) has no base; coverage is 0 of 4 x 0.04937 = 0.19748 eligible, 0.00%.
    expect(sp.options.map((o) => [o.utilizationPercent, o.coveragePercent])).toEqual(Array.from({ length: 4 }, () => [null, "0.00"]));
    const rows = savingsPlanCsvRows(sp).filter((r) => r[0] === "Savings Plan option" && r[6] === "%" && (r[4] === "utilization" || r[4] === "coverage"));
    expect(rows.map((r) => r[5])).toEqual(["n/a", "0.00", "n/a", "0.00", "n/a", "0.00", "n/a", "0.00"]);
  });
});

describe("Savings Plan coverage from a FOCUS bill", () => {
  const FOCUS =
    "BilledCost,ListCost,EffectiveCost,ChargeCategory,ServiceName,RegionId,ChargeDescription,ConsumedQuantity,x_UsageType,ChargePeriodStart,ChargePeriodEnd,CommitmentDiscountType,CommitmentDiscountStatus";
  const svc = "Amazon Elastic Container Service";
  const bill = [
    FOCUS,
    // Hour 0 on demand; hour 1 covered (BilledCost 0, EffectiveCost at the plan's rate); hour 1's unused commitment.
    `0.04048,0.04048,0.04048,Usage,${svc},us-east-1,AWS Fargate - vCPU,1,USE1-Fargate-vCPU-Hours:perCPU,2026-09-01 00:00:00,2026-09-01 01:00:00,,`,
    `0,0.04048,0.032384,Usage,${svc},us-east-1,AWS Fargate - vCPU,1,USE1-Fargate-vCPU-Hours:perCPU,2026-09-01 01:00:00,2026-09-01 02:00:00,Savings Plan,Used`,
    `0,0,0.007616,Usage,Savings Plans for AWS Compute usage,us-east-1,Unused commitment,1,ComputeSP:1yrNoUpfront,2026-09-01 01:00:00,2026-09-01 02:00:00,Savings Plan,Unused`,
  ].join("\n");

  it("coverage from ListCost of Used rows; utilization from Used and Unused EffectiveCost", async () => {
    const sp = (await withSavingsPlan(bill, "focus.csv")).savingsPlan!;
    // Coverage 0.04048 / (0.04048 + 0.04048) = 50%; commitment 0.032384 + 0.007616 = 0.04, used 0.032384 = 80.96%.
    expect(sp.existing).toEqual({
      coveredOnDemand: "0.04048",
      coveredCost: "0.032384",
      coveragePercent: "50.00",
      commitment: "0.04",
      usedCommitment: "0.032384",
      utilizationPercent: "80.96",
      fargateSharePercent: "80.96",
    });
    // Two hours of 0.04048: k = 0.032384 each; C = 0.032384 saves 2 x (0.04048 - 0.032384) = 0.016192 (1 year no upfront).
    const nu1 = sp.options.find((o) => o.term === "1yr-no-upfront")!;
    expect([sp.hours, nu1.optimum, nu1.commitmentPerHour]).toEqual([2, "0.032384", "0.032"]);
    // Bought 0.032: covers 2 x 0.032 / 0.8 = 0.08 of 0.08096, paid 0.064: net 0.08 - 0.064 = 0.016.
    expect(nu1.netSavings).toBe("0.016");
  });
});

describe("Savings Plan sizing on generated bills", () => {
  const usageTypes = [
    "USE1-Fargate-vCPU-Hours:perCPU",
    "USE1-Fargate-GB-Hours",
    "EUW1-Fargate-ARM-vCPU-Hours:perCPU",
    "USE1-SpotUsage-Fargate-GB-Hours",
    "USE1-Fargate-EphemeralStorage-GB-Hours",
    "Fargate-Unknown-Hours",
    "__proto__",
  ];
  const rowArb = fc.record({
    type: fc.constantFrom("Usage", "SavingsPlanCoveredUsage", "SavingsPlanRecurringFee"),
    usageType: fc.constantFrom(...usageTypes),
    region: fc.constantFrom("us-east-1", "eu-west-1", "constructor", ""),
    cost: fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 10_000).toString()),
    hour: fc.integer({ min: 0, max: 200 }),
    span: fc.constantFrom(1, 1, 1, 24),
  });

  it("never throws, never recommends a loss, and keeps utilization and coverage within 0-100%", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 40 }), async (rows) => {
        const text = [
          CUR2,
          ...rows.map(
            (r) =>
              `${r.type},${r.type === "SavingsPlanRecurringFee" ? "ComputeSavingsPlans" : "AmazonECS"},${r.usageType},1,${r.cost},${r.cost},${r.region},${r.type === "SavingsPlanCoveredUsage" ? r.cost : ""},${hourIso(r.hour)},${hourIso(r.hour + r.span)}`,
          ),
        ].join("\n");
        const sp = (await withSavingsPlan(text)).savingsPlan!;
        if (
          rows.some(
            (r) =>
              r.span > 1 &&
              r.type !== "SavingsPlanRecurringFee" &&
              /^USE1-Fargate-(vCPU|GB)|^EUW1/.test(r.usageType) &&
              r.region !== "constructor" &&
              r.region !== "",
          )
        ) {
          if (sp.eligibleOnDemand !== "0") expect(sp.status).toBe("not-hourly");
        }
        for (const o of sp.options) {
          expect(dec(o.netSavings).gte(0)).toBe(true);
          expect(dec(o.commitmentPerHour).gte(0)).toBe(true);
          for (const p of [o.utilizationPercent, o.coveragePercent]) if (p !== null) expect(Number(p)).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: env.fcRuns ?? 100 },
    );
  });
});

describe("the hours a commitment is paid in are the hours the bill covers (review finding)", () => {
  const SEPT = { periodStart: "2026-09-01T00:00:00Z", periodEnd: "2026-10-01T00:00:00Z" };
  const tenDays = taskRows({ start: "2026-09-01T00:00:00Z", count: 240, vcpu: "1", memoryGB: "2" });
  it("an invoiced month whose task stopped after 10 days: 720 hours, and no commitment saves money", async () => {
    // A commitment of C is paid in all 720 hours but used in 240: at the 1-year no-upfront discount it loses money at any
    // C > 0 (e.g. 0.039 x 720 = 28.08 paid for about 11.70 of on-demand spend covered).
    const sp = (await withSavingsPlan(cur2Csv({ ...SEPT, invoiceId: "2469135780" }, tenDays))).savingsPlan!;
    expect(sp.hours).toBe(720);
    expect(sp.options.every((o) => o.commitmentPerHour === "0")).toBe(true);
  });
  it("the same rows month to date: 240 hours, always used, so a commitment pays", async () => {
    const sp = (await withSavingsPlan(cur2Csv(SEPT, tenDays))).savingsPlan!;
    expect(sp.hours).toBe(240);
    // 1-year no upfront: 0.039 an hour, fully used, saves 2.34 of 11.8488.
    expect(sp.options[0]).toMatchObject({ commitmentPerHour: "0.039", netSavings: "2.34", utilizationPercent: "100.00" });
  });
});

describe("one hour is said in the singular (review finding: plurals built with counts)", () => {
  it("table, summary and CSV say '1 hour', not '1 hours'", async () => {
    const sp = (await withSavingsPlan([CUR2, ...fargateHour(0, 1, 2)].join("\n"))).savingsPlan!;
    expect([sp.hours, sp.hoursWithUsage]).toEqual([1, 1]);
    const table = savingsPlanToTable(sp);
    expect(table).toContain("1 hour (1 with Fargate usage) from ");
    expect(table).not.toMatch(/\b1 hours\b/);
    expect(sp.summary).not.toMatch(/\b1 hours\b/);
    const what = savingsPlanCsvRows(sp).map((r) => r[4]);
    expect(what).toContain("on-demand spend over the 1 hour");
    expect(what.join("\n")).not.toMatch(/\b1 hours\b/);
  });
});

describe("a Savings Plan fee on a bill without Fargate usage (review finding: 'covers n/a of the Fargate spend')", () => {
  /** Two hours of EC2 and a Compute Savings Plan fee of `fee` an hour: no Fargate usage at all. */
  const feeOnly = (fee: string) =>
    [
      CUR2,
      ...[0, 1].flatMap((h) => [
        `SavingsPlanRecurringFee,ComputeSavingsPlans,ComputeSP:1yrNoUpfront,1,${fee},${fee},,,${hourIso(h)},${hourIso(h + 1)}`,
        `Usage,AmazonEC2,BoxUsage:m5.large,1,0.096,0.096,us-east-1,,${hourIso(h)},${hourIso(h + 1)}`,
      ]),
    ].join("\n");
  const WHY = "the bill has no Fargate usage a Compute Savings Plan covers (Fargate vCPU and memory, Spot aside), so the plan covered no Fargate spend";

  it("says the fee is on the bill and there was no Fargate usage to cover, on the page, in the table and in the CSV", async () => {
    const sp = (await withSavingsPlan(feeOnly("0.04"))).savingsPlan!;
    // Commitment 0.04 + 0.04 = 0.08, none of it used: utilization 0 / 0.08 = 0.00%; no eligible Fargate spend, so no coverage.
    expect(sp.existing).toEqual({
      coveredOnDemand: "0",
      coveredCost: "0",
      coveragePercent: null,
      commitment: "0.08",
      usedCommitment: "0",
      utilizationPercent: "0.00",
      fargateSharePercent: "0.00",
    });
    expect(existingPlanSentence(sp.existing!)).toBe(`The Savings Plan's fee is on this bill, but ${WHY}.`);
    const table = savingsPlanToTable(sp);
    expect(table).toContain(`Existing plan: its fee is on this bill, but ${WHY}; commitment $0.08, 0.00% used (0.00% by Fargate).`);
    expect(table).not.toContain("n/a");
    const rows = savingsPlanCsvRows(sp).filter((r) => r[0] === "Savings Plan on the bill");
    expect(rows).toContainEqual(["Savings Plan on the bill", "", "", `The Savings Plan's fee is on this bill, but ${WHY}.`, "", "", "", "", "", "", ""]);
    expect(rows.find((r) => r[4] === "coverage of eligible Fargate spend")!.slice(5, 7)).toEqual(["n/a", "%"]);
  });

  it("with a zero fee: utilization is n/a everywhere, never 'n/a%' nor an empty cell", async () => {
    const sp = (await withSavingsPlan(feeOnly("0"))).savingsPlan!;
    expect(sp.existing).toMatchObject({ commitment: "0", coveragePercent: null, utilizationPercent: null, fargateSharePercent: null });
    const table = savingsPlanToTable(sp);
    expect(table).toContain(`Existing plan: its fee is on this bill, but ${WHY}; commitment $0.00, n/a used (n/a by Fargate).`);
    expect(table).not.toContain("n/a%");
    const rows = savingsPlanCsvRows(sp).filter((r) => r[0] === "Savings Plan on the bill" && r[6] === "%");
    expect(rows.map((r) => [r[4], r[5]])).toEqual([
      ["coverage of eligible Fargate spend", "n/a"],
      ["utilization", "n/a"],
      ["share of the commitment Fargate used", "n/a"],
    ]);
  });

  it("a plan that covers Fargate reads as before", async () => {
    const sp = (await withSavingsPlan(readFileSync(fixture("cur2-fargate.csv"), "utf8"), "cur2-fargate.csv")).savingsPlan!;
    // 0.04937 / 0.177733 = 27.78% (see "reads the existing plan's coverage" above).
    expect(existingPlanSentence(sp.existing!)).toBe(
      "The plan on this bill covers 27.78% of the Fargate spend a plan can cover ($0.05 at on-demand rates, paid $0.04).",
    );
  });
});
