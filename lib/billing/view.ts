import Papa from "papaparse";
import { allocateCents, centsToString, dec, formatQuantity, formatUsd, plural, terminalText, textTable, toCents, type Decimal } from "@/lib/core";
import { besideCsvRows, besideTable, besideView, type BesideView } from "./beside-view";
import type { Comparison } from "./compare";
import { FORMAT_NAMES } from "./columns";
import { periodSentence } from "./period";
import type { Reconciliation } from "./types";
import { billVerdict, comparedPeriod, noUsageSentence, type BillVerdict, type ComparedPeriod } from "./verdict";
import { comparisonChart, type BillChartBar } from "./bill-chart";
import { readableUnit } from "./words";

/**
 * Rounds amounts to cents so that the rounded rows add up to the rounded total (largest remainder): a table
 * whose rows are rounded on their own can miss its total by a cent. The total is rounded half-up; rows lose or
 * gain at most one cent each against their own half-up rounding, the ones with the largest remainders first.
 */
export function centsThatSum(values: readonly (string | Decimal)[]): { rows: string[]; total: string } {
  const rows = allocateCents(values);
  return { rows, total: centsToString(rows.reduce((t, r) => t + BigInt(r.replace(".", "")), 0n)) };
}

const PLATFORM = { ecs: "ECS", eks: "EKS" } as const;

export interface BillView {
  title: string;
  usage: { key: string; region: string; platform: string; usageType: string; quantity: string; unit: string; listCost: string; effectiveCost: string }[];
  usageTotal: { listCost: string; effectiveCost: string };
  groups: { key: string; name: string; region: string; platform: string; kind: string; listCost: string; effectiveCost: string }[];
  groupsTotal: { listCost: string; effectiveCost: string };
  outside: { key: string; product: string; usageType: string; region: string; quantity: string; unit: string; cost: string }[];
  outsideTotal: string;
  /** The same rows told apart: linked to the Fargate services found, account-wide per region, ECS/EKS on EC2 (./beside-view.ts). */
  beside: BesideView;
  adjustments: { key: string; kind: string; product: string; cost: string }[];
  adjustmentsTotal: string;
  other: string;
  /** "month to date: 10 of 30 days (2024-09-01 to 2024-09-10)", for above the comparison; null without a period. */
  period: string | null;
  /** Fargate usage's cash billed (cents), beside the paid (amortised) usageTotal; null when the bill gave none. */
  billedTotal: string | null;
  /** "usage type: SkuMeter", "paid: EffectiveCost", ...: which of the file's columns each figure was read from. */
  columnsUsed: string[];
  comparison: null | {
    scenario: string;
    periodHours: string;
    lines: {
      key: string;
      region: string;
      platform: string;
      usageType: string;
      unit: string;
      estimatedQuantity: string;
      billedQuantity: string;
      estimatedCost: string;
      billedCost: string;
      difference: string;
      differencePercent: string;
    }[];
    totals: { estimatedCost: string; billedCost: string; difference: string; differencePercent: string };
    findings: string[];
    /** Estimate vs bill per usage type, for the chart: the largest first, the rest as one bar; cents that add up to the totals. */
    chart: BillChartBar[];
    /** The chart's description: what the bars are, over which dates. */
    chartCaption: string;
  };
  /** Why a comparison asked for was not made (a file without usage rows: ./verdict.ts noUsageSentence); else null. */
  notCompared: string | null;
  /** The answer first: what Fargate cost over which dates, against the estimate, and the largest gap (./verdict.ts). */
  verdict: BillVerdict;
  notes: string[];
}

const COLUMN_ROLES = {
  usageType: "usage type",
  quantity: "quantity",
  listCost: "list",
  paid: "paid (amortised)",
  billed: "billed (cash)",
  usageHours: "usage hours",
  billingPeriod: "billing period",
  invoice: "invoice",
} as const;

const pct = (p: string | null) => (p === null ? "n/a" : `${Number(p) > 0 ? "+" : ""}${p}%`);
const usd = (cents: string) => formatUsd(cents);

