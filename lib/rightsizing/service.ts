/**
 * Right-sizing per service, as a person acts on it: each service priced in the region of its own ARN, for the task
 * count it runs, with figures that add up as shown (prices rounded to cents first, the saving their difference),
 * and the workload it becomes in the scenario (added beside, or replacing the one it right-sizes, never twice).
 */
import { dec, toCents, fail, ok, type Result } from "@/lib/core";
import { formatSize } from "@/lib/pricing";
import type { DraftWorkload } from "@/lib/scenario";
import { priceRightsizing } from "./price";
import type { RightsizingRecommendation } from "./types";

/** The region in an ARN ("arn:aws:ecs:eu-west-1:123456789012:service/c/s" -> "eu-west-1"), or null. */
export function regionFromArn(arn: string | null | undefined): string | null {
  if (typeof arn !== "string") return null;
  const region = arn.split(":")[3] ?? "";
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) ? region : null;
}

/** Compute Optimizer's saving covers at most this many tasks in our reading (a service larger than this is entered by hand). */
const MAX_INFERRED_TASKS = 10_000;

/**
 * The task count behind Compute Optimizer's saving. Its API and export carry no task count, but its monthly saving
 * is the per-task saving (same public prices, same 730-hour month) times the tasks the service ran: so the count is
 * saving / per-task saving, rounded to a whole task. Null when that cannot be read (no saving reported, nothing
 * saved per task, or a ratio below half a task).
 */
export function inferTaskCount(reportedMonthlyUsd: string | null | undefined, perTaskSavingUsd: string): number | null {
  if (reportedMonthlyUsd == null) return null;
  let reported, perTask;
  try {
    reported = dec(reportedMonthlyUsd);
    perTask = dec(perTaskSavingUsd);
  } catch {
    return null;
  }
  if (!reported.gt(0) || !perTask.gt(0)) return null;
  const ratio = Number(reported.div(perTask).toFixed(6));
  if (!(ratio >= 0.5)) return null;
  return Math.min(MAX_INFERRED_TASKS, Math.round(ratio));
}

/** One service priced per month (see priceService). */
export interface ServicePriced {
  /** The region the service was priced in: its ARN's, else the scenario's. */
  region: string;
  regionFromArn: boolean;
  tasks: number;
  /** Where the task count came from. */
  tasksSource: "compute-optimizer" | "default" | "entered";
  /** Per service and month, rounded to cents ("127.59"); `saving` is exactly current - recommended as shown. */
  current: string;
  recommended: string;
  saving: string;
  /** One task, rounded to cents, for the note under the figures. */
  perTask: { current: string; recommended: string };
  /** Compute Optimizer's own saving, rounded to cents, when it reported one. */
  reportedSaving: string | null;
}

/** Why a service could not be priced, in the region it was priced in. */
export interface ServicePriceProblem {
  region: string;
  errors: string[];
}

/** The lib's one Result shape (lib/core/result.ts). */
export type ServicePrice = Result<ServicePriced, ServicePriceProblem>;

/**
 * Prices one recommendation per service. `tasks` is what the person entered; when absent, the count inferred from
 * Compute Optimizer's saving, else 1.
 */
export function priceService(rec: RightsizingRecommendation, scenarioRegion: string, tasks?: number): ServicePrice {
  const arnRegion = regionFromArn(rec.serviceArn);
  const region = arnRegion ?? scenarioRegion;
  const one = priceRightsizing({ current: rec.current, recommended: rec.recommended, region });
  if (!one.ok) return fail({ region, errors: one.error });
  const reported = rec.savings?.monthlyUsd ?? null;
  const inferred = tasks === undefined ? inferTaskCount(reported, one.value.monthlySaving) : null;
  const count = tasks ?? inferred ?? 1;
  const all = count === 1 ? one : priceRightsizing({ current: rec.current, recommended: rec.recommended, region, tasks: count });
  if (!all.ok) return fail({ region, errors: all.error });
  const current = toCents(dec(all.value.current.monthlyCost));
  const recommended = toCents(dec(all.value.recommended.monthlyCost));
  return ok({
    region,
    regionFromArn: arnRegion !== null,
    tasks: count,
    tasksSource: tasks !== undefined ? "entered" : inferred !== null ? "compute-optimizer" : "default",
    current,
    recommended,
    saving: toCents(dec(current).minus(dec(recommended))),
    perTask: { current: toCents(dec(one.value.current.monthlyCost)), recommended: toCents(dec(one.value.recommended.monthlyCost)) },
    reportedSaving: reported !== null ? toCents(dec(reported)) : null,
  });
}

