import { formatUsd, terminalText, textTable, HOURS_PER_MONTH, allocateCents, dec, sum, ZERO, type Decimal } from "@/lib/core";
import { percentOf, type Change, type CostDiff } from "./diff";

/**
 * The cost diff for people: a Markdown report for pull requests and job summaries, and a plain-text table for
 * the terminal. Every amount shown is rounded to cents so that the rows of a table add up to the total it shows
 * (largest remainder; see allocateCents), and each difference shown is HEAD shown minus BASE shown.
 */

export interface DiffSection {
  /** What was compared, e.g. the file path; shown as a heading when a report has several sections. */
  title?: string;
  diff: CostDiff;
}

interface Row {
  name: string;
  change: Change | "";
  base: Decimal | null;
  head: Decimal | null;
  reasons: string[];
  lineItems: { name: string; base: Decimal | null; head: Decimal | null }[];
}

interface SectionView {
  title?: string;
  rows: Row[];
  total: { base: Decimal; head: Decimal };
  region: string;
  prices: string | null;
  /** The exact change in percent (see CostDiff). */
  percent: string | null;
  /** "On ECS Managed Instances $1.00 → $2.00 (+$1.00); on EC2 self-managed ..." or null without the EC2 catalog. */
  clusters: string | null;
}

/** The alternatives' whole bills, base → head, in one sentence ("not priced" where a side has no price). */
function clustersText(diff: CostDiff): string | null {
  if (!diff.clusters) return null;
  const one = (c: NonNullable<CostDiff["clusters"]>[number]) => {
    if ((c.baseMonthlyCost === null && diff.base.name !== null) || (c.headMonthlyCost === null && diff.head.name !== null)) return `on ${c.side} not priced`;
    return `on ${c.side} ${money(c.baseMonthlyCost)} → ${money(c.headMonthlyCost)} (${delta({ base: c.baseMonthlyCost, head: c.headMonthlyCost })})`;
  };
  return `The same setups ${diff.clusters.map(one).join("; ")}, a month.`;
}

const signed = (d: Decimal) => (d.gt(0) ? `+${formatUsd(d)}` : d.lt(0) ? `-${formatUsd(d.abs())}` : formatUsd(ZERO));
const money = (d: Decimal | null) => (d === null ? "–" : formatUsd(d));
const delta = (r: { base: Decimal | null; head: Decimal | null }) => signed((r.head ?? ZERO).minus(r.base ?? ZERO));
/** Rows per table and line items per report: a pull-request comment holds at most 65,536 characters. */
export const MAX_ROWS = 50;
export const MAX_LINE_ITEMS = 150;
const order: Record<Change, number> = { changed: 0, added: 1, removed: 2, unchanged: 3 };

/** Allocates one side's cents down the tree: section total -> workload rows -> line items. */
function allocateSide(values: (Decimal | null)[], target: Decimal): (Decimal | null)[] {
  const present = values.map((v) => v ?? ZERO);
  const cents = allocateCents(present, target);
  return values.map((v, i) => (v === null ? null : dec(cents[i]!)));
}

