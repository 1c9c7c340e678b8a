import Big from "big.js";
import type { Schedule } from "@/lib/scenario/schema";
import { dec } from "../money";
import { HOURS_PER_MONTH, SECONDS_PER_HOUR } from "../units";

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
      const perRun = dec(schedule.secondsPerRun).div(SECONDS_PER_HOUR).round(0, Big.roundUp);
      const total = perRun.times(schedule.runsPerMonth);
      return total.gt(HOURS_PER_MONTH) ? HOURS_PER_MONTH : total.toNumber();
    }
  }
}

/** ceil(HOURS_PER_MONTH x percent / 100), exactly. */
export function dutyCycleHours(percent: number): number {
  return dec(HOURS_PER_MONTH).times(percent).div(100).round(0, Big.roundUp).toNumber();
}
