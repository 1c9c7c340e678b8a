"use client";

import { useCallback } from "react";
import { applyRecommendation, type RightsizingRecommendation } from "@/lib/rightsizing";
import { useScenarioStore, useUndoStore } from "@/lib/store";

/** Brings the workload card into view once React has rendered it. */
function scrollToWorkload(index: number) {
  window.requestAnimationFrame(() => {
    const card = document.querySelector<HTMLElement>(`[data-testid="workload-${index}"]`);
    if (!card) return;
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    card.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
  });
}

/**
 * "Add to scenario": puts a recommendation into the scenario (beside, or replacing the workload it right-sizes),
 * never twice, says what it did (with undo) and scrolls to the workload. A service from another region (issue 24
 * item 8) goes in priced in the scenario's region, or with `switchRegion` the scenario moves to the service's region
 * first (one undo restores both).
 */
export function useApplyRecommendation(scenarioRegion: string) {
  return useCallback(
    (rec: RightsizingRecommendation, tasks: number, target: number | "beside", pricedIn: string, switchRegion = false) => {
      const store = useScenarioStore.getState();
      const before = { draft: store.draft, keys: store.keys };
      if (switchRegion && pricedIn !== scenarioRegion) store.update({ region: pricedIn });
      const outcome = applyRecommendation(useScenarioStore.getState().draft.workloads, rec, tasks, target);
      const elsewhere =
        pricedIn === scenarioRegion
          ? ""
          : switchRegion
            ? ` The scenario now prices every workload in ${pricedIn}, the service's region (it was ${scenarioRegion}).`
            : ` The service runs in ${pricedIn}; the scenario prices it in ${scenarioRegion}.`;
      if (outcome.kind === "added") store.addWorkload(outcome.workloads[outcome.index]);
      else if (outcome.kind === "replaced") store.setWorkload(outcome.index, outcome.workloads[outcome.index]!);
      const undo = useUndoStore.getState();
      if (outcome.kind === "unchanged" && !(switchRegion && pricedIn !== scenarioRegion)) undo.push({ label: outcome.message });
      else undo.push({ label: `${outcome.message}${elsewhere}`, restore: () => useScenarioStore.setState(before) });
      scrollToWorkload(outcome.index);
      return outcome;
    },
    [scenarioRegion],
  );
}
