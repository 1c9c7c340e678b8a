import { describe, expect, it } from "vitest";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { parseScenario } from "@/lib/scenario/parse";
import type { ScenarioInput } from "@/lib/scenario/schema";
import { threeWay } from "./three-way";
import { buildResults } from "./view";

function view(input: ScenarioInput) {
  const p = parseScenario(input, fargateCatalog, extrasCatalog);
  if (!p.ok) throw new Error("invalid");
  return buildResults(p.value, fargateCatalog, ec2Catalog, extrasCatalog);
}

describe("three sides: what each includes and the break-even of each pair", () => {
  it("a 2 vCPU / 8 GiB task filling an m5.large: MI from 95.1%, EC2 from 85.21%, EC2 cheaper than MI by the fee", () => {
    // Fargate 730 x (2 x 0.04048 + 8 x 0.004445) = 85.0596; MI 70.08 + 8.4096 fee + 2.40 EBS = 80.8896; EC2 72.48.
    const v = view({
      region: "us-east-1",
      workloads: [{ name: "api", vcpu: 2, memoryGiB: 8, tasks: 1 }],
      ec2: { instanceTypes: ["m5.large"], headroomPercent: 0, unregisteredMemoryPercent: 0, reservedMemoryMiB: 0 },
    });
    expect(v.totals.managedInstances).toBe("80.8896");
    // 80.8896 - 85.0596 = -4.17: Managed Instances is cheaper than Fargate.
    expect(v.totals.managedInstancesDifference).toBe("-4.17");
    expect(v.totals.managedInstancesCheaper).toBe("managed-instances");
    const t = threeWay(v.ec2, v.managedInstances);
    expect(t.includes[1]).toBe(
      "ECS Managed Instances: EC2 instances at EC2 rates (your Spot share and commitment), plus a management fee of $8.41 a month for AWS patching and replacing the instances.",
    );
    expect(t.breakEvens).toEqual([
      "Fargate and ECS Managed Instances: ECS Managed Instances is cheaper when the tasks run 95.1% of the month or more (the break-even duty cycle), Fargate below that.",
      "Fargate and EC2 self-managed: EC2 self-managed is cheaper when the tasks run 85.21% of the month or more (the break-even duty cycle), Fargate below that.",
      // 80.8896 - 72.48 = 8.4096, the fee.
      "ECS Managed Instances and EC2 self-managed: no break-even; both bill instance-hours, so EC2 self-managed stays cheaper at every duty cycle ($8.41 a month now, the fee and any difference in fleet).",
    ]);
  });

  it("a region without fees: Managed Instances is not priced, and the headline says why", () => {
    const v = view({ region: "us-gov-west-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] });
    expect(v.totals.managedInstances).toBeNull();
    expect(v.totals.managedInstancesNote).toMatch(/^No ECS Managed Instances fee for us-gov-west-1/);
    const t = threeWay(v.ec2, v.managedInstances);
    expect(t.breakEvens[0]).toBe("Fargate and ECS Managed Instances: no comparison (ECS Managed Instances is not priced here).");
    expect(t.breakEvens).toHaveLength(2);
  });
});