/** What the screen, the CLI table and the CSV show: cents that add up, quantities to 4 decimals. */
export function billView(r: Reconciliation, comparison?: Comparison | null, compared: ComparedPeriod = comparedPeriod(r, comparison)): BillView {
  const u = { list: centsThatSum(r.usage.map((x) => x.listCost)), eff: centsThatSum(r.usage.map((x) => x.effectiveCost)) };
  // Groups past the listed ones are one "other groups" line (lib/billing/accumulate.ts GROUP_BOUNDS).
  const other = r.groupsOther;
  const groupLines = other
    ? [
        ...r.groups,
        {
          region: "",
          platform: null,
          cluster: `(${other.untracked ? "more than " : ""}${other.groups.toLocaleString("en-US")} other groups)`,
          service: "(untagged)",
          kind: "",
          listCost: other.listCost,
          effectiveCost: other.effectiveCost,
        },
      ]
    : r.groups;
  const g = { list: centsThatSum(groupLines.map((x) => x.listCost)), eff: centsThatSum(groupLines.map((x) => x.effectiveCost)) };
  const o = centsThatSum(r.outsideFargate.map((x) => x.cost));
  const a = centsThatSum(r.adjustments.map((x) => x.cost));
  const period = r.bill.periodStart && r.bill.periodEnd ? `${r.bill.periodStart.slice(0, 10)} to ${r.bill.periodEnd.slice(0, 10)}` : "no dates";
  // A file without usage rows: said in the verdict instead of a comparison over an invented 730-hour month.
  const noUsage = noUsageSentence(r, comparison?.scenario.name);
  let cmp: BillView["comparison"] = null;
  const notCompared = comparison ? (noUsage ?? (comparison.compared === false ? (comparison.reason ?? null) : null)) : null;
  if (comparison && !notCompared) {
    const est = centsThatSum(comparison.lines.map((l) => l.estimatedCost));
    const bill = centsThatSum(comparison.lines.map((l) => l.billedCost));
    // The difference shown is the difference of the amounts shown, so the columns agree with each other.
    const diff = (b: string, e: string) => dec(b).minus(e).toFixed(2);
    cmp = {
      scenario: comparison.scenario.name,
      periodHours: formatQuantity(comparison.periodHours),
      lines: comparison.lines.map((l, i) => ({
        key: `${l.region}|${l.platform}|${l.usageType}`,
        region: l.region,
        platform: PLATFORM[l.platform],
        usageType: l.usageType,
        unit: l.unit,
        estimatedQuantity: formatQuantity(l.estimatedQuantity),
        billedQuantity: formatQuantity(l.billedQuantity),
        estimatedCost: est.rows[i]!,
        billedCost: bill.rows[i]!,
        difference: diff(bill.rows[i]!, est.rows[i]!),
        differencePercent: pct(l.differencePercent),
      })),
      totals: {
        estimatedCost: est.total,
        billedCost: bill.total,
        difference: diff(bill.total, est.total),
        differencePercent: pct(comparison.totals.differencePercent),
      },
      findings: comparison.findings,
      chart: [],
      chartCaption: "",
    };
    cmp.chart = comparisonChart(cmp.lines);
    const grouped = cmp.chart.some((b) => b.key === "rest") ? "; the smallest usage types together" : "";
    cmp.chartCaption = `US dollars over ${compared.words}: the scenario's estimate and what the bill paid, per usage type${grouped}.`;
  }
  const verdict = billVerdict({
    period: compared,
    noUsage,
    listCost: u.list.total,
    paidCost: u.eff.total,
    comparison:
      comparison && cmp
        ? {
            scenario: cmp.scenario,
            estimatedCost: cmp.totals.estimatedCost,
            billedCost: cmp.totals.billedCost,
            exactEstimatedCost: comparison.totals.estimatedCost,
            exactBilledCost: comparison.totals.billedCost,
            lines: comparison.lines.map((l, i) => ({
              region: l.region,
              platform: l.platform,
              usageType: l.usageType,
              unit: l.unit,
              estimatedQuantity: l.estimatedQuantity,
              billedQuantity: l.billedQuantity,
              estimatedCost: cmp.lines[i]!.estimatedCost,
              billedCost: cmp.lines[i]!.billedCost,
            })),
          }
        : null,
  });
  return {
    title: `${r.bill.file}: ${FORMAT_NAMES[r.bill.format]}, ${r.bill.rows.toLocaleString("en-US")} ${plural(r.bill.rows, "row")} (${r.bill.fargateRows.toLocaleString("en-US")} Fargate), ${period}`,
    usage: r.usage.map((x, i) => ({
      key: `${x.region}|${x.platform}|${x.usageType}`,
      region: x.region,
      platform: PLATFORM[x.platform],
      usageType: x.usageType,
      quantity: formatQuantity(x.quantity),
      unit: x.unit,
      listCost: u.list.rows[i]!,
      effectiveCost: u.eff.rows[i]!,
    })),
    usageTotal: { listCost: u.list.total, effectiveCost: u.eff.total },
    groups: groupLines.map((x, i) => ({
      key: `${x.region}|${x.platform}|${x.cluster}|${x.service}`,
      name: x.service === "(untagged)" ? x.cluster : `${x.cluster} / ${x.service}`,
      region: x.region,
      platform: x.platform === null ? "" : PLATFORM[x.platform],
      kind: "kind" in x ? x.kind : `${x.os === "windows" ? "Windows" : "Linux"}/${x.arch}`,
      listCost: g.list.rows[i]!,
      effectiveCost: g.eff.rows[i]!,
    })),
    groupsTotal: { listCost: g.list.total, effectiveCost: g.eff.total },
    outside: r.outsideFargate.map((x, i) => ({
      key: `${x.product}|${x.usageType}|${x.region}|${x.unit}`,
      product: x.product,
      usageType: x.usageType,
      region: x.region,
      quantity: formatQuantity(x.quantity),
      unit: readableUnit(x.unit),
      cost: o.rows[i]!,
    })),
    outsideTotal: o.total,
    beside: besideView(r),
    adjustments: r.adjustments.map((x, i) => ({ key: `${x.kind}|${x.product}`, kind: x.kind, product: x.product, cost: a.rows[i]! })),
    adjustmentsTotal: a.total,
    other: toCents(dec(r.totals.other)),
    period: r.period && !noUsage ? periodSentence(r.period) : null,
    billedTotal: r.totals.billedCost === undefined ? null : toCents(dec(r.totals.billedCost)),
    columnsUsed: r.columnsUsed
      ? (Object.entries(COLUMN_ROLES) as [keyof typeof COLUMN_ROLES, string][])
          .filter(([k]) => r.columnsUsed![k].length)
          .map(([k, label]) => `${label}: ${r.columnsUsed![k].join(", ")}`)
      : [],
    comparison: cmp,
    notCompared,
    verdict,
    notes: r.notes,
  };
}

