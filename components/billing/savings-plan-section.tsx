"use client";

import { SavingsPlanChart } from "@/components/charts/savings-plan-chart";
import { Warnings } from "@/components/ui/warnings";
import { existingPlanSentence, savingsPlanChartData, type SavingsPlanReport } from "@/lib/billing";
import { formatUsd, formatUsdPerHour, plural } from "@/lib/core";

const pct = (p: string | null) => (p === null ? "n/a" : `${p}%`);
/** "2026-09-01T00:00:00Z" -> "2026-09-01 00:00". */
const when = (iso: string | null) => (iso ?? "").replace("T", " ").replace(/:00Z$/, "");

/**
 * "Savings Plan from your hours" in the bill panel: the plan the bill shows (coverage and utilization over Fargate),
 * then per term the hourly commitment that would have saved the most over the bill's hours, the curve of net savings
 * against commitment, and the method in words. lib/billing/savings-plan.ts computes all of it.
 */
export function SavingsPlanSection({ report }: { report: SavingsPlanReport }) {
  const chart = report.status === "ok" ? savingsPlanChartData(report) : null;
  const e = report.existing;
  return (
    <section aria-labelledby="bill-sp-heading" className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-700" data-testid="bill-savings-plan">
      <h3 id="bill-sp-heading" className="text-base font-semibold">
        Savings Plan from your hours
      </h3>
      {e ? (
        <p className="mt-1 text-sm" data-testid="bill-sp-existing">
          {existingPlanSentence(e)}{" "}
          {e.commitment === null
            ? "The bill does not show the plan's commitment, so its utilization is unknown."
            : `Its commitment of ${formatUsd(e.commitment)} over the period was ${pct(e.utilizationPercent)} used, ${pct(e.fargateSharePercent)} by Fargate.`}
        </p>
      ) : null}
      {report.status !== "ok" ? (
        <p className="mt-1 text-sm" data-testid="bill-sp-message">
          {report.message}
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm font-medium" data-testid="bill-sp-summary">
            {report.summary}
          </p>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {report.hours.toLocaleString("en-US")} {plural(report.hours, "hour")} ({report.hoursWithUsage.toLocaleString("en-US")} with Fargate usage) from{" "}
            {when(report.periodStart)} to {when(report.periodEnd)} UTC; {formatUsd(report.eligibleOnDemand)} of Fargate vCPU and memory at on-demand rates.
          </p>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="bill-sp-options">
            {report.options.map((o) => (
              <li key={o.term} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700" data-term={o.term}>
                <p className="font-semibold">{o.label}</p>
                <p className="mt-1 text-lg font-semibold tabular-nums" data-testid="bill-sp-commitment">
                  {/* A best commitment of zero is no commitment (the summary says why), never "$0.0000 an hour". */}
                  {Number(o.commitmentPerHour) === 0 ? (
                    "No commitment"
                  ) : (
                    <>
                      {formatUsdPerHour(o.commitmentPerHour)}
                      <span className="text-xs font-normal text-slate-600 dark:text-slate-400"> an hour</span>
                    </>
                  )}
                </p>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                  {o.upfront !== null && Number(o.commitmentPerHour) !== 0 ? (
                    <>
                      <dt className="text-slate-600 dark:text-slate-400">Paid upfront</dt>
                      <dd className="text-right tabular-nums">{formatUsd(o.upfront)}</dd>
                    </>
                  ) : null}
                  <dt className="text-slate-600 dark:text-slate-400">Net savings</dt>
                  <dd className="text-right tabular-nums">
                    {formatUsd(o.netSavings)} ({pct(o.savingsPercent)})
                  </dd>
                  <dt className="text-slate-600 dark:text-slate-400">Discount</dt>
                  <dd className="text-right tabular-nums">{pct(o.discountPercent)}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Utilization</dt>
                  <dd className="text-right tabular-nums">{pct(o.utilizationPercent)}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Break-even at</dt>
                  <dd className="text-right tabular-nums">{pct(o.breakEvenUtilizationPercent)} used</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Coverage</dt>
                  <dd className="text-right tabular-nums">{pct(o.coveragePercent)}</dd>
                </dl>
              </li>
            ))}
          </ul>
          {chart ? (
            <div className="mt-3">
              <SavingsPlanChart points={chart.points} recommended={chart.recommended} hours={report.hours} />
            </div>
          ) : null}
        </>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium">How this is worked out</summary>
        <ol className="mt-1 list-decimal space-y-1 pl-5 text-xs text-slate-700 dark:text-slate-300" data-testid="bill-sp-method">
          {report.method.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ol>
      </details>
      <Warnings items={report.notes} tone="info" />
    </section>
  );
}
