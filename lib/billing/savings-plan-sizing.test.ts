import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, ZERO, type Decimal } from "@/lib/core";
import { env } from "@/lib/env";
import { CommitmentCurve, netSavingsByHour, type SpendHour } from "./savings-plan-sizing";

const runs = env.fcRuns ?? 200;

/** n hours of on-demand spend s at one discount d: plan cost k = s x (1 - d). */
const hoursOf = (n: number, spend: string, discount: string): SpendHour[] =>
  Array.from({ length: n }, () => ({ spend: dec(spend), planCost: dec(spend).times(dec(1).minus(discount)) }));

describe("CommitmentCurve: hand-computed", () => {
  // 720 hours: 360 at $1.00 and 360 at $0.50 of on-demand-equivalent spend; on-demand total 360 + 180 = $540.
  const month = [...hoursOf(360, "1.00", "0.2"), ...hoursOf(360, "0.50", "0.2")];

  it("d = 20%: the best commitment is $0.40/h (the $0.50 hours' plan cost), saving $72", () => {
    const curve = new CommitmentCurve(month, 720);
    // Breakpoints k = s x 0.8: 0.40 and 0.80.
    expect(curve.breakpoints().map(String)).toEqual(["0.4", "0.8"]);
    // C = 0.40 covers min(s, 0.40 / 0.8 = 0.50) each hour: 720 x 0.50 = $360 of the $540.
    // Cost with plan = 720 x 0.40 + (540 - 360) = 288 + 180 = $468; net savings 540 - 468 = $72.
    const at40 = curve.at("0.4");
    expect(at40.covered.toString()).toBe("360");
    expect(at40.costWithPlan.toString()).toBe("468");
    expect(at40.netSavings.toString()).toBe("72");
    // Every hour uses all of it: 720 x 0.40 / 288 = 100%; coverage 360 / 540 = 2/3.
    expect(at40.utilization!.toString()).toBe("1");
    expect(at40.coverage!.toFixed(4)).toBe("0.6667");
    // C = 0.80 covers everything (360 + 180 = 540) but costs 720 x 0.80 = $576: net 540 - 576 = -$36.
    expect(curve.at("0.8").netSavings.toString()).toBe("-36");
    // In between, C = 0.60: covered 360 x 0.75 + 360 x 0.50 = 450, cost 432 + 90 = 522, net 18 (on the line from 72 to -36).
    expect(curve.at("0.6").netSavings.toString()).toBe("18");
    // Slopes: below 0.40, 720 x 1.25 - 720 = +180 per $/h; above, 360 x 1.25 - 720 = -270: the top is at 0.40.
    expect(curve.at("0.2").netSavings.toString()).toBe("36");
    const best = curve.best();
    expect(best.commitment.toString()).toBe("0.4");
    expect(best.netSavings.toString()).toBe("72");
  });

  it("d = 45% (3-year no upfront): $0.275/h saves $162, more than covering the peak ($0.55/h, $144)", () => {
    const curve = new CommitmentCurve([...hoursOf(360, "1.00", "0.45"), ...hoursOf(360, "0.50", "0.45")], 720);
    // k = 0.55 and 0.275. C = 0.275: covered 720 x 0.50 = 360, cost 720 x 0.275 + 180 = 198 + 180 = 378, net 162.
    // (1 / 0.55 = 1.8181... is not a finite decimal: divisions keep 20 places, so figures are exact to 1e-18.)
    expect(curve.at("0.275").netSavings.round(10).toString()).toBe("162");
    // C = 0.55: covered 540, cost 720 x 0.55 = 396, net 144.
    expect(curve.at("0.55").netSavings.round(10).toString()).toBe("144");
    // Slope above 0.275: 360 / 0.55 - 720 = 654.54... - 720 < 0.
    expect(curve.best().commitment.toString()).toBe("0.275");
    expect(curve.best().netSavings.round(10).toString()).toBe("162");
  });

  it("hours without usage still pay the commitment: 744 hours with the same 720 of usage", () => {
    const curve = new CommitmentCurve(month, 744);
    // C = 0.40: 72 - 24 x 0.40 = 62.4; C = 0.80: -36 - 24 x 0.80 = -55.2.
    expect(curve.at("0.4").netSavings.toString()).toBe("62.4");
    expect(curve.at("0.8").netSavings.toString()).toBe("-55.2");
    expect(curve.best().commitment.toString()).toBe("0.4");
    // Utilization 720 x 0.40 / (744 x 0.40) = 96.77%.
    expect(curve.at("0.4").utilization!.times(100).toFixed(2)).toBe("96.77");
  });

  it("mostly idle hours: no commitment saves anything, so none is recommended", () => {
    // 10 hours at $1.00 in 100: C = 0.8 covers $10 for 100 x 0.8 = $80.
    const curve = new CommitmentCurve(hoursOf(10, "1", "0.2"), 100);
    expect(curve.at("0.8").netSavings.toString()).toBe("-70");
    expect(curve.best().commitment.toString()).toBe("0");
    expect(curve.best().netSavings.toString()).toBe("0");
    expect(curve.best().utilization).toBeNull();
  });

  it("mixed discounts within an hour: the spend-weighted discount decides how far C reaches", () => {
    // One hour: $1.00 at 20% off and $1.00 at 45% off: k = 0.80 + 0.55 = 1.35 for s = 2.00 (discount 32.5%).
    const curve = new CommitmentCurve([{ spend: dec(2), planCost: dec("1.35") }], 1);
    // C = 1.35 covers it all: net 2 - 1.35 = 0.65. C = 0.675 covers 0.675 x 2 / 1.35 = 1.00: net 1 - 0.675 = 0.325.
    expect(curve.at("1.35").netSavings.toString()).toBe("0.65");
    expect(curve.at("0.675").netSavings.round(10).toString()).toBe("0.325");
  });
});

