import { gzipSync } from "node:zlib";
import { expect, test } from "./fixtures";
import { firstLoadScripts, scenarioLink } from "./perf";

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
    let total = 0;
    for (const src of srcs) total += gzipSync(await (await request.get(src)).body()).length;
    const kb = Math.round(total / 102.4) / 10;
    console.log(`first-load JS: ${srcs.length} module scripts, ${kb} KB gzipped`);
    expect(kb).toBeLessThan(BUDGET_FIRST_LOAD_KB);
  });

  for (const count of [50, 500]) {
    test(`typing into a ${count}-workload scenario updates the total, and every workload's line items render`, async ({ page }) => {
      // Wide bounds: opening and pricing a big scenario takes seconds on a busy machine; none of it is timed here.
      test.setTimeout(300_000);
      await page.goto(`/#s=${scenarioLink(count)}`);
      await expect(page.getByTestId(`workload-${count - 1}`)).toBeVisible({ timeout: 120_000 });
      await expect(page.getByTestId("calculator")).toHaveAttribute("data-ready", "true", { timeout: 120_000 });
      const input = page.getByTestId("workload-0").getByLabel("Tasks");
      await expect(input).toBeEnabled();
      await expect(page.getByTestId(`items-${count - 1}`)).toBeAttached({ timeout: 120_000 });
      // Workload 0 is svc-0: 0.25 vCPU / 0.5 GB, 1 task, 30% Spot, batch (500 runs x 45 s -> 60 s billed each).
      const items0 = page.getByTestId("items-0-total");
      const before = await page.getByTestId("fargate-total").textContent();
      const itemsBefore = await items0.textContent();
      await input.focus();
      await input.press("End");
      await page.keyboard.press("5"); // 1 -> 15 tasks
      await expect(input).toHaveValue("15");
      await expect(page.getByTestId("fargate-total")).not.toHaveText(before!, { timeout: 60_000 });
      // The line items follow once typing pauses (in idle time, or after a second at the latest).
      await expect(items0).not.toHaveText(itemsBefore!, { timeout: 60_000 });
      await expect(page.getByTestId(`items-${count - 1}`)).toBeAttached();
      await page.keyboard.press("Backspace");
      await expect(page.getByTestId("fargate-total")).toHaveText(before!, { timeout: 60_000 });
      await expect(items0).toHaveText(itemsBefore!, { timeout: 60_000 });
    });
  }
});
