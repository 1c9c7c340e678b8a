import { fail, type Result } from "@/lib/core";
import type { WorkloadInput } from "./schema";

/**
 * What the importers (import.ts, import-task-definition.ts, import-k8s.ts) share: their result, the one error they
 * throw inside and turn into that result, and the checks they read untrusted objects with. Imports nothing of theirs,
 * so they never import each other for it.
 */

/** One thing an importer assumed about a workload; `unless` names the scenario field that, set beside the file, settles it. */
export interface Assumption {
  text: string;
  unless?: "tasks" | "schedule";
}

/** What an importer knows about one workload beyond its fields (parallel to `workloads`). */
export interface WorkloadMeta {
  /** The warnings about this workload (also in `warnings`), some of which a scenario beside the file settles. */
  assumptions: Assumption[];
  /** The file does not say how many tasks run (an ECS task definition): 1 is assumed. */
  tasksAssumed?: boolean;
  /** The task definition lists FARGATE with a size Fargate does not have: why, naming the nearest valid sizes. */
  invalidSize?: string;
  /** The workload runs on EC2 (requiresCompatibilities or launchType): not a Fargate cost. */
  launchType?: "EC2";
  /** The Kubernetes object the workload came from (for autoscalers that target it). */
  source?: { kind: string; name: string };
  /** An autoscaler (HPA, KEDA) sets the count between these; `tasks` is the minimum. */
  replicas?: { min: number; max: number; by: string; note: string };
}

/** What an import gives: the workloads, and what was skipped or changed on the way (`meta` per workload, when known). */
export type Imported = { workloads: WorkloadInput[]; warnings: string[]; meta?: WorkloadMeta[] };
export type ImportResult = Result<Imported>;

/** A failed import: one sentence for the user. */
export const refused = (message: string): ImportResult => fail({ message });

/** A plain object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** An own property of an untrusted object (never one inherited: "constructor", "__proto__"). */
export const own = (o: Record<string, unknown>, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);

/** Thrown inside an importer with the message the user sees; the importer's entry point turns it into a failed `Result` (`refused`). */
/** A value as an error message quotes it: text in quotes (cut at 40 characters), a number as is, else its kind. */
export const show = (v: unknown): string =>
  typeof v === "string"
    ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`
    : typeof v === "number"
      ? String(v)
      : `a ${Array.isArray(v) ? "list" : v === null ? "null" : typeof v}`;

export class ImportError extends Error {}

/** Stops the import with the sentence the user sees (throws ImportError). */
export const stop = (message: string): never => {
  throw new ImportError(message);
};
