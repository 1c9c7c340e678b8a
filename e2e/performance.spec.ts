import { expect, ready, test } from "./fixtures";
import { firstLoadScripts, gzippedKB, scenarioLink, waitForSelectorQuietly, waitForTextQuietly } from "./perf";

/**
 * A size, not a time: what the first load downloads does not depend on how busy the machine is. The timings (keystroke
 * -> total, long tasks, the workers' frame gaps, time to a usable form, first paint) are measured by `npm run bench --
 * --browser` (scripts/bench-browser.ts), where other load cannot fail a gate; the tests below keep what is functional.
 */
const BUDGET_FIRST_LOAD_KB = 150;

test.describe("performance: what does not depend on the machine's load", () => {
  test(`home page first-load JavaScript (module scripts) is under ${BUDGET_FIRST_LOAD_KB} KB gzipped`, async ({ request }) => {
    const html = await (await request.get("/")).text();
    const srcs = firstLoadScripts(html);
    expect(srcs.length).toBeGreaterThan(0);
    const kb = await gzippedKB(srcs, async (src) => (await request.get(src)).body());
    console.log(`first-load JS: ${srcs.length} module scripts, ${kb} KB gzipped`);
    expect(kb).toBeLessThan(BUDGET_FIRST_LOAD_KB);
  });

  test("every script the page runs while it loads (its workers' too) carries V8's compile hint on its first line", async ({ page, context }) => {
    // The build adapter (scripts/compile-hints-adapter.mjs) marks the chunks; this checks the build the tests serve was
    // made with it (next.config.ts) and that the marked files are what the browser gets. What it buys is a time, measured
    // by the browser benchmark (usableMs4x).
    const scripts = new Map<string, Promise<string>>();
    context.on("response", (r) => {
      const url = new URL(r.url());
      if (/^\/_next\/static\/chunks\/.+\.js$/.test(url.pathname) && r.ok()) scripts.set(url.pathname, r.text());
    });
    await page.goto("/");
    await ready(page);
    await expect(page.getByTestId("ec2-total")).toHaveText(/^\$/);
    // The page's own chunks, the calculator's, and the EC2 / Managed Instances worker's (a worker's requests are the
    // context's, not the page's).
    expect(scripts.size).toBeGreaterThan(10);
    expect([...scripts.keys()].filter((s) => s.includes("/turbopack-worker-")).length).toBeGreaterThan(0); // Turbopack's worker runtime
    const unmarked: string[] = [];
    for (const [src, text] of scripts) if (!(await text).startsWith("//# allFunctionsCalledOnLoad\n")) unmarked.push(src);
    expect(unmarked).toEqual([]);
  });

  for (const count of [50, 500]) {
    test(`typing into a ${count}-workload scenario updates the total, and every workload's line items render`, async ({ page }) => {
      // Wide bounds: opening and pricing a big scenario takes seconds on a busy machine; none of it is timed here. The
      // waits check the page every 250 ms (waitForSelectorQuietly: a locator's own waits starve a page this big).
      test.setTimeout(300_000);
      await page.goto(`/#s=${scenarioLink(count)}`);
      await waitForSelectorQuietly(page, `[data-testid="workload-${count - 1}"]`);
      await waitForSelectorQuietly(page, '[data-testid="calculator"][data-ready="true"]');
      await waitForSelectorQuietly(page, `[data-testid="items-${count - 1}"]`);
      const total = '[data-testid="fargate-total"]';
      const items0 = '[data-testid="items-0-total"]';
      const before = await page.locator(total).textContent();
      const itemsBefore = await page.locator(items0).textContent();
      const input = page.getByTestId("workload-0").getByLabel("Tasks");
      await input.focus();
      await input.press("End");
      await page.keyboard.press("5"); // svc-0: 1 -> 15 tasks
      expect(await input.inputValue()).toBe("15");
      await waitForTextQuietly(page, total, { isNot: before! });
      // The line items follow once typing pauses (in idle time, or a second later at the latest).
      await waitForTextQuietly(page, items0, { isNot: itemsBefore! });
      await page.keyboard.press("Backspace");
      await waitForTextQuietly(page, total, { is: before! });
      await waitForTextQuietly(page, items0, { is: itemsBefore! });
      expect(await page.locator('[data-testid="line-items"] table').count()).toBe(count);
    });
  }
});
