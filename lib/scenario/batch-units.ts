import { HOURS_PER_MONTH } from "@/lib/core";

/**
 * Batch schedules in the units people think in: durations in minutes, runs a day or a week. The scenario keeps
 * `secondsPerRun` and `runsPerMonth`; these convert what a person types into those and back, and say how.
 * (Apart from lib/scenario/inputs.ts so the editor loads them only when a workload runs batches.)
 */

const grouped = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 4 });

export type DurationUnit = "seconds" | "minutes";
export const DURATION_UNITS: readonly DurationUnit[] = ["seconds", "minutes"];
const SECONDS_PER: Record<DurationUnit, number> = { seconds: 1, minutes: 60 };

export type RunsPeriod = "day" | "week" | "month";
export const RUNS_PERIODS: readonly RunsPeriod[] = ["day", "week", "month"];
/**
 * Periods in a month, from the 730-hour month AWS bills by: 730 / 24 = 30.4167 days, 730 / 168 = 4.3452 weeks.
 * (A calendar month of 30 or 31 days would disagree with the hours every other line item uses.)
 */
export const PERIODS_PER_MONTH: Record<RunsPeriod, number> = { day: HOURS_PER_MONTH / 24, week: HOURS_PER_MONTH / 168, month: 1 };

/** Rounds away float noise (0.3333 x 60 / 60 = 0.33329999999999993) so a converted value reads as typed. */
const clean = (n: number) => Number(n.toPrecision(12));

/** Seconds for a duration typed in `unit`; text that is not a number is passed on for validation to name. */
export function toSeconds(value: number | string, unit: DurationUnit): number | string {
  return typeof value === "number" ? clean(value * SECONDS_PER[unit]) : value;
}

/** A stored duration in seconds, shown in `unit`. */
export function fromSeconds(seconds: number | string, unit: DurationUnit): number | string {
  return typeof seconds === "number" ? clean(seconds / SECONDS_PER[unit]) : seconds;
}

/** The unit a stored duration reads best in: minutes for whole minutes of at least 2 minutes, else seconds. */
export function naturalDurationUnit(seconds: number | string | undefined): DurationUnit {
  return typeof seconds === "number" && seconds >= 120 && seconds % 60 === 0 ? "minutes" : "seconds";
}

/**
 * Runs a month for runs typed per `period`. The scenario counts whole runs, so per day and per week are rounded
 * to the nearest whole run (half up): 10 a day = 10 x 30.4167 = 304.17 -> 304 runs a month.
 */
export function toRunsPerMonth(value: number | string, period: RunsPeriod): number | string {
  if (typeof value !== "number") return value;
  if (period === "month") return value;
  return Math.round(clean(value * PERIODS_PER_MONTH[period]));
}

/** A stored runs-per-month shown per `period` (at most 4 decimals). */
export function fromRunsPerMonth(runsPerMonth: number | string, period: RunsPeriod): number | string {
  if (typeof runsPerMonth !== "number" || period === "month") return runsPerMonth;
  return Number((runsPerMonth / PERIODS_PER_MONTH[period]).toFixed(4));
}

/** "10 a day x 30.4167 days a month (730 h / 24) = 304 runs a month", or null per month / when invalid. */
export function runsConversionText(value: number | string, period: RunsPeriod): string | null {
  if (period === "month" || typeof value !== "number" || !Number.isFinite(value)) return null;
  const runs = toRunsPerMonth(value, period) as number;
  const factor = PERIODS_PER_MONTH[period];
  const exact = clean(value * factor);
  const how =
    period === "day" ? `${grouped(factor)} days a month (${HOURS_PER_MONTH} h ÷ 24)` : `${grouped(factor)} weeks a month (${HOURS_PER_MONTH} h ÷ 168)`;
  const rounded = exact === runs ? "" : `, ${grouped(exact)} rounded to whole runs`;
  return `${grouped(value)} a ${period} × ${how} = ${grouped(runs)} runs a month${rounded}.`;
}

/** "90 s per run" under a duration typed in minutes, or null. */
export function durationConversionText(value: number | string, unit: DurationUnit): string | null {
  if (unit === "seconds" || typeof value !== "number" || !Number.isFinite(value)) return null;
  return `= ${grouped(toSeconds(value, unit) as number)} seconds per run.`;
}
