"use client";

import { useMemo, useState } from "react";
import { Warnings } from "@/components/ui/warnings";
import { buttonClass } from "@/components/ui/fields";
import { formatUsd, plural } from "@/lib/core";
import { formatSize } from "@/lib/pricing";
import {
  applyRecommendation,
  matchingWorkload,
  priceService,
  rightsizedName,
  type RightsizingRecommendation,
  type ServicePrice,
  totalOf,
} from "@/lib/rightsizing";
import { useScenarioStore } from "@/lib/store";
import { useApplyRecommendation } from "./use-apply-recommendation";
import type { LoadedRecommendations } from "./use-rightsizing-source";

type Apply = (rec: RightsizingRecommendation, tasks: number, target: number | "beside", pricedIn: string, switchRegion?: boolean) => void;
interface RowEdit {
  tasks?: string;
  target?: number | "beside";
}

const cell = "py-1 pr-2";
const small = "block text-xs font-normal text-slate-600 dark:text-slate-400";
const tasksNote: Record<string, string> = {
  "compute-optimizer": "from Compute Optimizer's saving",
  default: "Compute Optimizer gave no count",
  entered: "as entered",
};

/** An entered task count: a whole number 1..100,000, else an error message. */
function readTasks(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return text.trim() !== "" && Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : "Tasks must be a whole number from 1 to 100,000";
}

function Row({
  r,
  i,
  price,
  edit,
  setEdit,
  onApply,
  scenarioRegion,
}: {
  r: RightsizingRecommendation;
  i: number;
  price: ServicePrice;
  edit: RowEdit;
  setEdit: (e: RowEdit) => void;
  onApply: Apply;
  scenarioRegion: string;
}) {
  const workloads = useScenarioStore((s) => s.draft.workloads);
  const match = matchingWorkload(r, workloads);
  const target = edit.target !== undefined && (edit.target === "beside" || edit.target < workloads.length) ? edit.target : match >= 0 ? match : "beside";
  const entered = readTasks(edit.tasks);
  const tasksError = typeof entered === "string" ? entered : null;
  const name = r.serviceName;
  const priced = price.ok ? price.value : null;
  const tasks = typeof entered === "number" ? entered : (priced?.tasks ?? 1);
  // Already applied at this size and count: say so (a click only points at it).
  const applied = priced && tasksError === null ? applyRecommendation(workloads, r, tasks, target) : null;
  // A service from another region: say so before it goes in, and let the person choose where it is priced.
  const elsewhere = priced && priced.region !== scenarioRegion ? priced.region : null;
  const verb = target === "beside" ? "Add" : "Replace";
  return (
    <tr className="border-b border-slate-100 align-top dark:border-slate-800">
      <th scope="row" className={`${cell} text-left font-medium`}>
        {name}
        {r.notes.length ? <span className={small}>{r.notes.join(" ")}</span> : null}
      </th>
      <td className={cell}>
        {r.finding}
        {r.findingReasonCodes.length ? <span className={small}>{r.findingReasonCodes.join(", ")}</span> : null}
      </td>
      <td className={`${cell} tabular-nums`}>
        {formatSize(r.current)} → {formatSize(r.recommended)}
        <span className={small}>
          peak CPU {r.utilization.cpuMaxPercent ?? "–"}% / memory {r.utilization.memoryMaxPercent ?? "–"}%; risk {r.performanceRisk ?? "–"}
        </span>
      </td>
      <td className={cell}>
        <input
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          aria-label={`Tasks for ${name}`}
          aria-invalid={tasksError ? true : undefined}
          className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums dark:border-slate-600 dark:bg-slate-950"
          value={edit.tasks ?? (priced ? String(priced.tasks) : "1")}
          onChange={(e) => setEdit({ ...edit, tasks: e.target.value })}
        />
        <span className={small}>{tasksError ?? (priced ? tasksNote[priced.tasksSource] : "")}</span>
      </td>
      <td className={`${cell} text-right tabular-nums`}>
        {priced ? (
          <>
            {formatUsd(priced.current)} → {formatUsd(priced.recommended)}
            <span className={small}>
              per task {formatUsd(priced.perTask.current)} → {formatUsd(priced.perTask.recommended)}; {priced.region}
              {priced.regionFromArn ? " (its ARN)" : ""}
            </span>
          </>
        ) : price.ok ? null : (
          `${price.error.region}: ${price.error.errors.join("; ")}`
        )}
      </td>
      <td className={`${cell} text-right tabular-nums`} data-testid={`saving-${i}`}>
        {priced ? formatUsd(priced.saving) : "–"} / {priced && priced.reportedSaving !== null ? formatUsd(priced.reportedSaving) : "–"}
      </td>
      <td className="py-1">
        <label className="sr-only" htmlFor={`rs-target-${i}`}>
          Where {name} goes
        </label>
        <select
          id={`rs-target-${i}`}
          title={target === "beside" ? `Adds “${rightsizedName(r)}”` : undefined}
          className="mb-1 block w-52 rounded-md border border-slate-300 bg-white px-1 py-1 text-xs dark:border-slate-600 dark:bg-slate-950"
          value={target === "beside" ? "beside" : String(target)}
          onChange={(e) => setEdit({ ...edit, target: e.target.value === "beside" ? "beside" : Number(e.target.value) })}
        >
          <option value="beside">Add as a new workload</option>
          {workloads.map((w, j) => (
            <option key={j} value={j}>
              Replace {j + 1}: {w.name || "unnamed"}
            </option>
          ))}
        </select>
        {elsewhere ? (
          <div role="group" aria-label={`${name} runs in another region`} className="w-52 text-xs" data-testid={`region-choice-${i}`}>
            <p className="mb-1 rounded border border-amber-300 bg-amber-50 p-1.5 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
              {name} runs in {elsewhere}; this scenario is priced in {scenarioRegion}. Price it in:
            </p>
            <button
              type="button"
              className={`${buttonClass} mb-1 w-full`}
              disabled={tasksError !== null}
              onClick={() => priced && onApply(r, tasks, target, priced.region)}
            >
              {verb} in {scenarioRegion} (the scenario&apos;s region)
            </button>
            <button
              type="button"
              className={`${buttonClass} w-full`}
              disabled={tasksError !== null}
              onClick={() => priced && onApply(r, tasks, target, priced.region, true)}
            >
              {verb} in {elsewhere} (switches the scenario)
            </button>
          </div>
        ) : (
          <button
            type="button"
            className={buttonClass}
            disabled={!priced || tasksError !== null}
            onClick={() => priced && onApply(r, tasks, target, priced.region)}
            aria-label={
              target === "beside"
                ? `Add to scenario: ${name} at ${formatSize(r.recommended)}`
                : `Replace workload ${target + 1} with ${name} at ${formatSize(r.recommended)}`
            }
          >
            {target === "beside" ? "Add to scenario" : "Replace in scenario"}
          </button>
        )}
        {applied?.kind === "unchanged" ? (
          <span className="mt-1 block text-xs text-emerald-800 dark:text-emerald-300">✓ In the scenario as workload {applied.index + 1}</span>
        ) : null}
      </td>
    </tr>
  );
}

