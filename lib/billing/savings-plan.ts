/**
 * Savings Plans from a bill's real hours (issue 21, item 2): the BillAccumulator feeds this collector its Fargate rows
 * (hourly on-demand-equivalent spend per region and usage type) and the Savings Plan rows (commitment fees, covered
 * usage, unused commitment); finish() reports the existing plan's coverage and utilization over Fargate and, for each
 * Compute Savings Plan term, the hourly commitment with the largest net savings over those hours (./savings-plan-sizing.ts).
 */
import { SAVINGS_PLAN_TERMS, type FargateCatalog, type SavingsPlanTerm } from "@/lib/catalog";
import {
  dec,
  formatUsd,
  formatUsdPerHour,
  HOURS_PER_MONTH,
  MONTHS_PER_YEAR,
  MS_PER_HOUR,
  own,
  plural,
  ROUND_DOWN,
  ROUND_UP,
  terminalText,
  textTable,
  ZERO,
  type Decimal,
} from "@/lib/core";
import { CommitmentCurve, type CommitmentOutcome, type SpendHour } from "./savings-plan-sizing";
import type { DecimalString } from "./types";
import { fargateMeter } from "./usage-type";

/** Bounds on what a bill can make the collector keep (README, Security): distinct hours and (region, usage type) keys. */
export const SAVINGS_PLAN_BOUNDS = { hours: 100_000, keys: 1_000, curvePoints: 48 } as const;
/** Hours a term runs: an all-upfront plan pays commitment x these hours at purchase. */
/** A term's hours, as the calculator's upfront payments count them (lib/results/periods.ts): 730-hour months x 12 x years. */
const termHours = (term: SavingsPlanTerm) => HOURS_PER_MONTH * MONTHS_PER_YEAR * (term.startsWith("3yr") ? 3 : 1);
export const TERM_LABELS: Record<SavingsPlanTerm, string> = {
  "1yr-no-upfront": "1 year, no upfront",
  "1yr-all-upfront": "1 year, all upfront",
  "3yr-no-upfront": "3 years, no upfront",
  "3yr-all-upfront": "3 years, all upfront",
};

export interface SavingsPlanOption {
  term: SavingsPlanTerm;
  label: string;
  /** The spend-weighted discount of the plan's rates over the period's eligible usage, in percent (2 decimals). */
  discountPercent: string;
  /** Utilization at which a commitment only breaks even: 100% - discount (a plan used less than this loses money). */
  breakEvenUtilizationPercent: string;
  /** The commitment with the largest net savings, exact (one hour's plan cost: see savings-plan-sizing.ts). */
  optimum: DecimalString;
  /** What can be bought: the optimum to $0.001 an hour (down or up, whichever saves more). */
  commitmentPerHour: DecimalString;
  /** All upfront: the commitment x the term's hours, paid at purchase; null for no upfront. */
  upfront: DecimalString | null;
  /** Over the bill's hours, at commitmentPerHour. */
  onDemand: DecimalString;
  costWithPlan: DecimalString;
  netSavings: DecimalString;
  savingsPercent: string | null;
  utilizationPercent: string | null;
  coveragePercent: string | null;
}

