"use client";

import { useMemo, useState } from "react";
import { Totals } from "@/components/results/totals";
import { buttonClass } from "@/components/ui/fields";
import { fargateCatalog } from "@/lib/catalog";
import { formatUsd } from "@/lib/format";
import { comparisonSentence, matchPurchaseOptions, partTimeWorkloads, purchaseMatches } from "@/lib/results/compare";
import { formatUsdPerHour, glance, isComplete, periods, upfrontPayments, type Priced } from "@/lib/results/glance";
import type { ResultsView } from "@/lib/results/view";
import type { Draft, DraftEvaluation } from "@/lib/scenario/draft";
import { useScenarioStore } from "@/lib/store/scenario-store";

const smallButton = `${buttonClass} px-2 py-1 text-xs print:hidden`;

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

  const updateEc2 = useScenarioStore((s) => s.updateEc2);
  const updateWorkload = useScenarioStore((s) => s.updateWorkload);

  const shown = g.shown;
  const stale = g.state === "stale";
  // The like-for-like switches act on the scenario as it is: only offered when the figures are current.
  const live = g.state === "fresh" && shown ? shown : null;
  const like = useMemo(() => {
    if (!live) return null;
    const match = matchPurchaseOptions(live.scenario, live.view.estimate);
    return {
      sentence: comparisonSentence(live.scenario, live.view),
      match: match && live.view.ec2?.monthlyCost != null && !purchaseMatches(match, live.scenario.ec2) ? match : null,
      partTime: live.view.ec2?.monthlyCost != null ? partTimeWorkloads(live.scenario, live.view.estimate) : [],
      scaling: live.scenario.ec2.scaling,
    };
  }, [live]);

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
        {g.leftOutText || g.settingsProblems.length || g.spotFix ? (
          <div role="status" data-testid="summary-problems" className="mt-2 space-y-1 text-xs text-amber-900 sm:text-sm dark:text-amber-200">
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
              <p className="hidden text-slate-700 sm:block dark:text-slate-300">
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
            {g.state === "empty" ? <p className="text-slate-700 dark:text-slate-300">Fix the highlighted fields to see an estimate.</p> : null}
          </div>
        ) : null}
      </section>
      {like?.sentence || like?.match || like?.partTime.length ? (
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm" data-testid="comparison-row">
          {like.sentence ? (
            <p className="text-slate-800 dark:text-slate-200" data-testid="comparison">
              {like.sentence}
            </p>
          ) : null}
          {like.match ? (
            <button type="button" className={smallButton} data-testid="match-purchase" onClick={() => updateEc2({ spotPercent: like.match!.spotPercent, commitment: like.match!.commitment })}>
              Match purchase options on EC2
              {like.match.mixed ? " (weighted)" : ""}
            </button>
          ) : null}
          {like.partTime.length && like.scaling === "always-on" ? (
            <button type="button" className={smallButton} data-testid="follow-schedules" onClick={() => updateEc2({ scaling: "scale-with-tasks" })}>
              Let the cluster follow {like.partTime.length === 1 ? like.partTime[0] : "part-time work"}
            </button>
          ) : null}
          {like.partTime.length && like.scaling === "scale-with-tasks" ? (
            <button type="button" className={smallButton} onClick={() => updateEc2({ scaling: "always-on" })}>
              Keep the cluster up all month
            </button>
          ) : null}
        </div>
      ) : null}
      {shown ? <Periods shown={shown} /> : null}
    </>
  );
}

/** Per hour, per month, per year, and any upfront payment: one click away. */
function Periods({ shown }: { shown: Priced }) {
  const totals = shown.view.totals;
  const rows = useMemo(
    () => [
      { side: "Fargate", p: periods(totals.fargate) },
      ...(totals.ec2 !== null ? [{ side: "ECS on EC2", p: periods(totals.ec2) }] : []),
    ],
    [totals],
  );
  const upfront = useMemo(() => upfrontPayments(shown.view, shown.scenario), [shown]);
  return (
    <details className="mt-1 text-sm" data-testid="periods">
      <summary className="cursor-pointer text-slate-700 dark:text-slate-300">Per hour, per year{upfront.length ? ", upfront payment" : ""}</summary>
      <table className="mt-1 w-full max-w-xl text-sm">
        <caption className="sr-only">The totals per hour, month and year</caption>
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
            <th scope="col" className="pr-2 font-semibold">
              Side
            </th>
            <th scope="col" className="pr-2 text-right font-semibold">
              Per hour (average)
            </th>
            <th scope="col" className="pr-2 text-right font-semibold">
              Per month
            </th>
            <th scope="col" className="text-right font-semibold">
              Per year
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ side, p }) => (
            <tr key={side} className="border-t border-slate-100 dark:border-slate-800">
              <th scope="row" className="pr-2 text-left font-normal">
                {side}
              </th>
              <td className="pr-2 text-right tabular-nums">{formatUsdPerHour(p.perHour)}</td>
              <td className="pr-2 text-right tabular-nums">{formatUsd(p.perMonth)}</td>
              <td className="text-right tabular-nums">{formatUsd(p.perYear)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">A month is 730 hours and a year 12 months, as on the AWS Pricing Calculator.</p>
      {upfront.length ? (
        <ul className="mt-1 text-xs text-slate-700 dark:text-slate-300" data-testid="upfront">
          {upfront.map((u) => (
            <li key={u.label}>
              Paid upfront at purchase: {formatUsd(u.amount)} for the {u.label}; the monthly figures spread it over the term.
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">No upfront payment: everything is billed monthly.</p>
      )}
    </details>
  );
}
