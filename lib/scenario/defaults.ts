import type { ScenarioInput, WorkloadInput } from "./schema";

export const DEFAULT_WORKLOAD: WorkloadInput = {
  name: "api",
  platform: "ecs",
  os: "linux",
  arch: "x86_64",
  vcpu: 1,
  memoryGiB: 2,
  storageGiB: 20,
  tasks: 3,
  schedule: { type: "always-on" },
  spotPercent: 0,
  savingsPlan: "none",
};

export const DEFAULT_SCENARIO: ScenarioInput = {
  version: 1,
  name: "My scenario",
  region: "us-east-1",
  workloads: [DEFAULT_WORKLOAD],
};