export interface SavingsPlanReport {
  /** "ok": options are given; otherwise `message` says why not (no commitment from daily rows). */
  status: "ok" | "not-hourly" | "no-dates" | "no-usage" | "too-many-hours";
  message: string | null;
  /** One sentence with the answer: the 1-year no-upfront commitment and the term that saves the most; null without options. */
  summary: string | null;
  /** Every hour of the bill's usage period (hours without Fargate usage still pay a commitment). */
  hours: number;
  hoursWithUsage: number;
  periodStart: string | null;
  periodEnd: string | null;
  /** Fargate vCPU and memory (Linux and Windows, ECS and EKS), on-demand equivalent, that a Compute Savings Plan covers. */
  eligibleOnDemand: DecimalString;
  /** Left out of the sizing: Spot, what a plan does not cover (ephemeral storage, the Windows OS license), no rate in our snapshot. */
  excluded: { spot: DecimalString; notCovered: DecimalString; noRate: DecimalString };
  /** The plan(s) on the bill, or null when the bill shows none. */
  existing: null | {
    /** Fargate on-demand equivalent covered by a Savings Plan, and what it cost at the plan's rates. */
    coveredOnDemand: DecimalString;
    coveredCost: DecimalString;
    coveragePercent: string | null;
    /** All Savings Plans' commitment over the period (recurring + amortized upfront); null when the bill does not say. */
    commitment: DecimalString | null;
    /** Commitment used by any service (EC2 and Lambda too). */
    usedCommitment: DecimalString;
    utilizationPercent: string | null;
    /** Of the commitment, what Fargate used. */
    fargateSharePercent: string | null;
  };
  options: SavingsPlanOption[];
  /** Net savings (USD over the bill's hours) against the hourly commitment, per term, on a common grid. */
  curve: { commitment: DecimalString; netSavings: Record<SavingsPlanTerm, DecimalString> }[];
  method: string[];
  notes: string[];
}

interface RateKey {
  region: string;
  usageType: string;
  /** plan rate / on-demand rate per term (1 - discount); null where our snapshot has no plan rate. */
  factors: Record<SavingsPlanTerm, Decimal> | null;
  /** The snapshot's on-demand rate, for rows whose on-demand cost is missing. */
  onDemandRate: Decimal | null;
}

const percent = (part: Decimal, whole: Decimal) => (whole.gt(0) ? part.times(100).div(whole).round(2).toFixed(2) : null);
const isoOf = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** (plan rate, on-demand rate) of a Fargate usage type in a region, per term; undefined where a plan does not apply. */
function rateKey(catalog: FargateCatalog, region: string, usageType: string): RateKey | "not-covered" | "spot" {
  const meter = fargateMeter(usageType);
  if (meter?.spot) return "spot";
  if (!meter || meter.resource === "storage" || meter.resource === "os-license")
    return meter ? "not-covered" : { region, usageType, factors: null, onDemandRate: null };
  const r = own(catalog.regions, region);
  const base = !r ? undefined : meter.os === "windows" ? r.windows : own(r.linux, meter.arch);
  const od = base ? (meter.resource === "vcpu" ? base.vcpuHour.usd : base.gbHour.usd) : undefined;
  if (!r || !od || dec(od).eq(0)) return { region, usageType, factors: null, onDemandRate: od ? dec(od) : null };
  const factors = {} as Record<SavingsPlanTerm, Decimal>;
  for (const term of SAVINGS_PLAN_TERMS) {
    const plan = own(r.savingsPlans, term);
    const rates = plan ? (meter.os === "windows" ? plan.windows : own(plan, meter.arch)) : undefined;
    if (!rates) return { region, usageType, factors: null, onDemandRate: dec(od) };
    factors[term] = dec(meter.resource === "vcpu" ? rates.vcpuHour.usd : rates.gbHour.usd).div(od);
  }
  return { region, usageType, factors, onDemandRate: dec(od) };
}

/** Collects hourly Fargate spend and Savings Plan rows; see the file comment. */
export class SavingsPlanHours {
  private keys = new Map<string, RateKey | "not-covered" | "spot">();
  private keyIds = new Map<RateKey, number>();
  private keyList: RateKey[] = [];
  /** hour index (ms / 1 h) -> spend per key id. */
  private hourly = new Map<number, Decimal[]>();
  private notHourly = 0;
  private undated = 0;
  private tooMany = false;
  private spot = ZERO;
  private notCovered = ZERO;
  private noRate = ZERO;
  private noRateKeys = new Set<string>();
  private eligible = ZERO;
  private coveredOnDemand = ZERO;
  private coveredCost = ZERO;
  private coveredRows = 0;
  private commitment = ZERO;
  private commitmentRows = 0;
  private usedAny = ZERO;
  private unused = ZERO;
  private unusedRows = 0;
  private format: "cur" | "focus" = "cur";
  private last: RateKey | "not-covered" | "spot" | undefined;
  private lastRegion = "";
  private lastUsageType = "";
  private lastHour = NaN;
  private lastRow: Decimal[] | undefined;
  private usageStart = Infinity;
  private usageEnd = -Infinity;