/** The table's total row: sums of the figures as shown (cents), so the column adds up on screen. */
export function totalOf(prices: readonly ServicePrice[]): { current: string; recommended: string; saving: string; count: number } {
  const priced = prices.flatMap((p) => (p.ok ? [p.value] : []));
  const add = (pick: (p: ServicePriced) => string) => toCents(priced.reduce((acc, p) => acc.plus(dec(pick(p))), dec(0)));
  return { current: add((p) => p.current), recommended: add((p) => p.recommended), saving: add((p) => p.saving), count: priced.length };
}

/** The name a right-sized workload gets when added beside the original. */
export const rightsizedName = (rec: RightsizingRecommendation) => `${rec.serviceName.slice(0, 105)} (right-sized)`;

/** The workload a recommendation becomes: recommended size, the service's task count, always on (a service). */
export function rightsizedWorkload(rec: RightsizingRecommendation, tasks: number): DraftWorkload {
  return {
    name: rightsizedName(rec),
    platform: "ecs",
    os: "linux",
    arch: "x86_64",
    vcpu: rec.recommended.vcpu,
    memoryGiB: rec.recommended.memoryGiB,
    tasks,
    schedule: { type: "always-on" },
  };
}

/** The workload this recommendation right-sizes: the one named like the service (or its right-sized copy); -1 if none. */
export function matchingWorkload(rec: RightsizingRecommendation, workloads: readonly DraftWorkload[]): number {
  const exact = workloads.findIndex((w) => (w.name ?? "").trim() === rec.serviceName);
  return exact;
}

export type ApplyOutcome =
  | { kind: "added"; index: number; workloads: DraftWorkload[]; message: string }
  | { kind: "replaced"; index: number; workloads: DraftWorkload[]; message: string }
  | { kind: "unchanged"; index: number; workloads: DraftWorkload[]; message: string };

const sameSize = (w: DraftWorkload, rec: RightsizingRecommendation, tasks: number) =>
  Number(w.vcpu) === rec.recommended.vcpu && Number(w.memoryGiB) === rec.recommended.memoryGiB && Number(w.tasks) === tasks;

/**
 * Puts a recommendation into the workloads. `target` is the index of the workload it replaces (its name, schedule,
 * Spot share and the rest stay; size and task count change), or "beside" to add "<service> (right-sized)".
 * Applying the same thing twice changes nothing the second time: a right-sized copy already there at this size,
 * or a replaced workload already at this size, is only pointed at.
 */
export function applyRecommendation(
  workloads: readonly DraftWorkload[],
  rec: RightsizingRecommendation,
  tasks: number,
  target: number | "beside",
): ApplyOutcome {
  const size = `${formatSize(rec.recommended)}, ${tasks} task${tasks === 1 ? "" : "s"}`;
  if (target !== "beside") {
    const w = workloads[target];
    if (w) {
      if (sameSize(w, rec, tasks))
        return { kind: "unchanged", index: target, workloads: [...workloads], message: `“${w.name}” is already right-sized (${size}): nothing changed.` };
      const next = workloads.map((x, i) => (i === target ? { ...x, vcpu: rec.recommended.vcpu, memoryGiB: rec.recommended.memoryGiB, tasks } : x));
      return { kind: "replaced", index: target, workloads: next, message: `Right-sized “${w.name}” (workload ${target + 1}) to ${size}.` };
    }
  }
  const name = rightsizedName(rec);
  const existing = workloads.findIndex((w) => w.name === name);
  if (existing >= 0 && sameSize(workloads[existing]!, rec, tasks)) {
    return {
      kind: "unchanged",
      index: existing,
      workloads: [...workloads],
      message: `“${name}” is already in the scenario (workload ${existing + 1}): nothing was added.`,
    };
  }
  if (existing >= 0) {
    const next = workloads.map((x, i) => (i === existing ? { ...x, vcpu: rec.recommended.vcpu, memoryGiB: rec.recommended.memoryGiB, tasks } : x));
    return { kind: "replaced", index: existing, workloads: next, message: `Updated “${name}” (workload ${existing + 1}) to ${size}.` };
  }
  const next = [...workloads, rightsizedWorkload(rec, tasks)];
  return { kind: "added", index: next.length - 1, workloads: next, message: `Added “${name}” (${size}, always on) as workload ${next.length}.` };
}
