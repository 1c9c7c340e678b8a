/// <reference lib="webworker" />
/**
 * Reads a bill off the page's thread: files of hundreds of MB stream through here while the page stays responsive.
 * In: { file: File }. Out: { type: "progress", share } ..., then { type: "done", result } or { type: "error", message }.
 */
import { fargateCatalog } from "@/lib/catalog";
import { reconcileBlob } from "./browser";
import { billResult } from "./columns";

export type WorkerRequest = { file: File };
export type WorkerReply = { type: "progress"; share: number } | { type: "done"; result: import("./types").Reconciliation } | { type: "error"; message: string };

const post = (m: WorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

// Assigned (not added) so it replaces the handler papaparse installs when it believes it runs in its own worker.
self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const file = e.data?.file;
  if (!(file instanceof Blob)) return post({ type: "error", message: "No file was given." });
  let last = 0;
  try {
    const read = await billResult(
      reconcileBlob(file, file.name || "bill", fargateCatalog, (share) => {
        // At most one message per percent: a 500 MB file has tens of thousands of chunks.
        if (share - last >= 0.01 || share === 1) {
          last = share;
          post({ type: "progress", share });
        }
      }),
    );
    post(read.ok ? { type: "done", result: read.value } : { type: "error", message: read.error.message });
  } catch (err) {
    post({ type: "error", message: `${file.name || "The file"} could not be read: ${err instanceof Error ? err.message : String(err)}` });
  }
};
