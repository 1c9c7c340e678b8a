import type { Page } from "@playwright/test";
import { expect, ready, test } from "./fixtures";

/**
 * Issue 24, items 1, 2, 3 and 8: the page never shows a figure nobody meant, its figures add up, it never prices what
 * AWS does not sell, and a recommendation from another region says so. Done as a person would: typing key by key.
 */

/** A share link in the plain (v0) form the app still opens. */
const link = (scenario: object) => `/#s=${Buffer.from(JSON.stringify({ region: "us-east-1", ...scenario })).toString("base64")}`;

async function open(page: Page, scenario: object) {
  await page.goto(link(scenario));
  await expect(page.getByTestId("ec2-total")).toContainText("$", { timeout: 15_000 });
  await ready(page);
}

const shot = (name: string) => ({ path: `test-results/screenshots/meant-${name}.png` });

// api: 3 tasks x 730 h x (0.04048 + 2 x 0.004445) = 108.1203, plus internet egress at $0.09 per GB (first 10 TB).
const egress = (gib: number) => ({
  version: 2,
  name: "web service",
  workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 }],
  services: { dataTransfer: { internetOutGiBPerMonth: gib } },
});

test.describe("a figure nobody meant (issue 24 item 1)", () => {
  test('typing "1,000" over 1024 GiB: the headline never shows the price of "1"; "1,000" is a thousand', async ({ page }) => {
    await open(page, egress(1024));
    // 108.1203 + 1024 x 0.09 = 108.1203 + 92.16 = 200.2803
    await expect(page.getByTestId("fargate-total")).toHaveText("$200.28");
    const field = page.getByTestId("egress-gib");
    await field.click();
    await field.press("ControlOrMeta+a");
    // Key by key: "1" (complete: 108.1203 + 0.09 = 108.2103, shown live), then "1," (not a number yet).
    await field.pressSequentially("1,");
    await expect(page.getByTestId("out-of-date")).toBeVisible();
    // Before: $108.21, the price of the keystroke "1", labelled as the estimate from before the change.
    await expect(page.getByTestId("fargate-total")).toHaveText("$200.28");
    await page.screenshot(shot("typing-thousand"));
    await field.pressSequentially("000");
    // 1,000 read as 1000 GB: 108.1203 + 1000 x 0.09 = 198.1203. Before: "must be a number".
    await expect(page.getByTestId("out-of-date")).toHaveCount(0);
    await expect(page.getByTestId("fargate-total")).toHaveText("$198.12");
    await expect(field).toHaveValue("1,000");
    await expect(page.getByText("must be a number")).toHaveCount(0);

    // A second edit of the same field, after leaving it: "1e309" passes through "1e3" (1000) and "1e30" on its way
    // to a number too large to be one; the headline keeps the 1,000 from before this edit.
    await field.press("Tab");
    await field.click();
    await field.press("ControlOrMeta+a");
    await field.pressSequentially("2e309");
    await expect(page.getByTestId("out-of-date")).toBeVisible();
    await expect(page.getByTestId("fargate-total")).toHaveText("$198.12");
  });

  test("a valid value left in one field is the estimate the next field's edit starts from", async ({ page }) => {
    await open(page, egress(1024));
    const field = page.getByTestId("egress-gib");
    await field.click();
    await field.press("ControlOrMeta+a");
    await field.pressSequentially("10");
    // 108.1203 + 10 x 0.09 = 109.0203
    await expect(page.getByTestId("fargate-total")).toHaveText("$109.02");
    await page.getByTestId("inter-az-gib").click();
    await page.getByTestId("inter-az-gib").press("ControlOrMeta+a");
    await page.getByTestId("inter-az-gib").pressSequentially("x");
    await expect(page.getByTestId("out-of-date")).toBeVisible();
    await expect(page.getByTestId("fargate-total")).toHaveText("$109.02");
  });
});
