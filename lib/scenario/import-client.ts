import { workerClient } from "@/lib/browser";
import type { ImportResult } from "./import";
import { refused } from "./import-shared";

const importer = workerClient<{ text: string }, ImportResult>({
  start: () => new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" }),
  failed: () => refused("The file could not be read: the importer stopped unexpectedly. Try again."),
  fallback: async ({ text }) => {
    const { importWorkload } = await import("./import");
    return importWorkload(text);
  },
});

/**
 * Imports a task definition or Kubernetes manifests in a Web Worker, so the page stays responsive however long the
 * file takes to parse; where workers are unavailable, in the page (loaded on first use).
 */
export const importInBackground = (text: string): Promise<ImportResult> => importer.run({ text });
