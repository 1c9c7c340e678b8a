import { describe, expect, it } from "vitest";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { parseScenario } from "@/lib/scenario/parse";
import type { ScenarioInput } from "@/lib/scenario/schema";
import { estimateAll, estimateManagedInstances, estimateScenario } from "./estimate";

/**
 * ECS Managed Instances, hand-computed. m5.large: 2 vCPU, 8 GiB, 3 ENIs; us-east-1 on-demand 0.096, fee 0.01152
 * (SKU MVN3MAA8X9QENPCC), Spot Instance Advisor 66% off; eu-west-1 0.107, fee 0.01284, gp3 0.088. No headroom:
 * a 1 vCPU / 2 GiB task fits 2 a instance (CPU 2048 / 1024), awsvpc caps at 3 ENIs - 1 = 2.
 */
function priced(input: ScenarioInput) {
  const p = parseScenario(input, fargateCatalog, extrasCatalog);
  if (!p.ok) throw new Error(p.error.map((x) => `${x.path}: ${x.message}`).join("; "));
  return { scenario: p.value, estimate: estimateAll(p.value, fargateCatalog, ec2Catalog, extrasCatalog) };
}
const onM5 = (region: string, tasks: number, ec2: ScenarioInput["ec2"] = {}): ScenarioInput => ({
  region,
  workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks }],
  ec2: { instanceTypes: ["m5.large"], headroomPercent: 0, ...ec2 },
});
const s = (d: { toString(): string } | null) => (d === null ? null : d.toString());

