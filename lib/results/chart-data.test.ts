import { describe, expect, it } from "vitest";
import { BREAKDOWN_KEYS, chartRows, type BreakdownRow } from "./chart-data";

const row = (workload: string, vCPU: number, Memory = 0): BreakdownRow =>
  ({ workload, ...Object.fromEntries(BREAKDOWN_KEYS.map((k) => [k, 0])), vCPU, Memory }) as BreakdownRow;

describe("chartRows", () => {
  it("keeps every row up to the limit, as given", () => {
    const rows = [row("a", 1), row("b", 2)];
    expect(chartRows(rows, 2)).toBe(rows);
  });

  it("past the limit keeps the costliest, in their order (ties: the first ones)", () => {
    const rows = [row("a", 1, 0.2), row("b", 5), row("c", 0.2, 0.1), row("d", 3), row("e", 1.2), row("f", 1.2)];
    // Totals: a 1.2, b 5, c 0.3, d 3, e 1.2, f 1.2 -> the three costliest are b, d and a (a comes before e and f).
    expect(chartRows(rows, 3).map((x) => x.workload)).toEqual(["a", "b", "d"]);
  });
});
