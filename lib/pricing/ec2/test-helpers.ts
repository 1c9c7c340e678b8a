import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import type { Ec2Catalog } from "@/lib/catalog/ec2-schema";
import { parseScenario } from "@/lib/scenario/parse";
import type { Scenario, ScenarioInput } from "@/lib/scenario/schema";
import { estimateScenario } from "../estimate";
import { estimateEc2 } from "./estimate";
import type { Ec2Options } from "./types";

/** Test helper: validate a scenario, price it on Fargate, then on EC2; throws on invalid input. */
export function runEc2(input: ScenarioInput, options?: Ec2Options, catalog: Ec2Catalog = ec2Catalog) {
  const scenario = parsed(input);
  const fargate = estimateScenario(scenario, fargateCatalog);
  return { scenario, fargate, ec2: estimateEc2(scenario, fargate, catalog, options) };
}

export function parsed(input: ScenarioInput): Scenario {
  const p = parseScenario(input, fargateCatalog);
  if (!p.ok) throw new Error(p.error.map((x) => `${x.path}: ${x.message}`).join("; "));
  return p.value;
}

/**
 * A deterministic scenario of `count` workloads of mixed sizes (every Linux size class from 0.25 vCPU to 32 vCPU),
 * 100-399 tasks each, a fifth on arm64: what a bench or a timing test calls estimateEc2 with.
 */
export function mixedScenario(count: number, ec2: ScenarioInput["ec2"] = {}, schedules = false): ScenarioInput {
  const sizes: [number, number][] = [
    [0.25, 0.5],
    [0.25, 1],
    [0.5, 1],
    [0.5, 2],
    [0.5, 4],
    [1, 2],
    [1, 3],
    [1, 4],
    [1, 8],
    [2, 4],
    [2, 8],
    [2, 16],
    [4, 8],
    [4, 16],
    [4, 30],
    [8, 16],
    [8, 32],
    [8, 60],
    [16, 32],
    [16, 120],
    [32, 244],
    [1, 5],
    [2, 6],
    [4, 12],
  ];
  return {
    name: `ec2 ${count}`,
    region: "us-east-1",
    ec2,
    workloads: Array.from({ length: count }, (_, i) => ({
      name: `w${i}`,
      vcpu: sizes[i % sizes.length]![0],
      memoryGiB: sizes[i % sizes.length]![1],
      tasks: 100 + ((i * 37) % 300),
      arch: i % 5 === 0 ? ("arm64" as const) : ("x86_64" as const),
      schedule:
        !schedules || i % 3 === 2
          ? { type: "always-on" as const }
          : i % 3 === 0
            ? { type: "duty-cycle" as const, percent: 10 + (i % 90) }
            : { type: "batch" as const, runsPerMonth: 30, secondsPerRun: 3000 },
    })),
  };
}
