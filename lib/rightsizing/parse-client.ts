import { workerClient } from "@/lib/browser";
import { fail } from "@/lib/core";
import type { FileProgress, RightsizingFileJob, RightsizingFileResult } from "./parse-file";

const reader = workerClient<{ job: RightsizingFileJob }, RightsizingFileResult, FileProgress>({
  start: () => new Worker(new URL("./parse.worker.ts", import.meta.url), { type: "module" }),
  failed: () => fail({ message: "The file could not be read: the reader stopped unexpectedly. Try again." }),
  fallback: async ({ job }, onProgress) => {
    const { parseRightsizingFile } = await import("./parse-file");
    return parseRightsizingFile(job, onProgress);
  },
});

/**
 * Reads and parses a right-sizing CSV in a Web Worker so the page never freezes, with progress; where workers are
 * unavailable, in the page (still read in chunks, so progress shows).
 */
export const parseInBackground = (job: RightsizingFileJob, onProgress: (p: FileProgress) => void): Promise<RightsizingFileResult> =>
  reader.run({ job }, onProgress);
