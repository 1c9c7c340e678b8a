import { fail } from "@/lib/core";
import type { FileProgress, RightsizingFileJob, RightsizingFileResult } from "./parse-file";

interface Pending {
  resolve: (r: RightsizingFileResult) => void;
  onProgress: (p: FileProgress) => void;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    const w = new Worker(new URL("./parse.worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<{ id: number; progress?: FileProgress; result?: RightsizingFileResult }>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      if (e.data.progress) p.onProgress(e.data.progress);
      if (e.data.result) {
        pending.delete(e.data.id);
        p.resolve(e.data.result);
      }
    };
    w.onerror = () => {
      for (const p of pending.values()) p.resolve(fail({ message: "The file could not be read: the reader stopped unexpectedly. Try again." }));
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
 * Reads and parses a right-sizing CSV in a Web Worker so the page never freezes, with progress; where workers are
 * unavailable, in the page (still read in chunks, so progress shows).
 */
export async function parseInBackground(job: RightsizingFileJob, onProgress: (p: FileProgress) => void): Promise<RightsizingFileResult> {
  worker ??= startWorker();
  if (!worker) {
    const { parseRightsizingFile } = await import("./parse-file");
    return parseRightsizingFile(job, onProgress);
  }
  const id = ++nextId;
  const w = worker;
  return new Promise((resolve) => {
    pending.set(id, { resolve, onProgress });
    w.postMessage({ id, job });
  });
}
