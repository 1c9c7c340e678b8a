import { expect, openFresh, ready, test } from "./fixtures";

/** Issue 24 item 6: by keyboard, as a person would: skip links first, and "+ Add" moves focus into what it added. */
test.describe("keyboard", () => {
  test.beforeEach(async ({ page }) => {
    await openFresh(page);
  });

  test("skip links come first: two Tabs and Enter reach the services (before: 22 Tabs)", async ({ page }) => {
    await page.keyboard.press("Tab");
    const first = page.getByRole("link", { name: "Skip to the workloads" });
    await expect(first).toBeFocused();
    await expect(first).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/keyboard-skip-links.png" });
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to networking and shared services" })).toBeFocused();
    await page.keyboard.press("Enter");
    const summary = page.getByTestId("services-section").locator("summary");
    await expect(summary).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("services-section")).toHaveAttribute("open", "");
    // The first skip link: the first workload's name.
    await page.reload();
    await ready(page);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("workload-0").getByLabel("Name")).toBeFocused();
  });

  test('"+ Add load balancer" and "+ Add workload" move focus to the first new field; Remove returns it to "+ Add"', async ({ page }) => {
    const section = page.getByTestId("services-section");
    await section.locator("summary").click();
    const add = section.getByTestId("add-load-balancer");
    await add.focus();
    await page.keyboard.press("Enter");
    // Before: focus stayed on the button while the fields appeared above it.
    await expect(section.getByTestId("lb-name-0")).toBeFocused();
    await page.keyboard.type("-front");
    await expect(section.getByTestId("lb-name-0")).toHaveValue("web-front");
    await section.getByRole("button", { name: "Remove load balancer web-front" }).focus();
    await page.keyboard.press("Enter");
    await expect(add).toBeFocused();

    const addWorkload = page.getByRole("button", { name: "+ Add workload" });
    await addWorkload.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("workload-1").getByLabel("Name")).toBeFocused();
  });
});
