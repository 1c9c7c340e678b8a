import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BillError } from "./columns";
import { reconcileCsvText } from "./test-helpers";
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
