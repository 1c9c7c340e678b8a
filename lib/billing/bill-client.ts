import { workerClient, type WorkerClient } from "@/lib/browser";
import { fail } from "@/lib/core";
import type { BillRequest, BillReading } from "./bill.worker";
import { budgetMessage, readBudgetMs } from "./budget";

/**
 * A bill reader in a Web Worker, one per panel: it reports the share read (0..1) and stops once the file is read, so a
 * file of hundreds of MB does not keep its memory. Where workers are unavailable, the file is not read (the page
 * would freeze): the reading fails with a message. A reading that outlasts its time budget (./budget.ts) terminates
 * the worker and fails with a sentence saying so.
 */
const startBillWorker = () => new Worker(new URL("./bill.worker.ts", import.meta.url));

export const billReader = (
  start: () => Worker = startBillWorker,
  budgetMs: (file: File) => number = (file) => readBudgetMs(file.size),
): WorkerClient<BillRequest, BillReading, number> => {
  const timedOut = new WeakMap<BillRequest, number>();
  const client = workerClient<BillRequest, BillReading, number>({
    start,
    failed: (request) => {
      const ms = timedOut.get(request);
      return fail({
        message: ms === undefined ? `${request.file.name} could not be read: the reader stopped unexpectedly.` : budgetMessage(request.file.name, ms),
      });
    },
    stopWhenIdle: true,
  });
  return {
    async run(request, onProgress) {
      const ms = budgetMs(request.file);
      const timer = setTimeout(() => {
        timedOut.set(request, ms);
        client.terminate();
      }, ms);
      try {
        return await client.run(request, onProgress);
      } finally {
        clearTimeout(timer);
      }
    },
    terminate: client.terminate,
  };
};
