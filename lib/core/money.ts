/**
 * The one decimal type for money and billable quantities. AWS rates carry up to 10 decimals
 * (Windows memory 0.00511175 USD per GB-hour), so floats would drift by cents across a CSV and the screen.
 * Rates travel as decimal strings; arithmetic is exact; rounding (half-up, to cents) happens only for display.
 *
 * A Decimal is an integer coefficient and a count of decimal places: value = c / 10^e. The coefficient is a plain
 * number while it is a safe integer (|c| <= 2^53 - 1: every usual quantity and cost) and a BigInt above, so the
 * common case allocates one small object and no digit array. The form is canonical (no trailing zero in c when
 * e > 0; a number whenever it fits), so two equal values have equal fields. It follows big.js's semantics as this
 * project configured it (Big.DP = 20, Big.RM = half-up, plain notation): division keeps 20 decimals rounded half-up,
 * rounding is on the magnitude (half-up rounds half away from zero), and zero prints without a sign.
 * lib/core/money.test.ts checks every operation against big.js on random operands, byte for byte.
 */

/** Decimal places a division keeps (big.js's Big.DP in this project). */
export const DIVISION_PLACES = 20;

/** Rounding modes, numbered as big.js numbers them (Big.roundDown ... Big.roundUp), so callers may pass either. */
export const ROUND_DOWN = 0;
export const ROUND_HALF_UP = 1;
export const ROUND_HALF_EVEN = 2;
export const ROUND_UP = 3;
export type RoundingMode = 0 | 1 | 2 | 3;

type Coefficient = number | bigint;
/** What arithmetic accepts: a Decimal, a finite number or a decimal string. */
export type DecimalSource = Decimal | number | string;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** big.js's NE and PE as this project set them: exponent notation only at 1e-40 and below, 1e40 and above. */
const NE = -40;
const PE = 40;
const POW10: number[] = [];
for (let i = 0, p = 1; i <= 15; i++, p *= 10) POW10.push(p);
const POW10N: bigint[] = [];
function pow10n(k: number): bigint {
  let p = POW10N[k];
  if (p === undefined) {
    p = 10n ** BigInt(k);
    if (k < 400) POW10N[k] = p;
  }
  return p;
}

const big = (c: Coefficient): bigint => (typeof c === "bigint" ? c : BigInt(c));

/** c x 10^k, exact. */
function scaleUp(c: Coefficient, k: number): Coefficient {
  if (k === 0) return c;
  if (typeof c === "number" && k <= 15) {
    const r = c * POW10[k]!;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return big(c) * pow10n(k);
}

/** The canonical Decimal of c / 10^e: trailing zeros dropped, a number coefficient whenever it is a safe integer. */
function make(c: Coefficient, e: number): Decimal {
  if (typeof c === "bigint") {
    if (c <= 9007199254740991n && c >= -9007199254740991n) c = Number(c);
    else {
      if (e > 0 && c % 10n === 0n) {
        do {
          c /= 10n;
          e--;
        } while (e > 0 && c % 10n === 0n);
        if (c <= 9007199254740991n && c >= -9007199254740991n) c = Number(c);
      }
      if (typeof c === "bigint") return new Decimal(c, e);
    }
  }
  if (c === 0) return ZERO;
  // c is a safe integer: floor(c / 10) is exact (a quotient's fraction is at least 0.1 from an integer, more than
  // half the spacing of doubles below 2^50), so this tests for a trailing zero without a floating-point modulo.
  while (e > 0) {
    const q = Math.floor(c / 10);
    if (q * 10 !== c) break;
    c = q;
    e--;
  }
  return new Decimal(c, e);
}

/**
 * The Decimal of c / 10^e (c an integer, e >= 0) in canonical form, as every Decimal operation returns it: for readers
 * that build coefficients themselves (lib/billing's exact sums and fast number cells).
 */
export function decimalOf(c: Coefficient, e: number): Decimal {
  return make(c, e);
}

const PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

function parse(text: string): Decimal {
  const m = PATTERN.exec(text);
  if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) throw new Error(`[Decimal] Invalid number: ${text}`);
  const frac = m[3] ?? "";
  let digits = (m[2] ?? "") + frac;
  let e = frac.length - (m[4] ? Number(m[4]) : 0);
  if (e < 0) {
    digits += "0".repeat(-e);
    e = 0;
  }
  digits = digits.replace(/^0+(?=\d)/, "");
  const negative = m[1] === "-";
  const c: Coefficient = digits.length <= 15 ? Number(digits) : BigInt(digits);
  return make(negative ? (typeof c === "bigint" ? -c : -c) : c, e);
}