// Generated hourly series: spend in cents-and-more (0 to $50), discounts from 0 to 72%, some idle hours.
const hourArb = fc.record({
  spend: fc.integer({ min: 0, max: 5_000_000 }).map((n) => dec(n).div(100_000)),
  discount: fc.integer({ min: 0, max: 72 }).map((n) => dec(n).div(100)),
});
const seriesArb = fc.record({
  hours: fc.array(hourArb, { minLength: 1, maxLength: 60 }),
  idle: fc.integer({ min: 0, max: 30 }),
});
const toHours = (hs: { spend: Decimal; discount: Decimal }[]): SpendHour[] =>
  hs.map((h) => ({ spend: h.spend, planCost: h.spend.times(dec(1).minus(h.discount)) }));
const TOLERANCE = dec("1e-12");

describe("CommitmentCurve: against a brute force over commitments", () => {
  it("the sweep's best is the best of every breakpoint and of a fine grid, evaluated hour by hour", () => {
    fc.assert(
      fc.property(seriesArb, ({ hours, idle }) => {
        const hs = toHours(hours);
        const n = hs.length + idle;
        const curve = new CommitmentCurve(hs, n);
        const best = curve.best();
        // The brute force: every hour's plan cost, 0, and 100 commitments evenly spread to 1.2 x the largest.
        const candidates: Decimal[] = [ZERO, ...hs.map((h) => h.planCost)];
        const top = curve.maxPlanCost.times("1.2");
        for (let i = 1; i <= 100; i++) candidates.push(top.times(i).div(100));
        let bruteBest = ZERO;
        for (const c of candidates) {
          const net = netSavingsByHour(hs, n, c);
          // The O(log n) evaluation agrees with the definition everywhere.
          expect(curve.at(c).netSavings.minus(net).abs().lte(TOLERANCE)).toBe(true);
          if (net.gt(bruteBest)) bruteBest = net;
        }
        expect(best.netSavings.minus(bruteBest).abs().lte(TOLERANCE)).toBe(true);
        expect(
          best.netSavings
            .minus(netSavingsByHour(hs, n, best.commitment))
            .abs()
            .lte(TOLERANCE),
        ).toBe(true);
        expect(best.netSavings.gte(0)).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it("net savings is concave: the curve never rises again after it falls", () => {
    fc.assert(
      fc.property(seriesArb, ({ hours, idle }) => {
        const hs = toHours(hours);
        const curve = new CommitmentCurve(hs, hs.length + idle);
        const points = curve.breakpoints();
        let falling = false;
        let prev = curve.at(ZERO).netSavings;
        for (const c of points) {
          const net = curve.at(c).netSavings;
          if (net.lt(prev.minus(TOLERANCE))) falling = true;
          else if (falling) expect(net.lte(prev.plus(TOLERANCE))).toBe(true);
          prev = net;
        }
      }),
      { numRuns: runs },
    );
  });
});
