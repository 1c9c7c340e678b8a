import { describe, expect, it } from "vitest";
import type { Ec2Catalog } from "@/lib/catalog";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateScenario } from "@/lib/pricing/estimate";
import { Scenario } from "@/lib/scenario/schema";
import { buildResults } from "./view";
import { ec2WarmUpSteps } from "./warm";

// One 2 vCPU / 8 GiB task on an m5.large with no reservations (lib/pricing/managed-instances.test.ts): EC2 730 h x
// 0.096 = 70.08 + EBS 30 GiB x 0.08 = 2.40 -> 72.48; Managed Instances 72.48 + fee 730 x 0.01152 = 8.4096 -> 80.8896.
const scenario = Scenario.parse({
  version: 1,
  name: "one service",
  region: "us-east-1",
  workloads: [{ name: "api", vcpu: 2, memoryGiB: 8, tasks: 1 }],
  ec2: { instanceTypes: ["m5.large"], headroomPercent: 0, unregisteredMemoryPercent: 0, reservedMemoryMiB: 0 },
});

describe("ec2WarmUpSteps", () => {
  it("is one step per estimate still to make: the Fargate one when not given, EC2, and Managed Instances when its fees have loaded", () => {
    const est = estimateScenario(scenario, fargateCatalog, extrasCatalog);
    expect(ec2WarmUpSteps(scenario, fargateCatalog, ec2Catalog, extrasCatalog, est)).toHaveLength(2);
    expect(ec2WarmUpSteps(scenario, fargateCatalog, ec2Catalog, extrasCatalog)).toHaveLength(3);
    expect(ec2WarmUpSteps(scenario, fargateCatalog, ec2Catalog, null, estimateScenario(scenario, fargateCatalog))).toHaveLength(1);
  });

  it("leaves the figures the page then shows as the engine computes them", () => {
    const est = estimateScenario(scenario, fargateCatalog, extrasCatalog);
    for (const step of ec2WarmUpSteps(scenario, fargateCatalog, ec2Catalog, extrasCatalog, est)) step();
    const view = buildResults(scenario, fargateCatalog, ec2Catalog, extrasCatalog, est);
    expect(view.totals.ec2).toBe("72.48");
    expect(view.totals.managedInstances).toBe("80.8896");
    // The same as a view built in a fresh run of the engine (the steps only made what the render makes).
    expect(JSON.stringify(view)).toBe(JSON.stringify(buildResults(scenario, fargateCatalog, ec2Catalog, extrasCatalog, est)));
  });

  it("never throws: a step that fails is left to the render, which reports it as before", () => {
    const broken = new Proxy(ec2Catalog, {
      get(target, key) {
        if (key === "regions") throw new Error("broken catalog");
        return Reflect.get(target, key);
      },
    }) as Ec2Catalog;
    const steps = ec2WarmUpSteps(scenario, fargateCatalog, broken, extrasCatalog);
    expect(steps).toHaveLength(3);
    for (const step of steps) expect(step).not.toThrow();
  });
});
