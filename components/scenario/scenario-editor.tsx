"use client";

import { type RegionOption, RegionPicker } from "@/components/scenario/region-picker";
import { Ec2SettingsEditor } from "@/components/scenario/ec2-settings";
import { ImportPanel } from "@/components/scenario/import-panel";
import { ServicesSection } from "@/components/scenario/services-section";
import { WorkloadCard } from "@/components/scenario/workload-card";
import { buttonClass, TextField } from "@/components/ui/fields";
import { useShownCount } from "@/lib/browser";
import { useFocusAdded } from "@/components/ui/use-focus-added";
import type { ExtrasCatalog } from "@/lib/catalog";
import type { Draft, DraftEvaluation } from "@/lib/scenario";
import { useScenarioStore } from "@/lib/store";

const CARDS_PER_STEP = 100;

export function ScenarioEditor({
  draft,
  evaluation,
  regions,
  regionHasSpot,
  extras,
}: {
  draft: Draft;
  evaluation: DraftEvaluation;
  regions: RegionOption[];
  regionHasSpot: boolean;
  /** The whole-bill prices, once loaded (for the services editor's explanations). */
  extras: ExtrasCatalog | null;
}) {
  const update = useScenarioStore((s) => s.update);
  const addWorkload = useScenarioStore((s) => s.addWorkload);
  const keys = useScenarioStore((s) => s.keys);
  const problem = (path: string) => evaluation.scenarioProblems.find((p) => p.path === path)?.message;
  // A big scenario's cards render CARDS_PER_STEP at a time, each step a short commit of its own, so opening a link of
  // thousands of workloads never freezes the page in one long render (issue 19, item 9).
  const total = draft.workloads.length;
  const shown = useShownCount(total, CARDS_PER_STEP, CARDS_PER_STEP);
  // Keyboard: "+ Add workload" moves focus to the new workload's first field (its name).
  const focusAdded = useFocusAdded(draft.workloads.length, (i) => document.querySelector(`[data-testid="workload-${i}"]`));

  return (
    <section aria-labelledby="editor-heading" className="space-y-4">
      <h2 id="editor-heading" className="sr-only">
        Scenario
      </h2>
      <div className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
        <TextField label="Scenario name" value={draft.name ?? ""} onChange={(name) => update({ name })} error={problem("name")} testId="scenario-name" />
        <RegionPicker regions={regions} value={draft.region ?? "us-east-1"} onChange={(region) => update({ region })} error={problem("region")} />
      </div>
      {(shown < total ? draft.workloads.slice(0, shown) : draft.workloads).map((w, i) => (
        <WorkloadCard
          key={keys[i] ?? i}
          index={i}
          workload={w}
          problems={evaluation.workloadProblems[i]}
          regionHasSpot={regionHasSpot}
          canRemove={draft.workloads.length > 1}
        />
      ))}
      {shown < total ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400" data-testid="workloads-filling">
          Showing {shown.toLocaleString("en-US")} of {total.toLocaleString("en-US")} workloads…
        </p>
      ) : null}
      <button
        type="button"
        className={buttonClass}
        onClick={() => {
          focusAdded();
          addWorkload();
        }}
      >
        + Add workload
      </button>
      <ServicesSection draft={draft} evaluation={evaluation} extras={extras} />
      <ImportPanel />
      <Ec2SettingsEditor settings={draft.ec2} problems={evaluation.scenarioProblems} />
    </section>
  );
}
