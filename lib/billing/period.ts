/**
 * The hours a bill export covers, read from its usage rows: which billing period it belongs to, whether it is the
 * whole period or a month-to-date cut (Data Exports refresh daily, so mid-month files are normal), and how fine its
 * rows are (hourly, daily or monthly). The comparison and the scenario built from a bill use the covered hours, not
 * the whole month. Constant memory: only extremes and counts are kept, whatever the file's size.
 * The invoice ID is blank until AWS finalises the month (https://docs.aws.amazon.com/cur/latest/userguide/view-finalized-cur.html;
 * CUR 2.0 table dictionary, bill_invoice_id); FOCUS 1.2 added InvoiceId for the same reconciliation.
 */
import { dec, HOURS_PER_MONTH, MS_PER_HOUR, plural } from "@/lib/core";
import type { DecimalString } from "./types";

export type Granularity = "hourly" | "daily" | "monthly";

export interface BillPeriod {
  /** The billing period's columns (CUR bill_billing_period_*, FOCUS BillingPeriod*), ISO; null when absent. */
  billingPeriodStart: string | null;
  billingPeriodEnd: string | null;
  /** Start of the first usage row and end of the last one (of the file's own granularity), ISO; null without usage dates. */
  firstUsageStart: string | null;
  lastUsageEnd: string | null;
  /** The hours compared: [coveredStart, coveredEnd), ISO (see COVERAGE_RULE). */
  coveredStart: string | null;
  coveredEnd: string | null;
  coveredHours: DecimalString | null;
  /** coveredHours / 24 and the billing period's hours / 24 ("10 of 30 days"); exact decimals. */
  daysCovered: DecimalString | null;
  daysInPeriod: DecimalString | null;
  /** From the usage rows' spans (the most common of: 1 hour or less, up to a day, longer); null without usage dates. */
  granularity: Granularity | null;
  /** True when the usage stops more than a day before the billing period ends and the bill has no invoice ID yet. */
  monthToDate: boolean;
  /** True when some row carries an invoice ID (CUR bill_invoice_id / bill/InvoiceId, FOCUS 1.2 InvoiceId): the month is closed. */
  invoiced: boolean;
  /** What the granularity cannot tell (null for hourly rows). */
  limits: string | null;
}

/** How the covered hours are read, in words (README, "Meet the real bill"). */
export const COVERAGE_RULE =
  "Covered hours run from the billing period's start to the end of the last usage row, in whole units of the file's granularity: an hourly file covers through the end of the last clock hour with usage, a daily file through the end of the last UTC day with usage (its last row may stop mid-day). A usage row within a day of the period's start or end counts as reaching it (a sparse export of a closed month has no row in its last hour); a bill with an invoice ID covers its whole billing period; a bill without billing-period columns covers its first to last usage hour. Only rows of the file's own granularity count (a month-long row in an hourly file does not).";

const MS_PER_DAY = 24 * MS_PER_HOUR;
const CLASSES: Granularity[] = ["hourly", "daily", "monthly"];

const classOf = (span: number): Granularity => (span <= MS_PER_HOUR ? "hourly" : span <= MS_PER_DAY ? "daily" : "monthly");
const isoOf = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

export const GRANULARITY_LIMITS: Record<Granularity, string | null> = {
  hourly: null,
  daily:
    "daily rows: no concurrency or short runs can be inferred (each row sums a day of a task's usage, so a task's size is read from its day average, a lower bound for tasks that ran part of the day)",
  monthly: "monthly rows: no daily pattern, concurrency or short runs can be inferred (each row sums a month of usage)",
};

interface Extremes {
  rows: number;
  fargateRows: number;
  first: number;
  last: number;
}

/** Fed by the accumulator: every row's billing period and invoice ID, every usage row's start and end. */
export class PeriodTracker {
  private periodStart = Infinity;
  private periodEnd = -Infinity;
  private invoiced = false;
  private byClass = new Map<Granularity, Extremes>(CLASSES.map((c) => [c, { rows: 0, fargateRows: 0, first: Infinity, last: -Infinity }]));