  constructor(private readonly catalog: FargateCatalog) {}

  /** FOCUS reports the plan's commitment as used + unused rows; CUR as recurring fee rows. */
  setFormat(format: "cur" | "focus") {
    this.format = format;
  }

  /** A Savings Plan's commitment for one hour (CUR SavingsPlanRecurringFee: total commitment, recurring + amortized upfront). */
  commitmentFee(amount: Decimal) {
    this.commitment = this.commitment.plus(amount);
    this.commitmentRows++;
  }

  /** CUR: covered usage of any service, at the plan's rates (savings plan effective cost): the commitment it used. */
  used(amount: Decimal) {
    this.usedAny = this.usedAny.plus(amount);
  }

  /** FOCUS: a Savings Plan usage row of any service (CommitmentDiscountStatus "used" or "unused", with its EffectiveCost). */
  focusCommitment(status: string, effectiveCost: Decimal) {
    if (status === "used") this.usedAny = this.usedAny.plus(effectiveCost);
    else if (status === "unused") {
      this.unused = this.unused.plus(effectiveCost);
      this.unusedRows++;
    }
  }

  /** One Fargate row: on-demand equivalent (listCost, or quantity x our on-demand rate when the bill gives none). */
  fargate(region: string, usageType: string, quantity: Decimal, listCost: Decimal, coveredCost: Decimal | null, start: number, end: number) {
    let key = this.last;
    if (!key || this.lastRegion !== region || this.lastUsageType !== usageType) {
      // Rows come in runs of one region and usage type: the key lookup is skipped while the run lasts.
      const id = `${region}\u0000${usageType}`;
      key = this.keys.get(id);
      if (key === undefined) {
        key = this.keys.size < SAVINGS_PLAN_BOUNDS.keys ? rateKey(this.catalog, region, usageType) : { region, usageType, factors: null, onDemandRate: null };
        this.keys.set(id, key);
      }
      [this.last, this.lastRegion, this.lastUsageType] = [key, region, usageType];
    }
    if (key === "spot") return void (this.spot = this.spot.plus(listCost));
    if (key === "not-covered") return void (this.notCovered = this.notCovered.plus(listCost));
    const spend = listCost.eq(0) && key.onDemandRate ? quantity.times(key.onDemandRate) : listCost;
    if (!key.factors) {
      this.noRate = this.noRate.plus(spend);
      this.noRateKeys.add(`${region || "(no region)"} ${usageType}`);
      return;
    }
    this.eligible = this.eligible.plus(spend);
    if (coveredCost) {
      this.coveredOnDemand = this.coveredOnDemand.plus(spend);
      this.coveredCost = this.coveredCost.plus(coveredCost);
      this.coveredRows++;
    }
    if (!Number.isFinite(start) || !Number.isFinite(end)) return void this.undated++;
    if (end - start > MS_PER_HOUR + 1000) return void this.notHourly++;
    const hour = Math.floor(start / MS_PER_HOUR);
    let row = hour === this.lastHour ? this.lastRow : this.hourly.get(hour);
    if (!row) {
      if (this.hourly.size >= SAVINGS_PLAN_BOUNDS.hours) return void (this.tooMany = true);
      this.hourly.set(hour, (row = []));
    }
    [this.lastHour, this.lastRow] = [hour, row];
    let k = this.keyIds.get(key);
    if (k === undefined) {
      this.keyIds.set(key, (k = this.keyList.length));
      this.keyList.push(key);
    }
    row[k] = (row[k] ?? ZERO).plus(spend);
  }

  /**
   * Every row's usage dates: the hours the export covers are those of its hourly rows (any service), so hours without
   * Fargate usage inside them still pay the commitment; rows over a day or a month (taxes, monthly fees) do not widen them.
   */
  span(start: number, end: number) {
    if (!(end - start <= MS_PER_HOUR + 1000)) return;
    if (start < this.usageStart) this.usageStart = start;
    if (end > this.usageEnd) this.usageEnd = end;
  }

