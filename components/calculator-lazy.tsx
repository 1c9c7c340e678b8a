"use client";

import { lazy, memo, Suspense, useCallback, useState } from "react";
import { loadCalculator } from "@/components/calculator-code";
import type { RegionOption } from "@/components/scenario/region-picker";

interface Props {
  regions: RegionOption[];
  onReady: () => void;
}

/**
 * The calculator, loaded after the first paint. The server renders it in full (the page paints with the default
 * scenario's total); its code (editor, validation, engine, results) is a separate chunk that the browser fetches while
 * hydrating, not one the HTML asks for up front, so the first-load JavaScript is the framework and this shell
 * (e2e/performance.spec.ts). React.lazy, not next/dynamic: next/dynamic would preload the chunk from the HTML.
 */
const Calculator = lazy(() =>
  loadCalculator().then((m) => ({
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
