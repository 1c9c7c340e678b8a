/**
 * The calculator's code (editor, validation, engine, results), loaded after the first paint and evaluated a step per
 * task (./calculator-steps.ts): once per page, whoever asks first. In the browser instrumentation-client.ts asks as the
 * page's scripts start, before hydration; components/calculator-lazy.tsx asks when hydration reaches the calculator,
 * which at 4× CPU throttling came about a second later (issue 24 item 7: the chunks' download, the steps and the
 * calculator's render all waited for it). The steps are tasks of their own, between hydration's.
 */

/** A new task: what follows runs after the browser has had a turn (input, paint). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function loadInSteps() {
  const m = await import("@/components/calculator-steps");
  for (const step of m.steps) {
    step();
    await nextTask();
  }
  return m.calculator();
}

let loading: ReturnType<typeof loadInSteps> | null = null;

/** The calculator's module, its code evaluated in steps; the same promise for every caller. */
export function loadCalculator(): ReturnType<typeof loadInSteps> {
  return (loading ??= loadInSteps());
}
