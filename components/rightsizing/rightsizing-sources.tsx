"use client";

import { useId, useState } from "react";
import { NumberField, primaryButtonClass } from "@/components/ui/fields";
import type { FileProgress } from "@/lib/rightsizing";
import type { UtilizationNumbers } from "./use-rightsizing-source";

/** The three ways in: Compute Optimizer live, its export CSV, a utilization CSV (with the sizes it is relative to). */
export function RightsizingSources({
  busy,
  progress,
  onFetch,
  onExport,
  onUtilization,
}: {
  busy: boolean;
  progress: (FileProgress & { name: string }) | null;
  onFetch: () => void;
  onExport: (file: File) => void;
  onUtilization: (file: File, numbers: UtilizationNumbers) => void;
}) {
  const [numbers, setNumbers] = useState<UtilizationNumbers>({ vcpu: 1, memoryGiB: 4, percentile: 99, headroom: 20 });
  const exportId = useId();
  const utilId = useId();
  const set = (key: keyof UtilizationNumbers) => (v: number | string) => setNumbers((n) => ({ ...n, [key]: v }));
  const take = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    return file ?? null;
  };
  return (
    <>
      <div className="mt-3 grid grid-cols-1 gap-4 md:grid-cols-3">
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">From AWS Compute Optimizer</h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Uses the server&apos;s AWS credentials (default credential chain); needs the account opted in.
          </p>
          <button type="button" className={primaryButtonClass} onClick={onFetch} disabled={busy}>
            {busy ? "Loading…" : "Load recommendations"}
          </button>
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Compute Optimizer export</h3>
          <label htmlFor={exportId} className="block text-xs text-slate-600 dark:text-slate-400">
            Upload the CSV written by ExportECSServiceRecommendations
          </label>
          <input
            id={exportId}
            type="file"
            accept=".csv,text/csv"
            className="max-w-full text-sm"
            data-testid="co-export-file"
            disabled={progress !== null}
            onChange={(e) => {
              const f = take(e.currentTarget);
              if (f) onExport(f);
            }}
          />
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Utilization data</h3>
          <div className="grid grid-cols-2 gap-2">
            <NumberField label="Current vCPU" value={numbers.vcpu} onChange={set("vcpu")} />
            <NumberField label="Current memory (GiB)" value={numbers.memoryGiB} onChange={set("memoryGiB")} />
            <NumberField label="Percentile" value={numbers.percentile} onChange={set("percentile")} />
            <NumberField label="Headroom (%)" value={numbers.headroom} onChange={set("headroom")} />
          </div>
          <label htmlFor={utilId} className="block text-xs text-slate-600 dark:text-slate-400">
            Upload a CSV of timestamp, CPU %, memory % (per service optional)
          </label>
          <input
            id={utilId}
            type="file"
            accept=".csv,text/csv"
            className="max-w-full text-sm"
            data-testid="utilization-file"
            disabled={progress !== null}
            onChange={(e) => {
              const f = take(e.currentTarget);
              if (f) onUtilization(f, numbers);
            }}
          />
        </div>
      </div>
      {progress ? (
        <div role="status" className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300" data-testid="rightsizing-progress">
          {progress.stage === "reading" ? (
            <>
              <progress max={progress.total || 1} value={progress.loaded} aria-label={`Reading ${progress.name}`} className="w-48" />
              <span>
                Reading {progress.name}: {Math.floor((100 * progress.loaded) / (progress.total || 1))}%
              </span>
            </>
          ) : (
            <>
              <progress aria-label={`Analysing ${progress.name}`} className="w-48" />
              <span>Analysing {progress.name}…</span>
            </>
          )}
        </div>
      ) : null}
    </>
  );
}
