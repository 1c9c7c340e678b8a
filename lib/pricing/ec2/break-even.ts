import type { Ec2Settings } from "../input";
import { type Decimal, HOURS_PER_MONTH } from "@/lib/core";
import { dutyCycleHours } from "./hours";
import type { Ec2BreakEven, Ec2BreakEvenPoint } from "./types";

export interface BreakEvenInput {
  scaling: Ec2Settings["scaling"];
  /** Fargate USD per hour with every covered task running (sum over workloads of cost per task-hour x tasks). */
  fargateHourly: Decimal;
  /** Monthly cost of the fleet that runs every covered task at once, all month (HOURS_PER_MONTH hours). */
  fleetMonthly: Decimal;
  /** The chosen fleet's monthly cost, and what Fargate would charge for all of its vCPU and GiB over the same hours. */
  chosenMonthly: Decimal;
  fargateCapacityMonthly: Decimal | null;
}

const round2 = (d: Decimal) => Number(d.round(2).toFixed(2));

/**
 * The whole scenario at duty cycle d (0..100): Fargate costs fargateHourly x HOURS_PER_MONTH x d / 100 (per-second
 * billing, linear); EC2 costs the fleet all month when the cluster is always on, or the fleet for
 * ceil(HOURS_PER_MONTH x d / 100) hours when it scales with the tasks.
 */
export function ec2CostAtDutyCycle(input: Pick<BreakEvenInput, "scaling" | "fleetMonthly">, dutyCyclePercent: number): Decimal {
  if (input.scaling === "always-on") return input.fleetMonthly;
  return input.fleetMonthly.times(dutyCycleHours(dutyCyclePercent)).div(HOURS_PER_MONTH);
}

export function fargateCostAtDutyCycle(fargateHourly: Decimal, dutyCyclePercent: number): Decimal {
  return fargateHourly.times(HOURS_PER_MONTH).times(dutyCyclePercent).div(100);
}

/**
 * The duty cycle from which EC2 stays cheaper than (or equal to) Fargate, or null when Fargate is cheaper even at 100%.
 * Always-on cluster: EC2 is a constant E, Fargate a line through 0: d* = E / (Fargate at 1%).
 * Scaling cluster: EC2 is a staircase (whole hours) over Fargate's line; d* is the last point where the line
 * meets a stair: on stair H (duty cycles (H-1, H] x 100 / HOURS_PER_MONTH) EC2 costs h x H (h = fleet per hour) and
 * Fargate starts at A x (H-1) (A = Fargate per hour); the highest H with A (H-1) < h H holds the crossing, at
 * d = h x H / A x 100 / HOURS_PER_MONTH.
 */
export function breakEvenDutyCycle(input: Pick<BreakEvenInput, "scaling" | "fargateHourly" | "fleetMonthly">): number | null {
  const A = input.fargateHourly;
  if (A.lte(0)) return null;
  const fullEc2 = input.fleetMonthly;
  const fullFargate = A.times(HOURS_PER_MONTH);
  if (fullFargate.lt(fullEc2)) return null;
  if (input.scaling === "always-on") return round2(fullEc2.div(fullFargate).times(100));
  const h = fullEc2.div(HOURS_PER_MONTH);
  for (let H = HOURS_PER_MONTH; H >= 1; H--) {
    if (A.times(H - 1).lt(h.times(H))) return round2(h.times(H).div(A).times(100).div(HOURS_PER_MONTH));
  }
  return 0;
}

/** Share of the fleet's capacity the tasks must fill for Fargate to cost what the fleet does; null above 100%. */
export function breakEvenPackingDensity(chosenMonthly: Decimal, fargateCapacityMonthly: Decimal | null): number | null {
  if (!fargateCapacityMonthly || fargateCapacityMonthly.lte(0)) return null;
  const p = chosenMonthly.div(fargateCapacityMonthly).times(100);
  return p.gt(100) ? null : round2(p);
}

export function breakEven(input: BreakEvenInput): Ec2BreakEven {
  const series: Ec2BreakEvenPoint[] = [];
  for (let d = 0; d <= 100; d += 5) {
    series.push({
      dutyCyclePercent: d,
      fargateMonthlyCost: fargateCostAtDutyCycle(input.fargateHourly, d),
      ec2MonthlyCost: ec2CostAtDutyCycle(input, d),
    });
  }
  return {
    dutyCyclePercent: breakEvenDutyCycle(input),
    packingDensityPercent: breakEvenPackingDensity(input.chosenMonthly, input.fargateCapacityMonthly),
    series,
  };
}

export const NO_BREAK_EVEN: Ec2BreakEven = { dutyCyclePercent: null, packingDensityPercent: null, series: [] };
