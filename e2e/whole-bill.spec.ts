import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { expect, outsideTheApp, ready, test } from "./fixtures";

async function fresh(page: Page) {
  await outsideTheApp(page);
  await page.evaluate(() => window.localStorage.clear());
  await page.goto("/");
  await expect(page.getByTestId("fargate-total")).toBeVisible();
  await ready(page);
}

/** Opens "Networking and shared services" and adds an internet-facing ALB (2 LCU, 2 AZs) and 2 NAT gateways with 100 GiB. */
async function buildService(page: Page) {
  const section = page.getByTestId("services-section");
  await section.locator("summary").click();
  await expect(section.getByTestId("services-nat")).toContainText(
    "Each NAT gateway costs $32.85/month plus $3.65 for its public IPv4, and $0.045 per GB it processes.",
  );
  await section.getByTestId("add-load-balancer").click();
  await section.getByTestId("lb-lcu-0").fill("2");
  await section.getByTestId("nat-count").fill("2");
  await section.getByTestId("nat-gib").fill("100");
  return section;
}

test.describe("the whole bill", () => {
  test("closed, the estimate is compute only; a load balancer and NAT add their hand-computed cost", async ({ page }) => {
    await fresh(page);
    // Default: 3 tasks x 730 h x (0.04048 + 2 x 0.004445) = 108.1203
    await expect(page.getByTestId("fargate-total")).toHaveText("$108.12");
    await expect(page.getByTestId("services-section")).not.toHaveAttribute("open", "");
    await buildService(page);
    // ALB: 730 x 0.0225 = 16.425; 2 LCU x 730 x 0.008 = 11.68; 2 AZs x 730 x 0.005 (public IPv4) = 7.3 -> 35.405
    // NAT: 2 x 730 x 0.045 = 65.7; 100 GB x 0.045 = 4.5; 2 x 730 x 0.005 (public IPv4) = 7.3 -> 77.5
    // services 112.905 -> $112.91; whole bill 108.1203 + 112.905 = 221.0253 -> $221.03
    await expect(page.getByTestId("services-items-total")).toHaveText("$112.91");
    await expect(page.getByTestId("fargate-total")).toHaveText("$221.03");
    await expect(page.getByTestId("fargate-split")).toHaveText("$108.12 compute + $112.91 beside it");
    await expect(page.getByTestId("services-items")).toContainText("LCUs (web)");
    await expect(page.getByTestId("not-included")).toContainText("Container Insights");
    await expect(page.getByTestId("chart-whole-bill")).toBeVisible();
    await expect(page.getByTestId("catalog-info")).toContainText("Elastic Load Balancing pricing page data (ALB, NLB)");
    await expect(page.getByTestId("catalog-info")).toContainText("2025-06-05");

    // The share link is a v2 link, and it reopens to the same bill.
    // The hash follows edits after a short debounce, and an earlier edit (the load balancer) already made it v2:
    // wait until it is v2 and has stopped changing, so the link holds the last edit too.
    await expect
      .poll(async () => {
        const before = await page.evaluate(() => window.location.hash);
        await page.waitForTimeout(500);
        const after = await page.evaluate(() => window.location.hash);
        return before === after && /^#s=v2\./.test(after);
      })
      .toBe(true);
    const url = page.url();
    await outsideTheApp(page);
    await page.evaluate(() => window.localStorage.clear());
    await page.goto(url);
    await expect(page.getByTestId("fargate-total")).toHaveText("$221.03");
    await page.screenshot({ path: "test-results/screenshots/whole-bill-1280.png", fullPage: true });
  });

  test("has no serious or critical accessibility violations with the services open (light and dark)", async ({ page }) => {
    test.setTimeout(120_000);
    await fresh(page);
    await buildService(page);
    await expect(page.getByTestId("fargate-total")).toHaveText("$221.03");
    const light = await new AxeBuilder({ page }).analyze();
    expect(light.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(page.getByRole("button", { name: "Light theme" })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/whole-bill-dark-1280.png", fullPage: true });
    const dark = await new AxeBuilder({ page }).analyze();
    expect(dark.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  });

  test("a public IP on each task: 3 always-on tasks pay 3 x $3.65", async ({ page }) => {
    await fresh(page);
    const section = page.getByTestId("services-section");
    await section.locator("summary").click();
    await expect(section.getByTestId("services-workloads")).toContainText("Each running task with a public IP pays $3.65/month in us-east-1");
    await section.getByTestId("public-ip-0").check();
    // 108.1203 + 3 x 730 x 0.005 = 108.1203 + 10.95 = 119.0703
    await expect(page.getByTestId("fargate-total")).toHaveText("$119.07");
    await expect(page.getByTestId("items-0")).toContainText("Public IPv4 address (one per task)");
    await section.getByTestId("public-ip-0").uncheck();
    await expect(page.getByTestId("fargate-total")).toHaveText("$108.12");
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#s=v1\./);
  });

  test("refuses an item the region has no price for, on its field", async ({ page }) => {
    await fresh(page);
    // The region picker is a searchable combobox: type, then pick the suggestion.
    await page.getByTestId("region").fill("ap-south-1");
    await page.getByRole("option", { name: /ap-south-1/ }).click();
    await expect(page.getByTestId("region")).toHaveValue(/\(ap-south-1\)$/);
    const section = page.getByTestId("services-section");
    await section.locator("summary").click();
    await section.getByTestId("inter-az-gib").fill("100");
    await expect(section.getByTestId("services-data-transfer")).toContainText("no inter-AZ data transfer price for ap-south-1");
    await expect(section.getByTestId("inter-az-gib")).toHaveValue("100");
  });

  test("fits a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await fresh(page);
    await buildService(page);
    await expect(page.getByTestId("fargate-total")).toHaveText("$221.03");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screenshots/whole-bill-390.png", fullPage: true });
  });
});
