import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, ZERO } from "@/lib/core";
import { env } from "@/lib/env";
import { ExactSum } from "./exact-sum";

const sumOf = (xs: readonly string[]) => {
  const s = new ExactSum();
  for (const x of xs) s.add(dec(x));
  return s.value();
};

describe("ExactSum", () => {
  it("adds bill amounts exactly, by hand", () => {
    // 0.02024 + 0.004445 + 0.000555 = 0.025240: five, six and six places, 0.02524 once the trailing zero is dropped.
    expect(sumOf(["0.02024", "0.004445", "0.000555"]).toString()).toBe("0.02524");
    // 0.1 + 0.2 = 0.3 (not 0.30000000000000004), and 0.1 + 0.2 - 0.3 = 0.
    expect(sumOf(["0.1", "0.2"]).toString()).toBe("0.3");
    expect(sumOf(["0.1", "0.2", "-0.3"])).toBe(ZERO);
    // 0.04048 x 100,000 rows = 4,048 (100,000 additions of 4048 at 5 places: 404,800,000 at 5 places).
    const s = new ExactSum();
    for (let i = 0; i < 100_000; i++) s.add(dec("0.04048"));
    expect(s.value().toString()).toBe("4048");
    expect(new ExactSum().value()).toBe(ZERO);
  });

  it("past 2^53 and back: BigInt coefficients, and a scale step past 10^15", () => {
    // 9007199254740991 (2^53 - 1) + 1 = 9007199254740992, then - 2 = 9007199254740990 (a safe integer again).
    expect(sumOf(["9007199254740991", "1"]).toString()).toBe("9007199254740992");
    expect(sumOf(["9007199254740991", "1", "-2"]).toString()).toBe("9007199254740990");
    // 123456789.123456789 (9 places) + 0.00000000000000000001 (20 places): the first coefficient times 10^11 is past 2^53.
    expect(sumOf(["123456789.123456789", "0.00000000000000000001"]).toString()).toBe("123456789.12345678900000000001");
    // 1 + 1e-20 (a step of 20 places at once) - 1e-20 = 1.
    expect(sumOf(["1", "1e-20", "-1e-20"]).toString()).toBe("1");
    // A BigInt addend: 12345678901234567890.5 + 0.5 = 12345678901234567891.
    expect(sumOf(["12345678901234567890.5", "0.5"]).toString()).toBe("12345678901234567891");
  });

  it("is the Decimal sum of any addends, in any order", () => {
    const amount = fc.oneof(
      // Bill-like amounts: up to 10 places.
      fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 10 })).map(([c, e]) => (e ? `${c}e-${e}` : `${c}`)),
      // Large and very precise ones (the bounds of issue 19: 40 significant digits, 1e-40 to 1e21).
      fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 40 })).map(([c, e]) => `${c}e-${e}`),
      fc.constantFrom("0", "9007199254740991", "-9007199254740991", "0.000000000000001", "999999999999999.9"),
    );
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), (xs) => {
        const expected = xs.reduce((t, x) => t.plus(x), ZERO);
        const got = sumOf(xs);
        expect(got.toString()).toBe(expected.toString());
        expect(got).toEqual(expected);
      }),
      { numRuns: env.fcRuns ?? 500 },
    );
  });
});