  /**
   * `covered`: the hours the export covers (./period.ts: an invoiced month is its whole period, a month-to-date file
   * its hours so far), in ms; a commitment is paid in each of them, usage or not. Without it, the hourly rows' span.
   */
  finish(covered?: { start: number; end: number }): SavingsPlanReport {
    const known = covered && Number.isFinite(covered.start) && Number.isFinite(covered.end) && covered.end > covered.start;
    const usageStart = known ? covered.start : this.usageStart;
    const usageEnd = known ? covered.end : this.usageEnd;
    const notes: string[] = [];
    if (this.spot.gt(0)) notes.push(`Fargate Spot (${formatUsd(this.spot)} on demand equivalent) is left out: Savings Plans do not apply to Spot.`);
    if (this.notCovered.gt(0))
      notes.push(
        `Ephemeral storage and the Windows OS license (${formatUsd(this.notCovered)}) are left out: a Compute Savings Plan covers Fargate vCPU and memory only.`,
      );
    if (this.noRate.gt(0))
      notes.push(
        `${formatUsd(this.noRate)} of Fargate usage has no Savings Plans rate in our price snapshot and is left out: ${[...this.noRateKeys].slice(0, 5).join(", ")}${this.noRateKeys.size > 5 ? " …" : ""}.`,
      );
    const existing = this.existing();
    const base = {
      hoursWithUsage: this.hourly.size,
      eligibleOnDemand: this.eligible.toString(),
      excluded: { spot: this.spot.toString(), notCovered: this.notCovered.toString(), noRate: this.noRate.toString() },
      existing,
      method: METHOD,
      notes,
    };
    const none = (status: SavingsPlanReport["status"], message: string): SavingsPlanReport => ({
      status,
      message,
      summary: null,
      hours: 0,
      periodStart: null,
      periodEnd: null,
      ...base,
      options: [],
      curve: [],
    });
    if (this.notHourly > 0)
      return none(
        "not-hourly",
        `This bill is not hourly (${this.notHourly.toLocaleString("en-US")} Fargate rows span more than an hour, as daily or monthly exports do), so no commitment is recommended: a Savings Plan is paid by the hour, and sizing it needs each hour's usage. Export the bill with hourly granularity.`,
      );
    if (this.tooMany)
      return none(
        "too-many-hours",
        `The bill has more than ${SAVINGS_PLAN_BOUNDS.hours.toLocaleString("en-US")} hours of Fargate usage; no commitment is sized from it.`,
      );
    if (this.eligible.eq(0)) return none("no-usage", "The bill has no Fargate usage a Compute Savings Plan covers, so there is no commitment to size.");
    if (this.hourly.size === 0 || this.undated > 0)
      return none("no-dates", "The bill's Fargate rows have no usage dates, so the hourly spend a commitment is sized from is unknown.");

    // The period: the hours the bill covers (else its hourly rows' span), and at least every hour with Fargate usage.
    let first = Number.isFinite(usageStart) ? Math.floor(usageStart / MS_PER_HOUR) : Infinity;
    let last = Number.isFinite(usageEnd) ? Math.ceil(usageEnd / MS_PER_HOUR) : -Infinity;
    for (const h of this.hourly.keys()) {
      if (h < first) first = h;
      if (h + 1 > last) last = h + 1;
    }
    const hours = last - first;
    if (hours > SAVINGS_PLAN_BOUNDS.hours)
      return none("too-many-hours", `The bill spans more than ${SAVINGS_PLAN_BOUNDS.hours.toLocaleString("en-US")} hours; no commitment is sized from it.`);
    const curves = {} as Record<SavingsPlanTerm, CommitmentCurve>;
    const options: SavingsPlanOption[] = [];
    for (const term of SAVINGS_PLAN_TERMS) {
      const spendHours: SpendHour[] = [];
      for (const row of this.hourly.values()) {
        let spend = ZERO;
        let planCost = ZERO;
        row.forEach((s, k) => {
          spend = spend.plus(s);
          planCost = planCost.plus(s.times(this.keyList[k]!.factors![term]));
        });
        spendHours.push({ spend, planCost });
      }
      const curve = new CommitmentCurve(spendHours, hours);
      curves[term] = curve;
      const best = curve.best();
      const bought = purchasable(curve, best);
      const exact10 = (d: Decimal) => d.round(10).toString();
      options.push({
        term,
        label: TERM_LABELS[term],
        discountPercent: percent(curve.onDemand.minus(curve.planCost), curve.onDemand) ?? "0.00",
        breakEvenUtilizationPercent: percent(curve.planCost, curve.onDemand) ?? "100.00",
        optimum: best.commitment.toString(),
        commitmentPerHour: bought.commitment.toString(),
        upfront: term.endsWith("all-upfront") ? bought.commitment.times(termHours(term)).toString() : null,
        onDemand: bought.onDemand.toString(),
        costWithPlan: exact10(bought.costWithPlan),
        netSavings: exact10(bought.netSavings),
        savingsPercent: percent(bought.netSavings, bought.onDemand),
        utilizationPercent: bought.utilization ? bought.utilization.times(100).round(2).toFixed(2) : null,
        coveragePercent: bought.coverage ? bought.coverage.times(100).round(2).toFixed(2) : null,
      });
    }
    // The chart's grid: 0 to the largest hour's plan cost of the smallest discount (past it, every term only loses).
    let top = ZERO;
    for (const c of Object.values(curves)) if (c.maxPlanCost.gt(top)) top = c.maxPlanCost;
    const steps = SAVINGS_PLAN_BOUNDS.curvePoints;
    const grid = new Map<string, Decimal>();
    for (let i = 0; i <= steps; i++) {
      const c = top.times(i).div(steps).round(6);
      grid.set(c.toString(), c);
    }
    for (const o of options) grid.set(dec(o.commitmentPerHour).toString(), dec(o.commitmentPerHour));
    const curve = [...grid.values()]
      .sort((a, b) => a.cmp(b))
      .map((c) => ({
        commitment: c.toString(),
        netSavings: Object.fromEntries(SAVINGS_PLAN_TERMS.map((t) => [t, curves[t].at(c).netSavings.round(2).toFixed(2)])) as Record<SavingsPlanTerm, string>,
      }));
    return {
      status: "ok",
      message: null,
      summary: summaryOf(options, hours, this.hourly.size),
      hours,
      periodStart: isoOf(first * MS_PER_HOUR),
      periodEnd: isoOf(last * MS_PER_HOUR),
      ...base,
      options,
      curve,
    };
  }

