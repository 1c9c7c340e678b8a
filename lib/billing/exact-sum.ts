/**
 * An exact running sum of Decimals that allocates nothing per addition (issue 20 item 5): a bill's sums take one
 * addition per row and per table, and a Decimal per addition was a good part of the reader's garbage. The total is an
 * integer coefficient at a number of decimal places (value = coefficient / 10^places), kept as a plain number while it
 * is a safe integer (every product and sum below is then exact: an integer result under 2^53 is exactly representable,
 * and a result at or past 2^53 is refused, as lib/core's Decimal refuses it) and as a BigInt past that. Places only
 * grow (to the most of any addend), so nothing is ever rounded: value() is the same Decimal as adding with
 * Decimal.plus, to the last digit (exact-sum.test.ts checks it against Decimal sums on random addends).
 */
import { decimalOf, type Decimal } from "@/lib/core";

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_BIG = BigInt(MAX);
const POW10: number[] = [];
for (let i = 0, p = 1; i <= 15; i++, p *= 10) POW10.push(p);

export class ExactSum {
  /** The coefficient while it is a safe integer (big is then null). */
  private n = 0;
  private big: bigint | null = null;
  /** Decimal places of the coefficient. */
  private places = 0;

  add(d: Decimal): void {
    const c = d.c;
    if (c === 0) return;
    if (this.big === null && typeof c === "number") {
      const e = d.e;
      if (e === this.places) {
        const r = this.n + c;
        if (r <= MAX && r >= -MAX) {
          this.n = r;
          return;
        }
      } else if (e < this.places) {
        const k = this.places - e;
        if (k <= 15) {
          const v = c * POW10[k]!;
          const r = this.n + v;
          if (v <= MAX && v >= -MAX && r <= MAX && r >= -MAX) {
            this.n = r;
            return;
          }
        }
      } else {
        const k = e - this.places;
        if (k <= 15) {
          const m = this.n * POW10[k]!;
          const r = m + c;
          if (m <= MAX && m >= -MAX && r <= MAX && r >= -MAX) {
            this.n = r;
            this.places = e;
            return;
          }
        }
      }
    }
    this.addBig(d);
  }

  /** The same addition in BigInt (a coefficient past 2^53, or a scale step past 10^15). */
  private addBig(d: Decimal): void {
    let sum = this.big ?? BigInt(this.n);
    let x = typeof d.c === "bigint" ? d.c : BigInt(d.c);
    if (d.e > this.places) {
      sum *= 10n ** BigInt(d.e - this.places);
      this.places = d.e;
    } else if (d.e < this.places) x *= 10n ** BigInt(this.places - d.e);
    sum += x;
    if (sum <= MAX_BIG && sum >= -MAX_BIG) {
      this.n = Number(sum);
      this.big = null;
    } else this.big = sum;
  }

  /** The sum as a Decimal (canonical: trailing zeros dropped, as every Decimal operation does). */
  value(): Decimal {
    return decimalOf(this.big ?? this.n, this.places);
  }
}
