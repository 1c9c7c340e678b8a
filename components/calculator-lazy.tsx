"use client";

import { lazy, memo, Suspense, useCallback, useState } from "react";
import type { RegionOption } from "@/components/scenario/region-picker";

interface Props {
  regions: RegionOption[];
  onReady: () => void;
}

/** A new task: what follows runs after the browser has had a turn (input, paint). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The calculator's code, evaluated in steps, each in a task of its own: zod and the price catalog's schemas, the
 * scenario's schemas and checks, the engine, the results and stores, then the components. Evaluated in one go, its
 * modules were one task of 360–670 ms at 4× CPU throttling (issue 24 item 7); a module evaluates once, so each step
 * evaluates only what the steps before it did not. Each step fetches its own chunks when it starts (a few more round
 * trips before the form is ready, in exchange for no long task).
 */
async function loadInSteps() {
  await import("@/lib/catalog");
  await nextTask();
  await import("@/lib/scenario");
  await nextTask();
  await import("@/lib/pricing");
  await nextTask();
  await Promise.all([import("@/lib/results"), import("@/lib/store")]);
  await nextTask();
  return import("@/components/calculator");
}

/**
 * The calculator, loaded after the first paint. The server renders it in full (the page paints with the default
 * scenario's total); its code (editor, validation, engine, results) is a separate chunk that the browser fetches while
 * hydrating, not one the HTML asks for up front, so the first-load JavaScript is the framework and this shell
 * (e2e/performance.spec.ts). React.lazy, not next/dynamic: next/dynamic would preload the chunk from the HTML.
 */
const Calculator = lazy(() =>
  loadInSteps().then((m) => ({
    // Memo: the shell's re-render when it turns ready must not re-render the calculator.
    // Ready once the first load is done (the saved scenarios, then the address bar's link): what is typed before
    // then would be replaced by what that load opens.
    default: memo(function HydratedCalculator({ regions, onReady }: Props) {
      return <m.Calculator regions={regions} onLoaded={onReady} />;
    }),
  })),
);

export function LazyCalculator({ regions }: { regions: RegionOption[] }) {
  // Until the calculator's code has run and opened the scenario, its server-rendered form is disabled: what is typed
  // before then would be lost.
  const [ready, setReady] = useState(false);
  const onReady = useCallback(() => setReady(true), []);
  return (
    <fieldset disabled={!ready} aria-busy={!ready} className="m-0 min-w-0 border-0 p-0" data-testid="calculator" data-ready={ready ? "true" : undefined}>
      <Suspense fallback={<p className="mx-auto max-w-7xl px-4 py-6 text-sm text-slate-600 dark:text-slate-400">Loading the calculator…</p>}>
        <Calculator regions={regions} onReady={onReady} />
      </Suspense>
    </fieldset>
  );
}
