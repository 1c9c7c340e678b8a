/**
 * Sizing a Compute Savings Plan commitment from a bill's hours (issue 21, item 2): pure arithmetic on the hourly
 * Fargate on-demand-equivalent spend, exact (lib/core Decimal; divisions keep 20 decimals).
 *
 * Each hour h has on-demand-equivalent spend s_h and the plan cost k_h = s_h x (1 - d_h) of that same usage at the
 * plan's rates (d_h: the hour's spend-weighted discount). A commitment of C dollars an hour is paid every hour, used
 * or not; it covers min(s_h, C / (1 - d_h)) of the hour's on-demand spend, and the rest is paid on demand:
 *   cost with plan(C) = sum_h [C + s_h - covered_h],  net savings(C) = sum_h s_h - cost(C) = sum_h min(k_h, C) x s_h / k_h - n x C.
 * net savings is concave and piecewise linear in C with its kinks at the k_h: its slope between kinks is
 * sum over hours with k_h > C of s_h / k_h, minus n. So the best C is one of the k_h (or 0), found by one sorted sweep,
 * O(n log n): with hours sorted by k, net savings(k_j) = (spend of hours with k <= k_j) + k_j x (sum of s/k above) - n x k_j.
 */
import { dec, ZERO, type Decimal } from "@/lib/core";

/** One hour of eligible usage: on-demand-equivalent spend, and what the same usage costs at the plan's rates. */
export interface SpendHour {
  spend: Decimal;
  planCost: Decimal;
}

export interface CommitmentOutcome {
  /** USD per hour. */
  commitment: Decimal;
  /** Over all the hours: sum of s_h. */
  onDemand: Decimal;
  /** n x C + on-demand spend left uncovered. */
  costWithPlan: Decimal;
  /** onDemand - costWithPlan. */
  netSavings: Decimal;
  /** On-demand-equivalent spend the commitment covers. */
  covered: Decimal;
  /** Share of the commitment used (sum of min(k_h, C) / (n x C)); null at C = 0. */
  utilization: Decimal | null;
  /** covered / onDemand; null without spend. */
  coverage: Decimal | null;
}

/** The sorted sweep's state: evaluates any commitment in O(log n). */
export class CommitmentCurve {
  /** Hours with k > 0, sorted by k ascending. */
  private readonly k: Decimal[];
  /** prefixSpend[j] = sum of s over the first j sorted hours; prefixPlan[j] = sum of k. */
  private readonly prefixSpend: Decimal[];
  private readonly prefixPlan: Decimal[];
  /** suffixRatio[j] = sum of s / k over sorted hours j.. */
  private readonly suffixRatio: Decimal[];
  readonly hours: number;
  readonly onDemand: Decimal;
  readonly planCost: Decimal;

  /** totalHours: every hour of the period (hours without usage still pay the commitment); at least the hours given. */
  constructor(hours: readonly SpendHour[], totalHours: number = hours.length) {
    if (totalHours < hours.length) throw new RangeError("totalHours is below the number of hours given");
    this.hours = totalHours;
    const used = hours.filter((h) => h.planCost.gt(0) && h.spend.gt(0)).sort((a, b) => a.planCost.cmp(b.planCost));
    this.k = used.map((h) => h.planCost);
    this.prefixSpend = [ZERO];
    this.prefixPlan = [ZERO];
    for (const h of used) {
      this.prefixSpend.push(this.prefixSpend[this.prefixSpend.length - 1]!.plus(h.spend));
      this.prefixPlan.push(this.prefixPlan[this.prefixPlan.length - 1]!.plus(h.planCost));
    }
    this.suffixRatio = new Array<Decimal>(used.length + 1);
    this.suffixRatio[used.length] = ZERO;
    for (let j = used.length - 1; j >= 0; j--) this.suffixRatio[j] = this.suffixRatio[j + 1]!.plus(used[j]!.spend.div(used[j]!.planCost));
    // Hours with spend but no plan rate (k = 0) are never covered: their spend is on demand whatever C is.
    let onDemand = ZERO;
    for (const h of hours) onDemand = onDemand.plus(h.spend);
    this.onDemand = onDemand;
    this.planCost = this.prefixPlan[used.length]!;
  }

  /** The largest hourly plan cost: past it, more commitment only adds cost. */
  get maxPlanCost(): Decimal {
    return this.k.length ? this.k[this.k.length - 1]! : ZERO;
  }

  /** The distinct breakpoints k_h, ascending. */
  breakpoints(): Decimal[] {
    const out: Decimal[] = [];
    for (const k of this.k) if (!out.length || !out[out.length - 1]!.eq(k)) out.push(k);
    return out;
  }

  /** Number of sorted hours with k <= c (binary search). */
  private below(c: Decimal): number {
    let lo = 0;
    let hi = this.k.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.k[mid]!.lte(c)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  at(commitment: Decimal | string | number): CommitmentOutcome {
    const c = dec(commitment);
    if (c.lt(0)) throw new RangeError("a commitment cannot be negative");
    const j = this.below(c);
    const covered = this.prefixSpend[j]!.plus(c.times(this.suffixRatio[j]!));
    const paid = c.times(this.hours);
    const costWithPlan = paid.plus(this.onDemand).minus(covered);
    const used = this.prefixPlan[j]!.plus(c.times(this.k.length - j));
    return {
      commitment: c,
      onDemand: this.onDemand,
      costWithPlan,
      netSavings: this.onDemand.minus(costWithPlan),
      covered,
      utilization: paid.gt(0) ? used.div(paid) : null,
      coverage: this.onDemand.gt(0) ? covered.div(this.onDemand) : null,
    };
  }

  /**
   * The commitment with the largest net savings: the sweep over the breakpoints in ascending order (ties: the smallest
   * commitment, less at risk). C = 0 (no plan, no savings) when no breakpoint saves anything.
   */
  best(): CommitmentOutcome {
    let best = this.at(ZERO);
    const n = this.k.length;
    for (let j = 0; j < n; j++) {
      if (j + 1 < n && this.k[j + 1]!.eq(this.k[j]!)) continue; // evaluate each distinct k once, with all hours at it below
      const c = this.k[j]!;
      const net = this.prefixSpend[j + 1]!.plus(c.times(this.suffixRatio[j + 1]!)).minus(c.times(this.hours));
      if (net.gt(best.netSavings)) best = this.at(c);
    }
    return best;
  }
}

/**
 * Net savings by brute force, hour by hour, straight from the definition (tests compare the sweep with it):
 * sum_h s_h - sum_h [C + s_h - min(s_h, C x s_h / k_h)], with hours of k = 0 never covered, plus C for each hour
 * without usage.
 */
export function netSavingsByHour(hours: readonly SpendHour[], totalHours: number, commitment: Decimal): Decimal {
  let net = ZERO;
  for (const h of hours) {
    const covered = h.planCost.gt(0) ? minOf(h.spend, commitment.times(h.spend).div(h.planCost)) : ZERO;
    net = net.plus(covered).minus(commitment);
  }
  return net.minus(commitment.times(totalHours - hours.length));
}

function minOf(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}
