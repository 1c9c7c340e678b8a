/// <reference lib="webworker" />
/**
 * Reads a bill off the page's thread: files of hundreds of MB stream through here while the page stays responsive.
 * In: { id, file: File }. Out (a WorkerReply): { id, progress: share } ..., then { id, result } with the
 * reconciliation or the problem that stopped it.
 */
import type { WorkerReply } from "@/lib/browser";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { fail, type Result } from "@/lib/core";
import { reconcileBlob } from "./browser";
import { billResult } from "./columns";
import type { Reconciliation } from "./types";

export type BillRequest = { file: File };
export type BillReading = Result<Reconciliation>;

const post = (m: WorkerReply<BillReading, number>) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

// Assigned (not added) so it replaces the handler papaparse installs when it believes it runs in its own worker.
self.onmessage = async (e: MessageEvent<BillRequest & { id: number }>) => {
  const id = e.data?.id;
  const file = e.data?.file;
  if (!(file instanceof Blob)) return post({ id, result: fail({ message: "No file was given." }) });
  let last = 0;
  try {
    const read = await billResult(
      reconcileBlob(
        file,
        file.name || "bill",
        fargateCatalog,
        (share) => {
          // At most one message per percent: a 500 MB file has tens of thousands of chunks.
          if (share - last >= 0.01 || share === 1) {
            last = share;
            post({ id, progress: share });
          }
        },
        { savingsPlan: true },
      ),
    );
    post({ id, result: read });
  } catch (err) {
    post({ id, result: fail({ message: `${file.name || "The file"} could not be read: ${err instanceof Error ? err.message : String(err)}` }) });
  }
};