/** Rounds c / 10^e to `places` decimals (places < e) with a big.js rounding mode, on the magnitude. */
function roundCoefficient(c: Coefficient, e: number, places: number, mode: number): Decimal {
  const drop = e - places;
  const negative = c < 0;
  const m0 = negative ? -c : c;
  if (typeof m0 === "number" && drop <= 15 && m0 < 2 ** 52) {
    // m < 2^52 and d <= 10^15: every product below stays under 2^53, so it is exact.
    const d = POW10[drop]!;
    const m = m0;
    let q = Math.floor(m / d);
    let r = m - q * d;
    // The float quotient may round across an integer: correct q by the remainder.
    if (r < 0) {
      q -= 1;
      r += d;
    } else if (r >= d) {
      q += 1;
      r -= d;
    }
    if (r > 0 && roundsAway(mode, 2 * r - d, q % 2 === 1)) q += 1;
    return make(negative ? -q : q, places);
  }
  const m = big(m0);
  const d = pow10n(drop);
  let q = m / d;
  const r = m % d;
  if (r > 0n) {
    const twice = 2n * r - d;
    if (roundsAway(mode, twice > 0n ? 1 : twice < 0n ? -1 : 0, q % 2n === 1n)) q += 1n;
  }
  return make(negative ? -q : q, places);
}

/** Whether a non-zero remainder moves the magnitude up; `half` compares the remainder with one half (<0, 0, >0). */
function roundsAway(mode: number, half: number, odd: boolean): boolean {
  switch (mode) {
    case ROUND_DOWN:
      return false;
    case ROUND_HALF_UP:
      return half >= 0;
    case ROUND_HALF_EVEN:
      return half > 0 || (half === 0 && odd);
    case ROUND_UP:
      return true;
    default:
      throw new Error(`[Decimal] Invalid rounding mode: ${mode}`);
  }
}

export class Decimal {
  /** Integer coefficient: a number while it is a safe integer, a BigInt above. */
  readonly c: Coefficient;
  /** Decimal places: value = c / 10^e (e >= 0). */
  readonly e: number;

  constructor(c: Coefficient, e: number) {
    this.c = c;
    this.e = e;
  }

  plus(y: DecimalSource): Decimal {
    const b = dec(y);
    if (b.c === 0) return this;
    if (this.c === 0) return b;
    let xc = this.c;
    let yc = b.c;
    const e = this.e > b.e ? this.e : b.e;
    if (this.e < e) xc = scaleUp(xc, e - this.e);
    else if (b.e < e) yc = scaleUp(yc, e - b.e);
    if (typeof xc === "number" && typeof yc === "number") {
      const r = xc + yc;
      if (r <= MAX_SAFE && r >= -MAX_SAFE) return make(r, e);
    }
    return make(big(xc) + big(yc), e);
  }

  minus(y: DecimalSource): Decimal {
    return this.plus(dec(y).neg());
  }

  times(y: DecimalSource): Decimal {
    const b = dec(y);
    const xc = this.c;
    const yc = b.c;
    if (typeof xc === "number" && typeof yc === "number") {
      const r = xc * yc;
      if (r <= MAX_SAFE && r >= -MAX_SAFE) return make(r === 0 ? 0 : r, this.e + b.e);
    }
    return make(big(xc) * big(yc), this.e + b.e);
  }

  /** this / y, rounded half-up to DIVISION_PLACES decimals (as big.js with DP = 20). Throws on division by zero. */
  div(y: DecimalSource): Decimal {
    const b = dec(y);
    if (b.c === 0) throw new Error("[Decimal] Division by zero");
    if (this.c === 0) return ZERO;
    // x / y = (xc / 10^xe) / (yc / 10^ye); scaled by 10^DP: xc x 10^(ye + DP - xe) / yc.
    let num = big(this.c);
    let den = big(b.c);
    const shift = b.e + DIVISION_PLACES - this.e;
    if (shift >= 0) num *= pow10n(shift);
    else den *= pow10n(-shift);
    const negative = num < 0n !== den < 0n;
    if (num < 0n) num = -num;
    if (den < 0n) den = -den;
    let q = num / den;
    const r = num % den;
    if (r > 0n && 2n * r >= den) q += 1n;
    return make(negative ? -q : q, DIVISION_PLACES);
  }

  neg(): Decimal {
    if (this.c === 0) return this;
    return new Decimal(typeof this.c === "bigint" ? -this.c : -this.c, this.e);
  }

