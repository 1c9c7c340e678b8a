import { fail, ok, type Result } from "@/lib/core";

/**
 * Kubernetes CronJob schedules (the five-field cron syntax of robfig/cron, which the CronJob controller uses) ->
 * runs in an average month. A month here is a calendar month averaged over the 400-year Gregorian cycle
 * (146,097 days, 4,800 months), so "0 3 * * *" runs 30.44 times a month and "0 0 1 * *" exactly once; the
 * scenario wants whole runs, so the average is rounded half-up ("@daily" -> 30, "@hourly" -> 730, "*\/10 * * * *"
 * -> 4,383, weekdays at 9:00 -> 22, the 31st -> 1 (0.58)).
 */

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const MACROS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};
const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day of week", min: 0, max: 7, names: DAYS },
] as const;

interface Field {
  values: Set<number>;
  /** "*" (or "?"): the field does not restrict. Matters for days: cron ORs day-of-month and day-of-week only when both restrict. */
  star: boolean;
}

function value(text: string, f: (typeof FIELDS)[number]): number | undefined {
  const names = "names" in f ? f.names : undefined;
  const named = names?.indexOf(text.toUpperCase() as never);
  if (named !== undefined && named >= 0) return named + (f.name === "month" ? 1 : 0);
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= f.min && n <= f.max ? n : undefined;
}

function field(text: string, f: (typeof FIELDS)[number]): Result<Field, string> {
  const values = new Set<number>();
  let star = false;
  for (const part of text.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : /^\d{1,2}$/.test(stepText) ? Number(stepText) : 0;
    if (step < 1) return fail(`the ${f.name} step "${stepText}" is not a whole number from 1`);
    let lo: number | undefined;
    let hi: number | undefined;
    if (range === "*" || range === "?") {
      lo = f.min;
      hi = f.name === "day of week" ? 6 : f.max;
      if (stepText === undefined) star = true;
    } else {
      const [a = "", b] = range.split("-");
      lo = value(a, f);
      hi = b === undefined ? (stepText === undefined ? lo : f.name === "day of week" ? 6 : f.max) : value(b, f);
    }
    if (lo === undefined || hi === undefined || hi < lo) return fail(`"${part}" is not a valid ${f.name} (${f.min}-${f.max})`);
    for (let v = lo; v <= hi; v += step) values.add(f.name === "day of week" && v === 7 ? 0 : v);
  }
  return ok({ values, star });
}

/** Runs of a cron schedule in an average calendar month (see above), before rounding; a reason for a schedule it cannot read. */
export function cronRunsPerMonth(schedule: string): Result<number, string> {
  let text = schedule.trim().replace(/^(CRON_)?TZ=\S+\s+/, "");
  if (Object.hasOwn(MACROS, text.toLowerCase())) text = MACROS[text.toLowerCase()]!;
  if (text.startsWith("@"))
    return fail(`"${text.slice(0, 40)}" is not a schedule this estimate reads (use five fields, or @hourly, @daily, @weekly, @monthly, @yearly)`);
  const parts = text.split(/\s+/);
  if (parts.length !== 5)
    return fail(`"${text.slice(0, 40)}" has ${parts.length} fields; a CronJob schedule has five (minute hour day-of-month month day-of-week)`);
  const fields: Field[] = [];
  for (const [i, p] of parts.entries()) {
    const r = field(p, FIELDS[i]!);
    if (!r.ok) return r;
    fields.push(r.value);
  }
  const [minute, hour, dom, month, dow] = fields as [Field, Field, Field, Field, Field];
  const perDay = minute.values.size * hour.values.size;
  // 2000-01-01 was a Saturday (6); the Gregorian calendar repeats every 400 years (146,097 days, 4,800 months).
  let days = 0;
  let weekday = 6;
  for (let y = 2000; y < 2400; y++) {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    for (let m = 1; m <= 12; m++) {
      const length = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
      if (!month.values.has(m)) {
        weekday = (weekday + length) % 7;
        continue;
      }
      for (let d = 1; d <= length; d++) {
        const byDate = dom.values.has(d);
        const byWeekday = dow.values.has(weekday);
        if (dom.star || dow.star ? byDate && byWeekday : byDate || byWeekday) days++;
        weekday = (weekday + 1) % 7;
      }
    }
  }
  return ok((perDay * days) / 4800);
}