function sectionView(section: DiffSection, targets: { base: Decimal; head: Decimal }): SectionView {
  const { diff } = section;
  const sorted = [...diff.workloads].sort((a, b) => order[a.change] - order[b.change] || b.difference.abs().cmp(a.difference.abs()));
  const unchanged = sorted.filter((w) => w.change === "unchanged");
  const exact: Row[] = sorted
    .filter((w) => w.change !== "unchanged" || unchanged.length === 1)
    .map((w) => ({
      name: w.name,
      change: w.change,
      base: w.baseMonthlyCost,
      head: w.headMonthlyCost,
      reasons: w.reasons,
      lineItems: w.change === "unchanged" ? [] : w.lineItems.map((li) => ({ name: li.name, base: li.baseMonthlyCost, head: li.headMonthlyCost })),
    }));
  if (exact.length > MAX_ROWS) {
    const rest = exact.splice(MAX_ROWS - 1);
    const side = (pick: (r: Row) => Decimal | null) => (rest.some((r) => pick(r) !== null) ? sum(rest.map((r) => pick(r) ?? ZERO)) : null);
    exact.push({
      name: `${rest.length} more workloads`,
      change: "",
      base: side((r) => r.base),
      head: side((r) => r.head),
      reasons: ["see the JSON output for each"],
      lineItems: [],
    });
  }
  if (unchanged.length > 1) {
    const cost = sum(unchanged.map((w) => w.baseMonthlyCost ?? ZERO));
    exact.push({
      name: `${unchanged.length} unchanged workloads`,
      change: "unchanged",
      base: cost,
      head: sum(unchanged.map((w) => w.headMonthlyCost ?? ZERO)),
      reasons: [],
      lineItems: [],
    });
  }
  if (!diff.base.otherMonthlyCost.eq(0) || !diff.head.otherMonthlyCost.eq(0)) {
    exact.push({
      name: "Other items (not per workload)",
      change: "",
      base: diff.base.otherMonthlyCost,
      head: diff.head.otherMonthlyCost,
      reasons: [],
      lineItems: [],
    });
  }
  const bases = allocateSide(
    exact.map((r) => r.base),
    targets.base,
  );
  const heads = allocateSide(
    exact.map((r) => r.head),
    targets.head,
  );
  const rows = exact.map((r, i) => {
    const base = bases[i]!;
    const head = heads[i]!;
    const liBase = allocateSide(
      r.lineItems.map((li) => li.base),
      base ?? ZERO,
    );
    const liHead = allocateSide(
      r.lineItems.map((li) => li.head),
      head ?? ZERO,
    );
    return { ...r, base, head, lineItems: r.lineItems.map((li, j) => ({ name: li.name, base: liBase[j]!, head: liHead[j]! })) };
  });
  return {
    title: section.title,
    rows,
    total: targets,
    region: diff.head.region ?? diff.base.region ?? "",
    prices: diff.head.prices ?? diff.base.prices,
    percent: diff.difference.percent,
    clusters: clustersText(diff),
  };
}

/** Rounded totals of the whole report, and each section's share of them (so section totals add up too). */
function views(sections: DiffSection[]): { views: SectionView[]; base: Decimal; head: Decimal; percent: string | null } {
  const baseExact = sections.map((s) => s.diff.base.monthlyCost);
  const headExact = sections.map((s) => s.diff.head.monthlyCost);
  const baseCents = allocateCents(baseExact).map((c) => dec(c));
  const headCents = allocateCents(headExact).map((c) => dec(c));
  const base = sum(baseCents);
  const head = sum(headCents);
  const exactBase = sum(baseExact);
  const percent = percentOf(sum(headExact).minus(exactBase), exactBase);
  return { views: sections.map((s, i) => sectionView(s, { base: baseCents[i]!, head: headCents[i]! })), base, head, percent };
}

function headline(base: Decimal, head: Decimal, percent: string | null): string {
  const d = head.minus(base);
  if (d.eq(0)) return `no change (${formatUsd(head)} a month)`;
  const pct = percent === null ? "new cost" : `${d.gt(0) ? "+" : ""}${percent}%`;
  return `${signed(d)} a month (${pct})`;
}

