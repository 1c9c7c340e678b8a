import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, openFresh, test } from "./fixtures";

const fixtures = path.join(__dirname, "..", "lib", "billing", "__fixtures__");
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

async function axeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).include('[data-testid="bill-panel"]').analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
}

/** Elements of the bill panel whose content is wider than their box (they would scroll sideways or be cut). */
async function overflowing(page: Page) {
  return page.getByTestId("bill-panel").evaluate((panel) => {
    const out: string[] = [];
    // Visually hidden content (the stacked tables' header rows, kept for screen readers) is clipped on purpose.
    const clipped = (el: Element) => {
      for (let e: Element | null = el; e && e !== panel; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.clipPath !== "none" || (s.clip !== "auto" && s.clip !== "")) return true;
      }
      return false;
    };
    for (const el of [panel, ...panel.querySelectorAll("*")]) {
      // Inside a closed <details> (a chart's "Show as table"), nothing is shown: Chrome still lays it out.
      const closed = el.closest("details:not([open])");
      if (closed && !(el.closest("summary") && el.closest("summary")!.parentElement === closed)) continue;
      if (!(el instanceof HTMLElement) || el.clientWidth === 0 || clipped(el)) continue;
      if (el.scrollWidth > el.clientWidth) out.push(`${el.tagName.toLowerCase()}.${el.className.slice(0, 60)}: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    const box = panel.getBoundingClientRect();
    if (box.right > document.documentElement.clientWidth) out.push(`panel right edge ${box.right} > ${document.documentElement.clientWidth}`);
    // Every caption entirely inside the panel and not clipped.
    for (const c of panel.querySelectorAll("caption")) {
      const r = c.getBoundingClientRect();
      if (r.left < box.left || r.right > box.right || c.scrollWidth > c.clientWidth)
        out.push(`caption "${c.textContent}" cut: ${r.left}-${r.right} in ${box.left}-${box.right}`);
    }
    return out;
  });
}

test.describe("the bill's verdict, chart and phone layout", () => {
  test.beforeEach(async ({ page }) => {
    await openFresh(page);
  });

  test("answers first: cost over which dates, the estimate, the difference in words, the largest gap; units, percentages, chart; light and dark", async ({
    page,
  }) => {
    test.slow(); // upload through the worker, axe twice
    await page.getByTestId("bill-file").setInputFiles(path.join(fixtures, "cur2-fargate.csv.gz"));
    const verdict = page.getByTestId("bill-verdict");
    await expect(verdict).toBeVisible();
    // The default scenario: 3 always-on tasks of 1 vCPU / 2 GB in us-east-1, over the bill's 720 hours:
    // vCPU 3 x 720 = 2,160 vCPU-hours x $0.04048 = 87.4368; memory 3 x 2 x 720 = 4,320 GB-hours x $0.004445 = 19.2024;
    // estimate 106.6392 -> $106.64. The bill: paid 0.225048625 -> $0.23, list 0.234922625 -> $0.23.
    // 0.23 - 106.64 = -106.41 below; (106.6392 - 0.225048625) / 106.6392 = 99.79% -> 99.8%; billed 0.211% -> 0.21%.
    await expect(page.getByTestId("bill-verdict-headline")).toHaveText("The bill is $106.41 (99.8%) below the estimate: billed 0.21% of the estimate.");
    await expect(verdict).toContainText(
      'Fargate cost $0.23 at list prices and $0.23 paid, 1 to 30 September 2026 (720 hours); the scenario "My scenario" estimates $106.64 for the same hours.',
    );
    // vCPU: $87.44 estimated against $0.07 paid = $87.37 of the $106.41 (more than half); 2,160 - 2 = 2,158 vCPU-hours.
    await expect(page.getByTestId("bill-verdict-largest")).toHaveText("Most of it: vCPU in us-east-1, 2,158 vCPU-hours fewer than estimated ($87.37 less).");
    // Units on the estimate column too; ratios as percentages (2 / 2,160 = 0.0926% -> 0.093%), never "0.00093×".
    const vcpu = page.getByTestId("bill-comparison").getByRole("row", { name: /^Fargate-vCPU-Hours:perCPU us-east-1/ });
    await expect(vcpu).toContainText("2160 vCPU-hours");
    await expect(vcpu).toContainText("2 vCPU-hours");
    await expect(page.getByTestId("bill-findings")).toContainText("Billed vCPU is 0.093% of the estimate (us-east-1)");
    // Ratios are percentages: no "0.0032×" in the verdict, the comparison or its findings (the Savings Plan section's
    // method may still write "s × (1 − d)").
    for (const id of ["bill-verdict", "bill-comparison", "bill-findings"]) await expect(page.getByTestId(id)).not.toContainText("×");
    // The chart of estimate vs bill per usage type, with its table: the two largest bars are vCPU and memory.
    const chart = page.getByTestId("bill-chart");
    await expect(chart).toContainText("Estimate vs bill per usage type");
    await chart.scrollIntoViewIfNeeded(); // drawn once near the viewport
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await chart.getByText("Show as table").click();
    await expect(chart.getByRole("row", { name: /^vCPU \$87\.44 \$0\.07$/ })).toBeVisible();
    await expect(chart.getByRole("row", { name: /^memory \$19\.20 \$0\.02$/ })).toBeVisible();
    await chart.getByText("Show as table").click();
    await page.getByTestId("bill-panel").screenshot(shot("bill-verdict-1280"));
    await axeClean(page);

    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(page.getByRole("button", { name: "Light theme" })).toBeVisible();
    await page.getByTestId("bill-panel").screenshot(shot("bill-verdict-dark-1280"));
    await axeClean(page);
  });

  test("on a 390 px phone nothing in the panel scrolls sideways, tables stack, captions are whole; print", async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("bill-file").setInputFiles(path.join(fixtures, "cur2-fargate.csv.gz"));
    await expect(page.getByTestId("bill-verdict-headline")).toHaveText(/^The bill is \$106\.41 \(99\.8%\) below the estimate/);
    await page.getByTestId("bill-chart").scrollIntoViewIfNeeded(); // drawn once near the viewport
    await expect(page.getByTestId("bill-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
    // Stacked: the comparison's header row is out of sight, each row's cells one under the other, labelled.
    const row = page.getByTestId("bill-comparison").getByRole("row", { name: /^Fargate-vCPU-Hours:perCPU us-east-1/ });
    const cells = row.getByRole("cell");
    const [first, second] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
    expect(second!.y).toBeGreaterThan(first!.y);
    await expect(cells.nth(1)).toHaveAttribute("data-label", "Estimated");
    expect(await cells.nth(1).evaluate((td) => getComputedStyle(td, "::before").content)).not.toBe("none");
    // The caption wraps: scrolled to, all of it is on the screen.
    const caption = page.getByTestId("bill-comparison").locator("caption");
    await caption.scrollIntoViewIfNeeded();
    await expect(caption).toBeInViewport({ ratio: 1 });
    await page.getByTestId("bill-panel").screenshot(shot("bill-verdict-390"));
    await page.getByTestId("bill-verdict").scrollIntoViewIfNeeded();
    await page.screenshot(shot("bill-verdict-390-top"));
    await page.getByTestId("bill-chart").screenshot(shot("bill-chart-390"));
    await page.getByTestId("bill-usage").screenshot(shot("bill-usage-390"));
    await page.getByTestId("bill-comparison").screenshot(shot("bill-comparison-390"));
    await axeClean(page);
    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(page.getByRole("button", { name: "Light theme" })).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
    await page.getByTestId("bill-panel").screenshot(shot("bill-verdict-dark-390"));
    await axeClean(page);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: "print" });
    // The printout is the scenario's summary: the bill panel stays off paper (app/globals.css, print), verdict included.
    await expect(page.getByTestId("bill-panel")).toBeHidden();
    await expect(page.getByTestId("fargate-total")).toBeVisible();
    await page.screenshot({ ...shot("bill-verdict-print"), fullPage: true });
  });
  test("a bill with no rows says so instead of comparing over an invented month (review finding)", async ({ page }) => {
    const header =
      "bill_billing_period_start_date,bill_billing_period_end_date,line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,pricing_public_on_demand_cost,product_region_code\n";
    await page.getByTestId("bill-file").setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from(header) });
    await expect(page.getByTestId("bill-verdict-headline")).toHaveText(
      /^The file has no rows, only its header: no usage and no dates, so there is nothing to compare with the scenario/,
    );
    await expect(page.getByTestId("bill-comparison")).toHaveCount(0);
    await expect(page.getByTestId("bill-panel")).not.toContainText("0% of the estimate");
    await expect(page.getByTestId("bill-panel")).not.toContainText("Fix the scenario above");
    await page.getByTestId("bill-panel").screenshot(shot("bill-empty-1280"));
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowing(page)).toEqual([]);
    await page.getByTestId("bill-panel").screenshot(shot("bill-empty-390"));
  });
});
