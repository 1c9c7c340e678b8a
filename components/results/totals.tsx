import { formatUsd } from "@/lib/core";
import type { ResultsView } from "@/lib/results";

export type TotalsView = ResultsView["totals"];

/**
 * "compute + beside compute" under a whole-bill total: on a phone too (issue 24 item 5), on two short lines there
 * ("$122.48 compute" / "+ $270.17 beside it"), on one from the sm breakpoint.
 */
function Split({ compute, beside, testId }: { compute: string | null; beside: string | null; testId: string }) {
  if (compute === null || beside === null) return null;
  return (
    <dd className="mt-0.5 text-xs leading-tight text-slate-600 dark:text-slate-400" data-testid={testId}>
      <span className="block sm:inline">{formatUsd(compute)} compute</span> <span className="block sm:inline">+ {formatUsd(beside)} beside it</span>
    </dd>
  );
}

/**
 * Where a cluster's split will be once it is priced: the same one or two lines, empty, so the summary keeps its height
 * when the figures arrive (a person may be typing: issue 24 item 7).
 */
function SplitPlaceholder() {
  return (
    <dd aria-hidden="true" className="invisible mt-0.5 text-xs leading-tight">
      <span className="block sm:inline">&nbsp;</span> <span className="block sm:inline">&nbsp;</span>
    </dd>
  );
}

/** A figure not priced yet (the EC2 and Managed Instances estimates come from a worker): said politely, in the figure's own line. */
function Pricing() {
  return (
    <span role="status" className="font-normal text-slate-600 dark:text-slate-400">
      pricing…
    </span>
  );
}

/** "Fargate is cheaper per month" ("per month" only where there is room). */
function CheaperText({ cheaper }: { cheaper: TotalsView["cheaper"] | TotalsView["managedInstancesCheaper"] }) {
  if (cheaper === "same") return <>Same cost</>;
  if (cheaper === null) return <>No EC2 comparison</>;
  return (
    <>
      {cheaper === "ec2" ? "EC2" : cheaper === "managed-instances" ? "Managed Instances" : "Fargate"} is cheaper
      <span className="hidden sm:inline"> per month</span>
    </>
  );
}

/** Which sides show beside Fargate (lib/store columns-store; default both). */
export interface Columns {
  managedInstances: boolean;
  ec2: boolean;
}

/**
 * The headline figures per month: Fargate, ECS Managed Instances, self-managed ECS on EC2 (each shown per `columns`)
 * and the difference (Fargate against EC2, or against Managed Instances when EC2 is hidden). `view` null: nothing to
 * show yet (a dash, never $0.00). `stale`: the figures are kept from before a change that has a problem.
 * Four figures sit in two rows on a phone, in one row from the sm breakpoint.
 */