  private existing(): SavingsPlanReport["existing"] {
    if (this.coveredRows === 0 && this.commitmentRows === 0 && this.unusedRows === 0) return null;
    const commitment =
      this.format === "focus" ? (this.unusedRows || this.usedAny.gt(0) ? this.usedAny.plus(this.unused) : null) : this.commitmentRows ? this.commitment : null;
    return {
      coveredOnDemand: this.coveredOnDemand.toString(),
      coveredCost: this.coveredCost.toString(),
      coveragePercent: percent(this.coveredOnDemand, this.eligible),
      commitment: commitment?.toString() ?? null,
      usedCommitment: this.usedAny.toString(),
      utilizationPercent: commitment ? percent(this.usedAny, commitment) : null,
      fargateSharePercent: commitment ? percent(this.coveredCost, commitment) : null,
    };
  }
}

/** True when a term's bought commitment saves nothing a person would call savings (none, or less than half a cent). */
const savesNothing = (o: SavingsPlanOption) => dec(o.commitmentPerHour).eq(0) || dec(o.netSavings).lt("0.005");

/**
 * Why a term's best commitment is zero, in words. Near C = 0 every hour with usage uses the whole commitment, so net
 * savings grow with C only while (hours with usage) / (1 - d) > (every hour): a plan saves only when usage is in more
 * than its break-even share (1 - d) of the hours, whatever its level. Otherwise the exact optimum may be below the
 * $0.001 an hour AWS sells, or save less than a cent.
 */
