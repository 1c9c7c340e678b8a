/**
 * What the browser tests and the browser benchmark (scripts/bench-browser.ts) share: the scenarios they open, the
 * scripts a first load fetches, and the timed keystroke. Timing is measured here and reported by `npm run bench --
 * --browser`; the tests assert only what does not depend on how busy the machine is.
 */
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { parseScenario } from "@/lib/scenario/parse";
import { encodeScenario } from "@/lib/scenario/url";

/**
 * A share link's hash of a `count`-workload scenario (a mix of sizes, Spot shares and batch schedules), in the current
 * compact format (1,000 workloads: 32 KB; as plain base64 JSON they would pass the 100,000-character limit).
 */
export function scenarioLink(count: number): string {
  const workloads = Array.from({ length: count }, (_, i) => ({
    name: `svc-${i}`,
    vcpu: [0.25, 0.5, 1, 2, 4][i % 5],
    memoryGiB: [0.5, 1, 2, 4, 8][i % 5],
    tasks: 1 + (i % 7),
    ...(i % 3 === 0 ? { spotPercent: 30 } : {}),
    ...(i % 4 === 0 ? { schedule: { type: "batch", runsPerMonth: 500, secondsPerRun: 45 } } : {}),
  }));
  const parsed = parseScenario({ version: 1, name: `n${count}`, region: "us-east-1", workloads }, fargateCatalog);
  if (!parsed.ok) throw new Error(parsed.error[0]?.message);
  return encodeScenario(parsed.value);
}

/**
 * The biggest share link of the issue 19, item 9 kind: 7,490 identical workloads in under 100,000 characters (the
 * link limit), which the page refuses (MAX_PAGE_WORKLOADS); rendering them froze the page for 13.8 s.
 */
export function bigShareLink(count = 7_490): string {
  const workloads = Array.from({ length: count }, () => ({ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }));
  const parsed = parseScenario({ version: 1, name: `same${count}`, region: "us-east-1", workloads }, fargateCatalog);
  if (!parsed.ok) throw new Error(parsed.error[0]?.message);
  return encodeScenario(parsed.value);
}

/**
 * The scripts the HTML makes a current browser download: every `<script src>` except `noModule` ones (the legacy
 * polyfill, which module-capable browsers skip), plus `<link rel="preload"|"modulepreload" as="script">` hints.
 * Chunks imported later (the calculator's own code, fetched while the server-rendered page hydrates; the EC2 prices;
 * the charts) are not first load: they are counted apart as "after first paint".
 */
export function firstLoadScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const srcs = scripts.map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1]).filter((s): s is string => Boolean(s));
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\brel="(preload|modulepreload)"/.test(tag) && (/\bas="script"/.test(tag) || /\brel="modulepreload"/.test(tag)))
    .map((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1])
    .filter((s): s is string => Boolean(s));
  return [...new Set([...srcs, ...preloads])];
}

/** The gzipped size of `srcs` in KB (one decimal), each read by `body`: what a browser downloads over a compressing server. */
export async function gzippedKB(srcs: Iterable<string>, body: (src: string) => Promise<Uint8Array>): Promise<number> {
  let total = 0;
  for (const src of srcs) total += gzipSync(await body(src)).length;
  return Math.round((total / 1024) * 10) / 10;
}

/** A Pod with `n` labels (0.27 MB at 20,000): the manifest that froze the page when it was parsed on the main thread. */
export const podWithLabels = (n: number) =>
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  labels:\n" +
  Array.from({ length: n }, (_, i) => `    k${i}: v`).join("\n") +
  "\nspec:\n  containers:\n    - name: app\n      image: x\n      resources:\n        requests:\n          cpu: 500m\n          memory: 1Gi\n";

/**
 * Waits until `selector` matches in the page, checking every 250 ms with one querySelector. On a page of 500
 * workloads, Playwright's locator waits (expect(...).toBeAttached, locator.waitFor) check so often, each check a walk
 * of the whole DOM, that on a busy machine the page's own timers and React's scheduler starved behind them: the line
 * items stopped rendering while the test waited for them, and rendered seconds after it gave up.
 */
export async function waitForSelectorQuietly(page: Page, selector: string, timeoutMs = 120_000) {
  await page.waitForFunction((s) => document.querySelector(s) !== null, selector, { timeout: timeoutMs, polling: 250 });
}

