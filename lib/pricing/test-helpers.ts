import { fargateCatalog } from "@/lib/catalog/fargate";
import { extrasCatalog } from "@/lib/catalog/extras";
import { parseScenario } from "@/lib/scenario/parse";
import type { ScenarioInput, WorkloadInput } from "@/lib/scenario/schema";
import { estimateScenario } from "./estimate";

/** Test helper: one workload (defaults filled by the schema) priced in a region; throws on invalid input. */
export function estimateOne(workload: Partial<WorkloadInput>, region = "us-east-1") {
  return estimateScenarioInput({ region, workloads: [{ name: "w", vcpu: 1, memoryGiB: 2, ...workload } as WorkloadInput] });
}

export function estimateScenarioInput(input: ScenarioInput) {
  const parsed = parseScenario(input, fargateCatalog, extrasCatalog);
  if (!parsed.ok) throw new Error(parsed.error.map((p) => `${p.path}: ${p.message}`).join("; "));
  return estimateScenario(parsed.value, fargateCatalog, extrasCatalog);
}

export function problemsOf(input: unknown) {
  const parsed = parseScenario(input, fargateCatalog, extrasCatalog);
  return parsed.ok ? [] : parsed.error;
}