/** The recommendations, per service, priced in each service's own region; the total row sums the figures shown. */
export function RightsizingTable({ loaded, scenarioRegion }: { loaded: LoadedRecommendations; scenarioRegion: string }) {
  const onApply = useApplyRecommendation(scenarioRegion);
  const [edits, setEdits] = useState<{ id: number; rows: Record<number, RowEdit> }>({ id: loaded.id, rows: {} });
  const rows = useMemo(() => (edits.id === loaded.id ? edits.rows : {}), [edits, loaded.id]);
  const prices = useMemo(
    () =>
      loaded.recommendations.map((r, i) => {
        const t = readTasks(rows[i]?.tasks);
        return priceService(r, scenarioRegion, typeof t === "number" ? t : undefined);
      }),
    [loaded, rows, scenarioRegion],
  );
  const total = totalOf(prices);
  const n = loaded.recommendations.length;
  return (
    // relative: the sr-only labels (absolutely placed) stay inside the scroller instead of widening the page on phones.
    <div className="relative mt-4 overflow-x-auto">
      <table className="w-full min-w-[60rem] text-sm" data-testid="rightsizing-table">
        <caption className="pb-2 text-left font-medium">
          {n} service{n === 1 ? "" : "s"} from {loaded.source}
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
            <th scope="col" className={cell}>
              Service
            </th>
            <th scope="col" className={cell}>
              Finding
            </th>
            <th scope="col" className={cell}>
              Current → recommended
            </th>
            <th scope="col" className={cell}>
              Tasks
            </th>
            <th scope="col" className={`${cell} text-right`}>
              Per month (current → recommended)
            </th>
            <th scope="col" className={`${cell} text-right`}>
              Saving (ours / Compute Optimizer)
            </th>
            <th scope="col" className="py-1">
              Into the scenario
            </th>
          </tr>
        </thead>
        <tbody>
          {loaded.recommendations.map((r, i) => (
            <Row
              key={`${loaded.id}-${i}`}
              r={r}
              i={i}
              price={prices[i]!}
              edit={rows[i] ?? {}}
              setEdit={(e) => setEdits({ id: loaded.id, rows: { ...rows, [i]: e } })}
              onApply={onApply}
              scenarioRegion={scenarioRegion}
            />
          ))}
        </tbody>
        {total.count > 1 ? (
          <tfoot>
            <tr className="font-semibold" data-testid="rightsizing-total">
              <th scope="row" colSpan={4} className={`${cell} text-left`}>
                Total ({total.count} {plural(total.count, "service")})
              </th>
              <td className={`${cell} text-right tabular-nums`}>
                {formatUsd(total.current)} → {formatUsd(total.recommended)}
              </td>
              <td className={`${cell} text-right tabular-nums`}>{formatUsd(total.saving)}</td>
              <td />
            </tr>
          </tfoot>
        ) : null}
      </table>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Per service and month: each service&apos;s task count, always on, Linux x86_64, on-demand, in the region of its ARN (else {scenarioRegion}). Prices are
        rounded to cents and the saving is their difference. Compute Optimizer&apos;s API and export carry no task count: it is read from its saving.
      </p>
      <Warnings items={loaded.warnings} max={10} />
    </div>
  );
}
