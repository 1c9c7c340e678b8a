"use client";

import dynamic from "next/dynamic";
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { ResultsPanel } from "@/components/results/results-panel";
import { Summary } from "@/components/results/summary";
import { RightsizingPanel } from "@/components/rightsizing/rightsizing-panel";
import type { RegionOption } from "@/components/scenario/region-picker";
import { useScenarioPersistence } from "@/components/saved/use-scenario-persistence";
import { ScenarioEditor } from "@/components/scenario/scenario-editor";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { buttonClass, primaryButtonClass } from "@/components/ui/fields";
import { fargateCatalog } from "@/lib/catalog";
import type { Ec2Catalog } from "@/lib/catalog/ec2-schema";
import type { ExtrasCatalog } from "@/lib/catalog/extras-schema";
import { inIdleSteps } from "@/lib/browser/idle";
import { useIdleValue } from "@/lib/browser/use-idle-value";
import { estimateScenario } from "@/lib/pricing/estimate";
import { stagedView } from "@/lib/results/staged";
import { spotInBackground } from "@/lib/results/spot-client";
import { buildResults, type SpotView } from "@/lib/results/view";
import { createWorkloadCheckCache, evaluateDraft } from "@/lib/scenario/draft";
import { encodeScenario, SHARE_PARAM } from "@/lib/scenario/url";
import { replaceHash } from "@/lib/browser/replace-hash";
import { useScenarioStore } from "@/lib/store/scenario-store";
import { own } from "@/lib/pricing/own";

// The saved-scenarios list is folded at first: it loads after the page; until then its summary stands in.
const SavedScenarios = dynamic(() => import("@/components/saved/saved-scenarios").then((m) => m.SavedScenarios), {
  ssr: false,
  loading: () => (
    <details className="mb-4 rounded-lg border border-slate-200 bg-white px-4 py-2 shadow-sm print:hidden dark:border-slate-700 dark:bg-slate-900">
      <summary className="cursor-pointer text-sm font-semibold">Saved scenarios</summary>
    </details>
  ),
});

// The undo bar shows only after a destructive action: it loads after the page.
const UndoBar = dynamic(() => import("@/components/saved/undo-bar").then((m) => m.UndoBar), { ssr: false });

// The bill panel (and its worker, papaparse and hyparquet) loads after the page, outside the first-load budget.
const BillPanel = dynamic(() => import("@/components/billing/bill-panel"), {
  ssr: false,
  loading: () => <p className="mt-8 text-sm text-slate-600 dark:text-slate-400">Loading the bill reader…</p>,
});

