import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, openFresh, ready, test } from "./fixtures";

const exportCsv = path.join(__dirname, "..", "lib", "rightsizing", "__fixtures__", "ecs-export.csv");

/** 48 hourly samples: CPU 10..19 %, memory 30..34 % of the current size. */
function utilizationCsv(): string {
  const rows = ["timestamp,cpu_percent,memory_percent"];
  for (let i = 0; i < 48; i++) rows.push(`2025-06-0${1 + Math.floor(i / 24)}T${String(i % 24).padStart(2, "0")}:00:00Z,${10 + (i % 10)},${30 + (i % 5)}`);
  return `${rows.join("\n")}\n`;
}

test.describe("right-sizing panel", () => {
  test.beforeEach(async ({ page }) => {
    await openFresh(page);
    // The panel sits above the workloads, folded until used.
    await page.getByTestId("rightsizing").locator("summary").click();
  });

  test("reads a Compute Optimizer export and prices both sizes with our engine", async ({ page }) => {
    await page.getByTestId("co-export-file").setInputFiles(exportCsv);
    const table = page.getByTestId("rightsizing-table");
    await expect(table).toContainText("3 services from ecs-export.csv");
    const orders = table.getByRole("row", { name: /orders-api/ });
    await expect(orders).toContainText("Overprovisioned");
    await expect(orders).toContainText("1 vCPU / 4 GiB → 0.5 vCPU / 2 GiB");
    // per task: 730 x (0.04048 + 4 x 0.004445) = 42.5298 -> 730 x (0.02024 + 2 x 0.004445) = 21.2649; saving 21.2649
    // Compute Optimizer's own estimate from the export: 63.8 = 3.0002 x 21.2649 -> 3 tasks; per service (3 tasks):
    // 127.5894 -> $127.59 and 63.7947 -> $63.79; saving as shown 127.59 - 63.79 = 63.80
    await expect(orders).toContainText("per task $42.53 → $21.26");
    await expect(orders).toContainText("$127.59 → $63.79");
    await expect(orders.getByLabel("Tasks for orders-api")).toHaveValue("3");
    await expect(page.getByTestId("saving-0")).toHaveText("$63.80 / $63.80");
    await page.getByTestId("rightsizing").screenshot({ path: "test-results/screenshots/rightsizing-1280.png" });
    const axe = await new AxeBuilder({ page }).include('[data-testid="rightsizing"]').analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await orders.getByRole("button", { name: /Add to scenario: orders-api/ }).click();
    await expect(page.getByTestId("workload-1").getByLabel("Name")).toHaveValue("orders-api (right-sized)");
    await expect(page.getByTestId("workload-1").getByLabel("Tasks")).toHaveValue("3");
    // 108.1203 + 3 x 21.2649 = 108.1203 + 63.7947 = 171.915 -> $171.92
    await expect(page.getByTestId("fargate-total")).toHaveText("$171.92");
  });

  test("recommends from uploaded utilization (p99 + 20% headroom)", async ({ page }) => {
    await page.getByTestId("utilization-file").setInputFiles({ name: "checkout.csv", mimeType: "text/csv", buffer: Buffer.from(utilizationCsv()) });
    const row = page.getByTestId("rightsizing-table").getByRole("row", { name: /checkout/ });
    // p99 of 48 samples (nearest rank 48) = the peaks: CPU 19% of 1 vCPU = 0.19 x 1.2 = 0.228 -> 0.25 vCPU;
    // memory 34% of 4 GiB = 1.36 x 1.2 = 1.632 GiB -> 2 GiB (0.25 vCPU takes 0.5, 1, 2)
    await expect(row).toContainText("1 vCPU / 4 GiB → 0.25 vCPU / 2 GiB");
    // 42.5298 - 730 x (0.01012 + 0.00889) = 42.5298 - 13.8773 = 28.6525
    await expect(page.getByTestId("saving-0")).toHaveText("$28.65 / –");
    await expect(row).toContainText("Low");
  });

  test("a malformed file names the line and changes nothing", async ({ page }) => {
    await page.getByTestId("co-export-file").setInputFiles(exportCsv);
    await expect(page.getByTestId("rightsizing-table")).toContainText("3 services");
    const bad = utilizationCsv().replace("2025-06-01T03:00:00Z,13,33", "2025-06-01T03:00:00Z,abc,33");
    await page.getByTestId("utilization-file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await expect(page.getByTestId("rightsizing-error")).toContainText("bad.csv: line 5");
    await expect(page.getByTestId("rightsizing-table")).toContainText("3 services from ecs-export.csv");
    await expect(page.getByTestId("fargate-total")).toHaveText("$108.12");
    await ready(page);
  });

  test("without AWS credentials, Compute Optimizer says so clearly", async ({ page }) => {
    await page.getByRole("button", { name: "Load recommendations" }).click();
    await expect(page.getByTestId("rightsizing-error")).toContainText(/credentials/i);
    await expect(page.getByTestId("rightsizing-error")).not.toContainText(/ at .*\.js/);
  });
});

test("a panel unfolded before the page's code has run still shows its body (right-sizing, networking and shared services)", async ({ page }) => {
  // Open both <details> the moment the server's HTML has them, before React hydrates (a quick click on a slow
  // connection): the browser toggles them natively and React never hears it.
  await page.addInitScript(() => {
    const openEarly = () => {
      for (const id of ["rightsizing", "services-section"]) {
        const d = document.querySelector(`details[data-testid="${id}"]`) as HTMLDetailsElement | null;
        if (d && !d.open && !d.dataset.openedEarly) {
          d.open = true;
          d.dataset.openedEarly = "yes";
        }
      }
    };
    new MutationObserver(openEarly).observe(document, { childList: true, subtree: true });
  });
  await page.goto("/");
  await expect(page.getByTestId("calculator")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("rightsizing")).toHaveAttribute("open", "");
  await expect(page.getByTestId("co-export-file")).toBeAttached();
  await expect(page.getByTestId("services-section").getByTestId("nat-count")).toBeVisible();
});
