import { describe, expect, it } from "vitest";
import { sameChartProps } from "./same-data";

describe("sameChartProps", () => {
  const rows = () => [
    { name: "api", vCPU: 12.5, Memory: 3.25 },
    { name: "web", vCPU: 1, Memory: 0.5 },
  ];

  it("is true for new arrays of equal rows and equal primitives", () => {
    expect(sameChartProps({ rows: rows(), note: "n", percent: null }, { rows: rows(), note: "n", percent: null })).toBe(true);
  });

  it("is false when one value in one row differs, a row is added, or a prop differs or is missing", () => {
    const changed = rows();
    changed[1]!.vCPU = 1.01;
    expect(sameChartProps({ rows: rows() }, { rows: changed })).toBe(false);
    expect(sameChartProps({ rows: rows() }, { rows: [...rows(), { name: "x", vCPU: 0, Memory: 0 }] })).toBe(false);
    expect(sameChartProps({ rows: rows(), percent: 40 }, { rows: rows(), percent: 41 })).toBe(false);
    expect(sameChartProps({ rows: rows(), percent: 40 }, { rows: rows(), other: 40 })).toBe(false);
    expect(sameChartProps({ rows: [{ a: 1 }] }, { rows: [{ a: 1, b: undefined }] })).toBe(false);
  });

  it("compares one level deep only: nested objects must be the same object", () => {
    expect(sameChartProps({ rows: [{ p: { x: 1 } }] }, { rows: [{ p: { x: 1 } }] })).toBe(false);
    const p = { x: 1 };
    expect(sameChartProps({ rows: [{ p }] }, { rows: [{ p }] })).toBe(true);
  });
});
