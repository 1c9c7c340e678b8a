import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { parseScenario } from "@/lib/scenario/parse";
import { Ec2Settings } from "@/lib/scenario/schema";
import { selectCandidates } from "./ec2/candidates";
import { blendedHourly } from "./ec2/price";
import { estimateAll } from "./estimate";
import { lineItem } from "./line-item";
import { dec } from "@/lib/core";

describe("one line-item constructor", () => {
  it("monthlyCost = quantity x the published rate, exactly", () => {
    // 3 tasks x 730 h x 1 vCPU = 2190 vCPU-hours at 0.04048: 2190 x 0.04048 = 88.6512.
    const li = lineItem("Fargate vCPU", "vCPU-hours", dec(2190), "0.04048", "vcpu", "on-demand", "fargate-on-demand");
    expect(li.monthlyCost.toString()).toBe("88.6512");
    expect(li.unitPrice).toBe("0.04048");
    expect(Object.keys(li)).toEqual(["name", "unit", "quantity", "unitPrice", "monthlyCost", "component", "purchase", "priceSource"]);
  });

  it("every line of a whole bill (Fargate, extras, services, EC2, EC2 whole bill) costs quantity x unitPrice", () => {
    const parsed = parseScenario(
      {
        version: 2,
        region: "us-east-1",
        ec2: { spotPercent: 30, commitment: "1yr" },
        workloads: [
          { name: "api", vcpu: 1, memoryGiB: 2, tasks: 3, publicIp: true, logs: { ingestedGiBPerMonth: 50, storedGiB: 100 }, spotPercent: 25, storageGiB: 40 },
          { name: "win", os: "windows", vcpu: 2, memoryGiB: 4, tasks: 1, savingsPlan: "1yr-no-upfront" },
          { name: "batch", vcpu: 0.5, memoryGiB: 1, tasks: 2, schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 61 } },
        ],
        services: { loadBalancers: [{ name: "web", type: "application", capacityUnits: 2 }], natGateways: { count: 1, processedGiBPerMonth: 10 } },
      },
      fargateCatalog,
      extrasCatalog,
    );
    if (!parsed.ok) throw new Error(parsed.error[0]!.message);
    const e = estimateAll(parsed.value, fargateCatalog, ec2Catalog, extrasCatalog);
    const lines = [...e.workloads.flatMap((w) => w.lineItems), ...e.services.lineItems, ...e.ec2.lineItems, ...e.ec2.wholeBill.lineItems];
    expect(lines.length).toBeGreaterThan(12);
    for (const li of lines) expect(li.monthlyCost.eq(li.quantity.times(li.unitPrice)), li.name).toBe(true);
  });

  it("EC2 fleets are ranked by the result's exact prices (blended rate + root volume), not a float formula", () => {
    const settings = Ec2Settings.parse({ spotPercent: 30, commitment: "1yr", ebsRootGiB: 30 });
    const region = ec2Catalog.regions["us-east-1"]!;
    const { candidates } = selectCandidates(ec2Catalog, region, settings);
    expect(candidates.length).toBeGreaterThan(100);
    // EBS: 0.08 USD per GB-month x 30 GiB / 730 h per instance-hour.
    const ebs = dec(region.ebsGp3GbMonth!).times(30).div(730);
    for (const c of candidates) expect(c.rankHourly, c.type).toBe(Number(blendedHourly(c, { catalog: ec2Catalog, settings }).plus(ebs).toString()));
  });
});
