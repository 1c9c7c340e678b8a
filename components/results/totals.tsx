import { formatUsd } from "@/lib/format";
import type { ResultsView } from "@/lib/results/view";

export type TotalsView = ResultsView["totals"];

/** "compute + beside compute" under a whole-bill total. */
function Split({ compute, beside, testId }: { compute: string | null; beside: string | null; testId: string }) {
  if (compute === null || beside === null) return null;
  return (
    <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid={testId}>
      {formatUsd(compute)} compute + {formatUsd(beside)} beside it
    </dd>
  );
}

export function Totals({ view, whole }: { view: TotalsView; whole?: ResultsView["whole"] }) {
  return (
    <section aria-labelledby="totals-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <h2 id="totals-heading" className="text-base font-semibold">
        Monthly cost{whole ? " (the whole bill)" : ""}
      </h2>
      <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div className="rounded-md bg-sky-50 p-3 dark:bg-sky-950">
          <dt className="text-sm text-slate-700 dark:text-slate-300">Fargate</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="fargate-total">
            {formatUsd(view.fargate)}
          </dd>
          {whole ? <Split compute={whole.fargateCompute} beside={whole.fargateBeside} testId="fargate-split" /> : null}
        </div>
        <div className="rounded-md bg-amber-50 p-3 dark:bg-amber-950">
          <dt className="text-sm text-slate-700 dark:text-slate-300">ECS on EC2</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="ec2-total">
            {view.ec2 === null ? "n/a" : formatUsd(view.ec2)}
          </dd>
          {whole && view.ec2 !== null ? <Split compute={whole.ec2Compute} beside={whole.ec2Beside} testId="ec2-split" /> : null}
          {view.ec2Note ? <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{view.ec2Note}</dd> : null}
        </div>
        <div className="rounded-md bg-slate-50 p-3 dark:bg-slate-800">
          <dt className="text-sm text-slate-700 dark:text-slate-300">Difference</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="difference">
            {view.difference === null ? "n/a" : formatUsd(view.difference.replace(/^-/, ""))}
          </dd>
          <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="cheaper">
            {view.cheaper === "ec2" ? "EC2 is cheaper per month" : view.cheaper === "fargate" ? "Fargate is cheaper per month" : view.cheaper === "same" ? "Same cost" : "No EC2 comparison"}
          </dd>
        </div>
      </dl>
    </section>
  );
}
