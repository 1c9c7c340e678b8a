import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, openFresh, ready, test } from "./fixtures";

const fixtures = path.join(__dirname, "..", "lib", "billing", "__fixtures__");

test.describe("bill panel", () => {
  test.beforeEach(async ({ page }) => {
    await openFresh(page);
  });

  test("reads a gzipped CUR 2.0 bill in a worker, shows usage, groups and the comparison, builds a scenario", async ({ page }) => {
    // Upload, worker, axe and a scenario rebuild in one story: give it the slow-test allowance on a shared machine.
    test.slow();
    await page.getByTestId("bill-file").setInputFiles(path.join(fixtures, "cur2-fargate.csv.gz"));
    const usage = page.getByTestId("bill-usage");
    await expect(usage).toBeVisible();
    await expect(page.getByTestId("bill-title")).toContainText("cur2-fargate.csv.gz: CUR 2.0, 25 rows (16 Fargate), 2026-09-01 to 2026-10-01");
    // vCPU: 0.04048 on-demand + 0.032384 under the Savings Plan = 0.072864 paid; list 0.08096.
    await expect(usage.getByRole("row", { name: /^Fargate-vCPU-Hours:perCPU us-east-1 ECS/ })).toContainText("$0.08$0.07");
    await expect(usage.getByRole("row", { name: /Fargate-Windows-OS-Hours:perCPU/ })).toBeVisible();
    // Paid total 0.225048625 -> $0.23; list 0.234922625 -> $0.23.
    await expect(usage.locator("tfoot")).toContainText("$0.23$0.23");
    const groups = page.getByTestId("bill-groups");
    await expect(groups.getByRole("row", { name: /shop \/ api/ })).toBeVisible();
    await expect(groups.getByRole("row", { name: /win \/ iis/ })).toContainText("Windows/x86_64");
    await expect(page.getByTestId("bill-outside")).toContainText("NatGateway-Hours");
    // Issue 20 item 2: the NAT gateway carries no tag or resource id of a Fargate cluster: account-wide, not Fargate's;
    // the EKS cluster hour is linked by the cluster ARN whose Fargate pods the bill has.
    await expect(page.getByTestId("bill-beside-account").getByRole("row", { name: /NatGateway-Hours/ })).toContainText("$0.05");
    await expect(page.getByTestId("bill-beside-account").locator("tfoot")).toContainText("$0.13");
    await expect(page.getByTestId("bill-beside-linked").getByRole("row", { name: /prod-eks/ })).toContainText("resource id");
    await expect(page.getByTestId("bill-beside-linked")).not.toContainText("NatGateway");
    await expect(page.getByTestId("bill-adjustments")).toContainText("credit");
    const comparison = page.getByTestId("bill-comparison");
    await expect(comparison).toContainText("over the bill's 720 hours");
    await expect(page.getByTestId("bill-findings")).toContainText("the scenario does not estimate");
    await page.getByTestId("bill-panel").screenshot({ path: "test-results/screenshots/bill-panel-1280.png" });
    const axe = await new AxeBuilder({ page }).include('[data-testid="bill-panel"]').analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    await page.getByRole("button", { name: "Build a scenario from this bill" }).click();
    await expect(page.getByTestId("bill-built")).toContainText("6 workloads in us-east-1");
    await expect(page.getByTestId("bill-built")).toContainText("largest hourly rate of one task is 1 vCPU and the rows hold 2 GB per vCPU-hour");
    const names = await page
      .locator('[data-testid^="workload-"]')
      .getByLabel("Name")
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    // shop/api's Savings-Plan-covered hour is a workload of its own, on the plan (lib/billing/compare.test.ts).
    expect(names.sort()).toEqual(["prod-eks", "shop/api", "shop/api (Savings Plan)", "shop/arm-api", "shop/worker", "win/iis"]);
    // Each workload says how it was inferred.
    await expect(page.getByTestId("workload-0").getByTestId("workload-note")).toContainText("Size: ");
    // The comparison now uses the built scenario, which gives back the bill's usage: no gap worth a sentence, and the
    // totals agree to the cent ($0.23 both).
    await expect(page.getByTestId("bill-comparison").locator("tfoot")).toContainText("$0.23$0.23$0.00");
    await expect(page.getByTestId("bill-findings")).toHaveCount(0);
    await expect(page.getByTestId("fargate-total")).not.toHaveText("$108.12");
    await page.getByTestId("bill-built").screenshot({ path: "test-results/screenshots/bill-built-1280.png" });
    await page.getByRole("button", { name: "Restore the previous scenario" }).click();
    await expect(page.getByTestId("fargate-total")).toHaveText("$108.12");
    await ready(page);
  });

  test("building a scenario from a bill opens it beside the saved one, which stays saved after a reload; undo goes back", async ({ page }) => {
    test.slow(); // upload, worker, two reloads
    await page.getByTestId("scenario-name").fill("mine");
    await page.getByTestId("workload-0").getByLabel("Tasks").fill("5");
    await expect(page.getByTestId("fargate-total")).toHaveText("$180.20"); // 5 x 36.0401 = 180.2005
    await page.waitForTimeout(500); // the save runs 150 ms after the last edit
    await page.getByTestId("bill-file").setInputFiles(path.join(fixtures, "cur2-fargate.csv"));
    await expect(page.getByTestId("bill-usage")).toBeVisible();
    await page.getByRole("button", { name: "Build a scenario from this bill" }).click();
    await expect(page.getByTestId("scenario-name")).toHaveValue("From cur2-fargate.csv");
    await page.waitForTimeout(500);
    await page.reload();
    // The built scenario is open after the reload; "mine" is still saved, with its own figures.
    await expect(page.getByTestId("scenario-name")).toHaveValue("From cur2-fargate.csv");
    const list = page.getByTestId("saved-scenarios");
    if (!(await list.evaluate((d) => (d as HTMLDetailsElement).open))) await list.locator("summary").click();
    await expect(page.getByTestId("saved-entry")).toHaveCount(2);
    await list.getByRole("button", { name: "mine", exact: true }).click();
    await expect(page.getByTestId("scenario-name")).toHaveValue("mine");
    await expect(page.getByTestId("fargate-total")).toHaveText("$180.20");

    // Undo: build again, then undo from the undo bar: the built entry goes, "mine" is back on screen.
    await page.getByTestId("bill-file").setInputFiles(path.join(fixtures, "cur2-fargate.csv"));
    await expect(page.getByTestId("bill-usage")).toBeVisible();
    await page.getByRole("button", { name: "Build a scenario from this bill" }).click();
    await expect(page.getByTestId("saved-entry")).toHaveCount(3);
    await expect(page.getByTestId("bill-built")).toContainText("opened as a new saved scenario");
    await expect(page.getByTestId("undo-bar")).toContainText("“mine” is kept under Saved scenarios");
    await page.getByTestId("undo-bar").getByRole("button", { name: "Undo" }).click();
    await expect(page.getByTestId("saved-entry")).toHaveCount(2);
    await expect(page.getByTestId("scenario-name")).toHaveValue("mine");
    await expect(page.getByTestId("fargate-total")).toHaveText("$180.20");
    await page.waitForTimeout(500);
    await page.reload();
    await expect(page.getByTestId("scenario-name")).toHaveValue("mine");
  });

  test("reads Parquet and the real FOCUS sample; a file that is not a bill is one sentence and keeps the last bill", async ({ page }) => {
    test.slow(); // three files through the worker
    await page.getByTestId("bill-file").setInputFiles(path.join(fixtures, "cur2-fargate.parquet"));
    await expect(page.getByTestId("bill-title")).toContainText("cur2-fargate.parquet: CUR 2.0, 25 rows (16 Fargate)");
    await page.getByTestId("bill-file").setInputFiles(path.join(fixtures, "focus-1.0-sample-fargate.csv"));
    await expect(page.getByTestId("bill-title")).toContainText("FOCUS, 61 rows (12 Fargate), 2024-09-01 to 2024-10-01");
    // FOCUS sample: BilledCost 0.02044738 -> $0.02.
    await expect(page.getByTestId("bill-usage").locator("tfoot")).toContainText("$0.02$0.02");
    await page.getByTestId("bill-file").setInputFiles({ name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from("name,vcpu\napi,1\n") });
    await expect(page.getByTestId("bill-error")).toHaveText(/^notes\.csv is not a bill export: /);
    await expect(page.getByTestId("bill-title")).toContainText("FOCUS, 61 rows");
  });
});
