/** lib/scenario's public entry: what other folders may import from it. */
export {
  DURATION_UNITS,
  durationConversionText,
  fromRunsPerMonth,
  fromSeconds,
  naturalDurationUnit,
  RUNS_PERIODS,
  runsConversionText,
  toRunsPerMonth,
  toSeconds,
} from "./batch-units";
export type { DurationUnit, RunsPeriod } from "./batch-units";
export { DEFAULT_SCENARIO, DEFAULT_WORKLOAD } from "./defaults";
export { createWorkloadCheckCache, evaluateDraft } from "./draft";
export type { Draft, DraftEvaluation, DraftFileSystem, DraftLoadBalancer, DraftSchedule, DraftServices, DraftWorkload } from "./draft";
export { searchRegions, workloadCardNotes } from "./inputs";
export { parseScenario } from "./parse";
export type { Problem } from "./parse";
export { EKS_OVERHEAD_MIB, NOTE_MAX, Scenario, STORAGE_LIMITS_GIB } from "./schema";
export type { Ec2Settings, ScenarioInput, Schedule, Workload, WorkloadInput } from "./schema";
export { decodeScenario, encodeScenario, MAX_PAGE_WORKLOADS, readShareHash, SHARE_PARAM } from "./url";
