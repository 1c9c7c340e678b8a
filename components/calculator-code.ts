/**
 * The calculator's code (editor, validation, engine, results), loaded after the first paint and evaluated a step per
 * task (./calculator-steps.ts): once per page, whoever asks first. In the browser instrumentation-client.ts asks as the
 * page's scripts start, before hydration; components/calculator-lazy.tsx asks when hydration reaches the calculator,
 * which at 4× CPU throttling came about a second later (issue 24 item 7: the chunks' download, the steps and the
 * calculator's render all waited for it). The steps are tasks of their own, between hydration's.
 */

/** A new task: what follows runs after the browser has had a turn (input, paint). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs `fn`, in the browser as a User Timing measure named `name` (a performance trace shows each step's cost). */
function timed<T>(name: string, fn: () => T): T {
  const start = typeof performance === "undefined" ? 0 : performance.now();
  const out = fn();
  if (typeof window !== "undefined") performance.measure(name, { start });
  return out;
}

async function loadInSteps() {
  const m = await import("@/components/calculator-steps");
  // Each step in a task of its own, the first too (not in the task whose script resolved the import).
  for (const [i, step] of m.steps.entries()) {
    await nextTask();
    timed(`calculator step ${i + 1}`, step);
  }
  return timed("calculator components", m.calculator);
}

let loading: ReturnType<typeof loadInSteps> | null = null;

/** The calculator's module, its code evaluated in steps; the same promise for every caller. */
export function loadCalculator(): ReturnType<typeof loadInSteps> {
  return (loading ??= loadInSteps());
}
