import { expect, ready, test } from "./fixtures";

/** 60 workloads: the charts sit far below the first card (after 60 line-item tables). */
function tallScenario(): string {
  const workloads = Array.from({ length: 60 }, (_, i) => ({ name: `svc-${i}`, vcpu: 0.25, memoryGiB: 0.5, tasks: 1 }));
  return Buffer.from(JSON.stringify({ version: 1, name: "tall", region: "us-east-1", workloads })).toString("base64");
}

test("a chart far off screen keeps its table current, is drawn once it comes near, and redrawn only near", async ({ page }) => {
  await page.goto(`/#s=${tallScenario()}`);
  await ready(page);
  const chart = page.getByTestId("chart-breakdown");
  const ticks = chart.locator(".recharts-cartesian-axis-tick-value"); // the axes' labels (the Y axis: "$0", "$2", ...);
  // Far below the first screen the chart is not drawn (its code, recharts, is not even loaded: issue 24 item 7), but
  // its title and table are there.
  await expect(chart.locator("tbody tr").first()).toContainText("svc-0", { timeout: 60_000 });
  await page.waitForTimeout(1000); // the page settles (idle work done)
  expect(await ticks.count()).toBe(0);
  // Near the viewport it is drawn.
  await chart.scrollIntoViewIfNeeded();
  await expect(ticks.first()).toBeAttached({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  const before = await ticks.allTextContents();

  // Back at the top, far from the chart again.
  await page.evaluate(() => window.scrollTo(0, 0));
  const tasks = page.getByTestId("workload-0").getByLabel("Tasks");
  await tasks.fill("900");
  // The table is always current, far off screen too: 0.25 vCPU x $0.04048 x 730 h x 900 tasks = $6,648.84.
  await expect(chart.locator("tbody tr").first()).toContainText("6,648.84", { timeout: 30_000 });
  // The drawing, a long way below the viewport, is not redrawn while typing...
  expect(await ticks.allTextContents()).toEqual(before);
  // ...and is, once it comes near: the costliest bar is now ~$8,109 a month, so the axis goes higher.
  await chart.scrollIntoViewIfNeeded();
  await expect.poll(() => ticks.allTextContents()).not.toEqual(before);
  await chart.screenshot({ path: "test-results/screenshots/chart-follow-breakdown.png" });
});
