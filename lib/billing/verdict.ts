import { dec, formatUsd, plural, type Decimal } from "@/lib/core";
import type { Comparison } from "./compare";
import type { DecimalString, Reconciliation } from "./types";
import { groupedQuantity, meterWords, percentOf } from "./words";

/**
 * The answer first (issue 20, item 4): one verdict at the top of the "Your bill" panel and of the CLI table, in
 * words and figures computed here (components only render them). The figures are the ones the tables show (cents
 * that add up, lib/billing/view.ts); the percentages are taken on the exact amounts.
 */

/** The hours the estimate was compared over, and how to say them. */
export interface ComparedPeriod {
  /** ISO timestamps of the first covered hour and the end of the last one (exclusive); null when the file has no dates. */
  start: string | null;
  end: string | null;
  /** Hours the estimate is scaled to (the 730-hour month scaled); null without dates and without a comparison. */
  hours: DecimalString | null;
  /** "1 to 30 September 2026 (720 hours)". */
  words: string;
  /** A sentence about the period when it is not a whole month ("month to date: 10 of 30 days"), else null. */
  note: string | null;
}

/**
 * The hours covered, as a reconciliation that reads them reports them (the bill's `period`: a month-to-date export's
 * hours so far). Structural, so that a Reconciliation or Comparison carrying such a `period` feeds it in as it is.
 */
export interface CoveredHours {
  coveredStart: string | null;
  coveredEnd: string | null;
  coveredHours: DecimalString | null;
  /** A month-to-date cut, or fewer days covered than the billing period has: the verdict says so (`note`). */
  monthToDate?: boolean;
  daysCovered?: DecimalString | null;
  daysInPeriod?: DecimalString | null;
}

/**
 * The one place the verdict learns which hours were compared. In order: `covered` when given; else the comparison's
 * (or the reconciliation's) `period` when the reader reports covered hours, with the comparison's `periodSentence` as
 * the note when the period is not the whole billing period ("month to date: 10 of 30 days"); else the bill's whole
 * period (recon.bill.periodStart/End) over comparison.periodHours.
 */
