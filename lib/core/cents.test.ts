import Big from "big.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, toCents } from "./money";
import "@/test/setup-fast-check";
import { allocateCents, centsToString } from "./cents";

const toCentsInt = (s: string) => BigInt(s.replace(".", ""));

describe("allocateCents (largest remainder)", () => {
  it.each([
    // 0.005 + 0.005 = 0.01. Rounded alone: 0.01 + 0.01 = 0.02 beside a total of 0.01 (off by a cent).
    // Floors 0.00 + 0.00; one cent missing; equal remainders: the earlier row gets it.
    [["0.005", "0.005"], undefined, ["0.01", "0.00"]],
    // 29.5504 + 6.4897 = 36.0401 -> 36.04; alone 29.55 + 6.49 = 36.04: nothing moves (the common case).
    [["29.5504", "6.4897"], undefined, ["29.55", "6.49"]],
    // 1.006 x 3 = 3.018 -> 3.02. Alone: 1.01 x 3 = 3.03 (a cent too many). Floors 1.00 x 3 = 3.00, two cents missing,
    // equal remainders (0.006): rows 1 and 2 get them.
    [["1.006", "1.006", "1.006"], undefined, ["1.01", "1.01", "1.00"]],
    // 0.333 x 3 = 0.999 -> 1.00. Alone: 0.33 x 3 = 0.99 (a cent short). Floors 0.99, one cent to the first.
    [["0.333", "0.333", "0.333"], undefined, ["0.34", "0.33", "0.33"]],
    // The largest remainder wins over order: 142.5454575 (rest 0.0054575) + 0.2057083 (rest 0.0057083) = 142.7511658
    // -> 142.75; floors 142.54 + 0.20 = 142.74; the cent goes to the second row (the larger remainder).
    [["142.5454575", "0.2057083"], undefined, ["142.54", "0.21"]],
    // Negatives floor toward minus infinity: -0.004 -> -0.01 (rest 0.006), 0.009 -> 0.00 (rest 0.009).
    // Total 0.005 -> 0.01 (half-up); floors -0.01 + 0.00 = -0.01; two cents missing: 0.009 first, then -0.004.
    [["-0.004", "0.009"], undefined, ["0.00", "0.01"]],
    // A parent's total: 0.014 + 0.014 = 0.028 (-> 0.03 alone) allocated as 0.02 by its parent table.
    [["0.014", "0.014"], "0.02", ["0.01", "0.01"]],
    [["0.014", "0.014"], "0.04", ["0.02", "0.02"]],
    [["0.014", "0.014"], "0.01", ["0.01", "0.00"]],
    [[], undefined, []],
    [[], "0", []],
  ])("%j (total %s) -> %j", (parts, total, expected) => {
    expect(allocateCents(parts as string[], total)).toEqual(expected);
  });

  it("reads exact decimals (big.js) and numbers as well as strings", () => {
    expect(allocateCents([new Big("0.005"), new Big("0.005")])).toEqual(["0.01", "0.00"]);
    expect(allocateCents([1.5, 2])).toEqual(["1.50", "2.00"]);
  });

  it("refuses what is not a number", () => {
    expect(() => allocateCents(["abc"])).toThrow(/Invalid number/);
    // Exponent notation is a number: 1e-7 + 0.005 = 0.0050001 -> 0.01, to the larger remainder.
    expect(allocateCents(["1e-7", "0.005"])).toEqual(["0.00", "0.01"]);
  });

  it("formats whole cents", () => {
    expect([0n, 5n, -5n, 1234n, -100n].map(centsToString)).toEqual(["0.00", "0.05", "-0.05", "12.34", "-1.00"]);
  });

  // Up to $1,000,000 with up to 10 decimals (AWS rates carry 10), negatives included (a discount line).
  const amount = fc
    .tuple(fc.bigInt({ min: -1_000_000n * 10n ** 10n, max: 1_000_000n * 10n ** 10n }), fc.integer({ min: 0, max: 10 }))
    .map(([units, scale]) => new Big(units.toString()).div(new Big(10).pow(scale)).toString());

  it("sums exactly to the half-up rounded total (as toCents shows it), each row within a cent of its exact value", () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 40 }), (parts) => {
        const out = allocateCents(parts);
        const exactTotal = parts.reduce((t, p) => t.plus(p), new Big(0));
        expect(out.reduce((t, c) => t + toCentsInt(c), 0n)).toBe(toCentsInt(toCents(dec(exactTotal.toString()))));
        out.forEach((c, i) => {
          const diff = new Big(c).minus(parts[i]!).abs();
          expect(diff.lt("0.01")).toBe(true);
        });
      }),
    );
  });

  it("is deterministic, and ties go by position: permuting equal rows permutes nothing else", () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 20 }), (parts) => {
        expect(allocateCents(parts)).toEqual(allocateCents([...parts]));
        // Every row that got a cent above its floor has a remainder at least as large as every row that did not.
        const out = allocateCents(parts);
        const floor = (p: string) =>
          new Big(p)
            .times(100)
            .round(0, Big.roundDown)
            .minus(new Big(p).lt(0) && !new Big(p).mod("0.01").eq(0) ? 1 : 0)
            .div(100);
        const rest = (i: number) => new Big(parts[i]!).minus(floor(parts[i]!));
        const up = parts.map((p, i) => new Big(out[i]!).gt(floor(p)));
        for (let i = 0; i < parts.length; i++) for (let j = 0; j < parts.length; j++) if (up[i] && !up[j]) expect(rest(i).gte(rest(j))).toBe(true);
      }),
    );
  });

  it("adds up to a parent's allocated total, whatever it is", () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 20 }), fc.integer({ min: -3, max: 3 }), (parts, shift) => {
        const natural = allocateCents(parts).reduce((t, c) => t + toCentsInt(c), 0n);
        const target = natural + BigInt(shift);
        const out = allocateCents(parts, centsToString(target));
        expect(out.reduce((t, c) => t + toCentsInt(c), 0n)).toBe(target);
      }),
    );
  });
});
