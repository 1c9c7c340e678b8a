import { describe, expect, it } from "vitest";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { estimateAll } from "@/lib/pricing/estimate";
import { parseScenario } from "@/lib/scenario/parse";
import { estimateToCsv } from "./csv";
import { estimateToTable } from "./table";

/** One 1 vCPU / 2 GiB task on m5.large, no headroom (lib/pricing/managed-instances.test.ts has the arithmetic). */
function estimate() {
  const p = parseScenario(
    { name: "mi", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }], ec2: { instanceTypes: ["m5.large"], headroomPercent: 0 } },
    fargateCatalog,
    extrasCatalog,
  );
  if (!p.ok) throw new Error("invalid");
  return { scenario: p.value, e: estimateAll(p.value, fargateCatalog, ec2Catalog, extrasCatalog) };
}

describe("ECS Managed Instances in the CSV and the CLI table", () => {
  it("the CSV lists the fee table as a price source and its lines between Fargate and EC2, adding up to the totals", () => {
    const { scenario, e } = estimate();
    const rows = estimateToCsv({ scenario, fargate: e, managedInstances: e.managedInstances, ec2: e.ec2 }).split("\r\n");
    expect(rows.find((r) => r.startsWith("Price source,,ecs-managed-instances,2025-10-27,published,,,"))).toMatch(/inferred/);
    const mi = rows.filter((r) => r.includes("ECS Managed Instances"));
    // 70.08 + 8.4096 (rounded 8.41) + 2.40 = 80.89.
    expect(mi).toEqual([
      expect.stringMatching(/^Price source,,ecs-managed-instances,/),
      'Line item,ECS Managed Instances,"EC2 instances (m5.large, on-demand)",730,instance-hours,0.096,70.08,ec2-on-demand-price-list',
      "Line item,ECS Managed Instances,ECS Managed Instances fee (m5.large),730,instance-hours,0.01152,8.41,ecs-managed-instances",
      "Line item,ECS Managed Instances,EBS gp3 root volumes (30 GiB per instance),30,GB-months,0.08,2.40,ebs-gp3",
      "Subtotal,ECS Managed Instances,Instances total,,,,80.89,",
      "Total,,ECS Managed Instances total,,,,80.89,",
    ]);
    expect(rows.indexOf("Total,,ECS Managed Instances total,,,,80.89,")).toBeLessThan(rows.indexOf("Total,,EC2 total,,,,72.48,"));
  });

  it("without managedInstances the CSV is what it was (old callers, --columns fargate,ec2)", () => {
    const { scenario, e } = estimate();
    expect(estimateToCsv({ scenario, fargate: e, ec2: e.ec2 })).not.toMatch(/Managed Instances|ecs-managed-instances/);
  });

  it("the table has a Managed Instances column between Fargate and EC2, and the caveat among the notes", () => {
    const { e } = estimate();
    const text = estimateToTable({ fargate: e, managedInstances: e.managedInstances, ec2: e.ec2 });
    expect(text).toMatch(/ +Fargate +Managed Instances +EC2\nMonthly total +\$36\.04 +\$80\.89 +\$72\.48\n/);
    expect(text).toMatch(/- Managed Instances: The instance type of each ECS Managed Instances fee is inferred/);
  });
});
