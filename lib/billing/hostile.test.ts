/**
 * Hostile and damaged bills (issue 19 items 2, 3, 6, 8, 10): each is refused quickly with one sentence naming the
 * file, never read as a valid $0 answer, and never allowed to take unbounded time or memory.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BillError } from "./columns";
import { numberOutOfBounds } from "./accumulate";
import { fixture, reconcileCsvText } from "./test-helpers";

const CUR2 = readFileSync(fixture("cur2-fargate.csv"), "utf8");
const LINES = CUR2.split("\n");
/** The CUR 2.0 fixture with its first data row's unblended cost (0.04048) replaced. */
const withCost = (cost: string) => [LINES[0], LINES[1]!.replace(",0.04048,0.04048,", `,0.04048,${cost},`), ...LINES.slice(2)].join("\n");
const withQuantity = (q: string) => [LINES[0], LINES[1]!.replace(",1,0.04048,", `,${q},0.04048,`), ...LINES.slice(2)].join("\n");

async function errorOf(read: Promise<unknown>): Promise<string> {
  try {
    await read;
  } catch (e) {
    expect(e).toBeInstanceOf(BillError);
    return (e as Error).message;
  }
  throw new Error("expected a BillError");
}

describe("item 2: every number read from a bill is bounded before any arithmetic", () => {
  it("refuses huge and tiny exponents and long digit strings, naming the line and the column", async () => {
    // 1e9999 has a 4-digit exponent (the syntax allows it) but would be a 10,000-digit integer in every sum.
    for (const cost of ["1e9999", "1e-9999", "1e21", "9".repeat(41), `0.${"0".repeat(40)}1`]) {
      const t0 = Date.now();
      expect(await errorOf(reconcileCsvText(withCost(cost)))).toMatch(
        /^bill\.csv, line 2: line_item_unblended_cost is "[^"]+", out of the bounds of a bill's numbers \(.+\); the file may be damaged\.$/,
      );
      expect(Date.now() - t0).toBeLessThan(2000);
    }
    expect(await errorOf(reconcileCsvText(withQuantity("1e9999")))).toMatch(/^bill\.csv, line 2: line_item_usage_amount is "1e9999", out of the bounds/);
  });

  it("reads what real bills write: float residue, long rates, plain zeros", async () => {
    // -1.1102230246251565e-16 is the kind of residue AWS's float sums leave in CUR cost columns: 17 digits, 1e-16.
    for (const ok of ["-1.1102230246251565e-16", "0.0000000000000000000000000000000000000001", "123456789012345678901", "0e9999", "0.000"]) {
      expect(numberOutOfBounds(ok)).toBeNull();
    }
    expect(numberOutOfBounds("1234567890123456789012")).toBe("it is 1e21 or more");
    expect(numberOutOfBounds("1e-41")).toBe("it is below 1e-40 (and not zero)");
    expect(numberOutOfBounds(`1.${"2".repeat(40)}`)).toBe("it has more than 40 significant digits");
    expect(numberOutOfBounds("1".padEnd(101, "0"))).toBe("it is longer than 100 characters");
    // A bounded value still adds exactly: 0.04048 -> 0.04048 + 1e-40 - 0.04048 = the fixture's total + 1e-40.
    const r = await reconcileCsvText(withCost("0.0404800000000000000000000000000000000001"));
    expect(r.totals.effectiveCost).toBe("0.2250486250000000000000000000000000000001");
  });
});
