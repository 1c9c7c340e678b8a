import type { Locator, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { expect, openFresh, test } from "./fixtures";

/**
 * Issue 24 items 4 and 5, as a newcomer would meet the page (desktop and a 390 px phone): the calculator comes first,
 * the headline says it is compute only and leads to the services in one click, the bill and right-sizing are the
 * labelled next steps (by keyboard too), the EC2 card opens without a "Warning", and on a phone the compute /
 * services split stays, every checkbox and disclosure summary is a touch target of at least 24 px, and nothing
 * scrolls sideways.
 */

const PHONE = { width: 390, height: 844 };
const shot = (name: string) => ({ path: `test-results/screenshots/newcomer-${name}.png` });

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}

const top = async (l: Locator) => (await l.boundingBox())!.y;

/** Presses Tab until `target` has focus (at most `max` times) and returns how many presses it took. */
async function tabTo(page: Page, target: Locator, max = 20): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return n;
  }
  throw new Error(`not reached in ${max} Tabs`);
}

/** The element's box is at least partly inside the viewport. */
async function inViewport(page: Page, l: Locator) {
  const box = (await l.boundingBox())!;
  return box.y < page.viewportSize()!.height && box.y + box.height > 0;
}

for (const [device, size] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", PHONE],
] as const) {
  test.describe(`a newcomer on ${device}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize(size);
      await openFresh(page);
    });

    test("the calculator comes first: the headline and the form on the first screen, no other section's heading above them", async ({ page }) => {
      const summary = page.getByTestId("summary");
      const scenarioName = page.getByTestId("scenario-name");
      // Before: saved scenarios and right-sizing (its heading the largest after the title) sat above the calculator.
      for (const later of [page.getByTestId("saved-scenarios"), page.getByTestId("rightsizing"), page.getByTestId("bill-panel")])
        expect(await top(later)).toBeGreaterThan(await top(scenarioName));
      // Above the headline: the page's title only (no h2 of another section).
      const headingsAbove = await page.evaluate(() => {
        const summaryTop = document.querySelector('[data-testid="summary"]')!.getBoundingClientRect().top;
        return [...document.querySelectorAll("h1, h2, h3")]
          .filter((h) => h.getBoundingClientRect().height > 0 && h.getBoundingClientRect().top < summaryTop)
          .map((h) => `${h.tagName} ${h.textContent?.trim()}`);
      });
      expect(headingsAbove).toEqual(["H1 Fargate Estimator"]);
      // The figures and the first field are on the first screen.
      expect(await inViewport(page, page.getByTestId("fargate-total"))).toBe(true);
      if (device === "desktop") expect(await inViewport(page, page.getByTestId("workload-0"))).toBe(true);
      else expect(await inViewport(page, summary)).toBe(true);
      // Next steps are labelled, in order, under the title.
      const steps = page.getByRole("navigation", { name: "Next steps" });
      await expect(steps.getByRole("listitem")).toHaveText([
        "1Estimate the compute",
        "2Add networking and shared services",
        "3Compare with your bill",
        "4Right-size from real usage",
        "Saved scenarios",
      ]);
      expect(await inViewport(page, steps)).toBe(true);
      await page.screenshot(shot(`first-screen-${device}`));
    });

    test('the headline says "compute only" and its link opens the services box with focus in it', async ({ page }) => {
      await expect(page.locator("#totals-heading")).toHaveText("Monthly cost, compute only");
      const add = page.getByRole("button", { name: "add load balancers, NAT, logs…" });
      await expect(add).toBeVisible();
      const services = page.getByTestId("services-section");
      await expect(services).not.toHaveAttribute("open", "");
      await add.click();
      await expect(services).toHaveAttribute("open", "");
      await expect(services.locator("summary")).toBeFocused();
      expect(await inViewport(page, services.locator("summary"))).toBe(true);
      // The next Tab goes into the services' own fields.
      await page.keyboard.press("Tab");
      expect(await services.evaluate((s) => s.contains(document.activeElement) && document.activeElement !== s.querySelector("summary"))).toBe(true);
      // With a load balancer the headline is the whole bill: compute + what is beside it, on a phone too.
      await services.getByTestId("add-load-balancer").click();
      await expect(page.locator("#totals-heading")).toHaveText("Monthly cost (the whole bill)");
      await expect(add).toHaveCount(0);
      for (const id of ["fargate-split", "mi-split", "ec2-split"]) {
        await expect(page.getByTestId(id)).toBeVisible();
        await expect(page.getByTestId(id)).toHaveText(/^\$[\d,]+\.\d\d compute \+ \$[\d,]+\.\d\d beside it$/);
      }
      // Fargate: $108.12 compute (3 tasks x 730 h x (1 x 0.04048 + 2 x 0.004445)) + one internet-facing ALB with
      // 1 LCU over 2 AZs: 730 x 0.0225 + 730 x 0.008 + 2 x 730 x 0.005 = 16.425 + 5.84 + 7.30 = $29.57 beside it.
      await expect(page.getByTestId("fargate-split")).toHaveText("$108.12 compute + $29.57 beside it");
      await expect(page.getByTestId("fargate-total")).toHaveText("$137.69");
      await page.screenshot(shot(`whole-bill-${device}`));
    });

    test("the bill and right-sizing are reached from the next steps by keyboard", async ({ page }) => {
      const bill = page.getByRole("link", { name: "Compare with your bill" });
      // Skip links (5), the header's actions (3), step 2, then step 3.
      expect(await tabTo(page, bill)).toBeLessThanOrEqual(12);
      await page.keyboard.press("Enter");
      await expect(page.locator("#bill-heading")).toBeFocused();
      expect(await inViewport(page, page.locator("#bill-heading"))).toBe(true);

      await page.evaluate(() => window.scrollTo(0, 0));
      const rightsizing = page.getByRole("link", { name: "Right-size from real usage" });
      await rightsizing.focus();
      await page.keyboard.press("Enter");
      const panel = page.getByTestId("rightsizing");
      await expect(panel.locator("summary")).toBeFocused();
      await expect(panel).toHaveAttribute("open", "");
      expect(await inViewport(page, panel.locator("summary"))).toBe(true);

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole("link", { name: "Saved scenarios" }).focus();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("saved-scenarios").locator("summary")).toBeFocused();
      await expect(page.getByTestId("saved-scenarios")).toHaveAttribute("open", "");
    });

    test('the default EC2 and Managed Instances cards open without a "Warning" on ENI limits: a note in plain words', async ({ page }) => {
      const ec2 = page.getByTestId("ec2-results");
      await expect(ec2).toContainText("How many tasks fit on each instance size with awsvpc networking");
      await expect(ec2.locator('[data-tone="warning"]')).toHaveCount(0);
      await expect(ec2).not.toContainText("Warning");
      await expect(ec2.locator('[data-tone="info"]')).toContainText("Note");
      const mi = page.getByTestId("mi-results");
      await expect(mi.getByTestId("mi-notes")).toContainText("How many tasks fit on each instance size");
      await expect(mi.getByTestId("mi-notes")).toContainText("The ECS Managed Instances fee is charged per instance-hour");
      // What is left out or inferred stays a warning.
      await expect(mi.getByTestId("mi-warnings")).toContainText("have no ECS Managed Instances fee in our data");
      await ec2.scrollIntoViewIfNeeded();
      await ec2.screenshot(shot(`ec2-card-${device}`));
    });

    test("axe finds nothing serious in the light and the dark theme", async ({ page }) => {
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ ...shot(`light-${device}`), fullPage: device === "desktop" });
      await page.getByRole("button", { name: "Dark theme" }).click();
      await expect(page.locator("html")).toHaveClass(/dark/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ ...shot(`dark-${device}`), fullPage: device === "desktop" });
    });
  });
}

test.describe("a newcomer on a 390 px phone", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize(PHONE);
    await openFresh(page);
  });

  test("every checkbox and disclosure summary is at least 24 x 24 px, and the page never scrolls sideways", async ({ page }) => {
    // Unfold what holds checkboxes: the services (a workload's public IP and logs), the EC2 settings (ENI trunking), the import.
    await page.getByRole("button", { name: "add load balancers, NAT, logs…" }).click();
    await page.getByTestId("ec2-settings").locator("summary").click();
    await page.getByTestId("import-panel").locator("summary").click();
    await expect(page.getByTestId("ec2-settings")).toHaveAttribute("open", "");
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('input[type="checkbox"], input[type="radio"], summary')]
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0)
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ el, r }) => `${el.tagName} ${el.textContent?.trim().slice(0, 30) || el.getAttribute("aria-label") || el.id}: ${r.width}x${r.height}`),
    );
    expect(small).toEqual([]);
    const counted = await page.locator('input[type="checkbox"]:visible').count();
    expect(counted).toBeGreaterThanOrEqual(4);
    // The cards' summaries are 44 px tall where they fit.
    for (const id of ["services-section", "ec2-settings", "import-panel", "rightsizing"])
      expect((await page.getByTestId(id).locator("summary").boundingBox())!.height, id).toBeGreaterThanOrEqual(44);
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await page.screenshot({ ...shot("phone-open-cards"), fullPage: true });
  });

  test("prints a clean summary: no next steps, no headline link", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("next-steps")).toBeHidden();
    await expect(page.getByRole("button", { name: "add load balancers, NAT, logs…" })).toBeHidden();
    await expect(page.locator("#totals-heading")).toHaveText("Monthly cost, compute only");
    await page.screenshot({ ...shot("print"), fullPage: true });
  });
});
