import { expect, test } from "./fixtures";

test("home page renders the product name", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fargate Estimator");
  await expect(page.getByTestId("fargate-total")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/home-1280.png", fullPage: true });
});
