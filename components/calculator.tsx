"use client";

import { SkipLinks } from "@/components/calculator/skip-links";
import dynamic from "next/dynamic";
import { memo, useCallback, useState } from "react";
import { CalculatorHeader } from "@/components/calculator/calculator-header";
import { NextSteps } from "@/components/calculator/next-steps";
import { NoticeBar } from "@/components/calculator/notice-bar";
import { useCsvExport } from "@/components/calculator/use-csv-export";
import { useEstimates } from "@/components/calculator/use-estimates";
import { useReadyWhenPriced } from "@/components/calculator/use-ready-when-priced";
import { useLazyCatalogs } from "@/components/calculator/use-lazy-catalogs";
import { useShareLink } from "@/components/calculator/use-share-link";
import { ResultsPanel } from "@/components/results/results-panel";
import { Summary } from "@/components/results/summary";
import { RightsizingPanel as RightsizingPanelView } from "@/components/rightsizing/rightsizing-panel";
import type { RegionOption } from "@/components/scenario/region-picker";
import { useScenarioPersistence } from "@/components/saved/use-scenario-persistence";
import { ScenarioEditor } from "@/components/scenario/scenario-editor";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { useScenarioStore } from "@/lib/store";
import { own } from "@/lib/core";

// The saved-scenarios list is folded at first: it loads after the page; until then its summary stands in (the list's
// place; what could not be stored, at the top, has no stand-in: it shows only when there is something to say).
const SavedScenarios = memo(
  dynamic(() => import("@/components/saved/saved-scenarios").then((m) => m.SavedScenarios), {
    ssr: false,
    loading: () => null,
  }),
);
const SavedList = memo(
  dynamic(() => import("@/components/saved/saved-scenarios").then((m) => m.SavedScenarios), {
    ssr: false,
    loading: () => (
      <details className="mb-4 rounded-lg border border-slate-200 bg-white px-4 py-2 shadow-sm print:hidden dark:border-slate-700 dark:bg-slate-900">
        <summary className="cursor-pointer text-sm font-semibold">Saved scenarios</summary>
      </details>
    ),
  }),
);

// The undo bar shows only after a destructive action: it loads after the page.
const UndoBar = memo(dynamic(() => import("@/components/saved/undo-bar").then((m) => m.UndoBar), { ssr: false }));

// The bill panel (and its worker, papaparse and hyparquet) loads after the page, outside the first-load budget, and
// only once the scenario is priced on every side: far below the first screen, its code (85 KB) and render would
// otherwise be main-thread work before the form is usable (issue 24 item 7). Until then its stand-in holds its place.
const billPlaceholder = () => <p className="mt-8 text-sm text-slate-600 dark:text-slate-400">Loading the bill reader…</p>;
const BillPanel = memo(dynamic(() => import("@/components/billing/bill-panel"), { ssr: false, loading: billPlaceholder }));

// The parts around the estimate are memoized (their props are stable while typing): a keystroke re-renders only
// what shows the draft and its figures.
const RightsizingPanel = memo(RightsizingPanelView);

/**
 * The page: header and actions, the next steps (a short navigation), the sticky summary, the editor beside the
 * results, then the next steps themselves: the bill reader, right-sizing and the saved scenarios. The calculator comes
 * first on the first screen (issue 24 item 4): nothing a newcomer has no use for yet sits above it. The estimates and their staging (useEstimates), the share link (useShareLink), the catalogs
 * that load after the page (useLazyCatalogs) and the CSV export (useCsvExport) are hooks in ./calculator/.
 */
export function Calculator({ regions, onLoaded }: { regions: RegionOption[]; onLoaded?: () => void }) {
  const draft = useScenarioStore((s) => s.draft);
  const [status, setStatus] = useState("");
  const { extrasCatalog } = useLazyCatalogs();
  // Priced on every side, and the results column below laid out in full (the cards and charts that come with the
  // figures would otherwise grow it under a person's first jump or keystroke). Until then the details are not
  // staged for idle time (useEstimates).
  const [detailsSettled, setDetailsSettled] = useState(false);
  const onDetailsSettled = useCallback(() => setDetailsSettled(true), []);
  const { evaluation, view, detailView, idleDetailView, idleScenario, spot } = useEstimates(draft, extrasCatalog, !detailsSettled);
  // Loading (share link, saved scenarios) and keeping the saved list in step: see the hook. The form is usable once
  // that is done and the scenario is priced on every side (useReadyWhenPriced).
  const priced = !view || (!view.totals.ec2Pricing && !view.totals.managedInstancesPricing && detailsSettled);
  const readyOnLoaded = useReadyWhenPriced(onLoaded, priced);
  // The first load done (a state, not only the persistence's ref): the share link and the saved entry follow the
  // scenario from then on, the one on screen too (useShareLink).
  const [firstLoadDone, setFirstLoadDone] = useState(false);
  const onFirstLoad = useCallback(() => {
    setFirstLoadDone(true);
    readyOnLoaded();
  }, [readyOnLoaded]);
  const persistence = useScenarioPersistence(onFirstLoad);
  // The bill panel, once first priced, stays (it holds a bill being read or compared).
  const [billShown, setBillShown] = useState(false);
  if (priced && !billShown) setBillShown(true);
  const { shareable, copyLink } = useShareLink(draft, evaluation, persistence, setStatus, firstLoadDone);
  const exportCsv = useCsvExport(view, evaluation.priced, setStatus);
  const regionHasSpot = Boolean(own(fargateCatalog.regions, draft.region ?? "")?.spot);

  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <SkipLinks />
      <CalculatorHeader
        shareable={shareable}
        canExport={Boolean(view) && evaluation.complete}
        complete={evaluation.complete}
        onCopyLink={copyLink}
        onExportCsv={exportCsv}
      />
      <NextSteps />
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-700 dark:text-slate-300" data-testid="status">
        {status}
      </p>
      <NoticeBar />
      <SavedScenarios onOpen={persistence.open} onNew={persistence.startNew} part="problems" />
      <UndoBar />
      <main>
        {/* The summary stays in view (sticky) while the scenario and its results scroll beneath it. */}
        <div>
          <Summary view={view} evaluation={evaluation} draft={draft} />
          <div className="mt-4 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] print:block">
            <ScenarioEditor draft={draft} evaluation={evaluation} regions={regions} regionHasSpot={regionHasSpot} extras={extrasCatalog} />
            {view ? (
              <ResultsPanel
                detailView={idleDetailView ?? detailView ?? view}
                spot={spot}
                excluded={evaluation.excluded.map((i) => draft.workloads[i]?.name || `#${i + 1}`)}
                onSettled={onDetailsSettled}
              />
            ) : (
              <p
                role="alert"
                className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200"
              >
                {evaluation.scenarioProblems.map((p) => p.message).join(" ") || "Fix the scenario to see an estimate."}
              </p>
            )}
          </div>
        </div>
        {billShown ? <BillPanel scenario={idleScenario ?? null} onOpenNew={persistence.openAsNew} /> : billPlaceholder()}
        <div className="mt-8">
          <RightsizingPanel region={evaluation.priced?.region ?? draft.region ?? "us-east-1"} />
          <SavedList onOpen={persistence.open} onNew={persistence.startNew} part="list" />
        </div>
      </main>
    </div>
  );
}
