/**
 * ECS capacity provider strategies on Fargate (docs/pricing-rules.md, Fargate Spot): which tasks of a service run on
 * FARGATE and which on FARGATE_SPOT. ECS's rule (Amazon ECS Developer Guide, "Capacity provider strategies"): the
 * provider with a base gets that many tasks first (only one provider may have a base); the rest are split by weight
 * ("a weight of 1 for A and 4 for B: for every task on A, four on B"). Each provider gets the whole number of tasks
 * its weight share allows (rounded down); a task left over goes where the running ratio is furthest behind, the
 * provider with the largest weight / (tasks + 1) (ties: the larger weight, then the first listed). This reproduces
 * AWS's 1:4 example and the issue's "2 on FARGATE (base), then 1:3 -> 5 on Spot of 8".
 */

export type CapacityProviderName = "FARGATE" | "FARGATE_SPOT";

export interface CapacityProviderSpec {
  provider: CapacityProviderName;
  /** Tasks placed on this provider first (at most one provider of a strategy has one). */
  base: number;
  /** Relative share of the tasks beyond the base. */
  weight: number;
}

export interface CapacitySplit {
  /** Tasks on FARGATE and on FARGATE_SPOT; they add up to the tasks. */
  onDemand: number;
  spot: number;
  /** The Spot share of task-hours that prices it: 100 x spot / tasks (0 with no task). */
  spotPercent: number;
  /** "2 on FARGATE (base), then 1:3 FARGATE:FARGATE_SPOT → 5 on Spot of 8" */
  words: string;
}

export function capacitySplit(tasks: number, strategy: readonly CapacityProviderSpec[]): CapacitySplit {
  const of = (p: CapacityProviderName) => strategy.find((s) => s.provider === p);
  const baseHolder = strategy.find((s) => s.base > 0);
  const placed = { FARGATE: 0, FARGATE_SPOT: 0 };
  const baseTasks = baseHolder ? Math.min(baseHolder.base, tasks) : 0;
  if (baseHolder) placed[baseHolder.provider] += baseTasks;
  const rest = tasks - baseTasks;
  const weighted = strategy.filter((s) => s.weight > 0);
  const total = weighted.reduce((n, s) => n + s.weight, 0);
  if (total > 0 && rest > 0) {
    const floors = weighted.map((s) => Math.floor((rest * s.weight) / total));
    let left = rest - floors.reduce((a, b) => a + b, 0);
    while (left > 0) {
      // The provider furthest behind its ratio: largest weight / (floor + 1), compared without dividing.
      let best = 0;
      for (let i = 1; i < weighted.length; i++) {
        const a = weighted[i]!.weight * (floors[best]! + 1);
        const b = weighted[best]!.weight * (floors[i]! + 1);
        if (a > b || (a === b && weighted[i]!.weight > weighted[best]!.weight)) best = i;
      }
      floors[best]! += 1;
      left--;
    }
    weighted.forEach((s, i) => (placed[s.provider] += floors[i]!));
  }
  const spot = placed.FARGATE_SPOT;
  const parts: string[] = [];
  if (baseHolder) parts.push(`${baseTasks} on ${baseHolder.provider} (base)`);
  if (rest > 0) {
    const f = of("FARGATE")?.weight ?? 0;
    const s = of("FARGATE_SPOT")?.weight ?? 0;
    const split = f > 0 && s > 0 ? `${f}:${s} FARGATE:FARGATE_SPOT` : `all on ${f > 0 ? "FARGATE" : "FARGATE_SPOT"}`;
    parts.push(parts.length ? `then ${split}` : split);
  }
  const words = `${parts.join(", ") || "no task"} → ${spot} on Spot of ${tasks}`;
  return { onDemand: placed.FARGATE, spot, spotPercent: tasks > 0 ? (spot * 100) / tasks : 0, words };
}

/** Problems with a strategy that ECS would refuse, as field paths (relative to capacityProviders) and messages. */
export function capacityProviderIssues(strategy: readonly CapacityProviderSpec[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  strategy.forEach((s, i) => {
    if (seen.has(s.provider)) issues.push({ path: [i, "provider"], message: `${s.provider} is listed twice: a strategy names each capacity provider once` });
    seen.add(s.provider);
  });
  if (strategy.filter((s) => s.base > 0).length > 1)
    issues.push({ path: [], message: "Only one capacity provider of a strategy can have a base (ECS refuses two)" });
  if (!strategy.some((s) => s.weight > 0)) issues.push({ path: [], message: "At least one capacity provider needs a weight above 0" });
  return issues;
}
