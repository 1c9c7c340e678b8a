import { MAX_PAGE_WORKLOADS, MAX_SHARE_CHARS } from "@/lib/scenario/url";
import { expect, outsideTheApp, ready, test } from "./fixtures";
import { bigShareLink, scenarioLink, waitForSelectorQuietly } from "./perf";

/**
 * Issue 19, item 9: a 99,994-character link of 7,498 workloads was one 13.8 s task on the main thread. The page now
 * refuses a link of more than MAX_PAGE_WORKLOADS workloads in one sentence (before validating it), and renders the
 * cards of a big scenario it opens in steps, each a commit of its own, so input is handled between them. No timing
 * here (how long it takes is `npm run bench -- --browser`'s bigLink figures).
 */
test("a 100,000-character link of 7,490 workloads is refused in one sentence; the saved scenario stays", async ({ page }) => {
  test.setTimeout(180_000);
  await outsideTheApp(page);
  await page.evaluate(() => window.localStorage.clear());
  const link = bigShareLink();
  expect(link.length).toBeLessThanOrEqual(MAX_SHARE_CHARS);
  await page.goto(`/#s=${link}`);
  await ready(page);
  await expect(page.getByTestId("notice")).toContainText(
    `This share link could not be opened: The shared scenario has 7,490 workloads, and this page opens at most ${MAX_PAGE_WORKLOADS.toLocaleString("en-US")}`,
  );
  await expect(page.getByTestId("notice")).toContainText("npm run estimate");
  await expect(page.getByTestId("scenario-name")).toHaveValue("My scenario");
  await expect(page.getByTestId("workload-1")).toHaveCount(0);
});

test("a scenario of 2,000 workloads (the most a link opens) fills in steps, and the page takes input meanwhile", async ({ page }) => {
  test.setTimeout(300_000);
  // Every text the progress line shows, recorded by the page itself as it changes.
  await page.addInitScript(() => {
    const w = window as unknown as { __filling: string[] };
    w.__filling = [];
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="workloads-filling"]')?.textContent;
      if (text && text !== w.__filling.at(-1)) w.__filling.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`/#s=${scenarioLink(MAX_PAGE_WORKLOADS)}`);
  await waitForSelectorQuietly(page, '[data-testid="calculator"][data-ready="true"]', 120_000);
  // Typing lands while the list fills (or after, on a fast machine: either way the page took the input).
  await page.getByTestId("scenario-name").fill("typed while opening");
  await waitForSelectorQuietly(page, `[data-testid="workload-${MAX_PAGE_WORKLOADS - 1}"]`, 240_000);
  await expect(page.getByTestId("scenario-name")).toHaveValue("typed while opening");
  await expect(page.getByTestId("workloads-filling")).toHaveCount(0);
  const steps = await page.evaluate(() => (window as unknown as { __filling: string[] }).__filling);
  // 100 cards a step: the progress line went through many counts, each a commit of its own.
  expect(steps[0]).toMatch(/^Showing \d+ of 2,000 workloads…$/);
  expect(steps.length).toBeGreaterThanOrEqual(10);
});
