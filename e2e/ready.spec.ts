import { expect, ready, test } from "./fixtures";

/**
 * The calculator's form is disabled until its code has run (data-ready). Once it is enabled, every control in it must
 * act on what is typed: a control that waits for a chunk of its own would take the typing and do nothing with it. That
 * was the CI failure of stop 16: the region picker had its own chunk, and a region typed right after the form turned
 * ready never showed its suggestion when that chunk came last. Before the fix this failed when the form turned ready
 * before the delayed chunk arrived (it depends on timing: seen failing warm, passing cold); since the fix the picker's
 * code is part of the calculator's chunk and cannot come late.
 */
test("once the form is enabled, the region picker answers typing at once, however late its code arrives", async ({ page }) => {
  // The script that holds the region picker's code (found by a text only it has) arrives 3 s late.
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("No region matches")) await new Promise((r) => setTimeout(r, 3000));
    await route.fulfill({ response, body });
  });
  await page.goto("/");
  await ready(page);
  await page.getByTestId("region").fill("ap-south-1");
  await page.getByRole("option", { name: /ap-south-1/ }).click({ timeout: 1000 });
  await expect(page.getByTestId("region")).toHaveValue(/\(ap-south-1\)$/);
});
