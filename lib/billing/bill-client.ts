import { workerClient, type WorkerClient } from "@/lib/browser";
import { fail } from "@/lib/core";
import type { BillRequest, BillReading } from "./bill.worker";

/**
 * A bill reader in a Web Worker, one per panel: it reports the share read (0..1) and stops once the file is read, so a
 * file of hundreds of MB does not keep its memory. Where workers are unavailable, the file is not read (the page
 * would freeze): the reading fails with a message.
 */
export const billReader = (): WorkerClient<BillRequest, BillReading, number> =>
  workerClient<BillRequest, BillReading, number>({
    start: () => new Worker(new URL("./bill.worker.ts", import.meta.url)),
    failed: ({ file }) => fail({ message: `${file.name} could not be read: the reader stopped unexpectedly.` }),
    stopWhenIdle: true,
  });
