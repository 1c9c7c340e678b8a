import { describe, expect, it } from "vitest";
import { parseTypedNumber } from "./format";

describe("parseTypedNumber: a number as a person types it (issue 24 item 1)", () => {
  it.each([
    ["1024", 1024],
    [" 2.5 ", 2.5],
    ["1e3", 1000],
    ["-3", -3],
    ["1,000", 1000],
    ["1,000.5", 1000.5],
    ["12,345,678", 12_345_678],
    ["12 500", 12_500],
    ["1\u00a0000", 1000],
    ["1\u202f000", 1000],
    ["1_000_000", 1_000_000],
    ["1'000", 1000],
    ["1,000.", 1000],
  ])("%j -> %d", (text, n) => {
    expect(parseTypedNumber(text)).toBe(n);
  });

  it.each(["", "  ", "1,", "1,5", "1,00", "1,0000", "1,000 000", "1,000,00", "abc", "1e309", "Infinity", "1.000,5"])("%j is not a number", (text) => {
    expect(parseTypedNumber(text)).toBeNull();
  });
});
