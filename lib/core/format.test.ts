import { describe, expect, it } from "vitest";
import { formatUsd, formatUsdPerHour, groupDigits, plural } from "./format";
import { dec, ROUND_HALF_UP } from "./money";

describe("plural", () => {
  it("is singular for exactly 1 and plural otherwise, from numbers and decimal strings", () => {
    expect([0, 1, 2, 1_234].map((n) => `${n} ${plural(n, "row")}`)).toEqual(["0 rows", "1 row", "2 rows", "1234 rows"]);
    expect(["1", "1.0000", "0.5", "720"].map((n) => plural(n, "hour"))).toEqual(["hour", "hour", "hours", "hours"]);
    expect(plural(1, "data point")).toBe("data point");
    expect(plural(3, "child", "children")).toBe("children");
  });
});

describe("formatUsd / formatUsdPerHour (by hand, as Intl's en-US dollars wrote them)", () => {
  it("rounds half-up on the exact decimal, then groups by threes", () => {
    expect(formatUsd("36.0401")).toBe("$36.04");
    expect(formatUsd("0")).toBe("$0.00");
    // 999.995 is exactly half a cent above 999.99: half-up gives 1000.00, grouped "1,000.00".
    expect(formatUsd("999.995")).toBe("$1,000.00");
    expect(formatUsd("-1234.5")).toBe("-$1,234.50");
    expect(formatUsd("1234567.891")).toBe("$1,234,567.89");
    // A tiny negative amount rounds to zero cents: no sign (toCents).
    expect(formatUsd("-0.001")).toBe("$0.00");
    expect(formatUsdPerHour("0.14811")).toBe("$0.1481");
    expect(formatUsdPerHour("1234.00005")).toBe("$1,234.0001");
    expect(formatUsdPerHour("-2.5")).toBe("-$2.5000");
  });

  it("writes what Intl.NumberFormat wrote for the same amounts (the formatter it replaces)", () => {
    const intl = (places: number) =>
      new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: places, maximumFractionDigits: places });
    const cents = intl(2);
    const perHour = intl(4);
    const amounts = ["0", "0.004", "0.005", "-0.005", "-0.00004", "1", "12.3", "999.999", "1000", "-1000000.125", "123456789012.345", "99999999999999.99"];
    for (let i = 0; i < 200; i++) amounts.push(((i * 7919) % 100003) * 10 ** ((i % 9) - 4) * (i % 3 === 0 ? -1 : 1) + "");
    // Past 15 digits in all Intl itself is used (the number it was given is no longer exact there).
    amounts.push("1234567890123456789.12");
    for (const a of amounts) {
      expect(formatUsd(a), a).toBe(cents.format(Number(dec(a).round(2, ROUND_HALF_UP).toFixed(2))));
      expect(formatUsdPerHour(a), a).toBe(perHour.format(Number(dec(a).toFixed(4, ROUND_HALF_UP))));
    }
  });
});

describe("groupDigits", () => {
  it("groups a whole number's digits by threes, as toLocaleString('en-US') does", () => {
    expect(groupDigits(0)).toBe("0");
    expect(groupDigits(999)).toBe("999");
    expect(groupDigits(1000)).toBe("1,000");
    expect(groupDigits(1_000_000_000)).toBe("1,000,000,000");
    expect(groupDigits("12345")).toBe("12,345");
    for (const n of [7, 42, 4096, 65_536, 100_000, 2_000_000, 123_456_789]) expect(groupDigits(n)).toBe(n.toLocaleString("en-US"));
  });
});
