"use client";

import { useId, useMemo, useState } from "react";
import { BillComparisonChart } from "@/components/charts/bill-comparison-chart";
import { Warnings } from "@/components/ui/warnings";
import { DataTable } from "@/components/ui/data-table";
import { buttonClass, primaryButtonClass } from "@/components/ui/fields";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { BESIDE_TITLES, billView, type BuiltScenario, compareWithScenario, type Reconciliation, scenarioFromBill } from "@/lib/billing";
import { formatUsd, plural } from "@/lib/core";
import type { Draft, Scenario } from "@/lib/scenario";
import { useScenarioStore } from "@/lib/store";
import { SavingsPlanSection } from "./savings-plan-section";
import { BillRightsizing } from "./bill-rightsizing";
import { useBillReader } from "./use-bill-reader";

/**
 * "Meet the real bill": upload a FOCUS or Cost and Usage Report export; a Web Worker reads it (streamed, with
 * progress); the panel shows Fargate usage per usage type and per service, what else the services cost, the
 * comparison with the current scenario, and builds a scenario from the bill through the editor's store.
 */
export default function BillPanel({
  scenario,
  onOpenNew,
}: {
  scenario: Scenario | null;
  /** Opens a draft as a new saved entry beside the others (the open one stays saved); returns its undo. */
  onOpenNew?: (draft: Draft) => (() => void) | undefined;
}) {
  const replace = useScenarioStore((s) => s.replace);
  const [recon, setRecon] = useState<Reconciliation | null>(null);
  const [built, setBuilt] = useState<(BuiltScenario & { undo: () => void }) | null>(null);
  const {
    progress,
    error,
    read: readFile,
  } = useBillReader((r) => {
    setRecon(r);
    setBuilt(null);
  });
  const fileId = useId();

  const comparison = useMemo(() => (recon && scenario ? compareWithScenario(recon, scenario, fargateCatalog) : null), [recon, scenario]);
  const view = useMemo(() => (recon ? billView(recon, comparison) : null), [recon, comparison]);

  const read = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    if (file) void readFile(file);
  };

  const build = () => {
    if (!recon) return;
    const b = scenarioFromBill(recon, fargateCatalog);
    // A new saved entry beside the open one, which stays saved under its name (never replaced by the bill's scenario).
    // Without the saved list (its code did not load), the editor takes it and the button below puts the draft back.
    const previous = useScenarioStore.getState().draft;
    const undo = onOpenNew?.(b.scenario as Draft) ?? (replace(b.scenario as Draft), () => replace(previous));
    setBuilt({ ...b, undo });
  };

  return (
    <section
      aria-labelledby="bill-heading"
      className="mt-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid="bill-panel"
    >
      <h2 id="bill-heading" className="text-lg font-semibold">
        Your bill
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Upload an AWS Data Exports file (FOCUS, CUR 2.0 as CSV, .csv.gz or Parquet, or a legacy Cost and Usage Report) to see what Fargate actually cost, and
        how it compares with this scenario. The file is read in your browser; nothing is uploaded to a server.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <label htmlFor={fileId} className="text-sm font-medium">
          Bill export
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,.gz,.parquet,text/csv,application/gzip"
          className="text-sm"
          data-testid="bill-file"
          onChange={(e) => read(e.currentTarget)}
          disabled={progress !== null}
        />
        {progress ? (
          <div className="flex items-center gap-2 text-sm" data-testid="bill-progress">
            <progress max={1} value={progress.share} aria-label={`Reading ${progress.name}`} className="h-2 w-40" />
            <span className="tabular-nums">{Math.round(progress.share * 100)}%</span>
          </div>
        ) : null}
      </div>

      {error ? (
        <p
          role="alert"
          className="mt-3 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200"
          data-testid="bill-error"
        >
          {error}
        </p>
      ) : null}

      {view ? (
        <div data-testid="bill-result">
          <p className="mt-3 text-sm font-medium [overflow-wrap:anywhere]" data-testid="bill-title">
            {view.title}
          </p>
          <div
            className="mt-3 space-y-1 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-800 dark:bg-slate-950"
            data-testid="bill-verdict"
          >
            <p className="text-base font-semibold" data-testid="bill-verdict-headline">
              {view.verdict.headline}
            </p>
            {view.verdict.detail ? <p>{view.verdict.detail}</p> : null}
            {view.verdict.largest ? <p data-testid="bill-verdict-largest">{view.verdict.largest}</p> : null}
          </div>
          {view.comparison ? (
            <div className="mt-4">
              <BillComparisonChart bars={view.comparison.chart} description={view.comparison.chartCaption} />
            </div>
          ) : null}
          <DataTable
            testId="bill-usage"
            caption="Fargate usage by usage type"
            head={["Usage type", "Region", "Platform", "Quantity", "List (on-demand)", "Paid"]}
            right={new Set([3, 4, 5])}
            rows={view.usage.map((u) => ({
              key: u.key,
              cells: [u.usageType, u.region, u.platform, `${u.quantity} ${u.unit}`, formatUsd(u.listCost), formatUsd(u.effectiveCost)],
            }))}
            foot={["Total", "", "", "", formatUsd(view.usageTotal.listCost), formatUsd(view.usageTotal.effectiveCost)]}
          />
          <DataTable
            testId="bill-groups"
            caption="By cluster and service"
            head={["Cluster / service", "Region", "Platform", "OS / arch", "List", "Paid"]}
            right={new Set([4, 5])}
            rows={view.groups.map((g) => ({ key: g.key, cells: [g.name, g.region, g.platform, g.kind, formatUsd(g.listCost), formatUsd(g.effectiveCost)] }))}
            foot={["Total", "", "", "", formatUsd(view.groupsTotal.listCost), formatUsd(view.groupsTotal.effectiveCost)]}
          />
          {view.outside.length ? (
            <div data-testid="bill-outside">
              {view.beside.linked.length ? (
                <DataTable
                  testId="bill-beside-linked"
                  caption={BESIDE_TITLES.linked}
                  head={["Cluster / service", "Product", "Usage type", "Region", "Quantity", "Linked by", "Cost"]}
                  right={new Set([4, 6])}
                  rows={view.beside.linked.map((o) => ({
                    key: o.key,
                    cells: [
                      `${o.platform} ${o.cluster}${o.service ? ` / ${o.service}` : ""}`,
                      o.product,
                      o.usageType,
                      o.region,
                      `${o.quantity} ${o.unit}`,
                      o.by,
                      formatUsd(o.cost),
                    ],
                  }))}
                  foot={["Total", "", "", "", "", "", formatUsd(view.beside.linkedTotal)]}
                />
              ) : (
                <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" data-testid="bill-beside-linked">
                  Nothing beside the Fargate meter is linked to the Fargate services found (no task ARN or cluster/service tag ties a charge to them).
                </p>
              )}
              {view.beside.accountWide.length ? (
                <DataTable
                  testId="bill-beside-account"
                  caption={BESIDE_TITLES.accountWide}
                  head={["Region (its total)", "Product", "Usage type", "Quantity", "Cost"]}
                  right={new Set([3, 4])}
                  rows={view.beside.accountWide.flatMap((w) =>
                    w.lines.map((o, i) => ({
                      key: `${w.region}|${o.key}`,
                      cells: [i === 0 ? `${w.region} (${formatUsd(w.total)})` : w.region, o.product, o.usageType, `${o.quantity} ${o.unit}`, formatUsd(o.cost)],
                    })),
                  )}
                  foot={["Total", "", "", "", formatUsd(view.beside.accountWideTotal)]}
                />
              ) : null}
              {view.beside.onEc2.lines.length ? (
                <DataTable
                  testId="bill-beside-ec2"
                  caption={BESIDE_TITLES.onEc2}
                  head={["Product", "Usage type", "Region", "Quantity", "Cost"]}
                  right={new Set([3, 4])}
                  rows={view.beside.onEc2.lines.map((o) => ({
                    key: o.key,
                    cells: [o.product, o.usageType, o.region, `${o.quantity} ${o.unit}`, formatUsd(o.cost)],
                  }))}
                  foot={["Total", "", "", "", formatUsd(view.beside.onEc2.total)]}
                />
              ) : null}
            </div>
          ) : null}
          {view.adjustments.length ? (
            <DataTable
              testId="bill-adjustments"
              caption="Taxes, credits and fees (apart)"
              head={["Kind", "Product", "Cost"]}
              right={new Set([2])}
              rows={view.adjustments.map((a) => ({ key: a.key, cells: [a.kind, a.product, formatUsd(a.cost)] }))}
              foot={["Total", "", formatUsd(view.adjustmentsTotal)]}
            />
          ) : null}
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            Other charges on the bill (other services, not attributed to Fargate): {formatUsd(view.other)}.
          </p>

          {view.comparison ? (
            <>
              <DataTable
                testId="bill-comparison"
                caption={`Compared with "${view.comparison.scenario}" over the bill's ${view.comparison.periodHours} ${plural(view.comparison.periodHours, "hour")} (the 730-hour month scaled)`}
                head={["Usage type", "Region", "Estimated", "On the bill", "Estimated $", "Paid $", "Paid − estimated"]}
                right={new Set([2, 3, 4, 5, 6])}
                rows={view.comparison.lines.map((l) => ({
                  key: l.key,
                  cells: [
                    `${l.usageType}${l.platform === "EKS" ? " (EKS)" : ""}`,
                    l.region,
                    `${l.estimatedQuantity} ${l.unit}`,
                    `${l.billedQuantity} ${l.unit}`,
                    formatUsd(l.estimatedCost),
                    formatUsd(l.billedCost),
                    `${formatUsd(l.difference)} (${l.differencePercent})`,
                  ],
                }))}
                foot={[
                  "Total",
                  "",
                  "",
                  "",
                  formatUsd(view.comparison.totals.estimatedCost),
                  formatUsd(view.comparison.totals.billedCost),
                  `${formatUsd(view.comparison.totals.difference)} (${view.comparison.totals.differencePercent})`,
                ]}
              />
              {view.comparison.findings.length ? (
                <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid="bill-findings">
                  {view.comparison.findings.slice(0, 8).map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : comparison ? null : (
            // A comparison the view leaves out (a file without usage rows) is said in the verdict; only a scenario that does not parse is asked to be fixed.
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">Fix the scenario above to compare it with the bill.</p>
          )}
          <Warnings items={view.notes} />
          {recon?.savingsPlan ? <SavingsPlanSection report={recon.savingsPlan} /> : null}
          {recon ? <BillRightsizing recon={recon} /> : null}

          <div className="mt-4 flex flex-wrap items-center gap-3">
            <button type="button" className={primaryButtonClass} onClick={build} disabled={recon?.groups.length === 0}>
              Build a scenario from this bill
            </button>
            {built ? (
              <button
                type="button"
                className={buttonClass}
                onClick={() => {
                  built.undo();
                  setBuilt(null);
                }}
              >
                Restore the previous scenario
              </button>
            ) : null}
          </div>
          {built ? (
            <div role="status" className="mt-3 text-sm" data-testid="bill-built">
              <p>
                &ldquo;{built.scenario.name}&rdquo; opened as a new saved scenario (the one you had open is kept under Saved scenarios):{" "}
                {built.scenario.workloads.length} workload
                {built.scenario.workloads.length === 1 ? "" : "s"} in {built.scenario.region}, inferred as follows. Edit them above.
              </p>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-xs text-slate-700 dark:text-slate-300">
                {built.explanations.map((e) => (
                  <li key={e.workload}>
                    <span className="font-semibold">{e.workload}</span>: {e.how}
                  </li>
                ))}
              </ul>
              <Warnings items={built.skipped} max={10} />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
