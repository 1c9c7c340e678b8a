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

/** A file that could not be priced: shown as its own section, left out of the totals. */
export interface ErrorSection {
  title: string;
  /** Each a line that names where, e.g. "k8s/app.yaml (head): The file is not valid YAML...". */
  problems: string[];
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
  diff: CostDiff;
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
    diff,
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

const MARKDOWN_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  // GitHub links mentions and issue references in the rendered text, where an entity is already a plain "@" again:
  // a zero-width space after it keeps "@octocat" and "#12" from pinging anyone or cross-referencing anything.
  "@": "&#64;&#8203;",
  "#": "&#35;&#8203;",
  // Bare URLs are autolinked: the same zero-width space breaks the scheme and the "www." they are found by.
  "://": ":&#8203;//",
};

/**
 * Any text that comes from files or inputs (workload names, paths, reasons, error messages) made inert for a
 * Markdown report: one line (so it can never start a line of its own, e.g. a "::warning::" workflow command),
 * no control characters, no HTML, no table breaks, no emphasis, links, images, mentions, issue references or autolinks.
 * Every path of the report (the diff, its notes and the "not computed" report) escapes with this one function.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === "\t" ? " " : ""))
    .replace(/:\/\/|www\.|[&<>@#]|[\\`*_[\]|~]/gi, (m) =>
      Object.hasOwn(MARKDOWN_ESCAPES, m) ? MARKDOWN_ESCAPES[m]! : /^www\.$/i.test(m) ? `${m.slice(0, 3)}&#8203;.` : `\\${m}`,
    );
}

export const MARKDOWN_MARKER = "<!-- fargate-estimator-cost-diff -->";
/** Notes (assumptions and warnings) shown per section; the JSON output has them all. */
export const MAX_NOTES = 50;

/** A section's assumptions (per workload, named) and warnings (the file's), at most MAX_NOTES of each. */
function sectionNotes(diff: CostDiff): { assumed: { workload: string; text: string }[]; warnings: string[]; more: number } {
  // A note that already starts with the workload's name (a CloudFormation logical ID) is not prefixed twice.
  const assumed = diff.workloads.flatMap((w) =>
    w.assumptions.map((text) => (text.startsWith(`${w.name}: `) ? { workload: w.name, text: text.slice(w.name.length + 2) } : { workload: w.name, text })),
  );
  const more = Math.max(0, assumed.length - MAX_NOTES) + Math.max(0, diff.warnings.length - MAX_NOTES);
  return { assumed: assumed.slice(0, MAX_NOTES), warnings: diff.warnings.slice(0, MAX_NOTES), more };
}

function markdownNotes(diff: CostDiff): string[] {
  const { assumed, warnings, more } = sectionNotes(diff);
  const out: string[] = [];
  if (assumed.length)
    out.push(
      "",
      "**Assumed** (say it in the files to make the estimate exact):",
      ...assumed.map((a) => `- ${escapeMarkdown(a.workload)}: ${escapeMarkdown(a.text)}`),
    );
  if (warnings.length) out.push("", "**Warnings:**", ...warnings.map((w) => `- ${escapeMarkdown(w)}`));
  if (more) out.push(`- … and ${more} more (see the JSON output)`);
  return out;
}

function markdownErrors(errors: readonly ErrorSection[]): string[] {
  return errors.flatMap((e) => ["", `#### ${escapeMarkdown(e.title)}: not priced`, "", ...e.problems.map((p) => `- ${escapeMarkdown(p)}`)]);
}

/** The report when nothing could be compared (bad inputs): each problem escaped like every other echoed string. */
export function notComputedMarkdown(problems: readonly { path: string; message: string }[]): string {
  const lines = problems.map((p) => `- ${escapeMarkdown(p.path ? `${p.path}: ${p.message}` : p.message)}`);
  return `${MARKDOWN_MARKER}\n### Fargate cost: not computed\n\n${lines.join("\n")}\n`;
}

/** The pull-request comment / job summary: the total change first, a compact table, line items folded away. */
export function diffToMarkdown(
  sections: DiffSection[],
  opts: { failAbove?: number; failed?: boolean; failAboveUsd?: Decimal; failedUsd?: boolean; errors?: readonly ErrorSection[] } = {},
): string {
  const errors = opts.errors ?? [];
  if (!sections.length && errors.length) return notComputedMarkdown(errors.flatMap((e) => e.problems.map((message) => ({ path: "", message }))));
  const all = views(sections);
  const out: string[] = [MARKDOWN_MARKER, `### Fargate cost: ${headline(all.base, all.head, all.percent)}`, ""];
  const first = all.views[0];
  const region = first && all.views.every((v) => v.region === first.region) ? ` in ${first.region}` : "";
  const only = all.views.length === 1 && first?.title ? `: ${escapeMarkdown(first.title)}` : "";
  out.push(`**${formatUsd(all.base)} → ${formatUsd(all.head)}** a month${region}, base → head${only}.`);
  if (opts.failAbove !== undefined)
    out.push("", opts.failed ? `**Over the limit:** the monthly cost grows by more than ${opts.failAbove}%.` : `Within the limit of +${opts.failAbove}%.`);
  if (opts.failAboveUsd !== undefined)
    out.push(
      "",
      opts.failedUsd
        ? `**Over the limit:** the monthly cost grows by more than ${formatUsd(opts.failAboveUsd)}.`
        : `Within the limit of +${formatUsd(opts.failAboveUsd)} a month.`,
    );
  if (errors.length)
    out.push(
      "",
      `**${errors.length === 1 ? "1 file" : `${errors.length} files`} could not be priced** (below): the totals leave ${errors.length === 1 ? "it" : "them"} out.`,
    );
  const details: string[] = [];
  let detailCount = 0;
  for (const v of all.views) {
    if (all.views.length > 1) out.push("", `#### ${escapeMarkdown(v.title ?? "")}: ${headline(v.total.base, v.total.head, v.percent)}`);
    out.push("", "| Workload | Change | Base | Head | Difference | Why |", "| --- | --- | ---: | ---: | ---: | --- |");
    for (const r of v.rows)
      out.push(`| ${escapeMarkdown(r.name)} | ${r.change} | ${money(r.base)} | ${money(r.head)} | ${delta(r)} | ${r.reasons.map(escapeMarkdown).join("; ")} |`);
    out.push(`| **Total** | | **${formatUsd(v.total.base)}** | **${formatUsd(v.total.head)}** | **${delta(v.total)}** | |`);
    if (v.clusters) out.push("", escapeMarkdown(v.clusters));
    out.push(...markdownNotes(v.diff));
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
  out.push(...markdownErrors(errors));
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
export function diffToTable(sections: DiffSection[], opts: { errors?: readonly ErrorSection[] } = {}): string {
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
    const { assumed, warnings, more } = sectionNotes(v.diff);
    if (assumed.length) out.push("Assumed:", ...assumed.map((a) => `  ${a.workload}: ${a.text}`));
    if (warnings.length) out.push("Warnings:", ...warnings.map((w) => `  ${w}`));
    if (more) out.push(`  … and ${more} more (see --format json)`);
  }
  for (const e of opts.errors ?? []) out.push("", `${e.title}: not priced`, ...e.problems.map((p) => `  ${p}`));
  // Section titles, notes and errors name files and objects: control characters shown escaped (the cells already are, in textTable).
  return terminalText(`${out.join("\n")}\n`);
}
