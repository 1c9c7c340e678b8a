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
import { buildResults, buildSpotView } from "@/lib/results/view";
import { evaluateDraft } from "@/lib/scenario/draft";
import { encodeScenario, SHARE_PARAM } from "@/lib/scenario/url";
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

  const evaluation = useMemo(() => evaluateDraft(draft, fargateCatalog, extrasCatalog), [draft, extrasCatalog]);
  const view = useMemo(
    () => (evaluation.priced ? buildResults(evaluation.priced, fargateCatalog, ec2Catalog, extrasCatalog) : null),
    [evaluation, ec2Catalog, extrasCatalog],
  );

  // Totals follow every keystroke; line items and charts render from these deferred values right after.
  const detailView = useDeferredValue(view);
  const deferredScenario = useDeferredValue(evaluation.priced);
  const spot = useMemo(() => (deferredScenario ? buildSpotView(deferredScenario, fargateCatalog) : null), [deferredScenario]);
  const link = useMemo(() => (evaluation.complete && evaluation.priced ? encodeScenario(evaluation.priced) : null), [evaluation]);

  // Keep the URL and local storage in step with the scenario (after the first load, so they never clobber a link).
  useEffect(() => {
    if (!loaded.current) return;
    const t = window.setTimeout(() => {
      if (link && link !== lastLink.current) {
        lastLink.current = link;
        window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}#${SHARE_PARAM}=${link}`);
      }
      save(draft);
    }, 150);
    return () => window.clearTimeout(t);
  }, [draft, link, loaded, lastLink, save]);

  const copyLink = useCallback(async () => {
    if (!link) return;
    const url = `${window.location.origin}${window.location.pathname}#${SHARE_PARAM}=${link}`;
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Share link copied to the clipboard.");
    } catch {
      window.prompt("Copy this share link:", url);
      setStatus("Share link shown for copying.");
    }
  }, [link]);

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
          <button type="button" className={primaryButtonClass} onClick={copyLink} disabled={!link} title={link ? undefined : "Fix the highlighted fields to share this scenario"}>
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
          <ResultsPanel detailView={detailView ?? view} spot={spot} excluded={evaluation.excluded.map((i) => draft.workloads[i]?.name || `#${i + 1}`)} />
        ) : (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200">
            {evaluation.scenarioProblems.map((p) => p.message).join(" ") || "Fix the scenario to see an estimate."}
          </p>
        )}
        </div>
        </div>
        <BillPanel scenario={deferredScenario ?? null} />
      </main>
    </div>
  );
}