/** Waits until the text of `selector` satisfies `test` (a regular expression source, or "!=" then a text it must leave). */
export async function waitForTextQuietly(page: Page, selector: string, want: { is?: string; isNot?: string; matches?: string }, timeoutMs = 120_000) {
  await page.waitForFunction(
    ({ selector, want }) => {
      const text = document.querySelector(selector)?.textContent ?? null;
      if (text === null) return false;
      if (want.is !== undefined && text !== want.is) return false;
      if (want.isNot !== undefined && text === want.isNot) return false;
      if (want.matches !== undefined && !new RegExp(want.matches).test(text)) return false;
      return true;
    },
    { selector, want },
    { timeout: timeoutMs, polling: 250 },
  );
}

/** Records the page's long tasks (PerformanceObserver "longtask": over 50 ms on the main thread) in `__longTasks`. */
export async function recordLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

/**
 * Opens a `count`-workload scenario (recordLongTasks first) and waits until it has settled: the form enabled, the
 * network idle (EC2 prices, Spot worker), every workload's line items rendered, and no long task for a second.
 * Generous waits: opening a big scenario on a busy machine takes a while, and it is not what is timed.
 */
export async function openSettled(page: Page, count: number, timeoutMs = 180_000) {
  await page.goto(`/#s=${scenarioLink(count)}`);
  await waitForSelectorQuietly(page, `[data-testid="workload-${count - 1}"]`, timeoutMs);
  await waitForSelectorQuietly(page, '[data-testid="calculator"][data-ready="true"]', timeoutMs);
  await page.waitForLoadState("networkidle", { timeout: timeoutMs });
  await waitForSelectorQuietly(page, `[data-testid="items-${count - 1}"]`, timeoutMs);
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      const last = w.__longTasks.at(-1);
      return performance.now() - (last ? last.start + last.duration : 0) > 1000;
    },
    null,
    { timeout: timeoutMs, polling: 250 },
  );
}

/**
 * Types into workload 0's Tasks field of a settled page (openSettled) and times each keystroke from the digit's keydown
 * to the moment the Fargate total's text changes; collects the long tasks that started within a second after each.
 */
export async function timeKeystrokes(page: Page, samples: number, longTaskWindowMs = 1000) {
  const input = page.getByTestId("workload-0").getByLabel("Tasks");
  const times: number[] = [];
  const longTasks: { afterMs: number; durationMs: number }[] = [];
  for (let i = 0; i < samples; i++) {
    await page.evaluate(() => {
      const w = window as unknown as { __start?: number; __end?: number; __obs?: MutationObserver };
      w.__start = undefined;
      w.__end = undefined;
      w.__obs?.disconnect();
      const input = document.querySelector('[data-testid="workload-0"] [data-testid="tasks"]')!;
      input.addEventListener("keydown", () => (w.__start ??= performance.now()), { capture: true, once: true });
      w.__obs = new MutationObserver(() => {
        if (w.__start !== undefined && w.__end === undefined) w.__end = performance.now();
      });
      w.__obs.observe(document.querySelector('[data-testid="fargate-total"]')!, { characterData: true, childList: true, subtree: true });
    });
    await input.focus();
    await input.press("End");
    await page.keyboard.press(i % 2 === 0 ? "5" : "Backspace");
    await page.waitForFunction(() => (window as unknown as { __end?: number }).__end !== undefined, null, { timeout: 60_000, polling: 50 });
    await page.waitForTimeout(longTaskWindowMs);
    const r = await page.evaluate((windowMs) => {
      const w = window as unknown as { __start: number; __end: number; __longTasks: { start: number; duration: number }[] };
      const long = w.__longTasks.filter((t) => t.start >= w.__start && t.start < w.__start + windowMs);
      return { ms: w.__end - w.__start, long: long.map((t) => ({ afterMs: t.start - w.__start, durationMs: t.duration })) };
    }, longTaskWindowMs);
    times.push(r.ms);
    longTasks.push(...r.long);
  }
  return { median: median(times), times, longTasks };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}

/**
 * Runs in the page: the worst gap between 10 ms timers while `selector` is in the page (a Web Worker's work leaves
 * the main thread free: its timers stay on time), for at most `maxMs`.
 */
export function worstTimerGap(page: Page, selector: string, maxMs: number): Promise<number> {
  return page.evaluate(
    async ({ selector, maxMs }) => {
      let worst = 0;
      let last = performance.now();
      const end = last + maxMs;
      while (performance.now() < end && document.querySelector(selector)) {
        await new Promise((r) => setTimeout(r, 10));
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
      }
      return worst;
    },
    { selector, maxMs },
  );
}