describe("ECS Managed Instances: EC2 instance-hours plus the management fee", () => {
  it("us-east-1, one instance: 730 h x 0.096 = 70.08, fee 730 x 0.01152 = 8.4096, EBS 30 GiB x 0.08 = 2.40 -> 80.8896", () => {
    const { estimate } = priced(onM5("us-east-1", 1));
    const mi = estimate.managedInstances;
    expect(mi.available).toBe(true);
    expect(mi.instances).toEqual([
      {
        type: "m5.large",
        count: 1,
        hourlyPrice: "0.096",
        onDemandHourlyPrice: "0.096",
        instanceHours: 730,
        feeHourlyPrice: "0.01152",
        feeSku: "MVN3MAA8X9QENPCC",
      },
    ]);
    expect(mi.lineItems.map((li) => [li.name, s(li.quantity), li.unitPrice, s(li.monthlyCost), li.priceSource])).toEqual([
      ["EC2 instances (m5.large, on-demand)", "730", "0.096", "70.08", "ec2-on-demand-price-list"],
      ["ECS Managed Instances fee (m5.large)", "730", "0.01152", "8.4096", "ecs-managed-instances"],
      ["EBS gp3 root volumes (30 GiB per instance)", "30", "0.08", "2.4", "ebs-gp3"],
    ]);
    expect(s(mi.monthlyCost)).toBe("80.8896");
    expect(s(mi.feeMonthlyCost)).toBe("8.4096");
    // Self-managed EC2 is the same fleet without the fee: 70.08 + 2.40.
    expect(s(estimate.ec2.monthlyCost)).toBe("72.48");
    // The fee table is a price source of the estimate, dated, with the inferred-type caveat.
    const src = mi.sources.find((x) => x.key === "ecs-managed-instances")!;
    expect(src.publishedAt).toBe("2025-10-27");
    expect(src.note).toMatch(/inferred/);
    expect(mi.caveat).toMatch(/inferred, not published/);
  });

  it("us-east-1, 10 tasks -> 5 instances: 3650 h x 0.096 = 350.40, fee 3650 x 0.01152 = 42.048, EBS 150 GB-mo x 0.08 = 12 -> 404.448", () => {
    const mi = priced(onM5("us-east-1", 10)).estimate.managedInstances;
    expect(mi.instances[0]!.count).toBe(5);
    expect(s(mi.monthlyCost)).toBe("404.448");
    expect(s(mi.feeMonthlyCost)).toBe("42.048");
  });

  it("eu-west-1, one instance: 730 x 0.107 = 78.11, fee 730 x 0.01284 = 9.3732, EBS 30 x 0.088 = 2.64 -> 90.1232", () => {
    const mi = priced(onM5("eu-west-1", 1)).estimate.managedInstances;
    expect(mi.instances[0]!.feeSku).toBe("V3QDYBWMEM63AQJ9");
    expect(s(mi.monthlyCost)).toBe("90.1232");
  });

  it("eu-west-1, 10 tasks -> 5 instances: 3650 x 0.107 = 390.55, fee 3650 x 0.01284 = 46.866, EBS 150 x 0.088 = 13.2 -> 450.616", () => {
    const mi = priced(onM5("eu-west-1", 10)).estimate.managedInstances;
    expect(s(mi.monthlyCost)).toBe("450.616");
    expect(s(mi.feeMonthlyCost)).toBe("46.866");
  });

  it("a region without fees (GovCloud) is left out with a sentence, never guessed; self-managed EC2 is still priced", () => {
    const { estimate } = priced(onM5("us-gov-west-1", 1));
    expect(estimate.managedInstances.available).toBe(false);
    expect(estimate.managedInstances.monthlyCost).toBeNull();
    expect(estimate.managedInstances.lineItems).toEqual([]);
    expect(estimate.managedInstances.warnings.at(-1)).toMatch(/^No ECS Managed Instances fee for us-gov-west-1 in our data .* never guessed\.$/);
    expect(estimate.ec2.available).toBe(true);
  });

  it("a type without a fee in our data is left out with a sentence: m6i.large alone -> nothing left to price", () => {
    const mi = priced({ ...onM5("us-east-1", 1), ec2: { instanceTypes: ["m6i.large"] } }).estimate.managedInstances;
    expect(mi.available).toBe(false);
    expect(mi.warnings).toContain(
      "No ECS Managed Instances fee in our data for m6i.large in this region, so left out (the fee table's instance types are inferred; see the caveat).",
    );
  });

  it("half on Spot: 1825 h x 0.096 = 175.20 + 1825 h x 0.03264 (66% off) = 59.568; the fee on all 3650 h = 42.048 (assumed); EBS 12 -> 288.816", () => {
    const mi = priced(onM5("us-east-1", 10, { spotPercent: 50 })).estimate.managedInstances;
    expect(mi.lineItems.map((li) => [li.name, s(li.quantity), li.unitPrice])).toEqual([
      ["EC2 instances (m5.large, on-demand)", "1825", "0.096"],
      ["EC2 instances (m5.large, Spot estimate)", "1825", "0.03264"],
      ["ECS Managed Instances fee (m5.large)", "3650", "0.01152"],
      ["EBS gp3 root volumes (30 GiB per instance)", "150", "0.08"],
    ]);
    expect(s(mi.monthlyCost)).toBe("288.816");
    expect(mi.warnings.some((w) => w.startsWith("Assumed: the management fee applies to Spot instances too"))).toBe(true);
  });

  it("1-year commitment: 3650 h x 0.096 x 73.96% = 259.15584; the fee stays at list, 42.048 (assumed); EBS 12 -> 313.20384", () => {
    const mi = priced(onM5("us-east-1", 10, { commitment: "1yr" })).estimate.managedInstances;
    expect(mi.lineItems[0]!.unitPrice).toBe("0.0710016");
    expect(s(mi.monthlyCost)).toBe("313.20384");
    expect(mi.warnings.some((w) => w.startsWith("Assumed: the 1yr commitment (Savings Plan or Reserved Instance) discounts the EC2 instance, not the"))).toBe(
      true,
    );
  });

  it("half Spot and a 3-year commitment: 1825 x 0.096 x 51.04% = 89.42208 + Spot 59.568 + fee 42.048 + EBS 12 -> 203.03808", () => {
    const mi = priced(onM5("us-east-1", 10, { spotPercent: 50, commitment: "3yr" })).estimate.managedInstances;
    expect(mi.lineItems[0]!.unitPrice).toBe("0.0489984");
    expect(s(mi.monthlyCost)).toBe("203.03808");
  });

  it("break-even with Fargate: a 2 vCPU / 8 GiB task filling an m5.large (no reservations) costs 85.0596 on Fargate", () => {
    // Fargate: 730 x (2 x 0.04048 + 8 x 0.004445) = 85.0596. ECS MI 80.8896 -> 95.10% duty cycle; self-managed 72.48 -> 85.21%.
    const { estimate } = priced({
      region: "us-east-1",
      workloads: [{ name: "api", vcpu: 2, memoryGiB: 8, tasks: 1 }],
      ec2: { instanceTypes: ["m5.large"], headroomPercent: 0, unregisteredMemoryPercent: 0, reservedMemoryMiB: 0 },
    });
    expect(s(estimate.totals.monthlyCost)).toBe("85.0596");
    expect(s(estimate.managedInstances.monthlyCost)).toBe("80.8896");
    expect(estimate.managedInstances.breakEven.dutyCyclePercent).toBe(95.1);
    expect(estimate.ec2.breakEven.dutyCyclePercent).toBe(85.21);
  });

  it("the whole bill applies as for EC2: awsvpc tasks cannot hold public IPs, so the NAT equivalent is priced on top of 80.8896", () => {
    // As on the EC2 side (issue 24 item 3): one NAT gateway (730 h x 0.045 = 32.85) and its public IPv4 (730 h x 0.005
    // = 3.65) = 36.50; 80.8896 + 36.50 = 117.3896.
    const { estimate } = priced({ version: 2, ...onM5("us-east-1", 1), workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1, publicIp: true }] });
    const wb = estimate.managedInstances.wholeBill;
    expect(wb.lineItems.map((li) => [li.name, s(li.monthlyCost)])).toEqual([
      ["NAT gateway (for the public tasks)", "32.85"],
      ["Public IPv4 address (the NAT gateway's)", "3.65"],
    ]);
    expect(s(wb.monthlyCost)).toBe("117.3896");
  });

  it("without the extras snapshot there is no fee table: not priced, and it says why", () => {
    const p = parseScenario(onM5("us-east-1", 1), fargateCatalog);
    if (!p.ok) throw new Error("invalid");
    const fargate = estimateScenario(p.value, fargateCatalog);
    const mi = estimateManagedInstances(p.value, fargate, ec2Catalog);
    expect(mi.available).toBe(false);
    expect(mi.warnings).toEqual(["ECS Managed Instances needs the fee table of the extras price snapshot, which is not loaded."]);
  });

  it("a fee type that pricing:refresh confirmed by SKU says so in the caveat; the embedded snapshot's caveat is unchanged", () => {
    const { scenario, estimate } = priced(onM5("us-east-1", 1));
    expect(estimate.managedInstances.caveat).toBe(extrasCatalog.ecsManagedInstances!.caveat);
    const use1 = extrasCatalog.regions["us-east-1"]!;
    const refreshed = {
      ...extrasCatalog,
      regions: {
        ...extrasCatalog.regions,
        "us-east-1": { ...use1, ecsManagedInstances: { ...use1.ecsManagedInstances!, confirmed: { on: "2026-12-06", types: ["m5.large"] } } },
      },
    };
    const fargate = estimateScenario(scenario, fargateCatalog, refreshed);
    const mi = estimateManagedInstances(scenario, fargate, ec2Catalog, refreshed);
    expect(mi.caveat).toBe(`${extrasCatalog.ecsManagedInstances!.caveat} The fee of m5.large was confirmed by SKU on 2026-12-06 (AWS Price List).`);
    // Same figures: 730 x 0.096 = 70.08 + 730 x 0.01152 = 8.4096 + 2.40 EBS.
    expect(s(mi.monthlyCost)).toBe("80.8896");
    // A confirmation of other types only leaves the caveat as it was.
    const other = {
      ...refreshed,
      regions: {
        ...refreshed.regions,
        "us-east-1": { ...use1, ecsManagedInstances: { ...use1.ecsManagedInstances!, confirmed: { on: "2026-12-06", types: ["c5.large"] } } },
      },
    };
    expect(estimateManagedInstances(scenario, fargate, ec2Catalog, other).caveat).toBe(extrasCatalog.ecsManagedInstances!.caveat);
  });
});
