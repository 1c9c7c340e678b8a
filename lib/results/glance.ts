import type { FargateCatalog } from "@/lib/catalog";
import { own } from "@/lib/core";
import type { Draft, DraftEvaluation, Scenario } from "@/lib/scenario";
import type { ResultsView } from "./view";

/**
 * The summary at the top of the page ("the answer at a glance"): which estimate it shows, and why.
 * An invalid field must never turn the headline into $0.00: while the draft has a problem that changes what is
 * priced, the summary keeps the last estimate that had none, marked out of date, and says what is wrong.
 */

/** An estimate the summary can show: the results view and the scenario it prices. */
export interface Priced {
  view: ResultsView;
  scenario: Scenario;
}

export interface Glance {
  /** What the headline shows; null when nothing can be shown yet (no complete estimate so far, nothing priced now). */
  shown: Priced | null;
  /**
   * fresh: the current estimate, every field valid.
   * stale: the last complete estimate, kept while the draft has a problem (out of date).
   * partial: no complete estimate so far; the current one leaves the problem workloads out.
   * empty: no complete estimate so far and nothing priced now.
   */
  state: "fresh" | "stale" | "partial" | "empty";
  /** Names of the workloads left out of the current estimate (draft order). */
  leftOut: string[];
  /** "1 workload has a problem and is left out of the totals until fixed: api." or null. */
  leftOutText: string | null;
  /** Problems outside workloads that change the figures (region, EC2 settings, services), as messages. */
  settingsProblems: string[];
  /** When stale: the current estimate's totals without the left-out workloads, if any workload is priced. */
  without: ResultsView["totals"] | null;
  /** Workloads that ask for Fargate Spot in a region without Spot prices: the one-click fix. */
  spotFix: SpotFix | null;
}

export interface SpotFix {
  regionName: string;
  /** Draft indices of the workloads whose Spot share must go to 0. */
  indices: number[];
  names: string[];
  text: string;
}

/** Problems outside workloads that do not change any figure (the scenario's name). */
const COSMETIC = new Set(["name"]);

/** True when the draft has a problem that changes what is priced (a workload, the region, EC2 settings, services). */
export function changesFigures(evaluation: DraftEvaluation): boolean {
  return evaluation.priced === null || evaluation.excluded.length > 0 || evaluation.scenarioProblems.some((p) => !COSMETIC.has(p.path));
}

/** True when the current estimate may replace the remembered "last complete" one. */
export function isComplete(evaluation: DraftEvaluation): boolean {
  return !changesFigures(evaluation) && !evaluation.pendingExtras;
}

/**
 * True when the editor's draft was replaced wholesale (a share link, a stored scenario, an import that replaces):
 * no workload key of before survives. The last complete estimate then belongs to another scenario and is dropped.
 * `keys` are the store's stable per-workload React keys; edits, additions and removals keep some of them.
 */
export function isReplacement(before: readonly number[], after: readonly number[]): boolean {
  if (before === after || after.length === 0) return false;
  const seen = new Set(before);
  return !after.some((k) => seen.has(k));
}

const workloadName = (draft: Draft, i: number) => {
  const n = draft.workloads[i]?.name;
  return typeof n === "string" && n.trim() ? n.trim() : `workload ${i + 1}`;
};

export function leftOutText(names: readonly string[]): string | null {
  if (!names.length) return null;
  const one = names.length === 1;
  return `${one ? "1 workload has" : `${names.length} workloads have`} a problem and ${one ? "is" : "are"} left out of the totals until fixed: ${names.join(", ")}.`;
}

/**
 * Workloads with a Spot share in a region our snapshot has no Fargate Spot price for (switching region must not
 * silently drop them): which ones, and the fix (Spot share 0). Null when nothing needs it.
 */
export function spotFixFor(draft: Draft, catalog: FargateCatalog): SpotFix | null {
  const region = own(catalog.regions, typeof draft.region === "string" ? draft.region : "");
  if (!region || region.spot) return null;
  const indices: number[] = [];
  draft.workloads.forEach((w, i) => {
    const spot = typeof w.spotPercent === "number" ? w.spotPercent : Number(w.spotPercent);
    if (Number.isFinite(spot) && spot > 0) indices.push(i);
  });
  if (!indices.length) return null;
  const names = indices.map((i) => workloadName(draft, i));
  const one = names.length === 1;
  return {
    regionName: region.name,
    indices,
    names,
    text: `Fargate Spot has no price in ${region.name} in our snapshot: ${names.join(", ")} ${one ? "uses" : "use"} Spot and ${one ? "needs" : "need"} a Spot share of 0 here.`,
  };
}

/**
 * Chooses what the summary shows. `current` is the estimate of the draft as it is (its valid part), `last` the
 * last estimate made while the draft had no problem that changes the figures.
 */
export function glance(current: Priced | null, last: Priced | null, evaluation: DraftEvaluation, draft: Draft, catalog: FargateCatalog): Glance {
  const leftOut = evaluation.excluded.map((i) => workloadName(draft, i));
  const settingsProblems = evaluation.scenarioProblems.filter((p) => !COSMETIC.has(p.path)).map((p) => p.message);
  const spotFix = spotFixFor(draft, catalog);
  const base = { leftOut, leftOutText: leftOutText(leftOut), settingsProblems, spotFix };
  const pricesSomething = (p: Priced | null) => p !== null && p.scenario.workloads.length > 0;
  if (!changesFigures(evaluation)) return { ...base, shown: current, state: current ? "fresh" : "empty", without: null };
  if (last) return { ...base, shown: last, state: "stale", without: pricesSomething(current) ? current!.view.totals : null };
  if (pricesSomething(current)) return { ...base, shown: current, state: "partial", without: null };
  return { ...base, shown: null, state: "empty", without: null };
}