/** The CLI's readable table. */
export function billToTable(v: BillView): string {
  const out: string[] = [v.title];
  // With a comparison, the period is said above it instead.
  if (v.period && !v.comparison) out.push(`Period: ${v.period}`);
  out.push("", "Fargate usage by usage type");
  out.push(
    textTable(
      [
        ["Region", "Platform", "Usage type", "Quantity", "Unit", "List", "Paid"],
        ...v.usage.map((x) => [x.region, x.platform, x.usageType, x.quantity, x.unit, usd(x.listCost), usd(x.effectiveCost)]),
        ["Total", "", "", "", "", usd(v.usageTotal.listCost), usd(v.usageTotal.effectiveCost)],
      ],
      new Set([3, 5, 6]),
    ),
  );
  if (v.billedTotal !== null && v.billedTotal !== v.usageTotal.effectiveCost)
    out.push(`Billed (cash) for this usage: ${usd(v.billedTotal)}; paid above is amortised (Savings Plan covered usage at the plan's rate).`);
  out.push("", "By cluster and service");
  out.push(
    textTable(
      [
        ["Group", "Region", "Platform", "OS/arch", "List", "Paid"],
        ...v.groups.map((x) => [x.name, x.region, x.platform, x.kind, usd(x.listCost), usd(x.effectiveCost)]),
        ["Total", "", "", "", usd(v.groupsTotal.listCost), usd(v.groupsTotal.effectiveCost)],
      ],
      new Set([4, 5]),
    ),
  );
  // What is beside the meter, told apart (only linked rows are called Fargate's).
  out.push(...besideTable(v.beside));
  out.push("", "Taxes, credits and fees");
  out.push(
    textTable(
      [["Kind", "Product", "Cost"], ...v.adjustments.map((x) => [x.kind, x.product, usd(x.cost)]), ["Total", "", usd(v.adjustmentsTotal)]],
      new Set([2]),
    ),
  );
  out.push("", `Other charges on the bill (other services, not attributed to Fargate): ${usd(v.other)}`);
  if (v.comparison) {
    const c = v.comparison;
    out.push("");
    if (v.period) out.push(`Period: ${v.period}`);
    out.push(`Compared with the scenario "${c.scenario}" over the bill's ${c.periodHours} ${plural(c.periodHours, "hour")}`);
    out.push(
      textTable(
        [
          // The difference's sign spelled out in its header: paid minus estimated (negative: the bill is below), in % of the estimate.
          ["Region", "Platform", "Usage type", "Estimated", "On the bill", "Unit", "Estimated $", "Paid $", "Paid - estimated", "% of estimate"],
          ...c.lines.map((l) => [
            l.region,
            l.platform,
            l.usageType,
            l.estimatedQuantity,
            l.billedQuantity,
            l.unit,
            usd(l.estimatedCost),
            usd(l.billedCost),
            usd(l.difference),
            l.differencePercent,
          ]),
          ["Total", "", "", "", "", "", usd(c.totals.estimatedCost), usd(c.totals.billedCost), usd(c.totals.difference), c.totals.differencePercent],
        ],
        new Set([3, 4, 6, 7, 8, 9]),
      ),
    );
    if (c.findings.length) out.push("", ...c.findings.map((f) => `- ${f}`));
  }
  if (v.columnsUsed.length) out.push("", `Columns used: ${v.columnsUsed.join("; ")}`);
  if (v.notes.length) out.push("", "Notes:", ...v.notes.map((n) => `- ${n}`));
  // The answer first: the verdict's sentences under the title, before the tables they summarise.
  out.splice(1, 0, "", ...v.verdict.sentences);
  // Names come from the bill and the scenario: control characters are shown escaped, never acted on by the terminal.
  return terminalText(`${out.join("\n")}\n`);
}

