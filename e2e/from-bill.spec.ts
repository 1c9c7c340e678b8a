import path from "node:path";
import { expect, openFresh, test } from "./fixtures";

const fixtures = path.join(__dirname, "..", "lib", "billing", "__fixtures__");

/**
 * Issue 21, as a FinOps person would go through it: a CUR 2.0 bill with split cost allocation data gives right-sizing
 * and a Savings Plan commitment with its chart; building a scenario from it opens a new saved entry, and the scenario
 * that was open is still saved after a reload.
 */
test("from one bill: right-sizing, the commitment chart, and a built scenario beside the saved one after a reload", async ({ page }) => {
  test.slow(); // upload through the worker, a build and a reload
  await openFresh(page);
  await page.getByTestId("scenario-name").fill("mine");
  await page.getByTestId("workload-0").getByLabel("Tasks").fill("5");
  await expect(page.getByTestId("fargate-total")).toHaveText("$180.20"); // 5 x 36.0401 = 180.2005
  // The save runs shortly after the last edit: wait until the stored entry holds the name.
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("fargate-estimator:saved:") && localStorage.getItem(k)!.includes('"mine"'))),
    )
    .toBe(true);

  await page.getByTestId("bill-file").setInputFiles(path.join(fixtures, "cur2-split-fargate.csv"));
  // Right-sizing from the split data (worked out in lib/billing/split-rightsizing.test.ts): shop/api 1 vCPU / 2 GiB used
  // at most 0.4 vCPU and 0.8 GiB -> 0.5 vCPU / 1 GiB, $72.08 -> $36.04 a month.
  const rightsizing = page.getByTestId("bill-rightsizing-table");
  await expect(rightsizing.getByRole("row", { name: /^shop\/api/ })).toContainText("$72.08 → $36.04");
  // The commitment: one line per term in the net-savings chart.
  const chart = page.getByTestId("chart-savings-plan");
  await expect(chart).toBeVisible();
  await chart.scrollIntoViewIfNeeded(); // drawn once near the viewport
  await expect(chart.locator(".recharts-line")).toHaveCount(4);

  await page.getByRole("button", { name: "Build a scenario from this bill" }).click();
  await expect(page.getByTestId("scenario-name")).toHaveValue("From cur2-split-fargate.csv");
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("fargate-estimator:saved:") && !k.endsWith(":index")).length))
    .toBeGreaterThanOrEqual(2);
  await page.reload();
  await expect(page.getByTestId("scenario-name")).toHaveValue("From cur2-split-fargate.csv");
  const list = page.getByTestId("saved-scenarios");
  if (!(await list.evaluate((d) => (d as HTMLDetailsElement).open))) await list.locator("summary").click();
  await list.getByRole("button", { name: "mine", exact: true }).click();
  await expect(page.getByTestId("scenario-name")).toHaveValue("mine");
  await expect(page.getByTestId("fargate-total")).toHaveText("$180.20");
});