export function Calculator({ regions }: { regions: RegionOption[] }) {
  const draft = useScenarioStore((s) => s.draft);
  const notice = useScenarioStore((s) => s.notice);
  const setNotice = useScenarioStore((s) => s.setNotice);
  const [status, setStatus] = useState("");
  // Loading (share link, saved scenarios) and keeping the saved list in step: see the hook.
  const { loaded, lastLink, open, startNew, save } = useScenarioPersistence();

  // The EC2 catalog (instance types x regions) loads after the page so the first paint stays small.
  const [ec2Catalog, setEc2Catalog] = useState<Ec2Catalog | null>(null);
  useEffect(() => {
    let live = true;
    import("@/lib/catalog/ec2").then((m) => live && setEc2Catalog(m.ec2Catalog));
    return () => {
      live = false;
    };
  }, []);

  // The whole-bill prices (public IPv4, load balancers, NAT, logs, data transfer, EFS, EKS, ECR) load the same way.
  const [extrasCatalog, setExtrasCatalog] = useState<ExtrasCatalog | null>(null);
  useEffect(() => {
    let live = true;
    import("@/lib/catalog/extras").then((m) => live && setExtrasCatalog(m.extrasCatalog));
    return () => {
      live = false;
    };
  }, []);

  // A keystroke changes one workload: the others' checks are remembered (by workload object) and not redone.
  const [checks] = useState(createWorkloadCheckCache);
  const evaluation = useMemo(() => evaluateDraft(draft, fargateCatalog, extrasCatalog, checks), [draft, extrasCatalog, checks]);

  // The urgent path of a keystroke is the Fargate estimate and the totals. The rest (the EC2 estimate, line items,
  // charts) is computed from a deferred scenario right after, in a render React can interrupt; the totals show the
  // last EC2 figures until then (stagedView).
  const current = useMemo(
    () => ({
      scenario: evaluation.priced,
      estimate: evaluation.priced ? estimateScenario(evaluation.priced, fargateCatalog, extrasCatalog ?? undefined) : null,
      extras: extrasCatalog,
    }),
    [evaluation, extrasCatalog],
  );
  const deferred = useDeferredValue(current);
  const deferredScenario = deferred.scenario;
  const detailView = useMemo(
    () => (deferred.scenario && deferred.estimate ? buildResults(deferred.scenario, fargateCatalog, ec2Catalog, deferred.extras, deferred.estimate) : null),
    [deferred, ec2Catalog],
  );
  const view = useMemo(() => {
    if (!current.scenario || !current.estimate) return null;
    // Right after the region becomes usable the deferred side has nothing yet: build it all once, urgently.
    return detailView ? stagedView(detailView, current.estimate) : buildResults(current.scenario, fargateCatalog, ec2Catalog, current.extras, current.estimate);
  }, [current, detailView, ec2Catalog]);
  // Line items, charts, the Spot series and the bill comparison follow once typing pauses.
  const idleDetailView = useIdleValue(detailView);
  const idleScenario = useIdleValue(deferredScenario);
  // The Spot series (eleven estimates) is computed in a Web Worker.
  const [spot, setSpot] = useState<SpotView | null>(null);
  useEffect(() => {
    if (!idleScenario) return;
    let live = true;
    spotInBackground(idleScenario).then((v) => live && setSpot(v));
    return () => {
      live = false;
    };
  }, [idleScenario]);
  /** The share link exists for a complete scenario; it is encoded when needed (on idle, or on copy), not per keystroke. */
  const shareable = evaluation.complete && evaluation.priced !== null;

  // Keep the URL and local storage in step with the scenario (after the first load, so they never clobber a link):
  // once typing pauses, in idle time, one step per idle period (encoding, the address bar, storage).
  useEffect(() => {
    if (!loaded.current) return;
    const priced = shareable ? evaluation.priced : null;
    let link: string | null = null;
    let cancelSteps = () => {};
    const t = window.setTimeout(() => {
      // The draft is saved as soon as typing pauses (the work of a person is never left waiting for idle time);
      // the share link follows in idle steps, and the entry is saved again with it.
      save(draft);
      cancelSteps = inIdleSteps([
        () => {
          link = priced ? encodeScenario(priced) : null;
        },
        () => {
          if (link && link !== lastLink.current) {
            lastLink.current = link;
            replaceHash(`#${SHARE_PARAM}=${link}`);
          }
        },
        // The saved entry with its link (its own code handles storage that is full or disabled).
        () => save(draft),
      ]);
    }, 150);
    return () => {
      window.clearTimeout(t);
      cancelSteps();
    };
  }, [draft, evaluation, shareable, loaded, lastLink, save]);

  const copyLink = useCallback(async () => {
    if (!shareable || !evaluation.priced) return;
    const link = encodeScenario(evaluation.priced);
    const url = `${window.location.origin}${window.location.pathname}#${SHARE_PARAM}=${link}`;
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Share link copied to the clipboard.");
    } catch {
      window.prompt("Copy this share link:", url);
      setStatus("Share link shown for copying.");
    }
  }, [shareable, evaluation]);

  const exportCsv = useCallback(async () => {
    if (!view) return;
    const { csvFileName, estimateToCsv } = await import("@/lib/export/csv");
    const csv = estimateToCsv({ scenario: evaluation.priced ?? undefined, fargate: view.estimate, ec2: view.ec2 ?? undefined });
    const blob = new Blob([csv], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = csvFileName(view.estimate.scenario.name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(a.href);
    setStatus(`Exported ${a.download}.`);
  }, [view, evaluation]);

  const regionHasSpot = Boolean(own(fargateCatalog.regions, draft.region ?? "")?.spot);

  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Fargate Estimator</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">What your containers cost on AWS Fargate, and whether ECS on EC2 is cheaper.</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={primaryButtonClass} onClick={copyLink} disabled={!shareable} title={shareable ? undefined : "Fix the highlighted fields to share this scenario"}>
            Copy share link
          </button>
          <button type="button" className={buttonClass} onClick={exportCsv} disabled={!view || !evaluation.complete} title={evaluation.complete ? undefined : "Fix the highlighted fields to export every workload"}>
            Export CSV
          </button>
          <ThemeToggle />
        </div>
      </header>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-700 dark:text-slate-300" data-testid="status">
        {status}
      </p>
      {notice ? (
        <div
          role={notice.kind === "error" ? "alert" : "status"}
          data-testid="notice"
          className={`mb-4 flex items-start justify-between gap-3 rounded-md border p-3 text-sm ${notice.kind === "error" ? "border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200" : "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-200"}`}
        >
          <span>{notice.text}</span>
          <button type="button" className="text-xs underline" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <SavedScenarios onOpen={open} onNew={startNew} />
      <UndoBar />
      <main>
        <RightsizingPanel region={evaluation.priced?.region ?? draft.region ?? "us-east-1"} />
        {/* The summary stays in view (sticky) while the scenario and its results scroll beneath it. */}
        <div>
        <Summary view={view} evaluation={evaluation} draft={draft} />
        <div className="mt-4 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] print:block">
        <ScenarioEditor draft={draft} evaluation={evaluation} regions={regions} regionHasSpot={regionHasSpot} extras={extrasCatalog} />
        {view ? (
          <ResultsPanel detailView={idleDetailView ?? detailView ?? view} spot={spot} excluded={evaluation.excluded.map((i) => draft.workloads[i]?.name || `#${i + 1}`)} />
        ) : (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200">
            {evaluation.scenarioProblems.map((p) => p.message).join(" ") || "Fix the scenario to see an estimate."}
          </p>
        )}
        </div>
        </div>
        <BillPanel scenario={idleScenario ?? null} />
      </main>
    </div>
  );
}
