import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuantity, toBytes, toMillicores } from "./import-k8s";

const millicores = (v: unknown) => {
  const q = parseQuantity(v);
  return q.ok ? toMillicores(q.value) : q.error;
};
const bytes = (v: unknown) => {
  const q = parseQuantity(v);
  return q.ok ? toBytes(q.value) : q.error;
};

describe("parseQuantity: every form Kubernetes accepts", () => {
  it.each([
    ["250m", 250n],
    ["0.5", 500n],
    [0.5, 500n],
    [1, 1000n],
    ["2", 2000n],
    ["1.5", 1500n],
    [".5", 500n],
    ["5.", 5000n],
    ["+1", 1000n],
    ["0", 0n],
    ["-0", 0n],
    ["0.0001", 1n], // below a millicore: rounded up, as Kubernetes does
    ["1e-3", 1n],
    ["1e-300", 1n],
    ["2k", 2_000_000n],
  ])("cpu %j = %d millicores", (text, expected) => {
    expect(millicores(text)).toBe(expected);
  });

  it.each([
    ["512Mi", 512n * 2n ** 20n],
    ["1Gi", 2n ** 30n],
    ["1.5Gi", 3n * 2n ** 29n],
    ["123Mi", 123n * 2n ** 20n],
    ["2.5G", 2_500_000_000n],
    ["500M", 500_000_000n],
    ["128974848", 128_974_848n],
    [128974848, 128_974_848n],
    ["129e6", 129_000_000n],
    ["129E6", 129_000_000n],
    [129e6, 129_000_000n],
    ["1e3", 1000n],
    ["1Ki", 1024n],
    ["1k", 1000n],
    ["1Ti", 2n ** 40n],
    ["1E", 10n ** 18n], // "E" alone is the exa suffix, not an exponent
    ["2Ei", 2n * 2n ** 60n],
    ["1m", 1n], // a thousandth of a byte rounds up to a byte
    [1e21, 10n ** 21n], // String(1e21) is "1e+21"
    [" 1Gi ", 2n ** 30n],
  ])("memory %j = %d bytes", (text, expected) => {
    expect(bytes(text)).toBe(expected);
  });

  it.each([
    ["1e3Mi", "is not a Kubernetes quantity"], // an exponent or a suffix, not both
    ["-1", "cannot be negative"],
    ["-250m", "cannot be negative"],
    [-0.5, "cannot be negative"],
    ["1 Gi", "is not a Kubernetes quantity"],
    ["1gi", "is not a Kubernetes quantity"],
    ["1K", "is not a Kubernetes quantity"],
    ["1GB", "is not a Kubernetes quantity"],
    ["1.2.3", "is not a Kubernetes quantity"],
    ["", "is not a Kubernetes quantity"],
    ["e3", "is not a Kubernetes quantity"],
    ["0x10", "is not a Kubernetes quantity"],
    ["1e999999999", "is out of range"],
    ["1".repeat(41), "has too many digits"],
    [Number.NaN, "is not a finite number"],
    [Number.POSITIVE_INFINITY, "is not a finite number"],
    [true, "is not a quantity"],
    [null, "is not a quantity"],
    [{ cpu: 1 }, "is not a quantity"],
  ])("%j is refused: %s", (text, reason) => {
    expect(parseQuantity(text)).toEqual({ ok: false, error: reason });
  });

  it("never throws, and agrees with integer arithmetic for whole numbers with a suffix", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.double(), fc.integer()), (v) => {
        expect(() => parseQuantity(v)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(["", 1n], ["k", 1000n], ["M", 10n ** 6n], ["Ki", 1024n], ["Mi", 2n ** 20n], ["Gi", 2n ** 30n]),
        (n, [suffix, factor]) => {
          expect(bytes(`${n}${suffix}`)).toBe(BigInt(n) * (factor as bigint));
        },
      ),
    );
  });
});
