import type { ScenarioInput, WorkloadInput } from "@/lib/scenario";

/** A deterministic mix of every kind of workload the engine prices. */
export function benchScenario(count: number): ScenarioInput {
  const shapes: Omit<WorkloadInput, "name">[] = [
    { vcpu: 1, memoryGiB: 2, tasks: 3 },
    { vcpu: 0.5, memoryGiB: 1, tasks: 10, arch: "arm64", spotPercent: 50 },
    { vcpu: 2, memoryGiB: 8, tasks: 2, storageGiB: 60, savingsPlan: "1yr-no-upfront" },
    { vcpu: 1, memoryGiB: 8, platform: "eks", tasks: 4 },
    { vcpu: 1, memoryGiB: 2, os: "windows", tasks: 1, schedule: { type: "duty-cycle", percent: 40 } },
    { vcpu: 4, memoryGiB: 16, tasks: 1, schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 10 } },
  ];
  return {
    name: "bench",
    region: "us-east-1",
    workloads: Array.from({ length: count }, (_, i) => ({ name: `w${i}`, ...shapes[i % shapes.length]! })),
  };
}
