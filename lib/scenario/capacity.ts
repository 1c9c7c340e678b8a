/**
 * An ECS service's capacityProviderStrategy -> how many of its tasks each capacity provider runs, as ECS places
 * them: the provider with a `base` gets that many first (only one may have a base), then the rest follow the
 * weights. Where the weights do not divide the rest evenly, each next task goes to the provider furthest below its
 * share (tasks / weight), the one listed first on a tie: ECS documents the ratio, not this rounding, so a split
 * with a remainder is one task either way of what ECS may do. Pure; the Terraform and CloudFormation importers turn the FARGATE_SPOT share into
 * the workload's Spot percentage.
 */

export interface StrategyItem {
  capacityProvider: string;
  base?: number;
  weight?: number;
}

export type Split = { capacityProvider: string; tasks: number }[];

export function splitTasks(tasks: number, strategy: readonly StrategyItem[]): { ok: true; value: Split } | { ok: false; error: string } {
  if (!Number.isInteger(tasks) || tasks < 0) return { ok: false, error: `the task count ${tasks} is not a whole number of at least 0` };
  if (!strategy.length) return { ok: false, error: "the capacity provider strategy is empty" };
  const items = strategy.map((s) => ({ name: s.capacityProvider, base: s.base ?? 0, weight: s.weight ?? 0 }));
  for (const i of items) {
    if (!Number.isInteger(i.base) || i.base < 0 || i.base > 100_000) return { ok: false, error: `${i.name}: base must be a whole number from 0 to 100000` };
    if (!Number.isInteger(i.weight) || i.weight < 0 || i.weight > 1000) return { ok: false, error: `${i.name}: weight must be a whole number from 0 to 1000` };
  }
  if (items.filter((i) => i.base > 0).length > 1) return { ok: false, error: "only one capacity provider of a strategy may have a base" };
  const out = items.map((i) => ({ capacityProvider: i.name, tasks: 0 }));
  let left = tasks;
  items.forEach((i, k) => {
    const n = Math.min(i.base, left);
    out[k]!.tasks += n;
    left -= n;
  });
  if (left > 0 && !items.some((i) => i.weight > 0)) return { ok: false, error: "no capacity provider has a weight above 0 for the tasks beyond the base" };
  const placed = items.map(() => 0);
  for (; left > 0; left--) {
    let best = -1;
    for (let k = 0; k < items.length; k++) {
      const w = items[k]!.weight;
      if (w <= 0) continue;
      // placed[k] / w < placed[best] / w_best, without dividing.
      if (best < 0 || placed[k]! * items[best]!.weight < placed[best]! * w) best = k;
    }
    placed[best]!++;
    out[best]!.tasks++;
  }
  return { ok: true, value: out };
}

/** The share of tasks on FARGATE_SPOT in percent (0 for no tasks), for the workload's spotPercent. */
export function spotPercentOf(split: Split): number {
  const total = split.reduce((n, s) => n + s.tasks, 0);
  const spot = split.filter((s) => s.capacityProvider.toUpperCase() === "FARGATE_SPOT").reduce((n, s) => n + s.tasks, 0);
  return total === 0 ? 0 : (spot * 100) / total;
}
