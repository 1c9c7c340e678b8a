import Big from "big.js";

/**
 * The one decimal type for money and billable quantities. AWS rates carry up to 10 decimals
 * (Windows memory 0.00511175 USD per GB-hour), so floats would drift by cents across a CSV and the screen.
 * Rates travel as decimal strings; arithmetic is exact; rounding (half-up, to cents) happens only for display.
 */
export type Decimal = Big;

// Divisions (seconds -> hours) keep 20 decimals: far below a cent for any realistic bill.
Big.DP = 20;
Big.RM = Big.roundHalfUp;
// Plain notation in toString (no "1e-7"): quantities and costs stay readable decimal strings.
Big.NE = -40;
Big.PE = 40;

export const dec = (value: string | number | Big): Big => new Big(value);
export const ZERO = dec(0);

export function sum(values: Iterable<Big>): Big {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Rounds half-up to whole cents, as a fixed two-decimal string ("36.04"). */
export function toCents(value: Big): string {
  return value.round(2, Big.roundHalfUp).toFixed(2);
}

/** Full-precision decimal string without exponent notation or trailing zeros. */
export function toPlain(value: Big): string {
  return value.toString();
}

const parsedNumbers = new Map<number, Big>();
/** A small input number (vCPU, GiB, task count, percent) as a decimal, parsed once: Big values are immutable. */
export function num(value: number): Big {
  let r = parsedNumbers.get(value);
  if (!r) {
    r = dec(value);
    if (parsedNumbers.size < 10_000) parsedNumbers.set(value, r);
  }
  return r;
}

const parsedRates = new Map<string, Big>();
/** A published rate string as a decimal, parsed once (rates repeat across thousands of workloads). */
export function rate(usd: string): Big {
  let r = parsedRates.get(usd);
  if (!r) {
    r = dec(usd);
    parsedRates.set(usd, r);
  }
  return r;
}
