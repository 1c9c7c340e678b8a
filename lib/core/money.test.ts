import Big from "big.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, Decimal, num, rate, sum, toCents, toPlain, ZERO } from "./money";

// The reference: big.js configured as the engine configured it before it had its own decimal.
const B = Big();
B.DP = 20;
B.RM = Big.roundHalfUp;
B.NE = -40;
B.PE = 40;

/** Decimal strings shaped like the engine's operands: rates (up to 10 decimals), quantities, long division results. */
const decimalString = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant(""), fc.stringMatching(/^[0-9]{1,6}$/), fc.stringMatching(/^[0-9]{1,25}$/)),
    fc.oneof(fc.constant(""), fc.stringMatching(/^[0-9]{1,10}$/), fc.stringMatching(/^[0-9]{1,30}$/)),
  )
  .map(([negative, int, frac]) => `${negative ? "-" : ""}${int || "0"}${frac ? `.${frac}` : ""}`);
const operand = fc.oneof(
  decimalString,
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
);

describe("Decimal (BigInt-backed) against big.js", () => {
  it("plus, minus, times, div, cmp and toString agree with big.js byte for byte", () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const x = dec(a);
        const y = dec(b);
        expect(x.toString()).toBe(new B(a).toString());
        expect(x.plus(y).toString()).toBe(new B(a).plus(b).toString());
        expect(x.minus(y).toString()).toBe(new B(a).minus(b).toString());
        expect(x.times(y).toString()).toBe(new B(a).times(b).toString());
        expect(JSON.stringify({ v: x.times(y) })).toBe(JSON.stringify({ v: new B(a).times(b) }));
        if (!new B(b).eq(0)) expect(x.div(y).toString()).toBe(new B(a).div(b).toString());
        expect(x.cmp(y)).toBe(new B(a).cmp(b));
        expect([x.eq(y), x.gt(y), x.gte(y), x.lt(y), x.lte(y)]).toEqual([new B(a).eq(b), new B(a).gt(b), new B(a).gte(b), new B(a).lt(b), new B(a).lte(b)]);
      }),
    );
  });

  it("round (every mode), toFixed, toCents, abs, neg and toNumber agree with big.js", () => {
    fc.assert(
      fc.property(operand, fc.integer({ min: 0, max: 12 }), fc.constantFrom(0, 1, 2, 3), (a, dp, rm) => {
        const x = dec(a);
        const r = new B(a);
        expect(x.round(dp, rm).toString()).toBe(r.round(dp, rm as Big.RoundingMode).toString());
        expect(x.round(dp).toString()).toBe(r.round(dp).toString());
        expect(x.toFixed(dp)).toBe(r.toFixed(dp));
        expect(x.toFixed()).toBe(r.toFixed());
        expect(toCents(x)).toBe(r.round(2, Big.roundHalfUp).toFixed(2));
        expect(x.abs().toString()).toBe(r.abs().toString());
        expect(x.neg().toString()).toBe(r.neg().toString());
        // The one documented difference: no negative zero (big.js's -0 reads as 0 here; + 0 folds -0 into 0).
        expect(x.toNumber()).toBe(r.toNumber() + 0);
        expect(Number(x)).toBe(Number(r) + 0);
      }),
    );
  });

  it("is canonical: equal values have equal fields (so toEqual compares values)", () => {
    fc.assert(
      fc.property(decimalString, fc.integer({ min: 0, max: 20 }), (a, zeros) => {
        const padded = a.includes(".") ? `${a}${"0".repeat(zeros)}` : `${a}.${"0".repeat(zeros)}`;
        expect(dec(padded)).toEqual(dec(a));
        expect(dec(a).times(1000).div(1000)).toEqual(dec(a).round(20, 1));
      }),
    );
    expect(dec("2190.00")).toEqual(dec(2190));
    expect(dec("0.000")).toBe(ZERO);
    expect(dec("-0")).toBe(ZERO);
    expect(dec("123456789012345678901234567890").minus("123456789012345678901234567889")).toEqual(dec(1));
  });

  it("keeps exact values beyond 2^53 and 20 decimals of division", () => {
    // 2^53 + 1 is not a float: the coefficient moves to BigInt and back when the value shrinks.
    expect(dec("9007199254740993").toString()).toBe("9007199254740993");
    expect(dec("9007199254740993").minus(2).toString()).toBe("9007199254740991");
    expect(dec("9007199254740993").minus(2).c).toBe(9007199254740991);
    // 1 / 3 keeps 20 decimals; 2 / 3 rounds the 20th half-up.
    expect(dec(1).div(3).toString()).toBe("0.33333333333333333333");
    expect(dec(2).div(3).toString()).toBe("0.66666666666666666667");
    // 61 s of batch at the Linux vCPU rate: 0.01694444444444444444 h x 0.04048 = 0.0006859111111111111109312.
    expect(dec(61).div(3600).times("0.04048").toString()).toBe("0.0006859111111111111109312");
    expect(() => dec(1).div(0)).toThrow(/Division by zero/);
    expect(() => dec("abc")).toThrow(/Invalid number/);
    expect(() => dec(Number.NaN)).toThrow(/Invalid number/);
  });

  it("sum (per-scale accumulation) agrees with big.js adding one by one", () => {
    fc.assert(
      fc.property(fc.array(operand, { maxLength: 40 }), (values) => {
        expect(sum(values.map((v) => dec(v))).toString()).toBe(values.reduce((t, v) => t.plus(v), new B(0)).toString());
      }),
    );
    // Partial sums past 2^53 move to BigInt.
    expect(sum([dec("9007199254740991"), dec(2), dec("0.5"), dec("-0.5")]).toString()).toBe("9007199254740993");
  });

  it("sum, toPlain, num and rate", () => {
    expect(toPlain(sum([dec("0.1"), dec("0.2"), dec("0.0000001")]))).toBe("0.3000001");
    expect(sum([])).toBe(ZERO);
    expect(num(0.25)).toBe(num(0.25));
    expect(rate("0.04048")).toBe(rate("0.04048"));
    expect(rate("0.04048")).toBeInstanceOf(Decimal);
    expect(toPlain(dec("1e-7"))).toBe("0.0000001");
    expect(dec(1e21).toString()).toBe("1000000000000000000000");
  });

  it("toPrecision (significant digits, every mode) agrees with big.js, exponent notation included", () => {
    // Tiny and huge magnitudes too: big.js switches to exponent notation at 1e-40 and 1e40 (NE, PE) or when the
    // exponent reaches the digits asked for.
    const scaled = fc.tuple(operand, fc.integer({ min: -48, max: 48 })).map(([a, k]) => new B(a).times(new B(10).pow(k)).toFixed());
    fc.assert(
      fc.property(fc.oneof(operand, scaled), fc.integer({ min: 1, max: 25 }), fc.constantFrom(0, 1, 2, 3), (a, sd, rm) => {
        expect(dec(a).toPrecision(sd, rm)).toBe(new B(a).toPrecision(sd, rm as Big.RoundingMode));
        expect(dec(a).toPrecision(sd)).toBe(new B(a).toPrecision(sd));
      }),
    );
    // By hand: 0.00276 to 2 digits rounds the 6 up (0.0028); 1234 to 2 digits is 1.2 x 10^3, the exponent (3)
    // reaching the digits (2); 9.99 to 2 digits carries to 10; zero keeps its digits; half-up is on the magnitude.
    expect(dec("0.00276").toPrecision(2)).toBe("0.0028");
    expect(dec(1234).toPrecision(2)).toBe("1.2e+3");
    expect(dec("9.99").toPrecision(2)).toBe("10");
    expect(ZERO.toPrecision(2)).toBe("0.0");
    expect(dec("-0.00125").toPrecision(2)).toBe("-0.0013");
    expect(dec("-0.00125").toPrecision(2, 0)).toBe("-0.0012");
    // At the notation boundaries: exponent -40 (NE) and 40 (PE) switch to exponent notation, -39 and 39 do not.
    expect(dec("1e-40").toPrecision(2)).toBe("1.0e-40");
    expect(dec("1e-39").toPrecision(1)).toBe(`0.${"0".repeat(38)}1`);
    expect(dec("1e40").toPrecision(45)).toBe(`1.${"0".repeat(44)}e+40`);
    expect(dec("1e39").toPrecision(45)).toBe(`1${"0".repeat(39)}.${"0".repeat(5)}`);
    for (const a of ["1e-40", "1e-39", "1e40", "1e39", "9.96e-41", "9.96e39"])
      for (const sd of [1, 2, 41, 45]) expect(dec(a).toPrecision(sd)).toBe(new B(a).toPrecision(sd));
    expect(() => dec(1).toPrecision(0)).toThrow(/Invalid precision/);
  });
});
