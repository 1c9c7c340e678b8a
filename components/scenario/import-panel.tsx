"use client";

import { Warnings } from "@/components/ui/warnings";
import { memo, useId, useState } from "react";
import { buttonClass } from "@/components/ui/fields";
import { useScenarioStore } from "@/lib/store";

const MAX_FILE_BYTES = 1_000_000;

/**
 * Paste or upload an ECS task definition (JSON) or a Kubernetes Pod/Deployment (YAML) to add workloads. Memoized (no
 * props): the editor's re-render on each keystroke skips it.
 */
export const ImportPanel = memo(function ImportPanel() {
  const addWorkloads = useScenarioStore((s) => s.addWorkloads);
  const replaceWorkloads = useScenarioStore((s) => s.replaceWorkloads);
  const [text, setText] = useState("");
  const [replaceMode, setReplaceMode] = useState(false);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [result, setResult] = useState<{ kind: "error" | "ok"; text: string; warnings?: string[] } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const textId = useId();
  const fileId = useId();
  const replaceId = useId();

  const run = async (source: string, label: string) => {
    // The importers (and the YAML parser) load on first use, in a Web Worker: the page stays responsive.
    const { importInBackground } = await import("@/lib/scenario/import-client");
    setBusy(label);
    setResult(null);
    const r = await importInBackground(source).finally(() => setBusy(null));
    if (!r.ok) {
      setResult({ kind: "error", text: `${label}: ${r.error.message} Nothing was added.` });
      return;
    }
    const names = r.value.workloads.map((w) => w.name).join(", ");
    if (replaceMode) {
      replaceWorkloads(r.value.workloads, `Replaced the workloads with ${names} from ${label}.`);
      setResult({ kind: "ok", text: `Replaced the workloads with ${names} from ${label}. Undo puts the old ones back.`, warnings: r.value.warnings });
    } else {
      addWorkloads(r.value.workloads);
      setResult({ kind: "ok", text: `Added ${names} from ${label}.`, warnings: r.value.warnings });
    }
    setText("");
  };

  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900" data-testid="import-panel">
      <summary className="touch-summary cursor-pointer text-sm font-semibold">Import a task definition or Kubernetes YAML</summary>
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
              input.value = "";
              if (file.size > MAX_FILE_BYTES) return setResult({ kind: "error", text: `${file.name}: the file is larger than 1 MB. Nothing was added.` });
              // Read as bytes first: an image or archive gets one plain sentence, never its bytes as text.
              const [{ readFileBytes }, { decodeTextFile }] = await Promise.all([import("@/lib/scenario/import-file"), import("@/lib/scenario/import-binary")]);
              setResult(null);
              setProgress({ loaded: 0, total: file.size });
              const bytes = await readFileBytes(file, (loaded, total) => setProgress({ loaded, total })).finally(() => setProgress(null));
              const decoded = decodeTextFile(bytes, "an ECS task definition (JSON) or Kubernetes YAML");
              if (!decoded.ok) return setResult({ kind: "error", text: `${file.name}: ${decoded.error.message} Nothing was added.` });
              await run(decoded.value, file.name);
            }}
          />
        </div>
        <label htmlFor={replaceId} className="flex items-center gap-2 text-sm">
          <input id={replaceId} type="checkbox" checked={replaceMode} onChange={(e) => setReplaceMode(e.target.checked)} data-testid="import-replace" />
          Replace the current workloads (instead of adding beside them)
        </label>
        {progress ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
            <progress max={progress.total || 1} value={progress.loaded} aria-label="Reading the file" />
            Loading the file…
          </p>
        ) : null}
        {busy ? (
          <p role="status" data-testid="import-busy" className="text-sm text-slate-600 dark:text-slate-300">
            Reading {busy}…
          </p>
        ) : null}
        {result ? (
          <div
            role={result.kind === "error" ? "alert" : "status"}
            data-testid="import-result"
            className={`text-sm ${result.kind === "error" ? "text-red-700 dark:text-red-300" : "text-emerald-800 dark:text-emerald-300"}`}
          >
            <p>{result.text}</p>
            <Warnings items={result.warnings} />
          </div>
        ) : null}
      </div>
    </details>
  );
});
