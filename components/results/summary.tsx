"use client";

import { useMemo, useState } from "react";
import { Totals } from "@/components/results/totals";
import { useTextEdit } from "@/components/ui/use-text-edit";
import { goTo, PLACES } from "@/components/calculator/go-to";
import dynamic from "next/dynamic";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { glance, isComplete, isReplacement, type Priced, type ResultsView } from "@/lib/results";
import { useColumnsStore, useScenarioStore } from "@/lib/store";
import type { Draft, DraftEvaluation } from "@/lib/scenario";

// The sentence, the like-for-like switches and the per-period figures need the EC2 prices, which load after the
// page: so does their code (first-load budget).
const SummaryDetails = dynamic(() => import("@/components/results/summary-details").then((m) => m.SummaryDetails), {
  ssr: false,
  // The same height as the lines it stands in for while the EC2 prices load: the sentence, "What each side includes"
  // (its line held until then), "Compare Fargate with" and "Per hour, per year" (a form that is ready must not move).
  loading: () => (
    <div aria-hidden="true" className="text-sm">
      <p className="mt-2">&nbsp;</p>
      <p className="mt-1">&nbsp;</p>
      <p className="mt-1">&nbsp;</p>
      <p className="mt-1">&nbsp;</p>
    </div>
  ),
});

// What is wrong and what the headline shows instead: needed only once a field has a problem, loaded after the page.
const SummaryProblems = dynamic(() => import("@/components/results/summary-problems").then((m) => m.SummaryProblems), { ssr: false });

/**
 * The answer at a glance: Fargate, EC2 and the difference per month, kept in view while editing (sticky at the
 * top, on a phone too). While a field has a problem it keeps the last complete estimate, marked out of date, and
 * says what is left out; below it, one sentence on what is compared and the like-for-like switches.
 */
export function Summary({ view, evaluation, draft }: { view: ResultsView | null; evaluation: DraftEvaluation; draft: Draft }) {
  const current = useMemo<Priced | null>(() => (view && evaluation.priced ? { view, scenario: evaluation.priced } : null), [view, evaluation]);
  // The last estimate made with no problem in the draft (set during render: React's "store information from previous renders").
  const [last, setLast] = useState<Priced | null>(null);
  // A scenario opened in place of this one (link, stored draft, import) starts without a "last" estimate.
  const keys = useScenarioStore((s) => s.keys);
  const [seenKeys, setSeenKeys] = useState(keys);
  let kept = last;
  if (keys !== seenKeys) {
    setSeenKeys(keys);
    if (isReplacement(seenKeys, keys)) kept = null;
  }
  // Keystrokes in one field are one edit: a complete value passed on the way ("1" of "1,000", "1e3" of "1e309") is
  // nobody's estimate. While a text field has focus, the last complete estimate stays the one from before its edit
  // began; it follows the draft again when the edit ends (focus leaves or moves to another field).
  const edit = useTextEdit();
  const [seenEdit, setSeenEdit] = useState(edit);
  if (current && isComplete(evaluation) && (edit !== seenEdit || edit.field === null || kept === null)) kept = current;
  if (edit !== seenEdit) setSeenEdit(edit);
  if (kept !== last) setLast(kept);
  const g = useMemo(() => glance(current, kept, evaluation, draft, fargateCatalog), [current, kept, evaluation, draft]);

  const shown = g.shown;
  const showMi = useColumnsStore((s) => s.managedInstances);
  const showEc2 = useColumnsStore((s) => s.ec2);
  const columns = useMemo(() => ({ managedInstances: showMi, ec2: showEc2 }), [showMi, showEc2]);
  const stale = g.state === "stale";

  return (
    <>
      <section
        aria-labelledby="totals-heading"
        data-testid="summary"
        data-state={g.state}
        className="sticky top-0 z-20 -mx-4 border-b border-slate-200 bg-white px-4 py-2 shadow-sm dark:border-slate-700 dark:bg-slate-950 print:static print:mx-0 print:border-0 print:px-0 print:shadow-none"
      >
        <div className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1">
          <h2 id="totals-heading" className="text-sm font-semibold sm:text-base">
            Monthly cost{shown?.view.whole ? " (the whole bill)" : shown ? <span data-testid="compute-only">, compute only</span> : ""}
          </h2>
          {shown && !shown.view.whole ? (
            // The estimate is the tasks alone until services are added: say so, and lead there in one click.
            <button
              type="button"
              data-testid="add-services"
              className="inline-flex min-h-6 items-center rounded text-xs text-sky-800 underline decoration-sky-800/40 underline-offset-2 hover:decoration-sky-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 sm:text-sm print:hidden dark:text-sky-300 dark:decoration-sky-300/40"
              onClick={() => goTo(PLACES.services, { open: true })}
            >
              add load balancers, NAT, logs…
            </button>
          ) : null}
          {stale ? (
            <span
              data-testid="out-of-date"
              className="rounded-full border border-amber-400 bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-200"
            >
              Out of date
            </span>
          ) : null}
          {g.state === "partial" ? (
            <span className="rounded-full border border-amber-400 bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-200">
              Partial
            </span>
          ) : null}
        </div>
        <Totals view={shown?.view.totals ?? null} whole={shown?.view.whole} stale={stale} columns={columns} />
        {/* Laid over the page just under the bar, so the form never moves while the user types (the bar keeps its
            height). The live region is always there (once loaded, right after the page), so what appears in it is announced. */}
        <SummaryProblems g={g} />
      </section>
      <SummaryDetails shown={shown} stale={g.state !== "fresh"} />
    </>
  );
}
