import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import Papa from "papaparse";
import { expect, outsideTheApp, ready, test } from "./fixtures";

/** Issue 13 items 5 (a CSV that describes itself), 6 (figures that add up as shown) and 10 (clearer inputs). */

async function fresh(page: Page) {
  await outsideTheApp(page);
  await page.evaluate(() => window.localStorage.clear());
  await page.goto("/");
  await expect(page.getByTestId("fargate-total")).toHaveText("$108.12");
  // The charts render on the client only: once they are there, the page is hydrated and takes input.
  await expect(page.getByTestId("chart-breakdown")).toBeVisible();
  await ready(page);
}

const workload = (page: Page, i = 0) => page.getByTestId(`workload-${i}`);
const cents = (s: string) => Math.round(Number(s.replace(/[$,]/g, "")) * 100);

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}

async function downloadCsv(page: Page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  return { name: download.suggestedFilename(), text, rows: Papa.parse<string[]>(text.trimEnd(), { newline: "\r\n" }).data };
}

test.describe("a CSV that describes itself, and figures that add up", () => {
  // 13 tasks of 1 vCPU / 2 GiB in us-east-1:
  //   vCPU   13 x 730 h = 9490 vCPU-hours x 0.04048  = 384.1552
  //   memory 13 x 1460  = 18980 GB-hours x 0.004445 =  84.3661
  //   total                                           468.5213 -> $468.52
  // Rounded alone the rows show 384.16 + 84.37 = 468.53: a cent above the total. Allocated by largest remainder:
  // floors 384.15 + 84.36 = 468.51, the missing cent to the larger remainder (memory 0.0061 > vCPU 0.0052):
  // 384.15 + 84.37 = 468.52.
  test("the line items on screen add up to the total shown where rounding each row would be a cent off", async ({ page }) => {
    await fresh(page);
    await workload(page).getByLabel("Tasks").fill("13");
    await expect(page.getByTestId("fargate-total")).toHaveText("$468.52");
    const table = page.getByTestId("items-0");
    await expect(page.getByTestId("items-0-total")).toHaveText("$468.52");
    const monthly = await table.locator("tbody tr td:last-child").allTextContents();
    expect(monthly).toEqual(["$384.15", "$84.37"]);
    expect(monthly.reduce((t, m) => t + cents(m), 0)).toBe(cents("468.52"));
  });

  test("the CSV starts with the scenario, its prices and settings, then line items that add up", async ({ page }) => {
    await fresh(page);
    await page.getByTestId("scenario-name").fill("glance csv");
    await workload(page).getByLabel("Tasks").fill("13");
    await workload(page).getByLabel("Spot share (%)").fill("0");
    await expect(page.getByTestId("fargate-total")).toHaveText("$468.52");
    const { name, rows } = await downloadCsv(page);
    expect(name).toBe("glance-csv.csv");
    // One table (RFC 4180): a single header, every record the same 8 fields; sections in the first column.
    expect(rows[0]).toEqual(["Section", "Workload", "Item", "Quantity or value", "Unit", "Unit price (USD)", "Monthly cost (USD)", "Source or note"]);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([8]));
    expect(rows[1]!.slice(0, 4)).toEqual(["Scenario", "", "Name", "glance csv"]);
    expect(rows[2]!.slice(0, 4)).toEqual(["Scenario", "", "Region", "us-east-1"]);
    const fargatePrice = rows.find((r) => r[0] === "Price source" && r[2] === "fargate-on-demand")!;
    expect(fargatePrice[3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(fargatePrice[7]).toContain("https://aws.amazon.com/fargate/pricing/");
    const setting = (item: string) => rows.find((r) => r[0] === "Workload setting" && r[1] === "api" && r[2] === item)?.[3];
    expect([setting("Tasks"), setting("Schedule"), setting("Spot share"), setting("Savings Plan")]).toEqual(["13", "always on", "0", "none (on-demand)"]);
    // Settings come before the first line item.
    const firstItem = rows.findIndex((r) => r[0] === "Line item");
    expect(rows.findLastIndex((r) => r[0] === "Workload setting")).toBeLessThan(firstItem);
    // The line items are the screen's cents and add up to the subtotal and the total shown.
    const items = rows.filter((r) => r[0] === "Line item" && r[1] === "api").map((r) => r[6]!);
    expect(items).toEqual(["384.15", "84.37"]);
    expect(rows).toContainEqual(["Subtotal", "api", "Workload total", "", "", "", "468.52", ""]);
    const screenTotal = (await page.getByTestId("fargate-total").textContent())!.replace("$", "");
    expect(rows).toContainEqual(["Total", "", "Fargate total", "", "", "", screenTotal, ""]);
    // EC2: its rows add up to its subtotals, the subtotals to the EC2 total shown in the headline.
    const ec2Rows = rows.filter((r) => r[0] === "Line item" && r[1] === "EC2 cluster");
    const ec2Subs = rows.filter((r) => r[0] === "Subtotal" && r[1] === "EC2 cluster");
    const ec2Total = rows.find((r) => r[2] === "EC2 total")![6]!;
    expect(ec2Rows.reduce((t, r) => t + cents(r[6]!), 0)).toBe(ec2Subs.reduce((t, r) => t + cents(r[6]!), 0));
    expect(ec2Subs.reduce((t, r) => t + cents(r[6]!), 0)).toBe(cents(ec2Total));
    await expect(page.getByTestId("ec2-total")).toHaveText(`$${ec2Total}`);
  });
});

test.describe("clearer inputs", () => {
  test("a batch duration in minutes prices the same as in seconds, and shows the conversion", async ({ page }) => {
    await fresh(page);
    const card = workload(page);
    await card.getByLabel("Schedule").selectOption("batch");
    await card.getByLabel("Runs per month").fill("100");
    await card.getByLabel("Seconds per run").fill("900");
    // 100 runs x 3 tasks x 900 s = 75 task-hours: 75 x 0.04048 + 150 GB-h x 0.004445 = 3.036 + 0.66675 = 3.70275
    await expect(page.getByTestId("fargate-total")).toHaveText("$3.70");
    await card.getByLabel("Duration unit").selectOption("minutes");
    await expect(card.getByLabel("Minutes per run")).toHaveValue("15");
    await expect(page.getByTestId("fargate-total")).toHaveText("$3.70");
    await card.getByLabel("Minutes per run").fill("20");
    await expect(card).toContainText("= 1,200 seconds per run.");
    // 100 x 3 x 1200 s = 100 task-hours: 4.048 + 200 x 0.004445 = 4.048 + 0.889 = 4.937
    await expect(page.getByTestId("fargate-total")).toHaveText("$4.94");
    // What was typed stays as typed ("2.50" is not rewritten to "2.5").
    await card.getByLabel("Minutes per run").fill("2.50");
    await expect(card.getByLabel("Minutes per run")).toHaveValue("2.50");
    await expect(card).toContainText("= 150 seconds per run.");
    await card.getByLabel("Duration unit").selectOption("seconds");
    await expect(card.getByLabel("Seconds per run")).toHaveValue("150");
  });

  test("runs per week and per day convert with the 730-hour month, and keep what was typed", async ({ page }) => {
    await fresh(page);
    const card = workload(page);
    await card.getByLabel("Schedule").selectOption("batch");
    await card.getByLabel("Seconds per run").fill("900");
    await card.getByLabel("Count runs per").selectOption("week");
    await card.getByLabel("Runs per week").fill("7");
    // 7 a week x 730/168 = 30.4167 -> 30 runs a month
    await expect(card).toContainText("7 a week × 4.3452 weeks a month (730 h ÷ 168) = 30 runs a month, 30.4167 rounded to whole runs.");
    // 30 runs x 3 tasks x 900 s = 22.5 task-hours: 22.5 x 0.04048 + 45 x 0.004445 = 0.9108 + 0.200025 = 1.110825
    await expect(page.getByTestId("fargate-total")).toHaveText("$1.11");
    await expect(card.getByLabel("Runs per week")).toHaveValue("7");
    await card.getByLabel("Count runs per").selectOption("day");
    await card.getByLabel("Runs per day").fill("24");
    // 24 a day x 30.4167 = 730 runs: 730 x 3 x 900 s = 547.5 task-hours: 22.1628 + 4.867275 = 27.030075
    await expect(card).toContainText("24 a day × 30.4167 days a month (730 h ÷ 24) = 730 runs a month.");
    await expect(page.getByTestId("fargate-total")).toHaveText("$27.03");
    // The scenario stores runs a month: the share link carries 730, and the page still shows the 24 typed.
    await expect(card.getByLabel("Runs per day")).toHaveValue("24");
  });

  test("EKS workloads count pods, and the card says how pods are billed", async ({ page }) => {
    await fresh(page);
    const card = workload(page);
    await card.getByLabel("Platform").selectOption("eks");
    await expect(card.getByLabel("Pods", { exact: true })).toHaveValue("3");
    await expect(card.getByLabel("Tasks", { exact: true })).toHaveCount(0);
    const note = card.getByTestId("card-notes");
    await expect(note).toContainText("Each pod is billed as 1 vCPU / 3 GiB: EKS adds 256 MiB to the pod's requests (1 vCPU / 2 GiB)");
    await expect(note).toHaveAttribute("data-tone", "info");
    // 3 pods x 730 h x (0.04048 + 3 x 0.004445) = 3 x 730 x 0.053815 = 117.85485 -> $117.85
    await card.getByLabel("Pods", { exact: true }).fill("3");
    await expect(page.getByTestId("fargate-total")).toHaveText("$117.85");
    await page.screenshot({ path: "test-results/screenshots/glance-eks-card.png", clip: (await card.boundingBox())! });
  });

  test("the Windows 5-minute minimum is noted on the card", async ({ page }) => {
    await fresh(page);
    const card = workload(page);
    await card.getByLabel("Operating system").selectOption("windows");
    await card.getByLabel("Schedule").selectOption("batch");
    await card.getByLabel("Seconds per run").fill("120");
    const note = card.getByTestId("card-notes");
    await expect(note).toHaveText(/Each 120-second run is billed as 300 s: Windows tasks are charged at least 5 minutes each\./);
    await expect(note).toHaveAttribute("data-tone", "info");
    await card.getByLabel("Seconds per run").fill("300");
    await expect(card.getByTestId("card-notes")).toHaveCount(0);
  });

  test("the region picker is one searchable control: typing Frank finds eu-central-1", async ({ page }) => {
    await fresh(page);
    const region = page.getByRole("combobox", { name: "Region" });
    await expect(region).toHaveValue("US East (N. Virginia) (us-east-1)");
    await region.click();
    await region.fill("Frank");
    await expect(region).toHaveAttribute("aria-expanded", "true");
    const options = page.getByRole("listbox", { name: "Regions" }).getByRole("option");
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText("EU (Frankfurt) (eu-central-1)");
    await page.screenshot({ path: "test-results/screenshots/glance-region-search.png" });
    await region.press("Enter");
    await expect(region).toHaveValue("EU (Frankfurt) (eu-central-1)");
    await expect(region).toHaveAttribute("aria-expanded", "false");
    // 3 tasks x 730 h x (0.04656 + 2 x 0.00511) = 3 x 41.4494 = 124.3482
    await expect(page.getByTestId("fargate-total")).toHaveText("$124.35");
    // Keyboard alone: Down opens the list on the current region, Down moves, Escape keeps the region.
    await region.press("ArrowDown");
    await expect(region).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator(`#${await region.getAttribute("aria-activedescendant")}`)).toContainText("eu-central-1");
    await region.press("Escape");
    await expect(region).toHaveValue("EU (Frankfurt) (eu-central-1)");
    // Type a code and Tab away: a single match is picked.
    await region.fill("us-west-2");
    await region.press("Tab");
    await expect(region).toHaveValue("US West (Oregon) (us-west-2)");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("information looks different from a warning", async ({ page }) => {
    await fresh(page);
    const card = workload(page);
    await card.getByLabel("Operating system").selectOption("windows");
    await card.getByLabel("Savings Plan").selectOption("1yr-no-upfront");
    const items = page.getByTestId("line-items");
    const info = items.locator('[data-tone="info"]').first();
    const warning = items.locator('[data-tone="warning"]').first();
    await expect(info).toContainText("The Windows OS license fee is priced on-demand");
    await expect(warning).toContainText("rates are estimates");
    const look = (l: typeof info) =>
      l.evaluate((el) => {
        const s = getComputedStyle(el);
        return { bg: s.backgroundColor, border: s.borderColor, icon: el.querySelector("[aria-hidden]")?.textContent };
      });
    const [i, w] = [await look(info), await look(warning)];
    expect(i.bg).not.toBe(w.bg);
    expect(i.border).not.toBe(w.border);
    expect([i.icon, w.icon]).toEqual(["i", "!"]);
    await page.getByTestId("items-0").locator("../..").screenshot({ path: "test-results/screenshots/glance-notes.png" });
  });

  test("dark-theme charts meet WCAG AA contrast (axis text, legend, lines)", async ({ page }) => {
    await fresh(page);
    await workload(page).getByLabel("Spot share (%)").fill("20");
    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(page.getByRole("button", { name: "Light theme" })).toBeVisible();
    // Each chart is drawn once it comes near the viewport (scrolled to, as a person reads down the page).
    for (const id of ["chart-breakdown", "chart-duty-cycle", "chart-spot"]) {
      await page.getByTestId(id).scrollIntoViewIfNeeded();
      await expect(page.getByTestId(id).locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
    }
    await page.getByTestId("chart-duty-cycle").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screenshots/glance-dark-charts.png", fullPage: true });
    await page.getByTestId("chart-duty-cycle").screenshot({ path: "test-results/screenshots/glance-dark-duty-cycle.png" });
    await page.getByTestId("chart-breakdown").screenshot({ path: "test-results/screenshots/glance-dark-breakdown.png" });
    const measured = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const ratio = (a: string, b: string) => {
        const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
        return Math.round(((x! + 0.05) / (y! + 0.05)) * 100) / 100;
      };
      const out: { chart: string; what: string; color: string; ratio: number; min: number }[] = [];
      for (const fig of document.querySelectorAll<HTMLElement>('[data-testid^="chart-"]')) {
        const bg = getComputedStyle(fig).backgroundColor;
        const chart = fig.dataset.testid!;
        const add = (what: string, color: string, min: number) => out.push({ chart, what, color, ratio: ratio(color, bg), min });
        fig.querySelectorAll(".recharts-cartesian-axis-tick-value").forEach((t, i) => i < 2 && add("axis text", getComputedStyle(t).fill, 4.5));
        fig.querySelectorAll(".recharts-label").forEach((t) => add("axis label", getComputedStyle(t).fill, 4.5));
        fig.querySelectorAll(".recharts-legend-item-text").forEach((t) => add("legend", getComputedStyle(t).color, 4.5));
        fig.querySelectorAll(".recharts-line-curve").forEach((t) => add("line", getComputedStyle(t).stroke, 3));
        fig.querySelectorAll(".recharts-cartesian-axis-line").forEach((t, i) => i < 1 && add("axis line", getComputedStyle(t).stroke, 3));
        fig.querySelectorAll(".recharts-bar-rectangle path").forEach((t, i) => i < 6 && add("bar", getComputedStyle(t).fill, 3));
      }
      return { dark: document.documentElement.classList.contains("dark"), out };
    });
    expect(measured.dark).toBe(true);
    const kinds = new Set(measured.out.map((m) => m.what));
    for (const k of ["axis text", "axis label", "legend", "line", "axis line", "bar"]) expect(kinds).toContain(k);
    expect(measured.out.filter((m) => m.ratio < m.min)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("looks right in light, dark and on a 390 px phone, and stays axe-clean", async ({ page }) => {
    await fresh(page);
    const card = workload(page);
    await card.getByLabel("Platform").selectOption("eks");
    await page.getByRole("button", { name: "+ Add workload" }).click();
    const batch = workload(page, 1);
    await batch.getByLabel("Operating system").selectOption("windows");
    await batch.getByLabel("Schedule").selectOption("batch");
    await batch.getByLabel("Duration unit").selectOption("minutes");
    await batch.getByLabel("Minutes per run").fill("2");
    await batch.getByLabel("Count runs per").selectOption("day");
    await batch.getByLabel("Runs per day").fill("10");
    await expect(batch.getByTestId("card-notes")).toContainText("Each 120-second run is billed as 300 s");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/screenshots/glance-inputs-light.png", fullPage: true });
    await page.screenshot({ path: "test-results/screenshots/glance-batch-card-light.png", clip: (await batch.boundingBox())! });
    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(page.getByRole("button", { name: "Light theme" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/screenshots/glance-inputs-dark.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // Charts follow the new width on their next resize observation: poll until the layout settles.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByRole("combobox", { name: "Region" }).fill("eu");
    await page.screenshot({ path: "test-results/screenshots/glance-inputs-390.png", fullPage: true });
    await batch.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screenshots/glance-batch-card-390.png", clip: (await batch.boundingBox())! });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
