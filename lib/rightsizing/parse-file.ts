/**
 * One uploaded right-sizing file -> recommendations, the same in a Web Worker and in the page: read in chunks with
 * progress, refused in one sentence when it is not text, then parsed (export or utilization CSV).
 */
import { fail, ok, type Result } from "@/lib/core";
import { decodeTextFile } from "@/lib/scenario/import-binary";
import { readFileBytes } from "@/lib/scenario/import-file";
import { parseComputeOptimizerExportCsv } from "./export-csv";
import { rightsizeFromUtilizationCsv, type UtilizationOptions } from "./recommend";
import type { RightsizingRecommendation } from "./types";

export type RightsizingFileJob = { kind: "export"; file: Blob; name: string } | { kind: "utilization"; file: Blob; name: string; options: UtilizationOptions };

/** The recommendations, or one sentence that starts with the file's name. */
export type RightsizingFileResult = Result<{ recommendations: RightsizingRecommendation[]; warnings: string[] }>;

export type FileProgress = { stage: "reading"; loaded: number; total: number } | { stage: "parsing" };

const EXPECTED = { export: "the CSV written by ExportECSServiceRecommendations", utilization: "a CSV of timestamp, CPU %, memory %" } as const;

export async function parseRightsizingFile(job: RightsizingFileJob, onProgress: (p: FileProgress) => void = () => {}): Promise<RightsizingFileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(job.file, (loaded, total) => onProgress({ stage: "reading", loaded, total }));
  } catch {
    return fail({ message: `${job.name}: the file could not be read. Try choosing it again.` });
  }
  const decoded = decodeTextFile(bytes, EXPECTED[job.kind]);
  if (!decoded.ok) return fail({ message: `${job.name}: ${decoded.error.message}` });
  onProgress({ stage: "parsing" });
  if (job.kind === "export") {
    const r = parseComputeOptimizerExportCsv(decoded.value);
    if (!r.ok) return fail({ message: `${job.name}: ${r.error.slice(0, 5).join("; ")}` });
    const { parsed, warnings } = r.value;
    return ok({ recommendations: parsed.recommendations, warnings: [...warnings, ...parsed.skipped.map((s) => `${s.serviceArn}: ${s.reason}`)] });
  }
  const r = rightsizeFromUtilizationCsv(decoded.value, job.options);
  if (!r.ok) return fail({ message: `${job.name}: ${r.error.slice(0, 5).join("; ")}` });
  return ok({ recommendations: r.value.parsed, warnings: r.value.warnings });
}
