import { expect, ready, test } from "./fixtures";

/**
 * Issue 24 item 1 ("a figure nobody meant") and item 7 (the EC2 and Managed Instances estimates in a Web Worker):
 * - the EC2 and Managed Instances figures are either the answer for the input on screen or, while it is on its way, the
 *   figures from before the edit (greyed, aria-busy): never the answer for a keystroke typed over since, even when that
 *   answer's render comes after the newer keystroke;
 * - the results column does not jump when those answers arrive: their cards have stand-ins in place, and what sits
 *   below them (the charts) comes after them.
 */

test.describe("EC2 and Managed Instances answers", () => {
  test('typing "12" over 3 tasks: the answer for "1", rendered after the "2", is never shown; then the one for 12', async ({ page }) => {
    // The cluster worker's answers are held while __hold is set (a test-only wrapper of Worker: the page's code is the
    // production one), and delivered when the test says: the order of events is then the same on every run.
    await page.addInitScript(() => {
      const w = window as unknown as { __hold: boolean; __held: (() => void)[]; __texts: string[] };
      w.__hold = false;
      w.__held = [];
      w.__texts = [];
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          let handler: ((e: MessageEvent) => void) | null = null;
          Object.defineProperty(this, "onmessage", { configurable: true, get: () => handler, set: (h: typeof handler) => (handler = h) });
          this.addEventListener("message", (e: MessageEvent) => {
            const result = (e.data as { result?: unknown } | null)?.result;
            const clusters = typeof result === "object" && result !== null && "wire" in result;
            const deliver = () => handler?.call(this, e);
            if (w.__hold && clusters) w.__held.push(deliver);
            else deliver();
          });
        }
      };
      // Every text the two cluster figures show.
      const look = () => {
        for (const id of ["ec2-total", "mi-total", "difference"]) {
          const t = `${id}: ${document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ""}`;
          if (!w.__texts.includes(t)) w.__texts.push(t);
        }
      };
      new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto("/");
    await ready(page);
    const [mi, ec2, fargate] = [page.getByTestId("mi-total"), page.getByTestId("ec2-total"), page.getByTestId("fargate-total")];
    // The default scenario: 3 tasks of 1 vCPU / 2 GiB, 3 x 36.0401 = 108.1203.
    await expect(fargate).toHaveText("$108.12");
    await expect(mi).toHaveText(/^\$/);
    await expect(mi).not.toHaveAttribute("aria-busy", "true");
    const before = { mi: await mi.textContent(), ec2: await ec2.textContent() };

    await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
    const tasks = page.getByTestId("workload-0").getByLabel("Tasks");
    await tasks.fill("1");
    // 1 x 36.0401
    await expect(fargate).toHaveText("$36.04");
    // The worker's answer for "1" is here (held).
    await expect.poll(() => page.evaluate(() => (window as unknown as { __held: unknown[] }).__held.length)).toBe(1);
    // In one task: the answer for "1" comes (latest request then: it is taken, its render scheduled), and before that
    // render the "2" is typed.
    await tasks.evaluate(async (input: HTMLInputElement) => {
      const w = window as unknown as { __held: (() => void)[] };
      w.__held.shift()!();
      // The answer's promise chain (microtasks) runs; React's render of it waits for a later task.
      for (let i = 0; i < 50; i++) await Promise.resolve();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, "12");
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    // 12 x 36.0401 = 432.4812
    await expect(fargate).toHaveText("$432.48");
    // The renders have run (two frames): the cards still show the figures from before the edit, greyed.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(300);
    await expect(mi).toHaveText(before.mi!);
    await expect(ec2).toHaveText(before.ec2!);
    await expect(mi).toHaveAttribute("aria-busy", "true");
    await expect(ec2).toHaveAttribute("aria-busy", "true");

    // The answer for 12 comes.
    await page.evaluate(() => {
      const w = window as unknown as { __hold: boolean; __held: (() => void)[] };
      w.__hold = false;
      for (const deliver of w.__held.splice(0)) deliver();
    });
    await expect(mi).not.toHaveAttribute("aria-busy", "true");
    await expect(mi).toHaveText("$509.97");
    await expect(ec2).toHaveText("$456.36");
    // Never the figures for one task (Managed Instances $65.36, EC2 $58.25) on the way.
    const texts = await page.evaluate(() => (window as unknown as { __texts: string[] }).__texts);
    expect(texts, texts.join(" | ")).not.toContain("mi-total: $65.36");
    expect(texts, texts.join(" | ")).not.toContain("ec2-total: $58.25");
    const allowed = { "mi-total": ["", "pricing…", before.mi, "$509.97"], "ec2-total": ["", "pricing…", before.ec2, "$456.36"] };
    for (const [id, shown] of Object.entries(allowed)) {
      const seen = texts.filter((t) => t.startsWith(`${id}: `)).map((t) => t.slice(id.length + 2));
      expect(
        seen.filter((t) => !shown.includes(t)),
        id,
      ).toEqual([]);
    }
  });
});

test.describe("the results column does not jump when the EC2 and Managed Instances answers arrive", () => {
  for (const [label, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["390 px phone", { width: 390, height: 844 }],
  ] as const) {
    test(`${label}: layout shifts without recent input, from load until every side is priced and 1 s after, sum under 0.1`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.addInitScript(() => {
        const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
        w.__shifts = [];
        type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Shift[]) {
            if (e.hadRecentInput) continue;
            const sources = (e.sources ?? []).map((s) => {
              const el = s.node instanceof Element ? s.node : null;
              return el ? `${el.tagName}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""} ${el.textContent?.slice(0, 40)}` : "?";
            });
            w.__shifts.push({ value: e.value, sources });
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto("/");
      await ready(page);
      await expect(page.getByTestId("ec2-total")).toHaveText(/^\$/);
      await expect(page.getByTestId("mi-total")).toHaveText(/^\$/);
      // The cards and the charts below them are in the page (the area measured).
      await expect(page.getByTestId("mi-results")).toBeAttached();
      await expect(page.getByTestId("ec2-results")).toBeAttached();
      await expect(page.getByText("Cost breakdown per workload").first()).toBeAttached();
      await page.waitForTimeout(1000);
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
      const sum = shifts.reduce((a, s) => a + s.value, 0);
      expect(sum, JSON.stringify(shifts, null, 1)).toBeLessThan(0.1);
      await page.screenshot({ path: test.info().outputPath(`settled-${viewport.width}.png`), fullPage: false });
    });
  }
});
