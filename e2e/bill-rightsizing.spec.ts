import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, openFresh, ready, test } from "./fixtures";

const fixtures = path.join(__dirname, "..", "lib", "billing", "__fixtures__");

/**
 * Right-sizing from the bill (issue 21 item 1): a CUR 2.0 bill with split cost allocation data
 * (lib/billing/__fixtures__/cur2-split-fargate.csv, worked out in lib/billing/split-rightsizing.test.ts).
 */
test.describe("bill panel: right-sizing from split cost allocation data", () => {
  test.beforeEach(async ({ page }) => {
    await openFresh(page);
  });

  test("shows reserved vs actual per service, the recommendation and its saving, and adds it to the scenario", async ({ page }) => {
    test.slow(); // upload through the worker, axe twice, three screenshots
    await page.getByTestId("bill-file").setInputFiles(path.join(fixtures, "cur2-split-fargate.csv"));
    const section = page.getByTestId("bill-rightsizing");
    await expect(section).toBeVisible();
    await expect(page.getByTestId("bill-rightsizing-message")).toHaveText(
      "Right-sized 2 of 2 services from 43 task-hour rows of split cost allocation data; 1 row could not be used (it is counted in the bill as it says).",
    );
    const table = page.getByTestId("bill-rightsizing-table");
    const api = table.getByRole("row", { name: /^shop\/api/ });
    // Reserved 1 vCPU / 2 GiB; used 0.215 / 0.3 / 0.4 vCPU and 0.52 / 0.6 / 0.8 GiB; p99 40% + 20% -> 0.5 vCPU / 1 GiB;
    // 2 tasks on average: $72.08 -> $36.04 a month.
    await expect(api).toContainText("1 vCPU / 2 GiB");
    await expect(api).toContainText("0.215 / 0.3 / 0.4");
    await expect(api).toContainText("0.52 / 0.6 / 0.8");
    await expect(api).toContainText("0.5 vCPU / 1 GiB");
    await expect(api).toContainText("$72.08 → $36.04");
    await expect(api.getByTestId("bill-rightsizing-saving")).toHaveText("$36.04");
    // Total saving 36.04 + 2.54.
    await expect(table.locator("tfoot")).toContainText("$38.58");
    await expect(page.getByTestId("bill-rightsizing-unusable")).toContainText(
      'line 42 (arn:aws:ecs:us-east-1:111122223333:task/shop/c): split_line_item_actual_usage is "abc", not a number',
    );

    await section.screenshot({ path: "test-results/screenshots/bill-rightsizing-1280.png" });
    const axe = await new AxeBuilder({ page }).include('[data-testid="bill-rightsizing"]').analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    // Add to scenario: the default scenario ($108.12 a month) gains "shop/api (right-sized)", 2 tasks of 0.5 vCPU / 1 GiB
    // always on: 2 x (0.5 x 0.04048 + 1 x 0.004445) x 730 = 36.0401 -> $144.16.
    await api.getByRole("button", { name: "Add to scenario: shop/api at 0.5 vCPU / 1 GiB, 2 tasks" }).click();
    const names = await page
      .locator('[data-testid^="workload-"]')
      .getByLabel("Name")
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(names).toContain("shop/api (right-sized)");
    await expect(page.getByTestId("fargate-total")).toHaveText("$144.16");
    await expect(api).toContainText(/✓ In the scenario as workload \d+/);
    await ready(page);

    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(page.getByRole("button", { name: "Light theme" })).toBeVisible();
    await section.screenshot({ path: "test-results/screenshots/bill-rightsizing-dark-1280.png" });
    const dark = await new AxeBuilder({ page }).include('[data-testid="bill-rightsizing"]').analyze();
    expect(dark.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Light theme" }).click();
    await section.scrollIntoViewIfNeeded();
    // On a phone each service is a card (the table is hidden), and the page never scrolls sideways.
    await expect(page.getByTestId("bill-rightsizing-table")).toBeHidden();
    const cards = page.getByTestId("bill-rightsizing-cards");
    await expect(cards).toContainText("$72.08 → $36.04, saving $36.04");
    await expect(cards).toContainText("Total saving $38.58 a month");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await section.screenshot({ path: "test-results/screenshots/bill-rightsizing-390.png" });
  });

  test("a bill without split data says so and how to turn it on", async ({ page }) => {
    await page.getByTestId("bill-file").setInputFiles(path.join(fixtures, "cur2-fargate.csv"));
    await expect(page.getByTestId("bill-rightsizing-message")).toHaveText(
      "This CUR 2.0 export has no split cost allocation data columns, so tasks cannot be right-sized from it.",
    );
    await expect(page.getByTestId("bill-rightsizing-how")).toContainText('Cost Management preferences → "Split cost allocation data"');
    await expect(page.getByTestId("bill-rightsizing-how")).toContainText('"Include split cost allocation data"');
    await expect(page.getByTestId("bill-rightsizing-table")).toHaveCount(0);
  });
});
