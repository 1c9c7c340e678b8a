import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { extrasCatalog } from "@/lib/catalog/extras";
import { parseScenario } from "@/lib/scenario/parse";
import { encodeScenario } from "@/lib/scenario/url";
import { expect, ready, test } from "./fixtures";

/**
 * Issue 24 item 7: the ECS-on-EC2 and ECS Managed Instances estimates run in a Web Worker. Until they come back their
 * figures read "pricing…" in the space the figures take (never "n/a", never a line that comes and goes), so the summary
 * keeps its height under a person who is already typing; after an edit, the figures of before are marked as updating
 * until the new ones come, and what comes is the same as a fresh page computes for the scenario.
 */

/** Records, from the first paint, the totals' height and every text the EC2 and Managed Instances figures show. */
async function recordTotals(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __heights: string[]; __texts: string[]; __formY: number[] };
    w.__heights = [];
    w.__texts = [];
    w.__formY = [];
    const look = () => {
      // Where the first workload's fields sit on the page once the form is usable (a person may be typing there).
      const form = document.querySelector('[data-testid="calculator"][data-ready="true"] [data-testid="workload-0"]');
      if (form) {
        const y = Math.round(form.getBoundingClientRect().top + window.scrollY);
        if (w.__formY.at(-1) !== y) w.__formY.push(y);
      }
      const totals = document.querySelector('[data-testid="totals"]');
      if (!totals) return;
      // The height, with the Fargate figure of the moment (a link's scenario replaces the server's default one).
      const h = `${document.querySelector('[data-testid="fargate-total"]')?.textContent ?? ""} ${Math.round(totals.getBoundingClientRect().height)}`;
      if (w.__heights.at(-1) !== h) w.__heights.push(h);
      for (const id of ["ec2-total", "mi-total"]) {
        const t = `${id}: ${document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ""}`;
        if (!w.__texts.includes(t)) w.__texts.push(t);
      }
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const recorded = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __heights: string[]; __texts: string[]; __formY: number[] };
    return { __heights: w.__heights, __texts: w.__texts, __formY: w.__formY };
  });

/** A whole-bill scenario (an ECR registry beside two tasks): its totals carry a "compute + beside it" split. */
function wholeBillLink(): string {
  const p = parseScenario(
    {
      version: 2,
      name: "web",
      region: "us-east-1",
      workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }],
      services: { containerRegistry: { storedGiB: 10 } },
    },
    fargateCatalog,
    extrasCatalog,
  );
  if (!p.ok) throw new Error(p.error[0]?.message);
  return `/#s=${encodeScenario(p.value)}`;
}

test.describe("EC2 and Managed Instances priced in a worker", () => {
  test("the server's page reads pricing…, not n/a, where the two figures will be", async ({ request }) => {
    const html = await (await request.get("/")).text();
    for (const id of ["ec2-total", "mi-total"]) {
      const dd = new RegExp(`data-testid="${id}"[^>]*>(.*?)</dd>`).exec(html)?.[1] ?? "";
      expect(dd, id).toContain("pricing…");
      expect(dd, id).not.toContain("n/a");
    }
    expect(html).not.toContain("Loading EC2 prices");
  });

  for (const [label, viewport, path] of [
    ["desktop, compute only", { width: 1280, height: 900 }, "/"],
    ["390 px phone, whole bill", { width: 390, height: 844 }, "whole"],
  ] as const) {
    test(`${label}: the totals keep their height from the first paint until both sides are priced`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await recordTotals(page);
      await page.goto(path === "whole" ? wholeBillLink() : path);
      await ready(page);
      await expect(page.getByTestId("ec2-total")).toHaveText(/^\$/);
      await expect(page.getByTestId("mi-total")).toHaveText(/^\$/);
      if (path === "whole") await expect(page.getByTestId("ec2-split")).toBeVisible();
      const { __heights, __texts, __formY } = await recorded(page);
      // The form turns usable before the two figures come back (they are priced in a worker): from then on its fields
      // never move, whatever arrives above them.
      expect(__formY, __formY.join(", ")).toHaveLength(1);
      // Laid out (not 0), for the scenario shown at the end: one height from its first paint until both sides are priced.
      const fargate = await page.getByTestId("fargate-total").textContent();
      const heights = __heights.filter((h) => h.startsWith(`${fargate} `) && !h.endsWith(" 0"));
      expect(heights, __heights.join(", ")).toHaveLength(1);
      // Only "pricing…" and then a figure: never "n/a" or a $0.00 on the way.
      for (const t of __texts) expect(t).toMatch(/^(ec2|mi)-total: (pricing…|\$[1-9][\d,]*\.\d\d)$/);
      expect(__texts).toContain("ec2-total: pricing…");
    });
  }

  test("after an edit, the figures are the ones a fresh page computes for the new scenario; while they come they are marked busy", async ({
    page,
    browser,
  }) => {
    await page.goto("/");
    await ready(page);
    const ec2 = page.getByTestId("ec2-total");
    await expect(ec2).toHaveText(/^\$/);
    const before = await ec2.textContent();
    // A first visit's default is linked once the first load is done: the edit's link must be a new one, not that.
    await expect.poll(() => page.url()).toMatch(/#s=v\d\./);
    const defaultLink = page.url();
    await page.getByTestId("workload-0").getByLabel("Tasks").fill("40");
    // 40 x 36.0401 = 1,441.604
    await expect(page.getByTestId("fargate-total")).toHaveText("$1,441.60");
    await expect(ec2).not.toHaveText(before!);
    await expect(ec2).not.toHaveAttribute("aria-busy", "true");
    const [after, mi] = [await ec2.textContent(), await page.getByTestId("mi-total").textContent()];
    // The same scenario opened afresh from its link: priced from scratch, with no edit before.
    await expect.poll(() => page.url()).toMatch(/#s=v\d\./);
    await expect.poll(() => page.url()).not.toBe(defaultLink);
    const other = await browser.newPage();
    await other.goto(page.url());
    await ready(other);
    await expect(other.getByTestId("ec2-total")).toHaveText(after!);
    await expect(other.getByTestId("mi-total")).toHaveText(mi!);
    await other.close();
    const axe = await new AxeBuilder({ page }).include('[data-testid="summary"]').analyze();
    expect(axe.violations).toEqual([]);
  });
});
