/**
 * Cents that add up: rounding each row of a table to cents on its own can miss the rounded total by a cent or
 * more (0.005 + 0.005 shows as 0.01 + 0.01 = 0.02 beside a total of 0.01). `allocateCents` rounds the rows so that
 * they sum exactly to the total shown, by the largest-remainder method:
 *
 *   1. the total is rounded half-up to cents (away from zero, as `toCents` and `formatUsd` do);
 *   2. every row is rounded down (toward minus infinity) to cents;
 *   3. the cents still missing go one each to the rows that lost the most in step 2; equal remainders go to the
 *      earlier row (so the result depends only on the input order: deterministic).
 *
 * With the default total (the exact sum of the rows) every row shown is within one cent of its exact value (it is
 * its floor or its floor + 1 cent). Pass `total` when the rows are the parts of a parent row that was itself
 * allocated (a table whose total row is one line of a larger table): the rows then add up to that parent.
 *
 * Pure and exact: amounts are Decimals, decimal strings, numbers (or anything whose `toString()` is a decimal) and
 * are counted in whole cents with the engine's exact decimal (lib/core/money.ts; big.js is not used at all). The full
 * precision stays in the estimate and the JSON output; this is for display and export only.
 */
import { dec, isDecimal, ROUND_DOWN, ROUND_HALF_UP, ZERO, type DecimalSource } from "./money";

export type AmountLike = DecimalSource | { toString(): string };

const cents = (a: AmountLike) => dec(typeof a === "string" || typeof a === "number" || isDecimal(a) ? a : String(a)).times(100);

/** Whole cents as a fixed two-decimal string: 1234n -> "12.34", -5n -> "-0.05". */
export function centsToString(c: bigint): string {
  return dec(c.toString()).div(100).toFixed(2);
}

/**
 * Rounds `parts` to cents so that they add up to `total` rounded half-up to cents (default: the exact sum of
 * the parts). Returns fixed two-decimal strings ("12.34"), one per part, in the same order.
 */
export function allocateCents(parts: readonly AmountLike[], total?: AmountLike): string[] {
  const exact = parts.map(cents);
  // Floor toward minus infinity (roundDown truncates toward zero).
  const floors = exact.map((e) => e.round(0, ROUND_DOWN)).map((t, i) => (exact[i]!.lt(t) ? t.minus(1) : t));
  const target = (total === undefined ? exact.reduce((t, e) => t.plus(e), ZERO) : cents(total)).round(0, ROUND_HALF_UP);
  let missing = target.minus(floors.reduce((t, f) => t.plus(f), ZERO)).toNumber();
  const rests = exact.map((e, i) => e.minus(floors[i]!));
  // Largest remainder first; equal remainders: the earlier part first.
  const order = exact.map((_, i) => i).sort((a, b) => rests[b]!.cmp(rests[a]!) || a - b);
  const out = floors.slice();
  const n = order.length;
  // With the default total, 0 <= missing < parts.length. A parent's allocated total can ask for a cent or two
  // more (given round-robin in the same order) or fewer (taken from the smallest remainders first).
  for (let k = 0; missing > 0 && n; k = (k + 1) % n, missing--) out[order[k]!] = out[order[k]!]!.plus(1);
  for (let k = n - 1; missing < 0 && n; k = (k - 1 + n) % n, missing++) out[order[k]!] = out[order[k]!]!.minus(1);
  return out.map((c) => c.div(100).toFixed(2));
}
