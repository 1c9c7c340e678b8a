import { expect, ready, test } from "./fixtures";

/**
 * The calculator's form is disabled until its code has run (data-ready). Once it is enabled, every control in it must
 * act on what is typed: a control whose code is a chunk of its own can still be waiting for it, and what is typed into
 * it then is dropped. That was the CI failure of stop 16: the region picker had its own chunk, a region typed right
 * after the form turned ready never showed its suggestion, not even once that chunk arrived.
 *
 * Here a script that holds the region picker's code but not the editor's (found by texts only they have) is held back
 * until the form is ready and the region typed. Since the picker is part of the calculator's chunk, no script is held
 * and the suggestion shows. Before, either the form never turned ready (it waited for the held script) or the typing
 * was dropped: the test failed either way.
 */
test("once the form is enabled, the region picker answers typing at once: its code is not a chunk of its own", async ({ page }) => {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("No region matches") && !body.includes("+ Add workload")) await released;
    await route.fulfill({ response, body });
  });
  await page.goto("/");
  await ready(page);
  await page.getByTestId("region").fill("ap-south-1");
  release();
  await page.getByRole("option", { name: /ap-south-1/ }).click({ timeout: 5000 });
  await expect(page.getByTestId("region")).toHaveValue(/\(ap-south-1\)$/);
  // Scripts the page still asks for as the test ends must not fail it ("Response has been disposed").
  await page.unrouteAll({ behavior: "ignoreErrors" });
});
