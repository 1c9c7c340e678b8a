import { expect, ready, test } from "./fixtures";

/**
 * Issue 24 item 7: the first EC2 and ECS Managed Instances estimates run in steps of their own once the EC2 prices
 * arrive, not inside the render that shows them. Meanwhile the two columns say their prices are loading, the form is
 * usable, and no figure shows but the one the engine computes: never a $0.00 nor the figure of another moment. (How
 * long it takes is the browser benchmark's business, `npm run bench -- --browser --slow`, not a test's.)
 */
const link = (scenario: object) => `/#s=${Buffer.from(JSON.stringify({ version: 1, region: "us-east-1", ...scenario })).toString("base64")}`;

// One 2 vCPU / 8 GiB task on an m5.large with no reservations (as e2e/managed-instances.spec.ts, lib/pricing/managed-instances.test.ts):
// Fargate 730 x (2 x 0.04048 + 8 x 0.004445) = 85.0596; Managed Instances 730 x 0.096 = 70.08 + fee 730 x 0.01152 = 8.4096
// + EBS 30 GiB x 0.08 = 2.40 -> 80.8896; EC2 self-managed 70.08 + 2.40 = 72.48.
const scenario = {
  name: "one service",
  workloads: [{ name: "api", vcpu: 2, memoryGiB: 8, tasks: 1 }],
  ec2: { instanceTypes: ["m5.large"], headroomPercent: 0, unregisteredMemoryPercent: 0, reservedMemoryMiB: 0 },
};

const shot = (name: string) => ({ path: `test-results/screenshots/ec2-priced-${name}.png` });

/** Records, from the first paint, every text the three totals ever show (window.__shown). */
async function recordTotals(page: import("@playwright/test").Page) {
  await page.addInitScript(`(() => {
    const w = window;
    w.__shown = { "fargate-total": [], "mi-total": [], "ec2-total": [] };
    const note = () => {
      for (const id of Object.keys(w.__shown)) {
        const t = document.querySelector('[data-testid="' + id + '"]')?.textContent;
        const seen = w.__shown[id];
        if (t != null && seen[seen.length - 1] !== t) seen.push(t);
      }
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
  })();`);
}

test("the EC2 and Managed Instances columns read as loading until their first estimate, then show the engine's figures and nothing else", async ({ page }) => {
  await recordTotals(page);
  // The EC2 price snapshot's chunk (the one script with the instance types' prices but not the whole-bill prices) is
  // held until the form is usable and the Fargate total shown.
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('"c6a.xlarge"') && !body.includes("ecsManagedInstances")) await released;
    await route.fulfill({ response, body });
  });
  await page.goto(link(scenario));
  await ready(page);
  await expect(page.getByTestId("fargate-total")).toHaveText("$85.06");
  // Pending: "n/a" with its reason, never a figure; the form answers meanwhile.
  await expect(page.getByTestId("ec2-total")).toHaveText("n/a");
  await expect(page.getByTestId("summary")).toContainText("Loading EC2 prices…");
  await expect(page.getByTestId("mi-total")).toHaveText("n/a");
  await expect(page.getByTestId("summary")).toContainText("Loading ECS Managed Instances prices…");
  await expect(page.getByTestId("difference")).not.toContainText("$");
  await page.getByTestId("summary").screenshot(shot("pending-desktop"));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("summary").screenshot(shot("pending-phone"));
  release();
  await expect(page.getByTestId("ec2-total")).toHaveText("$72.48", { timeout: 15_000 });
  await expect(page.getByTestId("mi-total")).toHaveText("$80.89");
  await expect(page.getByTestId("fargate-total")).toHaveText("$85.06");
  // 72.48 - 85.0596 = -12.5796: EC2 is $12.58 cheaper.
  await expect(page.getByTestId("difference")).toHaveText("$12.58");
  await expect(page.getByTestId("summary")).not.toContainText("Loading EC2 prices");
  await page.getByTestId("summary").screenshot(shot("priced-phone"));
  const shown = await page.evaluate(() => (window as unknown as { __shown: Record<string, string[]> }).__shown);
  // Every dollar figure the EC2 and Managed Instances totals ever showed is the engine's: no $0.00, no figure of an
  // earlier moment. (The Fargate total's first paint is the default scenario's, before the link is read: not this.)
  expect(shown["ec2-total"]!.filter((t) => t.startsWith("$"))).toEqual(["$72.48"]);
  expect(shown["mi-total"]!.filter((t) => t.startsWith("$"))).toEqual(["$80.89"]);
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

test("a scenario edited while the first EC2 estimate is pending is priced as it is now, not as it was when the prices arrived", async ({ page }) => {
  await recordTotals(page);
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('"c6a.xlarge"') && !body.includes("ecsManagedInstances")) await released;
    await route.fulfill({ response, body });
  });
  await page.goto(link(scenario));
  await ready(page);
  await expect(page.getByTestId("fargate-total")).toHaveText("$85.06");
  release();
  // Typed right as the prices arrive: two tasks. Fargate 2 x 85.0596 = 170.1192; EC2 two m5.large (one task each:
  // 2 vCPU, 8 GiB fill one) 2 x 72.48 = 144.96; Managed Instances 2 x 80.8896 = 161.7792.
  const tasks = page.getByTestId("workload-0").getByTestId("tasks");
  await tasks.fill("2");
  await expect(page.getByTestId("fargate-total")).toHaveText("$170.12");
  await expect(page.getByTestId("ec2-total")).toHaveText("$144.96", { timeout: 15_000 });
  await expect(page.getByTestId("mi-total")).toHaveText("$161.78");
  const shown = await page.evaluate(() => (window as unknown as { __shown: Record<string, string[]> }).__shown);
  for (const id of ["ec2-total", "mi-total"]) expect(shown[id]!.filter((t) => t.startsWith("$0"))).toEqual([]);
  await page.unrouteAll({ behavior: "ignoreErrors" });
});
