"use client";

import { Warnings } from "@/components/ui/warnings";
import { useId, useState } from "react";
import { buttonClass } from "@/components/ui/fields";
import { useScenarioStore } from "@/lib/store/scenario-store";

const MAX_FILE_BYTES = 1_000_000;

/** Paste or upload an ECS task definition (JSON) or a Kubernetes Pod/Deployment (YAML) to add workloads. */
export function ImportPanel() {
  const addWorkloads = useScenarioStore((s) => s.addWorkloads);
  const [text, setText] = useState("");
  const [result, setResult] = useState<{ kind: "error" | "ok"; text: string; warnings?: string[] } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const textId = useId();
  const fileId = useId();

  const run = async (source: string, label: string) => {
    // The importers (and the YAML parser) load on first use, in a Web Worker: the page stays responsive.
    const { importInBackground } = await import("@/lib/scenario/import-client");
    setBusy(label);
    setResult(null);
    const r = await importInBackground(source).finally(() => setBusy(null));
    if (!r.ok) {
      setResult({ kind: "error", text: `${label}: ${r.message} Nothing was added.` });
      return;
    }
    addWorkloads(r.workloads);
    setResult({ kind: "ok", text: `Added ${r.workloads.map((w) => w.name).join(", ")} from ${label}.`, warnings: r.warnings });
    setText("");
  };

  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900" data-testid="import-panel">
      <summary className="cursor-pointer text-sm font-semibold">Import a task definition or Kubernetes YAML</summary>
      <div className="mt-3 space-y-2">
        <label htmlFor={textId} className="block text-sm font-medium">
          Paste ECS task definition JSON or Pod / Deployment YAML
        </label>
        <textarea
          id={textId}
          rows={6}
          className="block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-xs shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-600 dark:bg-slate-950"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="import-text"
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className={buttonClass} disabled={!text.trim() || busy !== null} onClick={() => run(text, "the pasted text")}>
            Add from pasted text
          </button>
          <label htmlFor={fileId} className="text-sm font-medium">
            or upload a file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".json,.yaml,.yml,application/json,text/yaml"
            className="text-sm"
            data-testid="import-file"
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              if (file.size > MAX_FILE_BYTES) setResult({ kind: "error", text: `${file.name}: the file is larger than 1 MB. Nothing was added.` });
              else await run(await file.text(), file.name);
              input.value = "";
            }}
          />
        </div>
        {busy ? (
          <p role="status" data-testid="import-busy" className="text-sm text-slate-600 dark:text-slate-300">
            Reading {busy}…
          </p>
        ) : null}
        {result ? (
          <div role={result.kind === "error" ? "alert" : "status"} data-testid="import-result" className={`text-sm ${result.kind === "error" ? "text-red-700 dark:text-red-300" : "text-emerald-800 dark:text-emerald-300"}`}>
            <p>{result.text}</p>
            <Warnings items={result.warnings} />
          </div>
        ) : null}
      </div>
    </details>
  );
}
