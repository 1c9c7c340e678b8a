import { memo, useMemo } from "react";
import { ResultNotes } from "@/components/ui/lazy-notes";
import { useShownCount } from "@/lib/browser";
import { shownFargate, shownTable, type ShownTable } from "@/lib/export";
import { formatQuantity, formatRate, formatUsd } from "@/lib/core";
import { formatSize, type LineItem, type WorkloadEstimate } from "@/lib/pricing";
import { type ResultsView, sameWorkloadTable } from "@/lib/results";

/**
 * A table of line items whose Monthly column adds up to its Total as shown: `shown` holds the cents allocated by
 * largest remainder (lib/export/shown.ts, the same as the CSV); without it the table allocates its own total.
 */
export function LineItemsTable({
  caption,
  items,
  total,
  shown: given,
  testId,
}: {
  caption: React.ReactNode;
  items: LineItem[];
  total: WorkloadEstimate["monthlyCost"];
  shown?: ShownTable;
  testId?: string;
}) {
  const shown = given ?? shownTable(items, total);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="pb-2 text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
            <th scope="col" className="py-1 pr-2 font-semibold">
              Line item
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-semibold">
              Quantity
            </th>
            <th scope="col" className="hidden py-1 pr-2 text-right font-semibold sm:table-cell">
              Unit price
            </th>
            <th scope="col" className="py-1 text-right font-semibold">
              Monthly
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((li, i) => (
            <tr key={li.name} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {li.name}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums">
                {formatQuantity(li.quantity)} <span className="text-slate-500 dark:text-slate-400">{li.unit}</span>
              </td>
              <td className="hidden py-1 pr-2 text-right tabular-nums sm:table-cell">{formatRate(li.unitPrice)}</td>
              <td className="py-1 text-right tabular-nums">{formatUsd(shown.items[i] ?? li.monthlyCost)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-1 pr-2 text-left" colSpan={2}>
              Total
            </th>
            <td className="hidden sm:table-cell" />
            <td className="py-1 text-right font-semibold tabular-nums" data-testid={testId ? `${testId}-total` : undefined}>
              {formatUsd(shown.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

type WorkloadResultsProps = { workload: WorkloadEstimate; shown?: ShownTable; testId?: string };

/**
 * One workload's table. A keystroke re-prices every workload into new objects: only the tables whose figures
 * changed re-render (the others compare equal by value), and those off screen are not laid out or painted.
 */
export const WorkloadResults = memo(WorkloadResultsView, (a, b) => a.testId === b.testId && sameWorkloadTable(a, b));

function WorkloadResultsView({ workload: w, shown, testId }: WorkloadResultsProps) {
  const resized = w.billedSize.vcpu !== w.requestedSize.vcpu || w.billedSize.memoryGiB !== w.requestedSize.memoryGiB;
  return (
    <div className="offscreen-skip rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <LineItemsTable
        testId={testId}
        items={w.lineItems}
        total={w.monthlyCost}
        shown={shown}
        caption={
          <>
            <span className="font-semibold">{w.name}</span>{" "}
            <span className="text-slate-600 dark:text-slate-400">
              {w.tasks} × {formatSize(w.billedSize)}
              {resized ? ` (billed size; requested ${formatSize(w.requestedSize)})` : ""}
            </span>
          </>
        }
      />
      <ResultNotes messages={w.warnings} />
    </div>
  );
}

/**
 * One table per workload: re-rendered only for a new estimate (not when the Spot series arrives), and then only the
 * tables whose figures changed (WorkloadResults compares by value). Many tables render 20 at a time, in commits that
 * each land however busy the browser is (useShownCount): a person on a slow laptop gets every line item.
 */
export const WorkloadTables = memo(function WorkloadTables({ estimate }: { estimate: ResultsView["estimate"] }) {
  // Cents that add up (largest remainder), computed once for all the workload tables.
  const shownWorkloads = useMemo(() => shownFargate(estimate).workloads, [estimate]);
  const count = useShownCount(estimate.workloads.length);
  return (
    <div className="space-y-3" data-testid="line-items">
      {estimate.workloads.slice(0, count).map((w, i) => (
        <WorkloadResults key={`${i}-${w.name}`} workload={w} shown={shownWorkloads[i]} testId={`items-${i}`} />
      ))}
    </div>
  );
});