  abs(): Decimal {
    return this.c < 0 ? this.neg() : this;
  }

  /** Rounds to `places` decimals (default 0) with a big.js rounding mode (default half-up). */
  round(places = 0, mode: number = ROUND_HALF_UP): Decimal {
    if (this.e <= places) return this;
    return roundCoefficient(this.c, this.e, places, mode);
  }

  cmp(y: DecimalSource): -1 | 0 | 1 {
    const b = dec(y);
    let xc = this.c;
    let yc = b.c;
    if (this.e !== b.e) {
      const e = this.e > b.e ? this.e : b.e;
      xc = scaleUp(xc, e - this.e);
      yc = scaleUp(yc, e - b.e);
    }
    return xc < yc ? -1 : xc > yc ? 1 : 0;
  }

  eq(y: DecimalSource): boolean {
    return this.cmp(y) === 0;
  }
  gt(y: DecimalSource): boolean {
    return this.cmp(y) > 0;
  }
  gte(y: DecimalSource): boolean {
    return this.cmp(y) >= 0;
  }
  lt(y: DecimalSource): boolean {
    return this.cmp(y) < 0;
  }
  lte(y: DecimalSource): boolean {
    return this.cmp(y) <= 0;
  }

  /**
   * Full-precision decimal string without trailing zeros ("0.0001", "36.0401", "2190"); plain notation from 1e-39 to
   * below 1e40 (big.js with NE = -40, PE = 40), exponent notation ("5e-324") beyond, where no bill goes.
   */
  toString(): string {
    const c = this.c;
    if (c === 0) return "0";
    const negative = c < 0;
    const digits = String(negative ? (typeof c === "bigint" ? -c : -c) : c);
    const exponent = digits.length - 1 - this.e;
    if (exponent <= NE || exponent >= PE) {
      const rest = digits.slice(1).replace(/0+$/, "");
      const mantissa = rest ? `${digits[0]}.${rest}` : digits[0];
      return `${negative ? "-" : ""}${mantissa}e${exponent < 0 ? "" : "+"}${exponent}`;
    }
    return (negative ? "-" : "") + this.toPlainString(digits);
  }

  /** Plain notation at any magnitude (big.js toFixed() without places). */
  private toPlainString(digits: string): string {
    const e = this.e;
    let out: string;
    if (e === 0) out = digits;
    else if (digits.length > e) out = `${digits.slice(0, digits.length - e)}.${digits.slice(digits.length - e)}`;
    else out = `0.${"0".repeat(e - digits.length)}${digits}`;
    return out;
  }

  /** Exactly `places` decimals, rounded half-up by default (as big.js toFixed with RM = half-up); unrounded without places. */
  /** `sd` significant digits, as big.js's toPrecision writes them (exponent notation where it does). */
  toPrecision(sd: number, mode: number = ROUND_HALF_UP): string {
    return toPrecisionText(this, sd, mode);
  }

  toFixed(places?: number, mode: number = ROUND_HALF_UP): string {
    if (places === undefined) {
      const c = this.c;
      if (c === 0) return "0";
      const negative = c < 0;
      return (negative ? "-" : "") + this.toPlainString(String(negative ? (typeof c === "bigint" ? -c : -c) : c));
    }
    const r = this.round(places, mode);
    // As big.js: a negative value keeps its sign even when it rounds to zero ("-0.00").
    const s = r.c === 0 && this.c < 0 ? "-0" : r.toFixed();
    if (places === 0) return s;
    const dot = s.indexOf(".");
    const have = dot < 0 ? 0 : s.length - dot - 1;
    return (dot < 0 ? `${s}.` : s) + "0".repeat(places - have);
  }

  toJSON(): string {
    return this.toString();
  }

  valueOf(): string {
    return this.toString();
  }

  toNumber(): number {
    return Number(this.toString());
  }
}

export const ZERO: Decimal = new Decimal(0, 0);

export function isDecimal(value: unknown): value is Decimal {
  return value instanceof Decimal;
}

/** A Decimal from a decimal string, a finite number or a Decimal (returned as is). Throws on anything else. */
export function dec(value: DecimalSource): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`[Decimal] Invalid number: ${value}`);
    if (Number.isSafeInteger(value)) return make(value === 0 ? 0 : value, 0);
  }
  return parse(String(value));
}

/**
 * The exact sum. Coefficients are added per number of decimal places without a Decimal per step (a 10,000-workload
 * total is 10,000 additions of plain integers), then the few partial sums are aligned and added once.
 */
