import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BillError } from "./columns";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { reconcileBlob } from "./browser";
import { fixture, reconcileCsvText } from "./test-helpers";
import { env } from "@/lib/env";

const runs = env.fcRuns ?? 200;
const HEADERS = [
  "line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,pricing_public_on_demand_cost,product_region_code,savings_plan_savings_plan_effective_cost,line_item_usage_start_date,line_item_usage_end_date,line_item_resource_id,resource_tags",
  "lineItem/LineItemType,lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,lineItem/UnblendedCost,pricing/publicOnDemandCost,product/regionCode",
  "BilledCost,ListCost,ChargeCategory,ServiceName,RegionId,ChargeDescription,ConsumedQuantity,SkuId,ResourceId,Tags,ChargePeriodStart,ChargePeriodEnd",
];
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "Usage",
    "SavingsPlanCoveredUsage",
    "AmazonECS",
    "USE1-Fargate-GB-Hours",
    "1.5",
    "-0.2",
    "1e-7",
    "NULL",
    "",
    '{"aws:ecs:serviceName":"x"}',
    "arn:aws:ecs:us-east-1:1:task/c/t",
    "2026-09-01T00:00:00Z",
    "EKCCQUSFCBDDTKTS",
    "AWS Fargate - vCPU",
  ),
);

// Whatever a user uploads under a real header, the reader answers with a result or one BillError sentence:
// never a TypeError, never a stack trace.
describe("fuzz: random rows under a real bill header", () => {
  it("gives a result or a BillError naming the file", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...HEADERS), fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 30 }), async (header, rows) => {
        const text = [header, ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(","))].join("\n");
        try {
          const r = await reconcileCsvText(text, "fuzz.csv");
          expect(typeof r.totals.effectiveCost).toBe("string");
        } catch (e) {
          expect(e).toBeInstanceOf(BillError);
          expect((e as Error).message.startsWith("fuzz.csv")).toBe(true);
        }
      }),
      { numRuns: Math.min(runs, 500) },
    );
  });
});

// Issue 19 item 2 at a bounded size: number cells of any magnitude and length give a result or one BillError, at once.
describe("fuzz: hostile number cells", () => {
  const HEADER =
    "line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,pricing_public_on_demand_cost,product_region_code";
  const num = fc.oneof(
    fc
      .tuple(fc.constantFrom("", "-"), fc.stringMatching(/^\d{1,60}$/), fc.stringMatching(/^(\.\d{0,60})?$/), fc.integer({ min: -9999, max: 9999 }))
      .map(([s, i, f, e]) => `${s}${i}${f}e${e}`),
    fc.stringMatching(/^-?\d{0,120}(\.\d{0,120})?$/),
  );
  it("gives a result or a BillError, each file within a second", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(num, num, num), { minLength: 1, maxLength: 5 }), async (rows) => {
        const text = [HEADER, ...rows.map(([q, c, l]) => `Usage,AmazonECS,USE1-Fargate-GB-Hours,${q},${c},${l},us-east-1`)].join("\n");
        const t0 = Date.now();
        try {
          const r = await reconcileCsvText(text, "fuzz.csv");
          // Bounded inputs give bounded sums: at most 40 digits each, so the total fits in about 100 characters.
          expect(r.totals.effectiveCost.length).toBeLessThan(100);
        } catch (e) {
          expect(e).toBeInstanceOf(BillError);
          expect((e as Error).message.startsWith("fuzz.csv")).toBe(true);
        }
        expect(Date.now() - t0).toBeLessThan(1000);
      }),
      { numRuns: Math.min(runs, 300) },
    );
  });
});

// Issue 19 items 3 and 10 at a bounded size: 200 single-bit flips of the Parquet fixture (a fixed seed, so the same
// flips every run: a decoder loop would hang the test process, not fail it) give a result or one BillError, never a
// TypeError or a partial answer.
describe("fuzz: flipped bits in a Parquet bill", () => {
  it("gives a result or a BillError naming the file", async () => {
    const source = new Uint8Array(readFileSync(fixture("cur2-fargate.parquet")));
    const complete = await reconcileBlob(new Blob([source]), "fuzz.parquet", fargateCatalog);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: source.length - 9 }), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
        const bytes = source.slice();
        bytes[at]! ^= 1 << bit;
        try {
          const r = await reconcileBlob(new Blob([bytes]), "fuzz.parquet", fargateCatalog);
          // Read: every declared row was read (a flip in a value may change a value, never drop rows silently).
          expect(r.bill.rows).toBe(complete.bill.rows);
        } catch (e) {
          expect(e).toBeInstanceOf(BillError);
          expect((e as Error).message.startsWith("fuzz.parquet")).toBe(true);
          refused++;
        }
      }),
      { numRuns: 200, seed: 19 },
    );
    expect(refused).toBeGreaterThan(0);
  });
});
