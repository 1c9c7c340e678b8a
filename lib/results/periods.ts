import { dec, sum, type Decimal, HOURS_PER_MONTH, MONTHS_PER_YEAR } from "@/lib/core";
import type { Scenario } from "@/lib/scenario";
import type { ResultsView } from "./view";

/** The summary's figures per hour, per year and paid upfront (one click away from the monthly headline). */

/** Months in a year and in each commitment term (the 730-hour month: 12 x 730 = 8,760 hours, a 365-day year). */

export interface PeriodFigures {
  perHour: string;
  perMonth: string;
  perYear: string;
}

/** A monthly amount as an average per hour (730-hour month) and per year (12 months). Exact decimal strings. */
export function periods(monthly: string | Decimal): PeriodFigures {
  const m = dec(monthly);
  return { perHour: m.div(HOURS_PER_MONTH).toString(), perMonth: m.toString(), perYear: m.times(MONTHS_PER_YEAR).toString() };
}

export interface UpfrontPayment {
  /** Whole-term payment at purchase, exact. */
  amount: string;
  /** What it covers, e.g. "1-year all-upfront Compute Savings Plan for api". */
  label: string;
}

/**
 * All-upfront Savings Plans are paid for the whole term at purchase: the hourly commitment x the term's hours.
 * The estimate assumes the commitment exactly covers the covered usage, so the payment is the covered line items'
 * monthly cost x 12 x years (the monthly figures already include it, spread over the term).
 */
export function upfrontPayments(view: ResultsView, scenario: Scenario): UpfrontPayment[] {
  const out: UpfrontPayment[] = [];
  for (const years of [1, 3] as const) {
    const names: string[] = [];
    const monthly: Decimal[] = [];
    scenario.workloads.forEach((w, i) => {
      if (w.savingsPlan !== `${years}yr-all-upfront`) return;
      const items = (view.estimate.workloads[i]?.lineItems ?? []).filter((li) => li.purchase === "savings-plan");
      const m = sum(items.map((li) => li.monthlyCost));
      if (m.gt(0)) {
        names.push(w.name);
        monthly.push(m);
      }
    });
    if (!names.length) continue;
    out.push({
      amount: sum(monthly)
        .times(MONTHS_PER_YEAR * years)
        .toString(),
      label: `${years}-year all-upfront Compute Savings Plan (${names.join(", ")})`,
    });
  }
  return out;
}
