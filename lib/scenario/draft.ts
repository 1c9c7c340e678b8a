import type { FargateCatalog } from "@/lib/catalog/schema";
import { catalogProblems, formatPath, type Problem } from "./parse";
import { Ec2Settings, type Scenario, ScenarioShape, SCENARIO_VERSION, Workload, type ScenarioInput, type WorkloadInput } from "./schema";

/**
 * What the editor holds: the scenario as typed, which may be invalid. Numeric fields may hold the raw text the
 * user typed ("abc", "") so nothing is lost; validation reports it and the estimate leaves that workload out.
 */
type Loose<T> = { [K in keyof T]: T[K] extends number | undefined ? number | string | undefined : T[K] };
export type DraftSchedule =
  | { type: "always-on" }
  | { type: "duty-cycle"; percent: number | string }
  | { type: "batch"; runsPerMonth: number | string; secondsPerRun: number | string };
export type DraftWorkload = Omit<Loose<WorkloadInput>, "schedule"> & { schedule?: DraftSchedule };
export type Draft = Omit<ScenarioInput, "workloads"> & { workloads: DraftWorkload[] };

export interface DraftEvaluation {
  /** The valid part of the draft: every valid workload (what the estimate prices). Null when the region is unusable. */
  priced: Scenario | null;
  /** True when every field is valid (the share link and exports are exact). */
  complete: boolean;
  /** Problems keyed by workload index, then by field path inside the workload ("vcpu", "schedule.percent"). */
  workloadProblems: Record<number, Record<string, string>>;
  /** Problems outside workloads ("region", "name", "ec2.headroomPercent"). */
  scenarioProblems: Problem[];
  /** Indices of workloads left out of the estimate because they have problems. */
  excluded: number[];
}

/** Validates a draft field by field, so one bad field never blanks the rest of the estimate. Pure. */
export function evaluateDraft(draft: Draft, catalog: FargateCatalog): DraftEvaluation {
  const scenarioProblems: Problem[] = [];
  const workloadProblems: Record<number, Record<string, string>> = {};
  const valid: Workload[] = [];
  const excluded: number[] = [];

  const head = ScenarioShape.omit({ workloads: true, ec2: true }).safeParse({ version: draft.version, name: draft.name, region: draft.region });
  if (!head.success) for (const i of head.error.issues) scenarioProblems.push({ path: formatPath(i.path), message: i.message });
  const ec2 = Ec2Settings.safeParse(draft.ec2 ?? {});
  if (!ec2.success) for (const i of ec2.error.issues) scenarioProblems.push({ path: formatPath(["ec2", ...i.path]), message: i.message });

  const regionCode = typeof draft.region === "string" ? draft.region : "";
  const region = catalog.regions[regionCode];
  if (!region && !scenarioProblems.some((p) => p.path === "region"))
    scenarioProblems.push(...catalogProblems({ version: SCENARIO_VERSION, name: "check", region: regionCode, workloads: [], ec2: Ec2Settings.parse({}) }, catalog));

  draft.workloads.forEach((w, index) => {
    const parsed = Workload.safeParse(w);
    const fields: Record<string, string> = {};
    if (!parsed.success) {
      for (const i of parsed.error.issues) fields[formatPath(i.path)] ??= i.message;
    } else if (region) {
      for (const p of catalogProblems({ version: SCENARIO_VERSION, name: "check", region: regionCode, workloads: [parsed.data], ec2: Ec2Settings.parse({}) }, catalog)) {
        fields[p.path.replace(/^workloads\.0\./, "")] ??= p.message;
      }
    }
    if (Object.keys(fields).length || !parsed.success) {
      workloadProblems[index] = fields;
      excluded.push(index);
    } else {
      valid.push(parsed.data);
    }
  });

  // Only an unusable region stops pricing: a bad name or EC2 setting is reported on its field while the rest is
  // priced with the default in its place.
  const name = typeof draft.name === "string" && draft.name.trim() ? draft.name.trim().slice(0, 120) : "My scenario";
  const priced = region ? { version: SCENARIO_VERSION, name: head.success ? head.data.name : name, region: regionCode, workloads: valid, ec2: ec2.success ? ec2.data : Ec2Settings.parse({}) } : null;
  return { priced, complete: priced !== null && excluded.length === 0 && scenarioProblems.length === 0, workloadProblems, scenarioProblems, excluded };
}
