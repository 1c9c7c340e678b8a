/**
 * A bill's number cell as a Decimal without the text round trip (issue 20 item 5): nearly every cost, rate and
 * quantity in a bill is a short decimal, which these read directly; anything else returns null and is read the careful
 * way (./accumulate.ts decimal(): syntax, bounds, lib/core dec()). Each gives exactly the Decimal dec() gives for the
 * same cell (fast-decimal.test.ts compares them on every kind of number and on random ones).
 */
import { decimalOf, ZERO, type Decimal } from "@/lib/core";

const POW10: number[] = [];
for (let i = 0, p = 1; i <= 15; i++, p *= 10) POW10.push(p);
const LIMIT = 2 ** 52;

/**
 * A double as the Decimal of its shortest text (what dec(String(v)) gives), when that text has at most 15 decimals and
 * its coefficient is under 2^52; else null.
 *
 * Why it is the same number: r = round(v x 10^e) with r / 10^e === v means the decimal r x 10^-e rounds to v. Below
 * 2^52 the doubles near v are less than 10^-e apart, so r x 10^-e is the only decimal of e places that rounds to v;
 * the shortest text of v (which has no more places, being the shortest that rounds to v) is then that decimal. The
 * smallest such e is tried first, so r has no trailing zero unless e is 0.
 */
export function decimalOfNumber(v: number): Decimal | null {
  if (v === 0) return ZERO; // 0 and -0 ("0")
  const a = v < 0 ? -v : v;
  if (!(a < LIMIT)) return null; // also NaN and the infinities
  // Most bill numbers have at most 10 places: one try at 10 (the smallest e that works gives the same r / 10^e once
  // trailing zeros are dropped, as r at 10 places is that r x 10^(10 - e) exactly, below 2^52), then each e in turn.
  if (a * 1e10 < LIMIT) {
    const r = Math.round(v * 1e10);
    if (r / 1e10 === v) return decimalOf(r, 10);
  }
  for (let e = 0; e <= 15; e++) {
    const p = POW10[e]!;
    if (a * p >= LIMIT) return null;
    const r = Math.round(v * p);
    if (r / p === v) return decimalOf(r, e);
  }
  return null;
}

/**
 * A cell's text as a Decimal when it is a plain decimal of at most 15 characters ("-12.5", "0.0404800000", "3", ".5",
 * "7."): at most 15 digits, so the coefficient is exact, and inside the bounds a bill's numbers are checked against
 * (NUMBER_BOUNDS: a text this short always is). Anything else (an exponent, spaces, a sign "+", no digit) returns null.
 */
export function decimalOfText(s: string): Decimal | null {
  const n = s.length;
  if (n === 0 || n > 15) return null;
  let i = 0;
  const negative = s.charCodeAt(0) === 45; // "-"
  if (negative) i = 1;
  let c = 0;
  let digits = 0;
  let e = 0;
  let dot = false;
  for (; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      c = c * 10 + (ch - 48);
      digits++;
      if (dot) e++;
    } else if (ch === 46 && !dot)
      dot = true; // "."
    else return null;
  }
  if (digits === 0) return null;
  return decimalOf(negative ? -c : c, e);
}