/** Text from files (workload names) made safe for a Markdown table cell: no HTML, no pipes, no mentions. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "&#64;")
    .replace(/([\\`*_[\]|~])/g, "\\$1");
}

export const MARKDOWN_MARKER = "<!-- fargate-estimator-cost-diff -->";

/** The pull-request comment / job summary: the total change first, a compact table, line items folded away. */
export function diffToMarkdown(sections: DiffSection[], opts: { failAbove?: number; failed?: boolean } = {}): string {
  const all = views(sections);
  const out: string[] = [MARKDOWN_MARKER, `### Fargate cost: ${headline(all.base, all.head, all.percent)}`, ""];
  const first = all.views[0];
  const region = first && all.views.every((v) => v.region === first.region) ? ` in ${first.region}` : "";
  const only = all.views.length === 1 && first?.title ? `: ${escapeMarkdown(first.title)}` : "";
  out.push(`**${formatUsd(all.base)} → ${formatUsd(all.head)}** a month${region}, base → head${only}.`);
  if (opts.failAbove !== undefined)
    out.push("", opts.failed ? `**Over the limit:** the monthly cost grows by more than ${opts.failAbove}%.` : `Within the limit of +${opts.failAbove}%.`);
  const details: string[] = [];
  let detailCount = 0;
  for (const v of all.views) {
    if (all.views.length > 1) out.push("", `#### ${escapeMarkdown(v.title ?? "")}: ${headline(v.total.base, v.total.head, v.percent)}`);
    out.push("", "| Workload | Change | Base | Head | Difference | Why |", "| --- | --- | ---: | ---: | ---: | --- |");
    for (const r of v.rows)
      out.push(`| ${escapeMarkdown(r.name)} | ${r.change} | ${money(r.base)} | ${money(r.head)} | ${delta(r)} | ${r.reasons.map(escapeMarkdown).join("; ")} |`);
    out.push(`| **Total** | | **${formatUsd(v.total.base)}** | **${formatUsd(v.total.head)}** | **${delta(v.total)}** | |`);
    if (v.clusters) out.push("", escapeMarkdown(v.clusters));
    const items = v.rows.flatMap((r) => r.lineItems.map((li) => ({ ...li, workload: r.name })));
    if (items.length) {
      if (all.views.length > 1) details.push("", `**${escapeMarkdown(v.title ?? "")}**`);
      details.push("", "| Workload | Line item | Base | Head | Difference |", "| --- | --- | ---: | ---: | ---: |");
      const shown = items.slice(0, Math.max(0, MAX_LINE_ITEMS - detailCount));
      detailCount += shown.length;
      for (const li of shown)
        details.push(`| ${escapeMarkdown(li.workload)} | ${escapeMarkdown(li.name)} | ${money(li.base)} | ${money(li.head)} | ${delta(li)} |`);
      if (shown.length < items.length) details.push(`| ${items.length - shown.length} more line items | | | | |`);
    }
  }
  if (details.length) out.push("", "<details><summary>Line items of the changed workloads</summary>", ...details, "", "</details>");
  const prices = first?.prices;
  if (prices)
    out.push(
      "",
      `<sub>Fargate compute and storage at list prices (${escapeMarkdown(prices)}), ${HOURS_PER_MONTH}-hour month; estimated by fargate-estimator.</sub>`,
    );
  return `${out.join("\n")}\n`;
}

/** The terminal table of `estimate diff --format table`. */
export function diffToTable(sections: DiffSection[]): string {
  const all = views(sections);
  const out = [`Fargate cost: ${headline(all.base, all.head, all.percent)}`, `${formatUsd(all.base)} -> ${formatUsd(all.head)} a month (base -> head)`];
  for (const v of all.views) {
    out.push("");
    if (all.views.length > 1) out.push(`${v.title ?? ""}: ${headline(v.total.base, v.total.head, v.percent)}`);
    const rows = [["Workload", "Change", "Base", "Head", "Difference", "Why"]];
    for (const r of v.rows) rows.push([r.name, r.change, money(r.base), money(r.head), delta(r), r.reasons.join("; ")]);
    rows.push(["Total", "", formatUsd(v.total.base), formatUsd(v.total.head), delta(v.total), ""]);
    out.push(textTable(rows, new Set([2, 3, 4])));
    if (v.clusters) out.push(v.clusters);
  }
  // Section titles name files: control characters shown escaped (the cells already are, in textTable).
  return terminalText(`${out.join("\n")}\n`);
}