function whyNothing(o: SavingsPlanOption, hours: number, hoursWithUsage: number, lead: string): string {
  const optimum = dec(o.optimum);
  if (optimum.gt(0) && dec(o.commitmentPerHour).eq(0))
    return `the best commitment, ${formatUsdPerHour(optimum)} an hour, is below the $0.001 an hour AWS sells`;
  if (optimum.gt(0))
    return `the best commitment, ${formatUsdPerHour(o.commitmentPerHour)} an hour, would have saved less than a cent (${formatUsd(o.netSavings)})`;
  const share = percent(dec(hoursWithUsage), dec(hours)) ?? "0.00";
  return `Fargate ran in ${hoursWithUsage.toLocaleString("en-US")} of the ${hours.toLocaleString("en-US")} ${plural(hours, "hour")} (${share}%) and a commitment is paid every hour, so ${lead} (${o.discountPercent}% off) it must be used in more than ${o.breakEvenUtilizationPercent}% of them to save anything`;
}

function summaryOf(options: SavingsPlanOption[], hours: number, hoursWithUsage: number): string {
  const n = `${hours.toLocaleString("en-US")} ${plural(hours, "hour")}`;
  const first = options[0]!;
  if (options.every(savesNothing)) {
    // The largest discount needs the fewest hours: if even it saves nothing, that is the reason for all.
    const widest = options.reduce((a, b) => (dec(b.discountPercent).gt(a.discountPercent) ? b : a));
    return `Over these ${n}, no Savings Plan commitment would have saved anything on this bill: ${whyNothing(widest, hours, hoursWithUsage, `even at the largest discount here, ${widest.label}`)}.`;
  }
  const top = options.reduce((a, b) => (dec(b.netSavings).gt(a.netSavings) ? b : a));
  const one = savesNothing(first)
    ? `a 1-year no-upfront commitment would have saved nothing: ${whyNothing(first, hours, hoursWithUsage, "at that term's discount")}`
    : `a 1-year no-upfront commitment of ${formatUsdPerHour(first.commitmentPerHour)} an hour would have saved ${formatUsd(first.netSavings)} (${first.savingsPercent ?? "0.00"}%)`;
  return top.term === first.term
    ? `Over these ${n}, ${one}.`
    : `Over these ${n}, ${one}; ${top.label} at ${formatUsdPerHour(top.commitmentPerHour)} an hour saves the most, ${formatUsd(top.netSavings)} (${top.savingsPercent ?? "0.00"}%).`;
}

/** The optimum to $0.001 an hour (AWS sells commitments in tenths of a cent): down or up, whichever saves more. */
function purchasable(curve: CommitmentCurve, best: CommitmentOutcome): CommitmentOutcome {
  const down = curve.at(best.commitment.round(3, ROUND_DOWN));
  const up = curve.at(best.commitment.round(3, ROUND_UP));
  return up.netSavings.gt(down.netSavings) ? up : down;
}

export const METHOD = [
  "Each hour of the bill, the Fargate vCPU and memory usage a Compute Savings Plan covers (Spot, ephemeral storage and the Windows license left out) is valued at on-demand rates (the bill's public on-demand cost): that hour's spend s.",
  "The plan's discount d for that hour is the spend-weighted discount of our Savings Plans rates over the hour's regions and usage types, so the same usage costs s × (1 − d) under the plan.",
  "A commitment of C dollars an hour is paid every hour, used or not. It covers on-demand spend up to C ÷ (1 − d); the rest of the hour is paid on demand. Net savings = on-demand spend − (commitments + uncovered spend), summed over every hour of the period.",
  "Net savings rise with C while enough hours still use the whole commitment, then fall, so the best commitment is one hour's s × (1 − d): every such value is tried, from the hours sorted by it (exact, no sampling), and the best one rounded to $0.001 an hour.",
  "A plan breaks even at a utilization of 1 − d: below it, the unused commitment costs more than the discount saves. The recommendation is the whole Fargate commitment: compare it with any plan you hold (which may also cover EC2 and Lambda).",
];

/** Said when a plan is on the bill (its fee, its commitment) but no Fargate usage it could cover is (coverage has no base). */
const NOTHING_TO_COVER =
  "the bill has no Fargate usage a Compute Savings Plan covers (Fargate vCPU and memory, Spot aside), so the plan covered no Fargate spend";