export function Totals({
  view,
  whole,
  stale,
  columns = { managedInstances: true, ec2: true },
}: {
  view: TotalsView | null;
  whole?: ResultsView["whole"];
  stale?: boolean;
  columns?: Columns;
}) {
  const figure = `text-lg leading-tight font-bold tabular-nums sm:text-2xl ${stale ? "text-slate-600 dark:text-slate-400" : ""}`;
  // The EC2 and Managed Instances figures (and the difference) of the input before the latest edit, while its own are
  // computed: greyed (after a moment, so a quick update does not flicker) and busy, never shown as current.
  const updating = view?.updating === true;
  const cluster = `${figure} ${updating ? "text-slate-600 transition-colors delay-200 duration-200 dark:text-slate-400" : ""}`;
  const diffPricing = columns.ec2 ? view?.ec2Pricing : view?.managedInstancesPricing;
  const box = `rounded-md border px-2 py-1.5 sm:px-3 sm:py-2 ${stale ? "border-dashed border-slate-400 dark:border-slate-500" : "border-transparent"}`;
  return (
    <dl
      className={`grid gap-2 sm:gap-3 ${[columns.managedInstances, columns.ec2].filter(Boolean).length === 2 ? "grid-cols-2 sm:grid-cols-4" : "grid-cols-3"}`}
      data-testid="totals"
    >
      <div className={`${box} bg-sky-50 dark:bg-sky-950`}>
        <dt className="text-xs text-slate-700 sm:text-sm dark:text-slate-300">Fargate</dt>
        <dd className={figure} data-testid="fargate-total">
          {view ? formatUsd(view.fargate) : "—"}
        </dd>
        {view && whole ? <Split compute={whole.fargateCompute} beside={whole.fargateBeside} testId="fargate-split" /> : null}
      </div>
      {columns.managedInstances ? (
        <div className={`${box} bg-emerald-50 dark:bg-emerald-950`}>
          <dt className="text-xs text-slate-700 sm:text-sm dark:text-slate-300">ECS Managed Instances</dt>
          <dd className={cluster} data-testid="mi-total" aria-busy={updating || view?.managedInstancesPricing === true}>
            {view?.managedInstances == null ? view?.managedInstancesPricing ? <Pricing /> : "n/a" : formatUsd(view.managedInstances)}
          </dd>
          {view && whole && view.managedInstances !== null ? (
            <Split compute={whole.managedInstancesCompute} beside={whole.managedInstancesBeside} testId="mi-split" />
          ) : view?.managedInstancesPricing && whole ? (
            <SplitPlaceholder />
          ) : null}
          {view?.managedInstancesNote ? (
            <dd className="mt-0.5 line-clamp-2 text-xs text-slate-600 sm:line-clamp-none dark:text-slate-400" data-testid="mi-note">
              {view.managedInstancesNote}
            </dd>
          ) : null}
        </div>
      ) : null}
      {columns.ec2 ? (
        <div className={`${box} bg-amber-50 dark:bg-amber-950`}>
          <dt className="text-xs text-slate-700 sm:text-sm dark:text-slate-300">{columns.managedInstances ? "EC2 self-managed" : "ECS on EC2"}</dt>
          <dd className={cluster} data-testid="ec2-total" aria-busy={updating || view?.ec2Pricing === true}>
            {view?.ec2 == null ? view?.ec2Pricing ? <Pricing /> : "n/a" : formatUsd(view.ec2)}
          </dd>
          {view && whole && view.ec2 !== null ? (
            <Split compute={whole.ec2Compute} beside={whole.ec2Beside} testId="ec2-split" />
          ) : view?.ec2Pricing && whole ? (
            <SplitPlaceholder />
          ) : null}
          {view?.ec2Note ? <dd className="mt-0.5 line-clamp-2 text-xs text-slate-600 sm:line-clamp-none dark:text-slate-400">{view.ec2Note}</dd> : null}
        </div>
      ) : null}
      {columns.ec2 || columns.managedInstances ? (
        <div className={`${box} bg-slate-50 dark:bg-slate-800`}>
          <dt className="text-xs text-slate-700 sm:text-sm dark:text-slate-300">Difference{columns.ec2 ? "" : " (Managed Instances)"}</dt>
          <dd className={cluster} data-testid="difference" aria-busy={updating || diffPricing === true}>
            {(columns.ec2 ? view?.difference : view?.managedInstancesDifference) == null ? (
              diffPricing ? (
                <span className="font-normal text-slate-600 dark:text-slate-400">pricing…</span>
              ) : (
                "n/a"
              )
            ) : (
              formatUsd((columns.ec2 ? view!.difference! : view!.managedInstancesDifference!).replace(/^-/, ""))
            )}
          </dd>
          <dd className="mt-0.5 text-xs text-slate-600 dark:text-slate-400" data-testid="cheaper">
            {view ? diffPricing ? "Comparing…" : <CheaperText cheaper={columns.ec2 ? view.cheaper : view.managedInstancesCheaper} /> : "No estimate yet"}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
