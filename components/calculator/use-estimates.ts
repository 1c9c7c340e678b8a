"use client";

import { startTransition, useDeferredValue, useEffect, useMemo, useState } from "react";
import { fargateCatalog } from "@/lib/catalog/fargate";
import type { ExtrasCatalog } from "@/lib/catalog";
import { useIdleValue } from "@/lib/browser";
import { estimateScenario, type FargateEstimate } from "@/lib/pricing";
import {
  answerToShow,
  buildResults,
  type ClustersAnswer,
  clustersInBackground,
  isReplacement,
  type ResultsView,
  spotInBackground,
  type SpotView,
  stagedView,
  updatingView,
} from "@/lib/results";
import { createWorkloadCheckCache, evaluateDraft, type Draft, type Scenario } from "@/lib/scenario";
import { useScenarioStore } from "@/lib/store";

/** An input of the estimates: the validated scenario (null while the draft has none), its Fargate estimate and the extras catalog. */
interface Input {
  scenario: Scenario | null;
  estimate: FargateEstimate | null;
  extras: ExtrasCatalog | null;
  keys: readonly number[];
}

/** The cluster worker's latest answer and the input it is for. */
type Answer = ClustersAnswer & { input: Input };

/**
 * Everything the calculator shows, staged so a keystroke waits only for what it must:
 * - urgent: the draft's checks (per workload, cached) and the Fargate estimate, for the totals (`view`);
 * - in a Web Worker (issue 24 item 7): the ECS-on-EC2 and ECS Managed Instances estimates of each input, the latest
 *   only (useClusters); until the first answer they read "pricing…", and until each later one the totals show the
 *   last answer's figures marked as updating (updatingView), never as current;
 * - deferred (a render React can interrupt): the rest of the results (`detailView`);
 * - once typing pauses, in idle time: line items and charts (`idleDetailView`; at once while `loading`, the first
 *   load), the Spot series (in a Web Worker) and the bill comparison (`idleScenario`).
 */
export function useEstimates(draft: Draft, extrasCatalog: ExtrasCatalog | null, loading = false) {
  // A keystroke changes one workload: the others' checks are remembered (by workload object) and not redone.
  const [checks] = useState(createWorkloadCheckCache);
  const evaluation = useMemo(() => evaluateDraft(draft, fargateCatalog, extrasCatalog, checks), [draft, extrasCatalog, checks]);

  // The workloads' keys tell an edit of this scenario from another scenario opened in its place (link, saved entry,
  // import that replaces).
  const keys = useScenarioStore((s) => s.keys);
  const current = useMemo<Input>(
    () => ({
      scenario: evaluation.priced,
      estimate: evaluation.priced ? estimateScenario(evaluation.priced, fargateCatalog, extrasCatalog ?? undefined) : null,
      extras: extrasCatalog,
      keys,
    }),
    [evaluation, extrasCatalog, keys],
  );
  const answer = useClusters(current);
  // The answer's full view, built once per answer (for its own input).
  const answered = useMemo(() => {
    const input = answer?.input;
    if (!answer || !input?.scenario || !input.estimate) return null;
    return buildResults(input.scenario, fargateCatalog, null, input.extras, input.estimate, answer.clusters ?? { error: answer.error });
  }, [answer]);
  const deferred = useDeferredValue(current);
  const detailView = useMemo(() => resultsFor(deferred, answer, answered), [deferred, answer, answered]);
  const view = useMemo(() => (current === deferred ? detailView : resultsFor(current, answer, answered)), [current, deferred, detailView, answer, answered]);

  // While the page loads (`loading`: until the results column is laid out in full), the details follow at once: the
  // form waits for them, and nobody types meanwhile (issue 24 item 7).
  const idleDetailView = useIdleValue(detailView, undefined, undefined, loading);
  const idleScenario = useIdleValue(deferred.scenario);
  const [spot, setSpot] = useState<SpotView | null>(null);
  useEffect(() => {
    if (!idleScenario) return;
    let live = true;
    // In a transition: the chart's update is a render React can interrupt (a plain update from the worker's message
    // would re-render the results in one uninterruptible task).
    spotInBackground(idleScenario).then((v) => live && startTransition(() => setSpot(v)));
    return () => {
      live = false;
    };
  }, [idleScenario]);

  return { evaluation, view, detailView, idleDetailView, idleScenario, spot };
}

/**
 * The results of an input: with the cluster answer of this very input, that answer's view; with one of an earlier input
 * of the same scenario (an edit since), its figures marked as updating beside the input's own Fargate figures; else
 * (first load, another scenario opened in its place) the Fargate figures and the clusters being priced.
 */
function resultsFor(input: Input, answer: Answer | null, answered: ResultsView | null): ResultsView | null {
  if (!input.scenario || !input.estimate) return null;
  if (answer && answered) {
    if (answer.input.scenario === input.scenario && answer.input.extras === input.extras) return stagedView(answered, input.estimate);
    if (!isReplacement(answer.input.keys, input.keys)) return updatingView(answered, input.estimate);
  }
  return buildResults(input.scenario, fargateCatalog, null, input.extras, input.estimate);
}

/**
 * The ECS-on-EC2 and ECS Managed Instances estimates of each input, computed in the cluster worker (the first one
 * selects the region's instance types: a long task it would be in the page). Only the latest input's answer is taken:
 * an answer for an input edited since is dropped (clustersInBackground numbers the requests), and, as its render can
 * commit after a newer input was requested, an answer is shown only if it is for the input on screen at render time
 * (answerToShow): never an intermediate keystroke's figures, the ones shown before stay (as updating) until then.
 */
function useClusters(input: Input): Answer | null {
  const [received, setReceived] = useState<Answer | null>(null);
  const [shown, setShown] = useState<Answer | null>(null);
  useEffect(() => {
    if (!input.scenario) return;
    clustersInBackground({ scenario: input.scenario, extras: input.extras !== null }).then((a) => {
      // In a transition: the totals' and results' update is a render React can interrupt.
      if (a) startTransition(() => setReceived({ ...a, input }));
    });
  }, [input]);
  // "Storing information from previous renders": the answer shown, replaced only by one for this render's input.
  const next = answerToShow(shown, received, (a) => a.input.scenario === input.scenario && a.input.extras === input.extras);
  if (next !== shown) setShown(next);
  return next;
}
