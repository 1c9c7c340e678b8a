import type { Page } from "@playwright/test";
import { expect, openFresh, test } from "./fixtures";

/** Presses Tab (or Shift+Tab) until the focused element matches; proves it is reachable by keyboard alone. */
async function tabTo(page: Page, describe: (el: Element) => boolean, max = 80, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const hit = await page.evaluate(`(${describe.toString()})(document.activeElement)`);
    if (hit) return;
  }
  throw new Error("element not reachable with Tab");
}

const labelled = (text: string, nth = 0) =>
  new Function(
    "el",
    `const id = el && el.id; if (!id) return false;
     const labels = [...document.querySelectorAll('label')].filter(l => l.htmlFor === id && l.textContent.trim() === ${JSON.stringify(text)});
     if (!labels.length) return false;
     const all = [...document.querySelectorAll('label')].filter(l => l.textContent.trim() === ${JSON.stringify(text)});
     return all.indexOf(labels[0]) === ${nth};`,
  ) as (el: Element) => boolean;
const button = (name: string) =>
  new Function("el", `return !!el && el.tagName === 'BUTTON' && el.textContent.trim() === ${JSON.stringify(name)};`) as (el: Element) => boolean;

test("keyboard only: build a scenario, share it and export CSV", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openFresh(page);

  await tabTo(page, labelled("Scenario name"));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("keyboard");

  await tabTo(page, labelled("Tasks"));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("2");
  // 2 x 36.0401 = 72.0802
  await expect(page.getByTestId("fargate-total")).toHaveText("$72.08");

  await tabTo(page, button("+ Add workload"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("workload-1")).toBeVisible();
  await tabTo(page, labelled("Memory (GiB)", 1), 200);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("4");
  // 72.0802 + 730 x (0.04048 + 4 x 0.004445) = 72.0802 + 42.5298 = 114.61
  await expect(page.getByTestId("fargate-total")).toHaveText("$114.61");

  // The header's buttons come first in the Tab order: Shift+Tab walks back up to them.
  await tabTo(page, button("Copy share link"), 200, "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("status")).toHaveText("Share link copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#s=v1\./);

  await tabTo(page, button("Export CSV"));
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe("keyboard.csv");
});
