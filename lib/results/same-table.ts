import type { ShownTable } from "@/lib/export";
import type { LineItem, TaskSize, WorkloadEstimate } from "@/lib/pricing";

const sameSize = (a: TaskSize, b: TaskSize) => a.vcpu === b.vcpu && a.memoryGiB === b.memoryGiB;

const sameStrings = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((s, i) => s === b[i]));

const sameItem = (a: LineItem, b: LineItem) =>
  a === b || (a.name === b.name && a.unit === b.unit && a.unitPrice === b.unitPrice && a.quantity.eq(b.quantity) && a.monthlyCost.eq(b.monthlyCost));

/**
 * Whether a workload's line-item table shows the same thing for two estimates: its caption (name, tasks, billed and
 * requested size), every row (name, quantity, unit, rate, exact cost), the cents shown per row and in total, and the
 * notes. A keystroke re-prices every workload into new objects; this lets the tables of the unchanged ones skip
 * re-rendering. Pure; cheap next to rendering a table (a few comparisons per row).
 */
export function sameWorkloadTable(a: { workload: WorkloadEstimate; shown?: ShownTable }, b: { workload: WorkloadEstimate; shown?: ShownTable }): boolean {
  const x = a.workload;
  const y = b.workload;
  if (x !== y) {
    if (x.name !== y.name || x.tasks !== y.tasks || !sameSize(x.billedSize, y.billedSize) || !sameSize(x.requestedSize, y.requestedSize)) return false;
    if (x.lineItems.length !== y.lineItems.length || !x.lineItems.every((li, i) => sameItem(li, y.lineItems[i]!))) return false;
    if (!sameStrings(x.warnings, y.warnings)) return false;
  }
  if (a.shown === b.shown) return true;
  return a.shown !== undefined && b.shown !== undefined && a.shown.total === b.shown.total && sameStrings(a.shown.items, b.shown.items);
}
