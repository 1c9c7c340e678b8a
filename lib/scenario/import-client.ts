import type { ImportResult } from "./import";
import { refused } from "./import-shared";

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (r: ImportResult) => void>();

function startWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    const w = new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<{ id: number; result: ImportResult }>) => {
      pending.get(e.data.id)?.(e.data.result);
      pending.delete(e.data.id);
    };
    w.onerror = () => {
      for (const resolve of pending.values()) resolve(refused("The file could not be read: the importer stopped unexpectedly. Try again."));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
    return w;
  } catch {
    return null;
  }
}

/**
 * Imports a task definition or Kubernetes manifests in a Web Worker, so the page stays responsive however long the
 * file takes to parse; where workers are unavailable, in the page (loaded on first use).
 */
export async function importInBackground(text: string): Promise<ImportResult> {
  worker ??= startWorker();
  if (!worker) {
    const { importWorkload } = await import("./import");
    return importWorkload(text);
  }
  const id = ++nextId;
  const w = worker;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    w.postMessage({ id, text });
  });
}
