import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { expect, ready, test } from "./fixtures";

/**
 * Issue 13, items 1, 2, 4, 7 and 8: the answer stays in view and is never a false one, like is compared with like,
 * the page prints cleanly, and every load finds its icons.
 */

/** A share link in the plain (v0) form the app still opens. */
const link = (scenario: object) => `/#s=${Buffer.from(JSON.stringify({ version: 1, region: "us-east-1", ...scenario })).toString("base64")}`;

/** Each test has a fresh browser context (empty local storage): the link opens as a new visitor would see it. */
async function open(page: Page, scenario: object) {
  await page.goto(link(scenario));
  await expect(page.getByTestId("ec2-total")).toContainText("$", { timeout: 15_000 });
  await ready(page);
}

const workload = (page: Page, i: number) => page.getByTestId(`workload-${i}`);
const shot = (name: string) => ({ path: `test-results/screenshots/glance-${name}.png` });

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}

/** The summary bar is wholly inside the viewport, and the field being edited is not hidden under it. */
async function expectInView(page: Page, field: ReturnType<Page["getByTestId"]>) {
  const viewport = page.viewportSize()!;
  const bar = (await page.getByTestId("summary").boundingBox())!;
  expect(bar.y).toBeGreaterThanOrEqual(0);
  expect(bar.y + bar.height).toBeLessThanOrEqual(viewport.height);
  const box = (await field.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

const fourWorkloads = {
  name: "three services and a job",
  workloads: [
    { name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 },
    { name: "web", vcpu: 0.5, memoryGiB: 1, tasks: 2 },
    { name: "worker", vcpu: 2, memoryGiB: 4, tasks: 1 },
    { name: "jobs", vcpu: 1, memoryGiB: 2, tasks: 1 },
  ],
};

test.describe("the answer at a glance", () => {
  for (const size of [
    { name: "desktop", width: 1280, height: 800 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    test(`the summary stays in view while the last workload is edited (${size.name})`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await open(page, fourWorkloads);
      // api 3 x 730 x (0.04048 + 2 x 0.004445) = 108.1203; web 2 x 730 x (0.5 x 0.04048 + 1 x 0.004445) = 36.0401;
      // worker 730 x (2 x 0.04048 + 4 x 0.004445) = 72.0802; jobs 730 x 0.04937 = 36.0401. Sum 252.2807.
      await expect(page.getByTestId("fargate-total")).toHaveText("$252.28");
      const tasks = workload(page, 3).getByTestId("tasks");
      await tasks.focus();
      await tasks.fill("4");
      // jobs 4 x 36.0401 = 144.1604: 108.1203 + 36.0401 + 72.0802 + 144.1604 = 360.401
      await expect(page.getByTestId("fargate-total")).toHaveText("$360.40");
      // Far down the page (on a phone the last workload is well over 1,000 px down), the figures are still in view.
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(size.name === "phone" ? 1000 : 300);
      await expectInView(page, tasks);
      await page.screenshot(shot(`in-view-${size.name}`));
    });
  }

  test("an invalid field keeps the last totals, marked out of date, and says what is left out", async ({ page }) => {
    await open(page, { name: "one", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 }] });
    // 3 x 36.0401 = 108.1203; EC2 1 x c6a.xlarge 730 h x 0.153 = 111.69 + EBS 30 GiB x 0.08 = 2.40 -> 114.09
    await expect(page.getByTestId("fargate-total")).toHaveText("$108.12");
    await expect(page.getByTestId("ec2-total")).toHaveText("$114.09");
    const vcpu = workload(page, 0).getByTestId("vcpu");
    await vcpu.focus();
    const before = (await vcpu.boundingBox())!.y;
    // An intermediate value, as typed on the way to "0.5".
    await vcpu.fill("0.");
    await expect(page.getByTestId("out-of-date")).toBeVisible();
    await expect(page.getByTestId("left-out")).toHaveText("1 workload has a problem and is left out of the totals until fixed: api.");
    await expect(page.getByTestId("fargate-total")).toHaveText("$108.12");
    await expect(page.getByTestId("ec2-total")).toHaveText("$114.09");
    await expect(page.getByTestId("difference")).toHaveText("$5.97");
    await expect(page.getByTestId("cheaper")).not.toHaveText("Same cost");
    await expect(page.getByText("No tasks run")).toHaveCount(0);
    await expect(page.getByTestId("details-paused")).toContainText("come back up to date once api is fixed");
    // The form did not move under the user's cursor.
    expect((await vcpu.boundingBox())!.y).toBe(before);
    await page.screenshot(shot("out-of-date-desktop"));
    expect(await seriousViolations(page)).toEqual([]);

    await vcpu.fill("0.5");
    // 0.5 vCPU / 2 GiB: 3 x 730 x (0.5 x 0.04048 + 2 x 0.004445) = 2190 x 0.02913 = 63.7947
    await expect(page.getByTestId("fargate-total")).toHaveText("$63.79");
    await expect(page.getByTestId("out-of-date")).toHaveCount(0);
    await expect(page.getByTestId("left-out")).toHaveCount(0);
  });

  test("after a reload with a field still wrong, the headline never shows another scenario's figures", async ({ page }) => {
    await open(page, { name: "one", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 }] });
    await workload(page, 0).getByTestId("tasks").fill("7");
    await expect(page.getByTestId("fargate-total")).toHaveText("$252.28"); // 7 x 36.0401 = 252.2807
    await workload(page, 0).getByTestId("memory").fill("10");
    await expect(page.getByTestId("out-of-date")).toBeVisible();
    await expect(page.getByTestId("fargate-total")).toHaveText("$252.28");
    await page.waitForTimeout(400); // the draft is saved 150 ms after the last edit
    await page.reload();
    await expect(workload(page, 0).getByTestId("memory")).toHaveValue("10");
    // The page starts from the default scenario, then opens the stored draft: the default's $108.12 must not be
    // shown as this scenario's last estimate. Nothing of it can be priced yet, so no figure at all (never $0.00).
    await expect(page.getByTestId("summary")).toHaveAttribute("data-state", "empty");
    await expect(page.getByTestId("fargate-total")).toHaveText("—");
    await expect(page.getByTestId("left-out")).toHaveText("1 workload has a problem and is left out of the totals until fixed: api.");
    await workload(page, 0).getByTestId("memory").fill("2");
    await expect(page.getByTestId("fargate-total")).toHaveText("$252.28");
  });

  test("a scenario opened in place of another never shows the other's EC2 figure beside its own Fargate total", async ({ page }) => {
    await open(page, { workloads: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 3 }] });
    // A: 3 x 730 x (0.04048 + 2 x 0.004445) = 108.1203
    await expect(page.getByTestId("fargate-total")).toHaveText("$108.12");
    const ec2A = (await page.getByTestId("ec2-total").textContent())!;
    // Every state of the headline, as each render leaves it.
    await page.evaluate(() => {
      const w = window as unknown as { __pairs: string[][] };
      w.__pairs = [];
      const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "";
      new MutationObserver(() => w.__pairs.push([text("fargate-total"), text("ec2-total")])).observe(document.querySelector('[data-testid="summary"]')!, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    // A link pasted into the address bar of the open page: B replaces A.
    await page.evaluate((hash) => (window.location.hash = hash), link({ workloads: [{ name: "b", vcpu: 4, memoryGiB: 8, tasks: 8 }] }).slice(1));
    // B: 8 x 730 x (4 x 0.04048 + 8 x 0.004445) = 8 x 730 x 0.19748 = 1153.2832
    await expect(page.getByTestId("fargate-total")).toHaveText("$1,153.28");
    await expect(page.getByTestId("ec2-total")).not.toHaveText(ec2A);
    await page.waitForTimeout(500);
    const pairs = await page.evaluate(() => (window as unknown as { __pairs: string[][] }).__pairs);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.filter(([fargate, ec2]) => fargate === "$1,153.28" && ec2 === ec2A)).toEqual([]);
  });

  test("on a phone, in the dark theme, the out-of-date summary is readable", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, fourWorkloads);
    await page.getByRole("button", { name: "Dark theme" }).click();
    const memory = workload(page, 2).getByTestId("memory");
    await memory.focus();
    await memory.fill("3");
    await expect(page.getByTestId("left-out")).toHaveText("1 workload has a problem and is left out of the totals until fixed: worker.");
    await expect(page.getByTestId("fargate-total")).toHaveText("$252.28");
    await expectInView(page, memory);
    await page.screenshot(shot("out-of-date-phone-dark"));
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a region without Fargate Spot keeps the estimate and offers to set the Spot share to 0", async ({ page }) => {
    await open(page, {
      name: "spot",
      workloads: [
        { name: "api", vcpu: 1, memoryGiB: 2, tasks: 3, spotPercent: 50 },
        { name: "db", vcpu: 1, memoryGiB: 2, tasks: 1 },
      ],
    });
    // api: 1095 h on-demand x 0.04937 = 54.06015 + 1095 h Spot x (0.01288871 + 2 x 0.00141527) = 17.21257875;
    // db: 730 x 0.04937 = 36.0401. Total 107.31282875.
    await expect(page.getByTestId("fargate-total")).toHaveText("$107.31");
    // The region picker is a searchable combobox: type, then pick the suggestion.
    await page.getByTestId("region").fill("ap-northeast-3");
    await page.getByRole("option", { name: /ap-northeast-3/ }).click();
    await expect(page.getByTestId("region")).toHaveValue(/\(ap-northeast-3\)$/);
    await expect(page.getByTestId("spot-fix")).toContainText("Fargate Spot has no price in Asia Pacific (Osaka) in our snapshot: api uses Spot");
    await expect(page.getByTestId("fargate-total")).toHaveText("$107.31");
    await expect(page.getByTestId("out-of-date")).toBeVisible();
    await page.screenshot(shot("spot-region"));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Set Spot share to 0 for api" }).click();
    await expect(workload(page, 0).getByTestId("spot")).toHaveValue("0");
    // Osaka, on-demand: 4 tasks x 730 h x (0.05056 + 2 x 0.00553) = 2920 x 0.06162 = 179.9304
    await expect(page.getByTestId("fargate-total")).toHaveText("$179.93");
    await expect(page.getByTestId("out-of-date")).toHaveCount(0);
    await expect(page.getByTestId("spot-fix")).toHaveCount(0);
  });

  test("match purchase options compares like with like, in one plain sentence", async ({ page }) => {
    await open(page, { name: "discounts", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3, spotPercent: 50, savingsPlan: "1yr-no-upfront" }] });
    // Fargate: 1095 h x (0.032384 + 2 x 0.003556) = 43.24812 + 1095 h Spot x 0.01571925 = 17.21257875 -> 60.46069875
    await expect(page.getByTestId("fargate-total")).toHaveText("$60.46");
    await expect(page.getByTestId("ec2-total")).toHaveText("$114.09");
    await expect(page.getByTestId("comparison")).toHaveText(
      "Not like for like: Fargate uses Spot for 50% of task-hours and a 1-year Savings Plan on the rest, while the EC2 cluster is on-demand.",
    );
    await page.getByTestId("match-purchase").click();
    // 1 x c6a.xlarge: 365 h x 0.153 x (100 - 26.04)% = 41.302962 (1-year commitment estimate)
    //               + 365 h x 0.153 x (100 - 59)% = 22.89645 (Spot estimate) + EBS 2.40 = 66.599412
    await expect(page.getByTestId("ec2-total")).toHaveText("$66.60");
    await expect(page.getByTestId("difference")).toHaveText("$6.14"); // 66.599412 - 60.46069875 = 6.13871325
    await expect(page.getByTestId("comparison")).toHaveText(
      "Both sides on Spot for 50%, with a 1-year commitment on the rest, always on: Fargate is cheaper because the tasks fill only 75% of one c6a.xlarge, and EC2 bills whole instances.",
    );
    await expect(page.getByTestId("match-purchase")).toHaveCount(0);
    // The EC2 settings say the same.
    await page.getByTestId("ec2-settings").locator("summary").click();
    await expect(page.getByTestId("ec2-settings").getByLabel("EC2 Spot share (%)")).toHaveValue("50");
    await expect(page.getByTestId("ec2-settings").getByLabel("Commitment")).toHaveValue("1yr");
    // Jargon gone: the fleet in words, the break-even one click away.
    await expect(page.getByTestId("ec2-fleet")).toHaveText("1 × c6a.xlarge. Your tasks use 75% of its CPU and 75% of its memory.");
    await expect(page.getByTestId("ec2-results")).not.toContainText("packing");
    await page.getByTestId("ec2-break-even").locator("summary").click();
    await expect(page.getByTestId("ec2-break-even")).toContainText("tasks filling 82.61% of its vCPU and memory: fuller than that, EC2 is cheaper");
  });

  test("the cluster follows a batch job when asked", async ({ page }) => {
    await open(page, {
      name: "batch",
      workloads: [
        { name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 },
        { name: "nightly", vcpu: 2, memoryGiB: 4, tasks: 2, schedule: { type: "batch", runsPerMonth: 30, secondsPerRun: 1800 } },
      ],
    });
    // Always on, sized for every task at once: 1 x c6a.large 730 h x 0.0765 = 55.845 + 2 x c6a.xlarge 1460 h x 0.153
    // = 223.38 + EBS 90 GiB-months x 0.08 = 7.20 -> 286.425
    await expect(page.getByTestId("ec2-total")).toHaveText("$286.43");
    await expect(page.getByTestId("comparison")).toHaveText("Fargate bills nightly only while it runs; the EC2 cluster stays up all month.");
    await page.getByTestId("follow-schedules").click();
    // api on 1 x c6a.xlarge all month: 730 x 0.153 = 111.69; nightly on its own c6a.2xlarge for 30 runs x 1 h
    // (30 min rounds up to the hour): 30 x 0.306 = 9.18; EBS 30 GiB x 760 / 730 instance-months x 0.08 = 2.49863...
    // Total 123.36863 -> $123.37
    await expect(page.getByTestId("ec2-total")).toHaveText("$123.37");
    await expect(page.getByTestId("comparison")).toContainText("Both sides on-demand, following the schedules");
    await expect(page.getByRole("button", { name: "Keep the cluster up all month" })).toBeVisible();
  });

  test("per hour, per year and the upfront payment are one click away", async ({ page }) => {
    await open(page, { name: "upfront", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3, savingsPlan: "1yr-all-upfront" }] });
    // 2190 h x (0.0295504 + 2 x 0.00324485) = 2190 x 0.0360401 = 78.927819 a month
    await expect(page.getByTestId("fargate-total")).toHaveText("$78.93");
    const periods = page.getByTestId("periods");
    await periods.locator("summary").click();
    // per hour 78.927819 / 730 = 0.10812 -> $0.1081; per year x 12 = 947.133828 -> $947.13
    await expect(periods.getByRole("row", { name: /Fargate/ })).toHaveText(/\$0\.1081\s*\$78\.93\s*\$947\.13/);
    await expect(periods.getByTestId("upfront")).toContainText("Paid upfront at purchase: $947.13 for the 1-year all-upfront Compute Savings Plan (api)");
  });

  test("prints a clean summary without buttons or form chrome, on at most two pages", async ({ page }) => {
    await open(page, fourWorkloads);
    await page.getByRole("button", { name: "Dark theme" }).click();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Copy share link" })).toBeHidden();
    await expect(page.getByTestId("workload-0")).toBeHidden();
    await expect(page.getByTestId("rightsizing")).toBeHidden();
    await expect(page.getByTestId("fargate-total")).toBeVisible();
    await expect(page.getByTestId("print-scenario")).toContainText("three services and a job · US East (N. Virginia) (us-east-1) · 4 workloads");
    await expect(page.getByTestId("items-3")).toBeVisible();
    // Dark on screen, but paper is white.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
    expect(await page.locator("input:visible, select:visible, button:visible").count()).toBe(0);
    await page.screenshot({ ...shot("print"), fullPage: true });
    const pdf = await page.pdf({ format: "A4" });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
  });

  test("no request 404s on load, and the icons are there", async ({ page, request }) => {
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on("requestfailed", (r) => failed.push(`failed ${r.url()}`));
    await page.goto("/");
    await expect(page.getByTestId("ec2-total")).toContainText("$", { timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    expect(failed).toEqual([]);
    const icons = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')].map((l) => (l as HTMLLinkElement).href),
    );
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const [path, type] of [
      ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
      ["/icon.svg", /image\/svg\+xml/],
      ["/apple-touch-icon.png", /image\/png/],
      ["/icon-192.png", /image\/png/],
      ["/icon-512.png", /image\/png/],
      ["/manifest.webmanifest", /manifest\+json|application\/json/],
    ] as const) {
      const r = await request.get(path);
      expect(r.status(), path).toBe(200);
      expect(r.headers()["content-type"], path).toMatch(type);
    }
    for (const href of icons) expect((await request.get(href)).status(), href).toBe(200);
    const manifest = await (await request.get("/manifest.webmanifest")).json();
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(["any", "192x192", "512x512"]);
  });
});
