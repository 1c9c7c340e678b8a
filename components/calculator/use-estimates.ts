"use client";

import { startTransition, useDeferredValue, useEffect, useMemo, useState } from "react";
import { fargateCatalog } from "@/lib/catalog/fargate";
import type { Ec2Catalog, ExtrasCatalog } from "@/lib/catalog";
import { useIdleValue } from "@/lib/browser";
import { estimateScenario } from "@/lib/pricing";
import { buildResults, isReplacement, spotInBackground, type SpotView, stagedView } from "@/lib/results";
import { createWorkloadCheckCache, evaluateDraft, type Draft } from "@/lib/scenario";
import { useScenarioStore } from "@/lib/store";

/**
 * Everything the calculator shows, staged so a keystroke waits only for what it must:
 * - urgent: the draft's checks (per workload, cached) and the Fargate estimate, for the totals (`view`);
 * - deferred (a render React can interrupt): the EC2 estimate and the rest of the results (`detailView`); the totals
 *   show the last EC2 figures until then (stagedView);
 * - once typing pauses, in idle time: line items and charts (`idleDetailView`), the Spot series (in a Web Worker) and
 *   the bill comparison (`idleScenario`).
 */
export function useEstimates(draft: Draft, ec2Catalog: Ec2Catalog | null, extrasCatalog: ExtrasCatalog | null) {
  // A keystroke changes one workload: the others' checks are remembered (by workload object) and not redone.
  const [checks] = useState(createWorkloadCheckCache);
  const evaluation = useMemo(() => evaluateDraft(draft, fargateCatalog, extrasCatalog, checks), [draft, extrasCatalog, checks]);

  // The workloads' keys tell an edit of this scenario from another scenario opened in its place (link, saved entry,
  // import that replaces).
  const keys = useScenarioStore((s) => s.keys);
  const current = useMemo(
    () => ({
      scenario: evaluation.priced,
      estimate: evaluation.priced ? estimateScenario(evaluation.priced, fargateCatalog, extrasCatalog ?? undefined) : null,
      extras: extrasCatalog,
      keys,
    }),
    [evaluation, extrasCatalog, keys],
  );
  const deferred = useDeferredValue(current);
  const detailView = useMemo(
    () => (deferred.scenario && deferred.estimate ? buildResults(deferred.scenario, fargateCatalog, ec2Catalog, deferred.extras, deferred.estimate) : null),
    [deferred, ec2Catalog],
  );
  const view = useMemo(() => {
    if (!current.scenario || !current.estimate) return null;
    // Right after the region becomes usable the deferred side has nothing yet, and right after another scenario
    // opened in place of this one the deferred side is the other scenario's (its EC2 figure beside this one's Fargate
    // total would compare two scenarios): build it all once, urgently.
    const sameScenario = detailView !== null && !isReplacement(deferred.keys, current.keys);
    return sameScenario
      ? stagedView(detailView, current.estimate)
      : buildResults(current.scenario, fargateCatalog, ec2Catalog, current.extras, current.estimate);
  }, [current, deferred, detailView, ec2Catalog]);

  const idleDetailView = useIdleValue(detailView);
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
