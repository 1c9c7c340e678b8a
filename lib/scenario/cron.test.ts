import { describe, expect, it } from "vitest";
import { cronRunsPerMonth } from "./cron";

// An average calendar month over the 400-year Gregorian cycle: 146,097 days / 4,800 months = 30.436875 days.
describe("cronRunsPerMonth", () => {
  it.each([
    ["0 3 * * *", 30.436875], // once a day
    ["@daily", 30.436875],
    ["@hourly", 730.485], // 24 x 30.436875
    ["*/10 * * * *", 4382.91], // 144 a day x 30.436875
    ["0 0 1 * *", 1], // the 1st of every month
    ["@yearly", 1 / 12],
    ["0 0 * * 0", 4.348125], // Sundays: 146,097 / 7 = 20,871 days / 4,800
    ["0 0 * * 7", 4.348125], // 7 is Sunday too
    ["0 9 * * 1-5", 21.740625], // weekdays: 5 x 20,871 = 104,355 / 4,800
    ["30 2 * * MON-FRI", 21.740625],
    ["CRON_TZ=Europe/Paris 0 3 * * *", 30.436875],
    ["0 0 31 * *", 0.5833333333333334], // 7 months of 12 have a 31st: 2,800 / 4,800
    // Day of month and day of week both restricted: either matches (cron's rule). The 1st and 15th: 9,600 days;
    // Mondays: 20,871; both: the 1st and the 15th are Mondays when the 13th is a Saturday, which happens 684 times
    // in the cycle (the known 13th-of-the-month counts: Friday 688, Saturday 684...), so 2 x 684 = 1,368.
    ["0 0 1,15 * 1", (9600 + 20871 - 1368) / 4800],
    ["15,45 8-10 * JAN,jul *", (2 * 3 * (31 + 31) * 400) / 4800], // 6 a day on 62 days a year
  ])("%s -> %d runs a month", (schedule, runs) => {
    const r = cronRunsPerMonth(schedule);
    expect(r.ok && r.value).toBeCloseTo(runs, 9);
  });

  it.each([
    ["bad", /has 1 fields/],
    ["61 * * * *", /"61" is not a valid minute/],
    ["* * * * * *", /has 6 fields/],
    ["*/0 * * * *", /step "0"/],
    ["@every 5m", /not a schedule this estimate reads/],
    ["5-1 * * * *", /"5-1" is not a valid minute/],
  ])("refuses %s in words", (schedule, message) => {
    const r = cronRunsPerMonth(schedule);
    expect(r.ok ? "" : r.error).toMatch(message);
  });
});
