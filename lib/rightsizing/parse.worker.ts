/// <reference lib="webworker" />
import type { WorkerReply } from "@/lib/browser";
import { parseRightsizingFile, type FileProgress, type RightsizingFileJob, type RightsizingFileResult } from "./parse-file";

/** Right-sizing CSVs (up to 5 MB) are read and parsed off the page's main thread, reporting progress as they go. */
self.onmessage = async (event: MessageEvent<{ id: number; job: RightsizingFileJob }>) => {
  const { id, job } = event.data;
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const post = (m: WorkerReply<RightsizingFileResult, FileProgress>) => scope.postMessage(m);
  let last = 0;
  const result = await parseRightsizingFile(job, (progress) => {
    // At most about 20 progress messages a second.
    const now = Date.now();
    if (progress.stage === "reading" && progress.loaded < progress.total && now - last < 50) return;
    last = now;
    post({ id, progress });
  });
  post({ id, result });
};
