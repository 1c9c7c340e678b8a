import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, sum } from "@/lib/pricing/money";
import { allocateCents } from "./cents";

const cents = (values: string[], total?: string) => allocateCents(values.map(dec), total === undefined ? undefined : dec(total)).map((d) => d.toFixed(2));

describe("allocateCents", () => {
  it.each([
    // 142.5454575 + 0.2057083 = 142.7511658 -> 142.75; each rounded alone gives 142.55 + 0.21 = 142.76.
    // Floors 142.54 + 0.20 = 142.74; one cent missing goes to the larger remainder (0.0057083 > 0.0054575).
    [["142.5454575", "0.2057083"], undefined, ["142.54", "0.21"]],
    // 0.005 + 0.005 = 0.01: floors 0 + 0, one cent to the first of two equal remainders.
    [["0.005", "0.005"], undefined, ["0.01", "0.00"]],
    // Exact cents stay as they are: 36.04 + 72.08 = 108.12.
    [["36.04", "72.08"], undefined, ["36.04", "72.08"]],
    // 0.333 x 3 = 0.999 -> 1.00: floors 0.33 x 3 = 0.99, one cent to the first.
    [["0.333", "0.333", "0.333"], undefined, ["0.34", "0.33", "0.33"]],
    // A parent allocation one cent lower: 0.014 + 0.014 (0.028 -> 0.03) shown as 0.02 in total.
    // Floors 0.01 + 0.01 = 0.02: nothing to add. As 0.01: one cent taken from the smallest remainder (the later part).
    [["0.014", "0.014"], "0.02", ["0.01", "0.01"]],
    [["0.014", "0.014"], "0.01", ["0.01", "0.00"]],
    [[], undefined, []],
  ])("%j (total %s) -> %j", (values, total, expected) => {
    expect(cents(values as string[], total)).toEqual(expected);
  });

  it("always sums to the rounded total, each part within a cent of its exact value", () => {
    const part = fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => dec(n).div(1e6)); // up to $10,000 with 6 decimals
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), (parts) => {
        const out = allocateCents(parts);
        expect(sum(out).eq(sum(parts).round(2, 1))).toBe(true);
        out.forEach((o, i) => expect(o.minus(parts[i]!).abs().lt("0.01")).toBe(true));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });
});
