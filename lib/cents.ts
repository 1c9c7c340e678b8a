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
 * Pure and exact: amounts are read as decimal strings (any exact decimal's `toString()`, in plain notation) and
 * counted in BigInt, so it does not depend on which decimal library the engine uses. The full-precision figures
 * stay in the estimate and the JSON output; this is for display and export only.
 */
export type AmountLike = string | number | { toString(): string };

interface Scaled {
  /** The amount times 10^scale, exactly. */
  units: bigint;
}

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

function decimals(s: string): number {
  const m = PLAIN.exec(s);
  if (!m) throw new RangeError(`allocateCents: not a plain decimal number: ${JSON.stringify(s)}`);
  return m[3]?.length ?? 0;
}

function scaled(s: string, scale: number): Scaled {
  const m = PLAIN.exec(s)!;
  const frac = (m[3] ?? "").padEnd(scale, "0");
  const units = BigInt(`${m[2]}${frac}`);
  return { units: m[1] ? -units : units };
}

/** Floor division toward minus infinity (BigInt `/` truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Half-up to whole cents, half away from zero (as big.js roundHalfUp, used by toCents). */
function roundHalfUp(a: bigint, unit: bigint): bigint {
  const abs = a < 0n ? -a : a;
  const q = (abs * 2n + unit) / (unit * 2n);
  return a < 0n ? -q : q;
}

/** Whole cents as a fixed two-decimal string: 1234n -> "12.34", -5n -> "-0.05". */
export function centsToString(cents: bigint): string {
  const neg = cents < 0n;
  const abs = (neg ? -cents : cents).toString().padStart(3, "0");
  return `${neg ? "-" : ""}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/**
 * Rounds `parts` to cents so that they add up to `total` rounded half-up to cents (default: the exact sum of
 * the parts). Returns fixed two-decimal strings ("12.34"), one per part, in the same order.
 */
export function allocateCents(parts: readonly AmountLike[], total?: AmountLike): string[] {
  const strings = parts.map((p) => String(p));
  const totalString = total === undefined ? undefined : String(total);
  const scale = Math.max(2, ...strings.map(decimals), totalString === undefined ? 0 : decimals(totalString));
  const unit = 10n ** BigInt(scale - 2);
  const exact = strings.map((s) => scaled(s, scale).units);
  const totalUnits = totalString === undefined ? exact.reduce((a, b) => a + b, 0n) : scaled(totalString, scale).units;
  const target = roundHalfUp(totalUnits, unit);
  const floors = exact.map((e) => floorDiv(e, unit));
  const rests = exact.map((e, i) => e - floors[i]! * unit);
  // Largest remainder first; equal remainders: the earlier part first.
  const order = exact.map((_, i) => i).sort((a, b) => (rests[b]! > rests[a]! ? 1 : rests[b]! < rests[a]! ? -1 : a - b));
  const out = floors.slice();
  let missing = target - floors.reduce((a, b) => a + b, 0n);
  // With the default total, 0 <= missing < parts.length. A parent's allocated total can ask for a cent or two
  // more (given round-robin in the same order) or fewer (taken from the smallest remainders first).
  for (let k = 0; missing > 0n && order.length; k = (k + 1) % order.length, missing--) out[order[k]!]! += 1n;
  for (let k = order.length - 1; missing < 0n && order.length; k = (k - 1 + order.length) % order.length, missing++) out[order[k]!]! -= 1n;
  return out.map(centsToString);
}
