import { describe, expect, it } from "vitest";
import { dec } from "@/lib/core";
import { decimalOfNumber, decimalOfText } from "./fast-decimal";

/** The same Decimal: coefficient and places (so also canonical, as dec() gives it). */
const same = (a: ReturnType<typeof dec> | null, b: ReturnType<typeof dec>) => {
  expect(a).not.toBeNull();
  expect([typeof a!.c === "bigint" ? a!.c.toString() : a!.c, a!.e]).toEqual([typeof b.c === "bigint" ? b.c.toString() : b.c, b.e]);
};

/** A seeded generator, so a failure repeats. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe("decimalOfNumber: a double as the Decimal of its shortest text", () => {
  it("reads a bill's doubles as dec(String(v)) does", () => {
    // 0.04048 (a vCPU-hour), 0.004445 (a GB-hour), 0.000111 (storage), 1e-10-scale costs, whole numbers, negatives.
    for (const v of [0.04048, 0.004445, 0.000111, 0.0000111, 0.02024, 2.5e-7, 3, -3, 0.1, 0.2, 0.3, 1234.5678, -0.0064767, 0.0404800001, 123456.789])
      same(decimalOfNumber(v), dec(String(v)));
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: its shortest text has 17 decimals, past the fast path.
    expect(decimalOfNumber(0.1 + 0.2)).toBeNull();
  });

  it("gives 0 for 0 and -0, and null for what it cannot read exactly", () => {
    expect(decimalOfNumber(0)!.c).toBe(0);
    expect(decimalOfNumber(-0)!.c).toBe(0);
    for (const v of [NaN, Infinity, -Infinity, 2 ** 53, 1e21, 1 / 3]) expect(decimalOfNumber(v)).toBeNull();
  });

  it("agrees with dec(String(v)) on 200,000 random decimals of 0 to 12 places, and on random doubles", () => {
    const r = rng(20);
    for (let i = 0; i < 200_000; i++) {
      const places = Math.floor(r() * 13);
      const v = Number((r() * 10 ** Math.floor(r() * 7) * (r() < 0.2 ? -1 : 1)).toFixed(places));
      const q = decimalOfNumber(v);
      const d = dec(String(v));
      // Not read only when its coefficient is near 2^52 or past it (16 digits; near 2^52 the product v x 10^e can be a
      // unit off, so the check fails and the careful reader takes it).
      if (q) same(q, d);
      else expect(Math.abs(Number(d.c))).toBeGreaterThanOrEqual(2 ** 50);
    }
    for (let i = 0; i < 50_000; i++) {
      const v = (r() - 0.5) * 10 ** Math.floor(r() * 12 - 4);
      const q = decimalOfNumber(v);
      // Either not read (its shortest text is longer than 15 places) or the same Decimal.
      if (q) same(q, dec(String(v)));
    }
  });
});

describe("decimalOfText: a short plain decimal read directly", () => {
  it("reads the texts bills write as dec() does", () => {
    for (const s of ["0.0404800000", "-12.5", "3", ".5", "7.", "007", "-0", "0", "0.000", "100", "123456789012345", "-1.00000000000"])
      same(decimalOfText(s), dec(s));
  });

  it("leaves to the careful reader what is not a short plain decimal", () => {
    for (const s of ["", "-", ".", "-.", "1e5", "1E5", "+1", " 1", "1 ", "1.2.3", "1,5", "0x10", "NaN", "1234567890123456", "0.0000000000000001", "١٢"])
      expect(decimalOfText(s)).toBeNull();
  });

  it("agrees with dec() on 100,000 random short decimals", () => {
    const r = rng(24);
    for (let i = 0; i < 100_000; i++) {
      const int = String(Math.floor(r() * 10 ** Math.floor(r() * 7)));
      const frac = String(Math.floor(r() * 1e8))
        .padStart(8, "0")
        .slice(0, Math.floor(r() * 8));
      const s = `${r() < 0.2 ? "-" : ""}${r() < 0.1 ? "" : int}${frac || r() < 0.5 ? "." : ""}${frac}`;
      if (!/\d/.test(s)) continue;
      same(decimalOfText(s), dec(s));
    }
  });
});
