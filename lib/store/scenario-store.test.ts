import { describe, expect, it } from "vitest";
import { useScenarioStore } from "./scenario-store";

describe("the editor's store and capacity provider strategies", () => {
  it("a Spot share typed in the editor replaces the workload's strategy; other edits keep it", () => {
    const strategy = [
      { provider: "FARGATE" as const, base: 2, weight: 1 },
      { provider: "FARGATE_SPOT" as const, weight: 3 },
    ];
    useScenarioStore.getState().replace({ region: "us-east-1", workloads: [{ name: "web", vcpu: 1, memoryGiB: 2, tasks: 8, capacityProviders: strategy }] });
    useScenarioStore.getState().updateWorkload(0, { tasks: 9 });
    expect(useScenarioStore.getState().draft.workloads[0]!.capacityProviders).toEqual(strategy);
    useScenarioStore.getState().updateWorkload(0, { spotPercent: 50 });
    expect(useScenarioStore.getState().draft.workloads[0]!.capacityProviders).toBeUndefined();
    expect(useScenarioStore.getState().draft.workloads[0]!.spotPercent).toBe(50);
  });
});
