import { describe, expect, it } from "vitest";
import { plural } from "./format";

describe("plural", () => {
  it("is singular for exactly 1 and plural otherwise, from numbers and decimal strings", () => {
    expect([0, 1, 2, 1_234].map((n) => `${n} ${plural(n, "row")}`)).toEqual(["0 rows", "1 row", "2 rows", "1234 rows"]);
    expect(["1", "1.0000", "0.5", "720"].map((n) => plural(n, "hour"))).toEqual(["hour", "hour", "hours", "hours"]);
    expect(plural(1, "data point")).toBe("data point");
    expect(plural(3, "child", "children")).toBe("children");
  });
});
