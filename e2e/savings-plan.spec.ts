import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, openFresh, ready, test } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screenshots/savings-plan-${name}.png` });

/**
 * A week of hourly CUR 2.0 rows in us-east-1: "api" runs 1 vCPU / 2 GB every hour ($0.04048 + $0.00889 = $0.04937),
 * "web" 2 vCPU / 4 GB from 08:00 to 20:00 ($0.08096 + $0.01778 = $0.09874): 84 hours at $0.04937 and 84 at $0.14811.
 */
function weekBill(): Buffer {
  const lines = [
    "line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,pricing_public_on_demand_cost,product_region_code,line_item_usage_start_date,line_item_usage_end_date,line_item_resource_id,resource_tags",
  ];
  const iso = (h: number) => new Date(Date.UTC(2026, 8, 1, h)).toISOString().replace(".000Z", "Z");
  const task = (service: string) => `arn:aws:ecs:us-east-1:111122223333:task/shop/${service}0000000000000000000000000000`;
  const row = (h: number, service: string, vcpu: number, gb: number) => [
    `Usage,AmazonECS,USE1-Fargate-vCPU-Hours:perCPU,${vcpu},${(0.04048 * vcpu).toFixed(5)},${(0.04048 * vcpu).toFixed(5)},us-east-1,${iso(h)},${iso(h + 1)},${task(service)},"{""aws_ecs_serviceName"":""${service}""}"`,
    `Usage,AmazonECS,USE1-Fargate-GB-Hours,${gb},${(0.004445 * gb).toFixed(5)},${(0.004445 * gb).toFixed(5)},us-east-1,${iso(h)},${iso(h + 1)},${task(service)},"{""aws_ecs_serviceName"":""${service}""}"`,
  ];
  for (let h = 0; h < 168; h++) {
    lines.push(...row(h, "api", 1, 2));
    if (h % 24 >= 8 && h % 24 < 20) lines.push(...row(h, "web", 2, 4));
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

test.describe("Savings Plan from the bill's hours", () => {
  test("an hourly CUR 2.0 bill gets a commitment per term, the net-savings chart and the method", async ({ page }) => {
    test.slow(); // upload, worker, chart and axe on a shared machine
    await openFresh(page);
    await page.getByTestId("bill-file").setInputFiles({ name: "week.csv", mimeType: "text/csv", buffer: weekBill() });
    const section = page.getByTestId("bill-savings-plan");
    await expect(section).toBeVisible();
    // 1 year no upfront (20% off): plan cost k = 0.039496 (night) and 0.118488 (day). C = 0.039496 saves 168 x 0.009874;
    // C = 0.118488 loses (16.58832 covered for 19.905984). Bought to $0.001: 0.039 covers 168 x 0.039 / 0.8 = 8.19 for
    // 6.552 (net $1.638); 0.040 nets 4.14708 + 4.2 - 6.72 = 1.62708. Savings 1.638 / 16.58832 = 9.87%.
    await expect(page.getByTestId("bill-sp-summary")).toContainText("a 1-year no-upfront commitment of $0.0390 an hour would have saved $1.64 (9.87%)");
    // 3 years all upfront (52% off): k = 0.0236976 and 0.0710928; above the first the slope is 84 / 0.48 - 168 = +7 a $/h,
    // so the day's k wins: 0.071 covers 4.14708 + 84 x 0.071 / 0.48 = 16.57208 for 11.928, net $4.64408 (28.00%).
    await expect(page.getByTestId("bill-sp-summary")).toContainText("3 years, all upfront at $0.0710 an hour saves the most, $4.64 (28.00%)");
    const au3 = page.getByTestId("bill-sp-options").locator('[data-term="3yr-all-upfront"]');
    // Paid upfront: 0.071 x 26,280 hours = $1,865.88.
    await expect(au3).toContainText("$1,865.88");
    await expect(au3).toContainText("48.00% used");
    const chart = page.getByTestId("chart-savings-plan");
    await expect(chart).toBeVisible();
    await chart.scrollIntoViewIfNeeded(); // drawn once near the viewport
    await expect(chart.locator(".recharts-line")).toHaveCount(4);
    await expect(chart).toContainText("3 years, all upfront: $0.0710 an hour saves $4.64.");
    await section.getByText("How this is worked out").click();
    await expect(page.getByTestId("bill-sp-method")).toContainText("paid every hour, used or not");
    await section.screenshot(shot("desktop-light"));
    const axe = await new AxeBuilder({ page }).include('[data-testid="bill-savings-plan"]').analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    await page.getByRole("button", { name: "Dark theme" }).click();
    await section.screenshot(shot("desktop-dark"));

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Light theme" }).click();
    await expect(chart).toBeVisible();
    // No sideways scrolling in the section on a phone.
    const [scroll, client] = await section.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    await section.screenshot(shot("phone-390"));
    await ready(page);
  });

  test("the plan already on the bill: coverage and utilization over Fargate", async ({ page }) => {
    await openFresh(page);
    await page.getByTestId("bill-file").setInputFiles(path.join(__dirname, "..", "lib", "billing", "__fixtures__", "cur2-fargate.csv"));
    // lib/billing/savings-plan.test.ts: 0.04937 of 0.177733 eligible covered (27.78%); 0.039496 of the 0.04 commitment used.
    await expect(page.getByTestId("bill-sp-existing")).toContainText("covers 27.78% of the Fargate spend a plan can cover");
    await expect(page.getByTestId("bill-sp-existing")).toContainText("Its commitment of $0.04 over the period was 98.74% used, 98.74% by Fargate.");
    await expect(page.getByTestId("bill-savings-plan")).toContainText("Spot ($0.01 on demand equivalent) is left out");
    // Fargate ran in 2 of the 720 hours: no term saves anything; said in words, and each card says "No commitment" (review finding).
    await expect(page.getByTestId("bill-sp-summary")).toContainText(
      "Over these 720 hours, no Savings Plan commitment would have saved anything on this bill: Fargate ran in 2 of the 720 hours (0.28%)",
    );
    await expect(page.getByTestId("bill-sp-commitment")).toHaveText(["No commitment", "No commitment", "No commitment", "No commitment"]);
    await expect(page.getByTestId("bill-sp-options")).not.toContainText(/\$0\.0000|Paid upfront/);
    await expect(page.getByTestId("chart-savings-plan")).toContainText("1 year, no upfront: no commitment saves anything.");
    await page.getByTestId("bill-savings-plan").screenshot(shot("none-desktop"));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("bill-savings-plan").screenshot(shot("none-phone-390"));
  });

  test("a plan's fee on a bill without Fargate usage: said plainly, not 'covers n/a of the Fargate spend' (review finding)", async ({ page }) => {
    await openFresh(page);
    const iso = (h: number) => new Date(Date.UTC(2026, 8, 1, h)).toISOString().replace(".000Z", "Z");
    const feeOnly = [
      "line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,pricing_public_on_demand_cost,product_region_code,line_item_usage_start_date,line_item_usage_end_date",
      // A $0.04 fee each of two hours (commitment $0.08, none used: 0.00%) and EC2 usage, no Fargate.
      ...[0, 1].flatMap((h) => [
        `SavingsPlanRecurringFee,ComputeSavingsPlans,ComputeSP:1yrNoUpfront,1,0.04,0.04,,${iso(h)},${iso(h + 1)}`,
        `Usage,AmazonEC2,BoxUsage:m5.large,1,0.096,0.096,us-east-1,${iso(h)},${iso(h + 1)}`,
      ]),
    ].join("\n");
    await page.getByTestId("bill-file").setInputFiles({ name: "fee-only.csv", mimeType: "text/csv", buffer: Buffer.from(feeOnly) });
    const existing = page.getByTestId("bill-sp-existing");
    await expect(existing).toHaveText(
      "The Savings Plan's fee is on this bill, but the bill has no Fargate usage a Compute Savings Plan covers (Fargate vCPU and memory, Spot aside), so the plan covered no Fargate spend. Its commitment of $0.08 over the period was 0.00% used, 0.00% by Fargate.",
    );
    await expect(page.getByTestId("bill-savings-plan")).not.toContainText("n/a");
    await page.getByTestId("bill-savings-plan").screenshot(shot("fee-only-desktop"));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("bill-savings-plan").screenshot(shot("fee-only-phone-390"));
  });

  test("a daily bill gets a sentence, not a commitment", async ({ page }) => {
    await openFresh(page);
    const daily = [
      "line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,pricing_public_on_demand_cost,product_region_code,line_item_usage_start_date,line_item_usage_end_date",
      "Usage,AmazonECS,USE1-Fargate-vCPU-Hours:perCPU,24,0.97152,0.97152,us-east-1,2026-09-01T00:00:00Z,2026-09-02T00:00:00Z",
    ].join("\n");
    await page.getByTestId("bill-file").setInputFiles({ name: "daily.csv", mimeType: "text/csv", buffer: Buffer.from(daily) });
    await expect(page.getByTestId("bill-sp-message")).toContainText("This bill is not hourly");
    await expect(page.getByTestId("chart-savings-plan")).toHaveCount(0);
  });
});
