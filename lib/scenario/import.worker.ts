/// <reference lib="webworker" />
import type { WorkerReply } from "@/lib/browser";
import { importWorkload, type ImportResult } from "./import";

/** Imports off the browser's main thread: a 1 MB manifest takes seconds to parse, the page must stay usable. */
self.onmessage = (event: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = event.data;
  (self as unknown as DedicatedWorkerGlobalScope).postMessage({ id, result: importWorkload(text) } satisfies WorkerReply<ImportResult>);
};
