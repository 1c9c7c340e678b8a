/**
 * `reconcile --savings-plan` and `--rightsizing` in the CSV (`--format csv`): the reports as rows of the bill's one
 * CSV table (./view.ts billToCsv, the same 11 columns), each section named in the first column so a spreadsheet
 * filter keeps one apart. Every figure is a row of its own: what it is in "Usage type", its value in "Quantity" with
 * its unit in "Unit" ("USD", "USD per hour", "%", "vCPU", "GiB", "tasks", "hours", "rows"), long format, so a pivot
 * table reads any of them. Sentences (the summary, why there is no commitment, how to turn split data on) are rows
 * with the text in "Product or group". Pure: no I/O.
 */
import { HOURS_PER_MONTH, plural } from "@/lib/core";
import { existingPlanSentence, type SavingsPlanReport } from "./savings-plan";
import type { BillRightsizing } from "./split-rightsizing";

/** The CSV's columns (./view.ts billToCsv): Section, Region, Platform, Product or group, Usage type, Quantity, Unit, then 4 money columns. */
type Row = string[];

const figure = (section: string, group: string, what: string, value: string | number | null, unit: string, region = "", platform = ""): Row => [
  section,
  region,
  platform,
  group,
  what,
  value === null ? "" : String(value),
  unit,
  "",
  "",
  "",
  "",
];
const sentence = (section: string, text: string): Row => [section, "", "", text, "", "", "", "", "", "", ""];
/** A percentage that has no base (no commitment, no eligible spend): "n/a", as the page writes it, never an empty cell. */
const percentFigure = (section: string, group: string, what: string, value: string | null): Row => figure(section, group, what, value ?? "n/a", "%");

/** The Savings Plan section as CSV rows: summary or why none, the hours, the plan on the bill, then each term's figures. */
export function savingsPlanCsvRows(r: SavingsPlanReport | undefined): Row[] {
  if (!r) return [];
  const S = "Savings Plan";
  const rows: Row[] = [];
  if (r.status !== "ok") rows.push(sentence(`${S} summary`, r.message ?? ""));
  else if (r.summary) rows.push(sentence(`${S} summary`, r.summary));
  if (r.status === "ok") {
    const hours = `${r.periodStart} to ${r.periodEnd}`;
    rows.push(figure(`${S} hours`, hours, "hours (every hour pays the commitment)", r.hours, "hours"));
    rows.push(figure(`${S} hours`, hours, "hours with Fargate usage", r.hoursWithUsage, "hours"));
  }
  rows.push(figure(`${S} hours`, "", "eligible on-demand spend (Fargate vCPU and memory)", r.eligibleOnDemand, "USD"));
  if (r.existing) {
    const e = r.existing;
    const G = "the plan on the bill";
    rows.push(figure(`${S} on the bill`, G, "covered Fargate spend at on-demand rates", e.coveredOnDemand, "USD"));
    rows.push(figure(`${S} on the bill`, G, "what the covered usage cost at the plan's rates", e.coveredCost, "USD"));
    // No eligible Fargate spend: the plan's fee is there but nothing on Fargate for it to cover, said as the page says it.
    if (e.coveragePercent === null) rows.push(sentence(`${S} on the bill`, existingPlanSentence(e)));
    rows.push(percentFigure(`${S} on the bill`, G, "coverage of eligible Fargate spend", e.coveragePercent));
    // No commitment on the bill (the page: "the bill does not show the plan's commitment"): "n/a", not an empty cell.
    rows.push(figure(`${S} on the bill`, G, "commitment over the period (all services)", e.commitment ?? "n/a", "USD"));
    rows.push(figure(`${S} on the bill`, G, "commitment used (all services)", e.usedCommitment, "USD"));
    rows.push(percentFigure(`${S} on the bill`, G, "utilization", e.utilizationPercent));
    rows.push(percentFigure(`${S} on the bill`, G, "share of the commitment Fargate used", e.fargateSharePercent));
  }
  for (const o of r.options) {
    const T = `${S} option`;
    rows.push(figure(T, o.label, "commitment (bought to $0.001)", o.commitmentPerHour, "USD per hour"));
    if (o.upfront !== null) rows.push(figure(T, o.label, "paid upfront (commitment x the term's hours)", o.upfront, "USD"));
    rows.push(figure(T, o.label, "discount (spend-weighted)", o.discountPercent, "%"));
    rows.push(figure(T, o.label, "break-even utilization", o.breakEvenUtilizationPercent, "%"));
    rows.push(figure(T, o.label, `on-demand spend over the ${r.hours} ${plural(r.hours, "hour")}`, o.onDemand, "USD"));
    rows.push(figure(T, o.label, `cost with the plan over the ${r.hours} ${plural(r.hours, "hour")}`, o.costWithPlan, "USD"));
    rows.push(figure(T, o.label, `net savings over the ${r.hours} ${plural(r.hours, "hour")} (on-demand minus cost with the plan)`, o.netSavings, "USD"));
    rows.push(percentFigure(T, o.label, "net savings as a share of on-demand spend", o.savingsPercent));
    rows.push(percentFigure(T, o.label, "utilization", o.utilizationPercent));
    rows.push(percentFigure(T, o.label, "coverage", o.coveragePercent));
  }
  for (const n of r.notes) rows.push(sentence(`${S} note`, n));
  return rows;
}