/** The plan on the bill, for the page: what it covers of the Fargate spend a plan can cover, or that there was none to cover. */
export function existingPlanSentence(e: NonNullable<SavingsPlanReport["existing"]>): string {
  if (e.coveragePercent === null) return `The Savings Plan's fee is on this bill, but ${NOTHING_TO_COVER}.`;
  return `The plan on this bill covers ${e.coveragePercent}% of the Fargate spend a plan can cover (${formatUsd(e.coveredOnDemand)} at on-demand rates, paid ${formatUsd(e.coveredCost)}).`;
}

/** "98.74%", or "n/a" when there is no base (a zero commitment): as the page writes it, never "n/a%". */
const percentOrNa = (p: string | null) => (p === null ? "n/a" : `${p}%`);

/** The report as text for the CLI table. */
export function savingsPlanToTable(r: SavingsPlanReport): string {
  const out: string[] = ["Savings Plans from the bill's hours"];
  if (r.existing) {
    const e = r.existing;
    out.push(
      (e.coveragePercent === null
        ? `Existing plan: its fee is on this bill, but ${NOTHING_TO_COVER}`
        : `Existing plan: covers ${e.coveragePercent}% of eligible Fargate spend (${formatUsd(e.coveredOnDemand)} on demand for ${formatUsd(e.coveredCost)})`) +
        (e.commitment
          ? `; commitment ${formatUsd(e.commitment)}, ${percentOrNa(e.utilizationPercent)} used (${percentOrNa(e.fargateSharePercent)} by Fargate).`
          : "; the bill does not show the plan's commitment."),
    );
  }
  if (r.status !== "ok") {
    out.push(r.message ?? "");
  } else {
    if (r.summary) out.push(r.summary);
    out.push(
      `${r.hours.toLocaleString("en-US")} ${plural(r.hours, "hour")} (${r.hoursWithUsage.toLocaleString("en-US")} with Fargate usage) from ${r.periodStart} to ${r.periodEnd}; eligible on-demand spend ${formatUsd(r.eligibleOnDemand)}.`,
    );
    out.push(
      textTable(
        [
          ["Term", "Commitment/h", "Upfront", "Discount", "Break-even use", "Cost with plan", "Net savings", "Savings", "Utilization", "Coverage"],
          ...r.options.map((o) => [
            o.label,
            dec(o.commitmentPerHour).eq(0) ? "none" : formatUsdPerHour(o.commitmentPerHour),
            o.upfront === null || dec(o.commitmentPerHour).eq(0) ? "" : formatUsd(o.upfront),
            `${o.discountPercent}%`,
            `${o.breakEvenUtilizationPercent}%`,
            formatUsd(o.costWithPlan),
            formatUsd(o.netSavings),
            percentOrNa(o.savingsPercent),
            percentOrNa(o.utilizationPercent),
            percentOrNa(o.coveragePercent),
          ]),
        ],
        new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]),
      ),
    );
  }
  out.push("", "Method:", ...r.method.map((m) => `- ${m}`));
  if (r.notes.length) out.push("", "Notes:", ...r.notes.map((n) => `- ${n}`));
  // Region and usage-type names in the notes come from the bill: control characters are shown escaped.
  return terminalText(`${out.join("\n")}\n`);
}

/** The curve as chart points (numbers, USD), one series per term, and each term's recommended commitment. */
export function savingsPlanChartData(r: SavingsPlanReport): {
  points: ({ commitment: number } & Record<SavingsPlanTerm, number>)[];
  recommended: { term: SavingsPlanTerm; label: string; commitment: number; netSavings: number }[];
} {
  return {
    points: r.curve.map((p) => ({
      commitment: Number(p.commitment),
      ...(Object.fromEntries(SAVINGS_PLAN_TERMS.map((t) => [t, Number(p.netSavings[t])])) as Record<SavingsPlanTerm, number>),
    })),
    recommended: r.options.map((o) => ({ term: o.term, label: o.label, commitment: Number(o.commitmentPerHour), netSavings: Number(o.netSavings) })),
  };
}
