import { allocateCents, toCents, type Decimal } from "@/lib/core";
import type { FargateEstimate, LineItem } from "@/lib/pricing";

/**
 * The cents shown for each line item and each subtotal, so that every table, the CSV and the CLI table add up as
 * shown (see lib/core/cents.ts). Allocated down a tree, largest remainder at each level:
 *
 *   Fargate total (half-up) -> one subtotal per workload table, and the services table -> their line items
 *   EC2 total (half-up)     -> the instances table, the "beside the instances" table, the services -> line items
 *                              (shown-ec2.ts)
 *
 * So the workload tables' totals add up to the headline Fargate total, and each table's rows add up to its total.
 * A subtotal moves at most a cent from its own half-up rounding, and only when the rows above it need that cent.
 * The exact figures stay in the estimate (JSON output); this is display only.
 */
export interface ShownTable {
  /** One "12.34" per line item, in order. */
  items: string[];
  total: string;
}

export interface ShownFargate {
  workloads: ShownTable[];
  services: ShownTable;
  total: string;
}

export const table = (items: readonly LineItem[], total: string): ShownTable => ({
  items: allocateCents(
    items.map((li) => li.monthlyCost),
    total,
  ),
  total,
});

const fargateCache = new WeakMap<FargateEstimate, ShownFargate>();

/** The shown cents of a Fargate estimate (cached per estimate object: estimates are never mutated after pricing). */
export function shownFargate(estimate: FargateEstimate): ShownFargate {
  const hit = fargateCache.get(estimate);
  if (hit) return hit;
  const total = toCents(estimate.totals.monthlyCost);
  const groups = allocateCents([...estimate.workloads.map((w) => w.monthlyCost), estimate.services.monthlyCost], total);
  const shown: ShownFargate = {
    workloads: estimate.workloads.map((w, i) => table(w.lineItems, groups[i]!)),
    services: table(estimate.services.lineItems, groups[groups.length - 1]!),
    total,
  };
  fargateCache.set(estimate, shown);
  return shown;
}

/** One table on its own (no parent): its rows add up to its own total rounded half-up. */
export function shownTable(items: readonly LineItem[], total: Decimal): ShownTable {
  return table(items, toCents(total));
}