/** The right-sizing section as CSV rows: what was found, per service its sizes, use, recommendation and prices, the totals. */
export function rightsizingCsvRows(r: BillRightsizing | undefined): Row[] {
  if (!r) return [];
  const S = "Right-sizing";
  const rows: Row[] = [sentence(`${S} summary`, r.message)];
  if (r.howToEnable) rows.push(sentence(`${S} summary`, r.howToEnable));
  for (const s of r.services) {
    const row = (what: string, value: string | number | null, unit: string) => figure(S, s.name, what, value, unit, s.region, s.platform.toUpperCase());
    rows.push(row("tasks running on average", s.averageTasks ?? s.tasks, "tasks"));
    rows.push(row("reserved vCPU per task (billed)", s.reserved.vcpu, "vCPU"));
    rows.push(row("reserved memory per task (billed)", s.reserved.memoryGiB, "GiB"));
    for (const [k, label] of [
      ["average", "average"],
      ["p95", "p95"],
      ["max", "max"],
    ] as const) {
      rows.push(row(`vCPU used per task, ${label}`, s.actual.vcpu[k], "vCPU"));
      rows.push(row(`memory used per task, ${label}`, s.actual.memoryGiB[k], "GiB"));
    }
    if (s.recommendation) {
      rows.push(row(`recommended vCPU per task (p${r.percentile} + ${r.headroomPercent}% headroom)`, s.recommendation.recommended.vcpu, "vCPU"));
      rows.push(row(`recommended memory per task (p${r.percentile} + ${r.headroomPercent}% headroom)`, s.recommendation.recommended.memoryGiB, "GiB"));
    }
    if (s.priced) {
      rows.push(row(`now, per ${HOURS_PER_MONTH}-hour month (on demand)`, s.priced.current, "USD"));
      rows.push(row(`recommended, per ${HOURS_PER_MONTH}-hour month (on demand)`, s.priced.recommended, "USD"));
      rows.push(row("saving per month (now minus recommended)", s.priced.saving, "USD"));
    }
    rows.push(row("unused cost on the bill (split_line_item_unused_cost)", s.cost.unusedCost, "USD"));
    rows.push(row("idle cost on the bill (paid x (reserved - actual) / reserved)", s.cost.idleCost, "USD"));
    for (const p of s.problems) rows.push([`${S} note`, s.region, s.platform.toUpperCase(), `${s.name}: ${p}`, "", "", "", "", "", "", ""]);
  }
  if (r.services.length) {
    rows.push(figure(`${S} total`, "", "saving per month", r.totals.monthlySaving, "USD"));
    rows.push(figure(`${S} total`, "", "unused cost on the bill", r.totals.unusedCost, "USD"));
    rows.push(figure(`${S} total`, "", "idle cost on the bill", r.totals.idleCost, "USD"));
  }
  for (const u of r.unusable) rows.push(figure(`${S} rows not used`, "", u.reason, u.rows, "rows"));
  for (const n of r.notes) rows.push(sentence(`${S} note`, n));
  return rows;
}