export function comparedPeriod(
  recon: Pick<Reconciliation, "bill"> & { period?: CoveredHours },
  comparison?: (Pick<Comparison, "periodHours"> & { period?: CoveredHours; periodSentence?: string }) | null,
  covered?: { start: string | null; end: string | null; hours: DecimalString | null; note?: string | null },
): ComparedPeriod {
  const read = comparison ? comparison.period : recon.period;
  const partial = !!read && (read.monthToDate === true || (!!read.daysCovered && !!read.daysInPeriod && dec(read.daysCovered).lt(read.daysInPeriod)));
  const from =
    covered ??
    (read
      ? {
          start: read.coveredStart,
          end: read.coveredEnd,
          hours: comparison?.periodHours ?? read.coveredHours,
          note: partial ? (comparison?.periodSentence ?? null) : null,
        }
      : null);
  const start = from ? from.start : recon.bill.periodStart;
  const end = from ? from.end : recon.bill.periodEnd;
  const hours = from?.hours ?? comparison?.periodHours ?? recon.bill.periodHours ?? null;
  const dates = datesInWords(start, end);
  const h = hours === null ? null : `${groupedQuantity(dec(hours))} ${plural(groupedQuantity(dec(hours)), "hour")}`;
  const words = dates ? (h ? `${dates} (${h})` : dates) : h ? `the bill's ${h} (the file has no dates)` : "the bill's period (the file has no dates)";
  return { start, end, hours, words, note: from?.note ?? null };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "1 to 30 September 2026", "28 September to 3 October 2026", "28 December 2026 to 3 January 2027"; null without dates. */
export function datesInWords(start: string | null, end: string | null): string | null {
  if (!start || !end) return null;
  const a = new Date(start);
  const endTime = new Date(end).getTime();
  if (Number.isNaN(a.getTime()) || Number.isNaN(endTime) || endTime <= a.getTime()) return null;
  // The end is exclusive: a period ending at midnight ends on the day before.
  const b = new Date(endTime - 1);
  const day = (d: Date) => d.getUTCDate();
  const month = (d: Date) => MONTHS[d.getUTCMonth()]!;
  const year = (d: Date) => d.getUTCFullYear();
  if (year(a) !== year(b)) return `${day(a)} ${month(a)} ${year(a)} to ${day(b)} ${month(b)} ${year(b)}`;
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${day(a)} ${month(a)} to ${day(b)} ${month(b)} ${year(b)}`;
  if (day(a) === day(b)) return `${day(a)} ${month(a)} ${year(a)}`;
  return `${day(a)} to ${day(b)} ${month(a)} ${year(a)}`;
}

/** One comparison line as the verdict reads it: exact quantities, and the costs in cents as the table shows them. */
export interface VerdictLine {
  region: string;
  platform: "ecs" | "eks";
  usageType: string;
  unit: string;
  estimatedQuantity: DecimalString;
  billedQuantity: DecimalString;
  /** Cents as shown ("87.44"). */
  estimatedCost: string;
  billedCost: string;
}

/**
 * A file without any usage row (only its header, or only taxes, credits and fees): what it is and its billing period
 * if any, in place of a comparison an invented 730-hour month would make ("billed 0% of the estimate"). Null when the
 * file has usage rows, or when the reconciliation does not say (no `period`: made before periods were read).
 */
export function noUsageSentence(
  r: Pick<Reconciliation, "bill" | "usage"> & {
    period?: { firstUsageStart: string | null; billingPeriodStart: string | null; billingPeriodEnd: string | null };
  },
  scenario?: string | null,
): string | null {
  if (!r.period || r.usage.length || r.period.firstUsageStart) return null;
  const compare = scenario ? `, so there is nothing to compare with the scenario "${scenario}"` : "";
  // An Athena answer (lib/billing/athena-sql.ts reconciliationFromAthena names its "file" so) is a query, not a file.
  const athena = r.bill.file.endsWith(" (Athena)");
  if (r.bill.rows === 0)
    return athena
      ? `The query found no rows for its dates, regions and accounts: no usage${compare}.`
      : `The file has no rows, only its header: no usage and no dates${compare}.`;
  const dates = datesInWords(r.period.billingPeriodStart ?? r.bill.periodStart, r.period.billingPeriodEnd ?? r.bill.periodEnd);
  const rows = `${r.bill.rows.toLocaleString("en-US")} ${plural(r.bill.rows, "row")}`;
  return `${athena ? "The query found" : "The file has"} ${rows} but no usage (only taxes, credits, fees or other charges)${dates ? `, billing period ${dates}` : " and no billing period"}${compare}.`;
}

export interface VerdictInput {
  period: ComparedPeriod;
  /** noUsageSentence(): the file has no usage rows; said instead of the cost and any comparison. */
  noUsage?: string | null;
  /** The bill's Fargate usage totals, in cents as shown. */
  listCost: string;
  paidCost: string;
  comparison: null | {
    scenario: string;
    /** Totals in cents as shown, and exact (for the percentages). */
    estimatedCost: string;
    billedCost: string;
    exactEstimatedCost: DecimalString;
    exactBilledCost: DecimalString;
    lines: VerdictLine[];
  };
}

export interface BillVerdict {
  /** The answer: "The bill is $12.30 (4.1%) above the estimate." (without a scenario: what Fargate cost). */
  headline: string;
  /** What Fargate cost, list and paid, over which dates, and what the scenario estimates for the same hours. */
  detail: string | null;
  /** The largest gap in words ("Most of it: vCPU in us-east-1, 120 vCPU-hours more than estimated ($4.86 more)."), or null. */
  largest: string | null;
  /** The bill against the estimate, on the amounts shown; null without a comparison. */
  direction: "above" | "below" | "equal" | null;
  /** Every sentence in reading order: what it cost, what was estimated, the difference, the largest gap. */
  sentences: string[];
}

const cents = (s: string) => dec(s);

function where(l: Pick<VerdictLine, "region" | "platform">): string {
  return `${l.region}${l.platform === "eks" ? " (EKS)" : ""}`;
}

/** The largest gap of one line in words, without its lead ("vCPU in us-east-1, 120 vCPU-hours more than estimated ($4.86 more)"). */
export function lineGapWords(l: VerdictLine): string {
  const eq = dec(l.estimatedQuantity);
  const bq = dec(l.billedQuantity);
  const diff = cents(l.billedCost).minus(l.estimatedCost);
  const q = (d: Decimal) => `${groupedQuantity(d.abs())} ${l.unit}`;
  let usage: string;
  if (eq.eq(0) && bq.gt(0)) usage = `${q(bq)} billed that the scenario does not estimate`;
  else if (bq.eq(0) && eq.gt(0)) usage = `${q(eq)} estimated and none billed`;
  else if (bq.gt(eq)) usage = `${q(bq.minus(eq))} more than estimated`;
  else if (bq.lt(eq)) usage = `${q(bq.minus(eq))} fewer than estimated`;
  else usage = `the same ${q(bq)} as estimated at another price`;
  const money = diff.eq(0) ? "" : ` (${formatUsd(diff.abs())} ${diff.gt(0) ? "more" : "less"})`;
  return `${meterWords(l.usageType)} in ${where(l)}, ${usage}${money}`;
}

/** The verdict from the figures the tables show. */
export function billVerdict(input: VerdictInput): BillVerdict {
  const { period, comparison: c } = input;
  if (input.noUsage) return { headline: input.noUsage, detail: null, largest: null, direction: null, sentences: [input.noUsage] };
  const cost = `Fargate cost ${formatUsd(input.listCost)} at list prices and ${formatUsd(input.paidCost)} paid, ${period.words}`;
  const note = period.note ? ` ${period.note.replace(/^./, (x) => x.toUpperCase()).replace(/\.?$/, ".")}` : "";
  if (!c) {
    const headline = `${cost}.`;
    return { headline, detail: null, largest: null, direction: null, sentences: [`${headline}${note}`] };
  }
  const detail = `${cost}; the scenario "${c.scenario}" estimates ${formatUsd(c.estimatedCost)} for the same hours.${note}`;
  const diff = cents(c.billedCost).minus(c.estimatedCost);
  const exactEst = dec(c.exactEstimatedCost);
  const exactBill = dec(c.exactBilledCost);
  const direction = diff.gt(0) ? "above" : diff.lt(0) ? "below" : "equal";
  let headline: string;
  if (direction === "equal") headline = `The bill matches the estimate to the cent (${formatUsd(c.billedCost)}).`;
  else if (exactEst.eq(0)) headline = `The bill is ${formatUsd(diff.abs())} above the estimate, which has nothing for this usage.`;
  else if (exactBill.eq(0)) headline = `The bill is ${formatUsd(diff.abs())} below the estimate: it has no Fargate usage over these hours.`;
  else {
    const pct = percentOf(exactBill.minus(exactEst).abs(), exactEst)!;
    // Far from the estimate, "99.8% below" reads better as what share was billed.
    const share = exactBill.lt(exactEst.div(2)) || exactBill.gt(exactEst.times(2)) ? `: billed ${percentOf(exactBill, exactEst)!} of the estimate` : "";
    headline = `The bill is ${formatUsd(diff.abs())} (${pct}) ${direction} the estimate${share}.`;
  }
  const largest = largestGap(c.lines, diff);
  return { headline, detail, largest, direction, sentences: [detail, headline, ...(largest ? [largest] : [])] };
}

/**
 * "Most of it: …" when the largest line holds at least half of the total gap and no more than all of it, in its
 * direction; else (lines that offset each other, or a total of zero) "The largest gap: …".
 */
export function largestGap(lines: readonly VerdictLine[], totalDiff: Decimal): string | null {
  let best: VerdictLine | null = null;
  let bestDiff = dec(0);
  for (const l of lines) {
    const d = cents(l.billedCost).minus(l.estimatedCost);
    if (d.abs().gt(bestDiff.abs())) {
      best = l;
      bestDiff = d;
    }
  }
  if (!best) return null;
  const most = !totalDiff.eq(0) && bestDiff.gt(0) === totalDiff.gt(0) && bestDiff.abs().times(2).gte(totalDiff.abs()) && bestDiff.abs().lte(totalDiff.abs());
  return `${most ? "Most of it" : "The largest gap"}: ${lineGapWords(best)}.`;
}