  billing(start: number, end: number): void {
    if (start < this.periodStart) this.periodStart = start;
    if (end > this.periodEnd) this.periodEnd = end;
  }

  invoice(id: string): void {
    if (id) this.invoiced = true;
  }

  /** A usage row (CUR Usage, DiscountedUsage, SavingsPlanCoveredUsage/Negation; FOCUS Usage), of any service. */
  usage(start: number, end: number, fargate: boolean): void {
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return;
    const e = this.byClass.get(classOf(end - start))!;
    e.rows++;
    if (fargate) e.fargateRows++;
    if (start < e.first) e.first = start;
    if (end > e.last) e.last = end;
  }

  /**
   * What usage() keeps for many rows at once, as the Athena query returns it per class (./athena-sql.ts): so an
   * Athena answer reads the period by the same rules as a file.
   */
  extremes(granularity: Granularity, rows: number, fargateRows: number, first: number, last: number): void {
    if (!(rows > 0) || !Number.isFinite(first) || !Number.isFinite(last) || last <= first) return;
    const e = this.byClass.get(granularity)!;
    e.rows += rows;
    e.fargateRows += Math.max(0, fargateRows);
    if (first < e.first) e.first = first;
    if (last > e.last) e.last = last;
  }

  /** The file's granularity: the class with the most Fargate rows, else the most usage rows; finer wins ties. */
  private granularity(): Granularity | null {
    const pick = (count: (e: Extremes) => number) => {
      let best: Granularity | null = null;
      for (const c of CLASSES) if (count(this.byClass.get(c)!) > 0 && (!best || count(this.byClass.get(c)!) > count(this.byClass.get(best)!))) best = c;
      return best;
    };
    return pick((e) => e.fargateRows) ?? pick((e) => e.rows);
  }

  result(): BillPeriod {
    const granularity = this.granularity();
    const hasPeriod = Number.isFinite(this.periodStart) && Number.isFinite(this.periodEnd) && this.periodEnd > this.periodStart;
    const ext = granularity ? this.byClass.get(granularity)! : null;
    // Whole units of the file's granularity (COVERAGE_RULE): an hourly file covers the clock hours its rows touch, a
    // daily one the UTC days (a day-cut last row ending at 13:00 still covers its day); monthly rows as they are.
    const unit = granularity === "hourly" ? MS_PER_HOUR : granularity === "daily" ? MS_PER_DAY : 0;
    const first = ext ? (unit ? Math.floor(ext.first / unit) * unit : ext.first) : NaN;
    const last = ext ? (unit ? Math.ceil(ext.last / unit) * unit : ext.last) : NaN;
    let start = NaN;
    let end = NaN;
    if (hasPeriod) {
      start = this.periodStart;
      end = this.periodEnd;
      if (ext && !this.invoiced) {
        // A usage row more than a day after the period's start (an account or an extract that begins later) moves the start.
        if (first - this.periodStart >= MS_PER_DAY) start = Math.min(first, this.periodEnd);
        if (this.periodEnd - last >= MS_PER_DAY) end = Math.max(last, start);
      }
    } else if (ext) {
      start = first;
      end = last;
    }
    const covered = Number.isFinite(start) && Number.isFinite(end) && end > start;
    const coveredHours = covered ? dec(end - start).div(MS_PER_HOUR) : null;
    const periodHours = hasPeriod ? dec(this.periodEnd - this.periodStart).div(MS_PER_HOUR) : null;
    return {
      billingPeriodStart: hasPeriod ? isoOf(this.periodStart) : null,
      billingPeriodEnd: hasPeriod ? isoOf(this.periodEnd) : null,
      firstUsageStart: ext ? isoOf(ext.first) : null,
      lastUsageEnd: ext ? isoOf(ext.last) : null,
      coveredStart: covered ? isoOf(start) : null,
      coveredEnd: covered ? isoOf(end) : null,
      coveredHours: coveredHours?.toString() ?? null,
      daysCovered: coveredHours ? coveredHours.div(24).toString() : null,
      daysInPeriod: periodHours ? periodHours.div(24).toString() : null,
      granularity,
      monthToDate: hasPeriod && covered && end < this.periodEnd,
      invoiced: this.invoiced,
      limits: granularity ? GRANULARITY_LIMITS[granularity] : null,
    };
  }
}

