"use client";

import { Warnings } from "@/components/ui/warnings";
import { useId, useMemo, useState } from "react";
import { buttonClass, NumberField, primaryButtonClass } from "@/components/ui/fields";
import { formatUsd } from "@/lib/format";
import { formatSize } from "@/lib/pricing/sizes";
import type { RightsizingRecommendation } from "@/lib/rightsizing/types";
import type { DraftWorkload } from "@/lib/scenario/draft";
import { useScenarioStore } from "@/lib/store/scenario-store";

type RightsizingModule = typeof import("@/lib/rightsizing");
const loadModule = () => import("@/lib/rightsizing");
const MAX_BYTES = 5_000_000;

interface Loaded {
  source: string;
  recommendations: RightsizingRecommendation[];
  warnings: string[];
}

/**
 * Right-sizing: Compute Optimizer recommendations (live, through the server route), an uploaded
 * ExportECSServiceRecommendations CSV, or our own rule on an uploaded utilization CSV.
 */
export function RightsizingPanel({ region }: { region: string }) {
  const addWorkload = useScenarioStore((s) => s.addWorkload);
  const [mod, setMod] = useState<RightsizingModule | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState<{ vcpu: number | string; memoryGiB: number | string }>({ vcpu: 1, memoryGiB: 4 });
  const [percentile, setPercentile] = useState<number | string>(99);
  const [headroom, setHeadroom] = useState<number | string>(20);
  const exportId = useId();
  const utilId = useId();

  const rows = useMemo(
    () =>
      mod && loaded
        ? loaded.recommendations.map((r) => ({ r, price: mod.priceRightsizing({ current: r.current, recommended: r.recommended, region }) }))
        : [],
    [mod, loaded, region],
  );

  const show = (source: string, recs: RightsizingRecommendation[], warnings: string[]) => {
    setError(null);
    setLoaded({ source, recommendations: recs, warnings });
  };
  const fail = (message: string) => {
    // A failure changes nothing else: the last good list stays on screen.
    setError(message);
  };

  const readFile = async (input: HTMLInputElement): Promise<{ name: string; text: string } | null> => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return null;
    if (file.size > MAX_BYTES) {
      fail(`${file.name}: the file is larger than 5 MB.`);
      return null;
    }
    return { name: file.name, text: await file.text() };
  };

  const onExportCsv = async (input: HTMLInputElement) => {
    const f = await readFile(input);
    if (!f) return;
    const m = mod ?? (await loadModule());
    setMod(m);
    const r = m.parseComputeOptimizerExportCsv(f.text);
    if (!r.ok) return fail(`${f.name}: ${r.errors.slice(0, 5).join("; ")}`);
    show(f.name, r.value.recommendations, [...r.warnings, ...r.value.skipped.map((s) => `${s.serviceArn}: ${s.reason}`)]);
  };

  const onUtilizationCsv = async (input: HTMLInputElement) => {
    const f = await readFile(input);
    if (!f) return;
    const numbers = { "Current vCPU": current.vcpu, "Current memory (GiB)": current.memoryGiB, Percentile: percentile, "Headroom (%)": headroom };
    const notNumbers = Object.entries(numbers).filter(([, v]) => typeof v !== "number").map(([k]) => k);
    if (notNumbers.length) return fail(`${notNumbers.join(", ")}: enter a number before uploading.`);
    const m = mod ?? (await loadModule());
    setMod(m);
    const r = m.rightsizeFromUtilizationCsv(f.text, {
      current: { vcpu: Number(current.vcpu), memoryGiB: Number(current.memoryGiB) },
      percentile: Number(percentile),
      headroomPercent: Number(headroom),
      defaultServiceName: f.name.replace(/\.csv$/i, ""),
    });
    if (!r.ok) return fail(`${f.name}: ${r.errors.slice(0, 5).join("; ")}`);
    show(f.name, r.value, r.warnings);
  };

  const onFetch = async () => {
    setBusy(true);
    try {
      const m = mod ?? (await loadModule());
      setMod(m);
      const res = await fetch("/api/rightsizing", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ region }) });
      const body = await res.json().catch(() => null);
      if (!res.ok) return fail(body?.error?.message ?? `The server answered ${res.status}.`);
      show(`Compute Optimizer (${region})`, body.recommendations, (body.serviceErrors ?? []).map((e: { identifier: string; message: string }) => `${e.identifier}: ${e.message}`));
    } catch {
      fail("Could not reach the server. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };

  const add = (r: RightsizingRecommendation) => {
    const w: DraftWorkload = { name: `${r.serviceName.slice(0, 105)} (right-sized)`, platform: "ecs", os: "linux", arch: "x86_64", vcpu: r.recommended.vcpu, memoryGiB: r.recommended.memoryGiB, tasks: 1 };
    addWorkload(w);
  };

  return (
    <section aria-labelledby="rightsizing-heading" className="mt-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900" data-testid="rightsizing">
      <h2 id="rightsizing-heading" className="text-lg font-semibold">
        Right-sizing
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Most Fargate tasks are over-provisioned. Load Compute Optimizer&apos;s recommendations for your ECS services, or upload your own data; prices use the scenario&apos;s region ({region}).
      </p>
      <div className="mt-3 grid grid-cols-1 gap-4 md:grid-cols-3">
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">From AWS Compute Optimizer</h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">Uses the server&apos;s AWS credentials (default credential chain); needs the account opted in.</p>
          <button type="button" className={primaryButtonClass} onClick={onFetch} disabled={busy}>
            {busy ? "Loading…" : "Load recommendations"}
          </button>
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Compute Optimizer export</h3>
          <label htmlFor={exportId} className="block text-xs text-slate-600 dark:text-slate-400">
            Upload the CSV written by ExportECSServiceRecommendations
          </label>
          <input id={exportId} type="file" accept=".csv,text/csv" className="text-sm" data-testid="co-export-file" onChange={(e) => onExportCsv(e.currentTarget)} />
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Utilization data</h3>
          <div className="grid grid-cols-2 gap-2">
            <NumberField label="Current vCPU" value={current.vcpu} onChange={(v) => setCurrent((c) => ({ ...c, vcpu: v }))} />
            <NumberField label="Current memory (GiB)" value={current.memoryGiB} onChange={(v) => setCurrent((c) => ({ ...c, memoryGiB: v }))} />
            <NumberField label="Percentile" value={percentile} onChange={setPercentile} />
            <NumberField label="Headroom (%)" value={headroom} onChange={setHeadroom} />
          </div>
          <label htmlFor={utilId} className="block text-xs text-slate-600 dark:text-slate-400">
            Upload a CSV of timestamp, CPU %, memory % (per service optional)
          </label>
          <input id={utilId} type="file" accept=".csv,text/csv" className="text-sm" data-testid="utilization-file" onChange={(e) => onUtilizationCsv(e.currentTarget)} />
        </div>
      </div>

      {error ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200" data-testid="rightsizing-error">
          {error}
        </p>
      ) : null}

      {loaded ? (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full min-w-[48rem] text-sm" data-testid="rightsizing-table">
            <caption className="pb-2 text-left font-medium">
              {loaded.recommendations.length} service{loaded.recommendations.length === 1 ? "" : "s"} from {loaded.source}
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
                <th scope="col" className="py-1 pr-2">Service</th>
                <th scope="col" className="py-1 pr-2">Finding</th>
                <th scope="col" className="py-1 pr-2">Current → recommended</th>
                <th scope="col" className="py-1 pr-2">Peak CPU / memory</th>
                <th scope="col" className="py-1 pr-2">Risk</th>
                <th scope="col" className="py-1 pr-2 text-right">Our price (current → recommended)</th>
                <th scope="col" className="py-1 pr-2 text-right">Saving (ours / Compute Optimizer)</th>
                <th scope="col" className="py-1"><span className="sr-only">Action</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ r, price }, i) => (
                <tr key={`${r.serviceArn ?? r.serviceName}-${i}`} className="border-b border-slate-100 align-top dark:border-slate-800">
                  <th scope="row" className="py-1 pr-2 text-left font-medium">
                    {r.serviceName}
                    {r.notes.length ? <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">{r.notes.join(" ")}</span> : null}
                  </th>
                  <td className="py-1 pr-2">
                    {r.finding}
                    {r.findingReasonCodes.length ? <span className="block text-xs text-slate-500 dark:text-slate-400">{r.findingReasonCodes.join(", ")}</span> : null}
                  </td>
                  <td className="py-1 pr-2 tabular-nums">
                    {formatSize(r.current)} → {formatSize(r.recommended)}
                  </td>
                  <td className="py-1 pr-2 tabular-nums">
                    {r.utilization.cpuMaxPercent ?? "–"}% / {r.utilization.memoryMaxPercent ?? "–"}%
                  </td>
                  <td className="py-1 pr-2">{r.performanceRisk ?? "–"}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">
                    {price.ok ? `${formatUsd(price.current.monthlyCost)} → ${formatUsd(price.recommended.monthlyCost)}` : price.errors.join("; ")}
                  </td>
                  <td className="py-1 pr-2 text-right tabular-nums" data-testid={`saving-${i}`}>
                    {price.ok ? formatUsd(price.monthlySaving) : "–"} / {r.savings?.monthlyUsd != null ? formatUsd(r.savings.monthlyUsd) : "–"}
                  </td>
                  <td className="py-1">
                    <button type="button" className={buttonClass} onClick={() => add(r)} aria-label={`Add to scenario: ${r.serviceName} at ${formatSize(r.recommended)}`}>
                      Add to scenario
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Our prices: one task, always on, Linux x86_64, on-demand in {region}. Compute Optimizer&apos;s saving covers the service&apos;s real task count and hours.</p>
          <Warnings items={loaded.warnings} max={10} />
        </div>
      ) : null}
    </section>
  );
}
