import { describe, expect, it } from "vitest";
import { BREAKDOWN_KEYS, chartRows, type BreakdownRow } from "./chart-data";

const row = (workload: string, vCPU: number, Memory = 0): BreakdownRow =>
  ({ workload, ...Object.fromEntries(BREAKDOWN_KEYS.map((k) => [k, 0])), vCPU, Memory }) as BreakdownRow;

describe("chartRows", () => {
  it("keeps every row up to the limit, as given", () => {
    const rows = [row("a", 1), row("b", 2)];
    expect(chartRows(rows, 2)).toBe(rows);
  });

  it("past the limit keeps the costliest in their order and sums the rest into one bar, to the cent", () => {
    const rows = [row("a", 1.1, 0.1), row("b", 5), row("c", 0.2, 0.1), row("d", 3), row("e", 0.1)];
    const r = chartRows(rows, 3);
    expect(r.map((x) => x.workload)).toEqual(["b", "d", "3 other workloads"]);
    // a + c + e: vCPU 1.1 + 0.2 + 0.1 = 1.4, Memory 0.1 + 0.1 = 0.2 (summed in cents: no 1.4000000000000001).
    expect(r[2]!.vCPU).toBe(1.4);
    expect(r[2]!.Memory).toBe(0.2);
  });
});
