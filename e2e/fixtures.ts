import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every browser test fails if the page reports a Content-Security-Policy violation or an uncaught error:
 * the app must work under its own CSP. Violations are caught twice: from the console (what Chrome logs), and from the
 * page's own `securitypolicyviolation` events, which also fire for what Chrome does not log (an `eval` or
 * `new Function` that the page catches, such as zod's `allowsEval` probe; issue 19, item 12).
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      await watchCspViolations(page, (text) => problems.push(`CSP event: ${text}`));
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

/** Calls `report` for each `securitypolicyviolation` event in the page's documents (install before the first goto). */
export async function watchCspViolations(page: Page, report: (text: string) => void) {
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => report(text));
  await page.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (e) => {
        const send = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
        send?.(`${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile || "?"}:${e.lineNumber} (${e.sample || "no sample"})`);
      },
      { capture: true },
    );
  });
}

/**
 * Waits until the calculator's code has run and opened its scenario: its form is enabled then. The total is visible
 * before that (the server renders it), so waiting for the total alone lets a test type into a form that is not yet
 * listening.
 */
export async function ready(page: Page) {
  await expect(page.getByTestId("calculator")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
}

/**
 * Opens a page of the app's origin that does not run the app (its health check), to set up this browser's storage
 * before the app reads it. From an app page the set-up could be undone: the page still holds its saved list in memory
 * and writes it back as it is left (components/saved/persistence.ts saves on pagehide; a first visit's default is
 * saved once loaded). Under load that write landed between a test's clear and its next navigation, and the next page
 * opened "My scenario" instead of what the test had set up.
 */
export async function outsideTheApp(page: Page) {
  await page.goto("/api/health");
}

/** A first visit: nothing saved in this browser, the default scenario open ($108.12) and the calculator ready. */
export async function openFresh(page: Page) {
  await outsideTheApp(page);
  await page.evaluate(() => window.localStorage.clear());
  await page.goto("/");
  await expect(page.getByTestId("fargate-total")).toHaveText("$108.12");
  await ready(page);
}