export function sum(values: Iterable<Decimal>): Decimal {
  const acc = new Sum();
  for (const v of values) acc.add(v);
  return acc.total();
}

/** A running exact sum (see sum): add values, read the total. */
export class Sum {
  private readonly byPlaces: Coefficient[] = [];
  add(v: Decimal): void {
    const e = v.e;
    const c = v.c;
    const have = this.byPlaces[e];
    if (have === undefined) {
      for (let i = this.byPlaces.length; i < e; i++) this.byPlaces.push(0);
      this.byPlaces[e] = c;
      return;
    }
    if (typeof have === "number" && typeof c === "number") {
      const r = have + c;
      if (r <= MAX_SAFE && r >= -MAX_SAFE) {
        this.byPlaces[e] = r;
        return;
      }
    }
    this.byPlaces[e] = big(have) + big(c);
  }
  total(): Decimal {
    let total = ZERO;
    for (let e = 0; e < this.byPlaces.length; e++) {
      const c = this.byPlaces[e]!;
      if (c !== 0 && c !== 0n) total = total.plus(make(c, e));
    }
    return total;
  }
}

/** Rounds half-up to whole cents, as a fixed two-decimal string ("36.04"). */
export function toCents(value: Decimal): string {
  // Round first: a tiny negative amount shows as "0.00", not "-0.00".
  return value.round(2, ROUND_HALF_UP).toFixed(2);
}

/** Full-precision decimal string without exponent notation or trailing zeros. */
export function toPlain(value: Decimal): string {
  return value.toString();
}

const parsedNumbers = new Map<number, Decimal>();
/** The whole numbers 0 to 1023 (task counts, GiB, percents), made once. */
const SMALL: Decimal[] = Array.from({ length: 1024 }, (_, i) => (i === 0 ? ZERO : new Decimal(i, 0)));
/** A small input number (vCPU, GiB, task count, percent) as a decimal, parsed once: Decimals are immutable. */
export function num(value: number): Decimal {
  if (value >= 0 && value < 1024 && (value | 0) === value) return SMALL[value]!;
  let r = parsedNumbers.get(value);
  if (!r) {
    r = dec(value);
    if (parsedNumbers.size < 10_000) parsedNumbers.set(value, r);
  }
  return r;
}

const parsedRates = new Map<string, Decimal>();
/** A published rate string as a decimal, parsed once (rates repeat across thousands of workloads). */
export function rate(usd: string): Decimal {
  let r = parsedRates.get(usd);
  if (!r) {
    r = dec(usd);
    if (parsedRates.size < 10_000) parsedRates.set(usd, r);
  }
  return r;
}

/**
 * `sd` significant digits (1 to 1e6), rounded with a big.js rounding mode (default half-up) on the magnitude, as
 * big.js's toPrecision: exponent notation when the value's exponent is sd or more, or at or beyond NE / PE
 * ("1.2e+3" for 1234 to 2 digits; "0.0028" for 0.00276); zero as "0.0" to 2 digits; a negative keeps its sign.
 */
function toPrecisionText(value: Decimal, sd: number, mode: number): string {
  if (!Number.isInteger(sd) || sd < 1 || sd > 1e6) throw new Error(`[Decimal] Invalid precision: ${sd}`);
  const c = value.c;
  const negative = c < 0;
  let m = big(negative ? (typeof c === "bigint" ? -c : -c) : c);
  let digits = m === 0n ? "0" : m.toString();
  // The exponent of the first significant digit: value = d.ddd x 10^exponent.
  let exponent = m === 0n ? 0 : digits.length - 1 - value.e;
  if (digits.length > sd) {
    const d = pow10n(digits.length - sd);
    const r = m % d;
    m /= d;
    if (r > 0n) {
      const twice = 2n * r - d;
      if (roundsAway(mode, twice > 0n ? 1 : twice < 0n ? -1 : 0, m % 2n === 1n)) m += 1n;
    }
    digits = m.toString();
    // 9.99 to 2 digits is 10: one digit more, the exponent one up.
    if (digits.length > sd) {
      digits = digits.slice(0, sd);
      exponent++;
    }
  } else digits = digits.padEnd(sd, "0");
  let s: string;
  if (sd <= exponent || exponent <= NE || exponent >= PE) s = `${digits[0]}${sd > 1 ? `.${digits.slice(1)}` : ""}e${exponent < 0 ? "" : "+"}${exponent}`;
  else if (exponent < 0) s = `0.${"0".repeat(-exponent - 1)}${digits}`;
  else if (exponent + 1 < sd) s = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  else s = digits;
  return negative ? `-${s}` : s;
}
