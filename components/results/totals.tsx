import { formatUsd } from "@/lib/core";
import type { ResultsView } from "@/lib/results";

export type TotalsView = ResultsView["totals"];

/** "compute + beside compute" under a whole-bill total. */
function Split({ compute, beside, testId }: { compute: string | null; beside: string | null; testId: string }) {
  if (compute === null || beside === null) return null;
  return (
    <dd className="mt-0.5 hidden text-xs text-slate-600 sm:block dark:text-slate-400" data-testid={testId}>
      {formatUsd(compute)} compute + {formatUsd(beside)} beside it
    </dd>
  );
}

/** "Fargate is cheaper per month" ("per month" only where there is room). */
function CheaperText({ cheaper }: { cheaper: TotalsView["cheaper"] }) {
  if (cheaper === "same") return <>Same cost</>;
  if (cheaper === null) return <>No EC2 comparison</>;
  return (
    <>
      {cheaper === "ec2" ? "EC2" : "Fargate"} is cheaper<span className="hidden sm:inline"> per month</span>
    </>
  );
}

/**
 * The three headline figures (Fargate, ECS on EC2, the difference), per month. `view` null: nothing to show yet
 * (a dash, never $0.00). `stale`: the figures are kept from before a change that has a problem.
 */
export function Totals({ view, whole, stale }: { view: TotalsView | null; whole?: ResultsView["whole"]; stale?: boolean }) {
  const figure = `text-lg leading-tight font-bold tabular-nums sm:text-2xl ${stale ? "text-slate-600 dark:text-slate-400" : ""}`;
  const box = `rounded-md border px-2 py-1.5 sm:px-3 sm:py-2 ${stale ? "border-dashed border-slate-400 dark:border-slate-500" : "border-transparent"}`;
  return (
    <dl className="grid grid-cols-3 gap-2 sm:gap-3" data-testid="totals">
      <div className={`${box} bg-sky-50 dark:bg-sky-950`}>
        <dt className="text-xs text-slate-700 sm:text-sm dark:text-slate-300">Fargate</dt>
        <dd className={figure} data-testid="fargate-total">
          {view ? formatUsd(view.fargate) : "—"}
        </dd>
        {view && whole ? <Split compute={whole.fargateCompute} beside={whole.fargateBeside} testId="fargate-split" /> : null}
      </div>
      <div className={`${box} bg-amber-50 dark:bg-amber-950`}>
        <dt className="text-xs text-slate-700 sm:text-sm dark:text-slate-300">ECS on EC2</dt>
        <dd className={figure} data-testid="ec2-total">
          {view?.ec2 == null ? "n/a" : formatUsd(view.ec2)}
        </dd>
        {view && whole && view.ec2 !== null ? <Split compute={whole.ec2Compute} beside={whole.ec2Beside} testId="ec2-split" /> : null}
        {view?.ec2Note ? <dd className="mt-0.5 line-clamp-2 text-xs text-slate-600 sm:line-clamp-none dark:text-slate-400">{view.ec2Note}</dd> : null}
      </div>
      <div className={`${box} bg-slate-50 dark:bg-slate-800`}>
        <dt className="text-xs text-slate-700 sm:text-sm dark:text-slate-300">Difference</dt>
        <dd className={figure} data-testid="difference">
          {view?.difference == null ? "n/a" : formatUsd(view.difference.replace(/^-/, ""))}
        </dd>
        <dd className="mt-0.5 text-xs text-slate-600 dark:text-slate-400" data-testid="cheaper">
          {view ? <CheaperText cheaper={view.cheaper} /> : "No estimate yet"}
        </dd>
      </div>
    </dl>
  );
}
