import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every browser test fails if the page reports a Content-Security-Policy violation or an uncaught error:
 * the app must work under its own CSP.
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (msg) => {
        const text = msg.text();
        if (/Content Security Policy|Refused to (execute|load|apply)/i.test(text)) problems.push(`CSP: ${text}`);
      });
      page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
      await use();
      expect(problems, problems.join("\n")).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Waits until the calculator's code has run and opened its scenario: its form is enabled then. The total is visible
 * before that (the server renders it), so waiting for the total alone lets a test type into a form that is not yet
 * listening.
 */
export async function ready(page: Page) {
  await expect(page.getByTestId("calculator")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
}
