import { expect, test } from "./fixtures";

/** A share link in the legacy (v0) form: base64 of the scenario JSON. */
const legacyLink = (scenario: unknown) => `/#s=${Buffer.from(JSON.stringify(scenario)).toString("base64")}`;

test.describe("security", () => {
  test("serves security headers and a nonce-based CSP", async ({ request }) => {
    const res = await request.get("/");
    const h = res.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    const csp = h["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    // A fresh nonce on every request.
    const again = (await request.get("/")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  });

  test("scenario and workload names from a share link render as text", async ({ page }) => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await page.goto(legacyLink({ version: 1, name: evil, region: "us-east-1", workloads: [{ name: evil, vcpu: 1, memoryGiB: 2, tasks: 1 }] }));
    await expect(page.getByTestId("fargate-total")).toHaveText("$36.04");
    await expect(page.getByTestId("scenario-name")).toHaveValue(evil);
    await expect(page.getByTestId("items-0")).toContainText(evil);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("img[src=x]").count()).toBe(0);
  });
});
