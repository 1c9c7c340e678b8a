"use client";

import { useMemo, useState } from "react";
import { Totals } from "@/components/results/totals";
import { buttonClass } from "@/components/ui/fields";
import dynamic from "next/dynamic";
import { fargateCatalog } from "@/lib/catalog";
import { formatUsd } from "@/lib/format";
import { glance, isComplete, periods, type Priced } from "@/lib/results/glance";
import type { ResultsView } from "@/lib/results/view";
import type { Draft, DraftEvaluation } from "@/lib/scenario/draft";
import { useScenarioStore } from "@/lib/store/scenario-store";

const smallButton = `${buttonClass} px-2 py-1 text-xs print:hidden`;

// The sentence, the like-for-like switches and the per-period figures need the EC2 prices, which load after the
// page: so does their code (first-load budget).
const SummaryDetails = dynamic(() => import("@/components/results/summary-details").then((m) => m.SummaryDetails), {
  ssr: false,
  // The same height as the sentence line and the "Per hour, per year" line it stands in for.
  loading: () => (
    <div aria-hidden="true" className="text-sm">
      <p className="mt-2">&nbsp;</p>
      <p className="mt-1">&nbsp;</p>
    </div>
  ),
});

/**
 * The answer at a glance: Fargate, EC2 and the difference per month, kept in view while editing (sticky at the
 * top, on a phone too). While a field has a problem it keeps the last complete estimate, marked out of date, and
 * says what is left out; below it, one sentence on what is compared and the like-for-like switches.
 */
export function Summary({ view, evaluation, draft }: { view: ResultsView | null; evaluation: DraftEvaluation; draft: Draft }) {
  const current = useMemo<Priced | null>(() => (view && evaluation.priced ? { view, scenario: evaluation.priced } : null), [view, evaluation]);
  // The last estimate made with no problem in the draft (set during render: React's "store information from previous renders").
  const [last, setLast] = useState<Priced | null>(null);
  if (current && current !== last && isComplete(evaluation)) setLast(current);
  const g = useMemo(() => glance(current, last, evaluation, draft, fargateCatalog), [current, last, evaluation, draft]);

  const updateWorkload = useScenarioStore((s) => s.updateWorkload);

  const shown = g.shown;
  const stale = g.state === "stale";

  return (
    <>
      <section
        aria-labelledby="totals-heading"
        data-testid="summary"
        data-state={g.state}
        className="sticky top-0 z-20 -mx-4 border-b border-slate-200 bg-white px-4 py-2 shadow-sm dark:border-slate-700 dark:bg-slate-950 print:static print:mx-0 print:border-0 print:px-0 print:shadow-none"
      >
        {shown ? (
          <p className="mb-1 hidden text-sm print:block" data-testid="print-scenario">
            <span className="font-semibold">{shown.scenario.name}</span> · {shown.view.estimate.catalog.regionName} ({shown.scenario.region}) ·{" "}
            {shown.scenario.workloads.length === 1 ? "1 workload" : `${shown.scenario.workloads.length} workloads`} · per year: Fargate {formatUsd(periods(shown.view.totals.fargate).perYear)}
            {shown.view.totals.ec2 !== null ? `, ECS on EC2 ${formatUsd(periods(shown.view.totals.ec2).perYear)}` : ""}
          </p>
        ) : null}
        <div className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1">
          <h2 id="totals-heading" className="text-sm font-semibold sm:text-base">
            Monthly cost{shown?.view.whole ? " (the whole bill)" : ""}
          </h2>
          {stale ? (
            <span data-testid="out-of-date" className="rounded-full border border-amber-400 bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-200">
              Out of date
            </span>
          ) : null}
          {g.state === "partial" ? (
            <span className="rounded-full border border-amber-400 bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-200">Partial</span>
          ) : null}
        </div>
        <Totals view={shown?.view.totals ?? null} whole={shown?.view.whole} stale={stale} />
        {/* Laid over the page just under the bar, so the form never moves while the user types (the bar keeps its
            height). The live region is always there, so what appears in it is announced. */}
        <div role="status" data-testid="summary-problems" className="absolute inset-x-0 top-full print:static">
          {g.leftOutText || g.settingsProblems.length || g.spotFix ? (
            <div className="space-y-1 border-b border-amber-300 bg-amber-50 px-4 py-1.5 text-xs text-amber-900 shadow-sm sm:text-sm dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200 print:border-0 print:bg-transparent print:px-0 print:shadow-none">
              {g.spotFix ? (
                <p className="flex flex-wrap items-center gap-2" data-testid="spot-fix">
                  <span>{g.spotFix.text}</span>
                  <button type="button" className={smallButton} onClick={() => g.spotFix!.indices.forEach((i) => updateWorkload(i, { spotPercent: 0 }))}>
                    Set Spot share to 0 for {g.spotFix.names.join(", ")}
                  </button>
                </p>
              ) : null}
              {g.leftOutText ? <p data-testid="left-out">{g.leftOutText}</p> : null}
              {g.settingsProblems.map((m) => (
                <p key={m}>{m}</p>
              ))}
              {stale ? (
                <p className="hidden text-slate-800 sm:block dark:text-slate-200">
                  The figures above are the last complete estimate, from before the change.
                  {g.without ? (
                    <span data-testid="without">
                      {" "}
                      Without {g.leftOut.length === 1 ? "it" : "them"}: Fargate {formatUsd(g.without.fargate)}
                      {g.without.ec2 !== null ? `, EC2 ${formatUsd(g.without.ec2)}` : ""}.
                    </span>
                  ) : null}
                </p>
              ) : null}
              {g.state === "empty" ? <p className="text-slate-800 dark:text-slate-200">Fix the highlighted fields to see an estimate.</p> : null}
            </div>
          ) : null}
        </div>
      </section>
      <SummaryDetails shown={shown} stale={g.state !== "fresh"} />
    </>
  );
}