/**
 * The period within [startMs, endMs): an Athena query over chosen dates (--from, --to) compares only those, even when
 * the bill covers more (an invoiced month queried for ten days covers those ten days). monthToDate stays as read: a
 * closed month queried in part is "part of the billing period", not month to date.
 */
export function clipPeriod(p: BillPeriod, startMs: number, endMs: number): BillPeriod {
  if (!p.coveredStart || !p.coveredEnd) return p;
  const s = Math.max(Date.parse(p.coveredStart), startMs);
  const e = Math.min(Date.parse(p.coveredEnd), endMs);
  if (s === Date.parse(p.coveredStart) && e === Date.parse(p.coveredEnd)) return p;
  if (!(e > s)) return { ...p, coveredStart: null, coveredEnd: null, coveredHours: null, daysCovered: null, monthToDate: false };
  const hours = dec(e - s).div(MS_PER_HOUR);
  const periodEnd = p.billingPeriodEnd ? Date.parse(p.billingPeriodEnd) : Infinity;
  return {
    ...p,
    coveredStart: isoOf(s),
    coveredEnd: isoOf(e),
    coveredHours: hours.toString(),
    daysCovered: hours.div(24).toString(),
    monthToDate: p.monthToDate && e < periodEnd,
  };
}

const days = (d: DecimalString) => {
  const x = dec(d);
  return x.eq(x.round(0)) ? x.toFixed(0) : x.round(1).toFixed(1);
};

/** "2024-09-01 to 2024-09-10" (the end is exclusive, so a midnight end shows the day before); hours when not whole days. */
function span(startIso: string, endIso: string): string {
  const s = Date.parse(startIso);
  const e = Date.parse(endIso);
  const wholeDays = s % MS_PER_DAY === 0 && e % MS_PER_DAY === 0;
  if (wholeDays) return `${startIso.slice(0, 10)} to ${isoOf(e - MS_PER_DAY).slice(0, 10)}`;
  const hm = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return `${hm(startIso)} to ${hm(endIso)} UTC`;
}

/**
 * One line for above the comparison: "month to date: 10 of 30 days (2024-09-01 to 2024-09-10)", "whole billing period:
 * 30 of 30 days (…)", or "usage from … : N days" without billing-period columns; the granularity's limits follow.
 */
export function periodSentence(p: BillPeriod): string {
  if (!p.coveredStart || !p.coveredEnd || !p.coveredHours) return `no usage dates: the estimate is compared over a ${HOURS_PER_MONTH}-hour month`;
  const hours = dec(p.coveredHours);
  const wholeDays = hours.div(24).eq(hours.div(24).round(0));
  // Under a day: "3 hours of 30 days"; else days to one decimal, with the exact hours when they are not whole days.
  const short = hours.lt(24);
  const hoursText = `${hours.round(2).toString()} hour${hours.eq(1) ? "" : "s"}`;
  const covered = short ? hoursText : days(p.daysCovered!);
  const when = `(${span(p.coveredStart, p.coveredEnd)}${wholeDays || short ? "" : `, ${hoursText}`})`;
  const of = (total: DecimalString) => `${covered} of ${days(total)} ${plural(days(total), "day")}`;
  let head: string;
  if (!p.daysInPeriod) head = `usage from the first to the last usage hour: ${short ? covered : `${covered} ${plural(covered, "day")}`} ${when}`;
  else if (p.monthToDate) head = `month to date: ${of(p.daysInPeriod)} ${when}`;
  else if (dec(p.daysCovered!).lt(p.daysInPeriod)) head = `part of the billing period: ${of(p.daysInPeriod)} ${when}`;
  else head = `whole billing period${p.invoiced ? " (invoiced)" : ""}: ${of(p.daysInPeriod)} ${when}`;
  return p.limits ? `${head}; ${p.limits}` : head;
}
