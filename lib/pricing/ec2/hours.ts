import type { Schedule } from "../input";
import { dec, ROUND_UP, HOURS_PER_MONTH, SECONDS_PER_HOUR } from "@/lib/core";

/**
 * Instance-hours a workload's own instances need in the month when the cluster scales with the tasks
 * (Ec2Settings.scaling = "scale-with-tasks"). EC2 bills Linux per second, but a cluster that follows tasks
 * launches and drains whole instances, so we count whole hours (pricing model, not a billing rule):
 * - always-on: the whole month, HOURS_PER_MONTH;
 * - duty-cycle: ceil(HOURS_PER_MONTH x percent / 100), the running share of the month rounded up to the hour;
 * - batch: each run's duration rounded up to whole hours, times the runs, capped at the month.
 * Exact decimals: a 10% duty cycle is 73 hours, not 73.00000000000001 rounded up to 74.
 */
export function scaledInstanceHours(schedule: Schedule): number {
  switch (schedule.type) {
    case "always-on":
      return HOURS_PER_MONTH;
    case "duty-cycle":
      return dutyCycleHours(schedule.percent);
    case "batch": {
      // Whole hours per run (an integer), times whole runs: exact in floating point far beyond a month.
      const total = hoursPerRun(schedule.secondsPerRun) * schedule.runsPerMonth;
      return total > HOURS_PER_MONTH ? HOURS_PER_MONTH : total;
    }
  }
}

// Thousands of workloads share a few schedules: each distinct value is computed exactly once (decimals, not floats).
const perRunCache = new Map<number, number>();
const dutyCache = new Map<number, number>();
const cached = (cache: Map<number, number>, key: number, compute: () => number) => {
  let v = cache.get(key);
  if (v === undefined) {
    v = compute();
    if (cache.size < 10_000) cache.set(key, v);
  }
  return v;
};

/** ceil(secondsPerRun / SECONDS_PER_HOUR), exactly. */
const hoursPerRun = (secondsPerRun: number) => cached(perRunCache, secondsPerRun, () => dec(secondsPerRun).div(SECONDS_PER_HOUR).round(0, ROUND_UP).toNumber());

/** ceil(HOURS_PER_MONTH x percent / 100), exactly. */
export function dutyCycleHours(percent: number): number {
  return cached(dutyCache, percent, () => dec(HOURS_PER_MONTH).times(percent).div(100).round(0, ROUND_UP).toNumber());
}
