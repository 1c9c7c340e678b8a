"use client";

import { useMemo } from "react";
import { buttonClass } from "@/components/ui/fields";
import { formatUsd, formatUsdPerHour, HOURS_PER_MONTH, MONTHS_PER_YEAR } from "@/lib/core";
import { comparisonSentence, matchPurchaseOptions, partTimeWorkloads, periods, type Priced, purchaseMatches, threeWay, upfrontPayments } from "@/lib/results";
import { useColumnsStore, useScenarioStore } from "@/lib/store";

const smallButton = `${buttonClass} px-2 py-1 text-xs print:hidden`;

/**
 * Under the headline: one sentence on what is compared and why one side is cheaper, the like-for-like switches
 * (match purchase options, let the cluster follow part-time work), and the figures per hour, per year and upfront.
 * While the headline is out of date the switches stay in place but wait (the form must not move while typing).
 */
export function SummaryDetails({ shown, stale }: { shown: Priced | null; stale: boolean }) {
  const updateEc2 = useScenarioStore((s) => s.updateEc2);
  const columns = useColumnsStore();
  const like = useMemo(() => {
    if (!shown) return null;
    const hasEc2 = shown.view.ec2?.monthlyCost != null;
    const match = hasEc2 ? matchPurchaseOptions(shown.scenario, shown.view.estimate) : null;
    return {
      sentence: comparisonSentence(shown.scenario, shown.view),
      match: match && !purchaseMatches(match, shown.scenario.ec2) ? match : null,
      partTime: hasEc2 ? partTimeWorkloads(shown.scenario, shown.view.estimate) : [],
      scaling: shown.scenario.ec2.scaling,
      three: shown.view.ec2 && shown.view.managedInstances ? threeWay(shown.view.ec2, shown.view.managedInstances) : null,
    };
  }, [shown]);
  if (!shown || !like) return null;
  const wait = stale ? "Fix the highlighted fields first" : undefined;
  const followLabel = like.partTime.length === 1 ? like.partTime[0] : "part-time work";
  return (
    <>
      <p className="mt-2 hidden text-sm print:block" data-testid="print-scenario">
        <span className="font-semibold">{shown.scenario.name}</span> · {shown.view.estimate.catalog.regionName} ({shown.scenario.region}) ·{" "}
        {shown.scenario.workloads.length === 1 ? "1 workload" : `${shown.scenario.workloads.length} workloads`} · per year: Fargate{" "}
        {formatUsd(periods(shown.view.totals.fargate).perYear)}
        {shown.view.totals.ec2 !== null ? `, ECS on EC2 ${formatUsd(periods(shown.view.totals.ec2).perYear)}` : ""}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm" data-testid="comparison-row">
        {like.sentence ? (
          <p className="text-slate-800 dark:text-slate-200" data-testid="comparison">
            {like.sentence}
          </p>
        ) : (
          // Holds the line while the EC2 prices load, so nothing below moves when the sentence arrives.
          <p className="text-slate-600 dark:text-slate-400">
            {shown.view.ec2 ? "No like-for-like EC2 comparison for this scenario." : "Comparing with an ECS-on-EC2 cluster…"}
          </p>
        )}
        {like.match ? (
          <button
            type="button"
            className={smallButton}
            data-testid="match-purchase"
            disabled={stale}
            title={wait ?? `EC2: Spot for ${like.match.spotPercent}% of instance-hours, commitment ${like.match.commitment}`}
            onClick={() => updateEc2({ spotPercent: like.match!.spotPercent, commitment: like.match!.commitment })}
          >
            Match purchase options on EC2{like.match.mixed ? " (weighted)" : ""}
          </button>
        ) : null}
        {like.partTime.length && like.scaling === "always-on" ? (
          <button
            type="button"
            className={smallButton}
            data-testid="follow-schedules"
            disabled={stale}
            title={wait}
            onClick={() => updateEc2({ scaling: "scale-with-tasks" })}
          >
            Let the cluster follow {followLabel}
          </button>
        ) : null}
        {like.partTime.length && like.scaling === "scale-with-tasks" ? (
          <button type="button" className={smallButton} disabled={stale} title={wait} onClick={() => updateEc2({ scaling: "always-on" })}>
            Keep the cluster up all month
          </button>
        ) : null}
      </div>
      {like.three && (columns.managedInstances || columns.ec2) ? (
        <details className="mt-1 text-sm" data-testid="three-way">
          <summary className="cursor-pointer text-slate-700 dark:text-slate-300">What each side includes, and where they break even</summary>
          <ul className="mt-1 list-disc pl-5 text-slate-700 dark:text-slate-300">
            {like.three.includes
              .filter((_, i) => i === 0 || (i === 1 ? columns.managedInstances : columns.ec2))
              .map((t) => (
                <li key={t}>{t}</li>
              ))}
          </ul>
          <ul className="mt-1 list-disc pl-5 text-slate-700 dark:text-slate-300" data-testid="break-evens">
            {like.three.breakEvens
              .filter((_, i) => (i === 0 ? columns.managedInstances : i === 1 ? columns.ec2 : columns.managedInstances && columns.ec2))
              .map((t) => (
                <li key={t}>{t}</li>
              ))}
          </ul>
        </details>
      ) : columns.managedInstances || columns.ec2 ? (
        // Holds its line while the EC2 and Managed Instances prices load (as the sentence's does: both are there once
        // they have), so the form below does not move.
        <p className="mt-1 text-sm" aria-hidden="true">
          &nbsp;
        </p>
      ) : null}
      <fieldset className="mt-1 flex flex-wrap items-center gap-x-3 text-sm print:hidden" data-testid="columns">
        <legend className="float-left mr-2 text-slate-700 dark:text-slate-300">Compare Fargate with:</legend>
        <label className="inline-flex items-center gap-1">
          <input type="checkbox" checked={columns.managedInstances} onChange={(e) => columns.set({ managedInstances: e.target.checked })} />
          ECS Managed Instances
        </label>
        <label className="inline-flex items-center gap-1">
          <input type="checkbox" checked={columns.ec2} onChange={(e) => columns.set({ ec2: e.target.checked })} />
          EC2 self-managed
        </label>
      </fieldset>
      <Periods shown={shown} />
    </>
  );
}

/** Per hour, per month, per year, and any upfront payment: one click away. */
function Periods({ shown }: { shown: Priced }) {
  const totals = shown.view.totals;
  const rows = useMemo(
    () => [
      { side: "Fargate", p: periods(totals.fargate) },
      ...(totals.managedInstances !== null ? [{ side: "ECS Managed Instances", p: periods(totals.managedInstances) }] : []),
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
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        A month is {HOURS_PER_MONTH} hours and a year {MONTHS_PER_YEAR} months, as on the AWS Pricing Calculator.
      </p>
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