// Cells that a spreadsheet would run as a formula get a leading ' (a plain negative amount stays a number).
const FORMULA = /^(?!-?\d+(\.\d+)?$)[=+\-@\t\r]/;

/**
 * One CSV table: a section column, then the rows of every table (RFC 4180, formula-safe). `extra`: more sectioned rows
 * in the same 11 columns, after the bill's (the Savings Plan and right-sizing reports, ./report-csv.ts).
 */
export function billToCsv(v: BillView, extra: readonly string[][] = []): string {
  const fields = [
    "Section",
    "Region",
    "Platform",
    "Product or group",
    "Usage type",
    "Quantity",
    "Unit",
    "List (USD)",
    "Paid or cost (USD)",
    "Estimated (USD)",
    "Paid minus estimated (USD)",
  ];
  const rows: string[][] = [];
  for (const x of v.usage) rows.push(["Fargate usage", x.region, x.platform, "", x.usageType, x.quantity, x.unit, x.listCost, x.effectiveCost, "", ""]);
  rows.push(["Fargate usage total", "", "", "", "", "", "", v.usageTotal.listCost, v.usageTotal.effectiveCost, "", ""]);
  for (const x of v.groups) rows.push(["Group", x.region, x.platform, x.name, x.kind, "", "", x.listCost, x.effectiveCost, "", ""]);
  rows.push(...besideCsvRows(v.beside));
  for (const x of v.adjustments) rows.push([`Adjustment (${x.kind})`, "", "", x.product, "", "", "", "", x.cost, "", ""]);
  rows.push(["Other charges", "", "", "", "", "", "", "", v.other, "", ""]);
  if (v.comparison) {
    for (const l of v.comparison.lines)
      rows.push([
        "Comparison",
        l.region,
        l.platform,
        v.comparison.scenario,
        l.usageType,
        l.billedQuantity,
        l.unit,
        "",
        l.billedCost,
        l.estimatedCost,
        l.difference,
      ]);
    rows.push([
      "Comparison total",
      "",
      "",
      v.comparison.scenario,
      "",
      "",
      "",
      "",
      v.comparison.totals.billedCost,
      v.comparison.totals.estimatedCost,
      v.comparison.totals.difference,
    ]);
    // The hours compared (a month-to-date file: its hours so far), so a spreadsheet does not read it as a month.
    rows.push([
      "Comparison period",
      "",
      "",
      `${v.comparison.periodHours} ${plural(v.comparison.periodHours, "hour")}${v.period ? `: ${v.period}` : ""}`,
      "",
      v.comparison.periodHours,
      "hours",
      "",
      "",
      "",
      "",
    ]);
  }
  // A comparison asked for but not made (no usage rows): the sentence why, so the CSV does not just lack the rows.
  if (v.notCompared) rows.push(["Comparison summary", "", "", v.notCompared, "", "", "", "", "", "", ""]);
  if (v.billedTotal !== null) rows.push(["Fargate usage billed (cash)", "", "", "", "", "", "", "", v.billedTotal, "", ""]);
  rows.push(...extra.map((r) => [...r]));
  return Papa.unparse({ fields, data: rows }, { escapeFormulae: FORMULA, newline: "\r\n", quotes: false }) + "\r\n";
}
