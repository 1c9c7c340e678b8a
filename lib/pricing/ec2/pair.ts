import type { Ec2Candidate } from "./candidates";

/** Relative tolerance of float cost comparisons (costs are sums of a few products of 6-decimal prices). */
export const COST_EPS = 1e-9;

/** bestPair's part that does not depend on the count: computed once per task size (and candidate list). */
export interface PairBasis {
  /** The Pareto frontier of (tasks per instance, price), cheapest per task first. */
  types: number[];
  /** The lowest cost per task of any type (L). */
  perTask: number;
}

/** What the pair search reads of a FitTable: its candidates and the per-size basis it memoizes. */
export interface PairTable {
  readonly cands: readonly Ec2Candidate[];
  pairBasis(fits: Int32Array): PairBasis;
}

export function pairBasis(fits: Int32Array, table: PairTable): PairBasis {
  const cands = table.cands;
  const types: number[] = [];
  let perTask = Infinity;
  for (let t = 0; t < cands.length; t++) {
    const f = fits[t]!;
    if (f <= 0) continue;
    types.push(t);
    perTask = Math.min(perTask, cands[t]!.rankHourly / f);
  }
  // Only the Pareto frontier matters: a type with no more room per instance than another and no lower price is
  // never needed (swap every instance of it for the other one: every task still fits, the cost does not rise).
  types.sort((x, y) => fits[y]! - fits[x]! || cands[x]!.rankHourly - cands[y]!.rankHourly || x - y);
  let cheapestSoFar = Infinity;
  const frontier = types.filter((t) => {
    if (cands[t]!.rankHourly >= cheapestSoFar) return false;
    cheapestSoFar = cands[t]!.rankHourly;
    return true;
  });
  // Cheapest per task first: good fleets are found early and tighten the bound.
  frontier.sort((x, y) => cands[x]!.rankHourly / fits[x]! - cands[y]!.rankHourly / fits[y]! || x - y);
  return { types: frontier, perTask };
}

/**
 * The cheapest fleet of exactly two instance types for `n` tasks of one size (fits[t] tasks per instance of
 * type t), or null when no two-type fleet beats the best single type. Exact over every pair and every count:
 * - exchange argument: in a pair (A, B) where A costs no more per task (cA / fA <= cB / fB), fA instances of B
 *   can always be swapped for fB instances of A (same tasks, no dearer), so some optimum has b < fA instances of B;
 *   and b < ceil(n / fB), else B alone holds every task;
 * - bound: with L the lowest cost per task of any type, a fleet costs at least n * L, and each instance of type t
 *   adds at least its excess e_t = c_t - f_t * L on top; so no fleet using x instances of t with x * e_t above
 *   (best so far - n * L) can win: this prunes almost every pair once a good fleet is known.
 * - only types on the Pareto frontier of (tasks per instance, price) take part: typically a dozen of the hundreds.
 * Costs are per instance-hour with the purchase mix and the pro-rated root volume (Ec2Candidate.rankHourly): the
 * same linear function of instance-hours that the exact pricing computes, so the order is the estimate's order.
 */
export function bestPair(n: number, fits: Int32Array, table: PairTable): { a: number; b: number; nb: number; hourly: number } | null {
  const cands = table.cands;
  const { types, perTask } = table.pairBasis(fits);
  // The best single type: over the frontier only, the same minimum (a dominated type has at least as many
  // instances, ceil(n / f), at no lower price, and rounding is monotone: its product is never smaller).
  let single = Infinity;
  for (let i = 0; i < types.length; i++) {
    const t = types[i]!;
    single = Math.min(single, Math.ceil(n / fits[t]!) * cands[t]!.rankHourly);
  }
  const floor = n * perTask;
  let best = single;
  let found: { a: number; b: number; nb: number; hourly: number } | null = null;
  const slack = () => best - floor + Math.abs(best) * COST_EPS;
  for (let i = 0; i < types.length; i++) {
    const A = types[i]!;
    const fA = fits[A]!;
    const cA = cands[A]!.rankHourly;
    const eA = Math.max(0, cA - fA * perTask);
    // At least one instance of A and one of B: each adds its excess to the n * L floor.
    if (eA > slack() || fA < 2) continue;
    for (let j = i + 1; j < types.length; j++) {
      const B = types[j]!;
      const fB = fits[B]!;
      const cB = cands[B]!.rankHourly;
      const eB = Math.max(0, cB - fB * perTask);
      const room = slack() - eA;
      if (eB > room) continue;
      let bMax = Math.min(fA - 1, Math.ceil(n / fB) - 1);
      if (eB > 0) bMax = Math.min(bMax, Math.floor(room / eB));
      for (let b = 1; b <= bMax; b++) {
        const a = Math.ceil((n - b * fB) / fA);
        if (a < 1) break;
        if (a * eA > slack()) continue;
        const cost = a * cA + b * cB;
        if (cost < best * (1 - COST_EPS)) {
          best = cost;
          found = { a: A, b: B, nb: b, hourly: cost };
        }
      }
    }
  }
  return found;
}
