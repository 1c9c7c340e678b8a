import { describe, expect, it } from "vitest";
import { ec2Catalog } from "@/lib/catalog/ec2";
import type { Ec2Catalog } from "@/lib/catalog/ec2-schema";
import type { ScenarioInput } from "@/lib/scenario/schema";
import { dec, sum, toCents } from "@/lib/core";
import { runEc2 } from "./test-helpers";

/** m6i.large only, no headroom: 2048 CPU units; memory 8192 x 0.975 - 256 = 7731.2 MiB (defaults for the rest). */
const onLarge = (ec2: ScenarioInput["ec2"] = {}) => ({ instanceTypes: ["m6i.large"], headroomPercent: 0, ...ec2 });
const tenTasks = (vcpu: number, memoryGiB: number, ec2: ScenarioInput["ec2"] = {}, extra = {}): ScenarioInput => ({
  region: "us-east-1",
  workloads: [{ name: "api", vcpu, memoryGiB, tasks: 10, ...extra }],
  ec2: onLarge(ec2),
});
const cents = (d: { toString(): string } | null) => (d === null ? null : toCents(dec(d.toString())));

describe("estimateEc2: hand-computed packings on m6i.large ($0.096/h, 3 ENIs, trunking 10)", () => {
  // 5 instances: 5 x 730 h x 0.096 = 350.40; EBS 5 x 30 GiB x 0.08 = 12.00; total 362.40.
  it.each([
    ["awsvpc without trunking: min(CPU 2, memory 3, ENIs 3 - 1 = 2) = 2 a instance", { networking: "awsvpc" as const }],
    ["awsvpc with trunking: min(CPU 2, memory 3, trunking 10) = 2", { networking: "awsvpc" as const, eniTrunking: true }],
    ["bridge: min(CPU 2, memory 3) = 2", { networking: "bridge" as const }],
  ])("10 tasks of 1 vCPU / 2 GiB, %s -> 5 instances, $362.40", (_, ec2) => {
    const { ec2: e } = runEc2(tenTasks(1, 2, ec2));
    expect(e.available).toBe(true);
    expect(e.instances).toEqual([{ type: "m6i.large", count: 5, hourlyPrice: "0.096", onDemandHourlyPrice: "0.096", instanceHours: 3650 }]);
    expect(cents(e.monthlyCost)).toBe("362.40");
    // Tasks use 10 vCPU of 10 and 20 GiB of 40.
    expect(e.utilization).toEqual({ cpuPercent: 100, memoryPercent: 50 });
  });

  it("the default 5% headroom leaves 1,945.6 CPU units: one 1-vCPU task a instance -> 10 instances, $724.80", () => {
    const { ec2: e } = runEc2(tenTasks(1, 2, { headroomPercent: 5 }));
    expect(e.instances[0]!.count).toBe(10);
    expect(cents(e.monthlyCost)).toBe("724.80"); // 7300 h x 0.096 = 700.80 + 10 x 2.40 EBS
  });

  // 0.5 vCPU / 1 GiB: CPU fits 4, memory 7 (7731.2 / 1024): the ENI cap decides.
  it.each([
    ["awsvpc: 2 a instance (3 ENIs - 1) -> 5", { networking: "awsvpc" as const }, 5, "362.40"],
    ["awsvpc + trunking: 4 a instance (CPU; cap 10) -> 3", { networking: "awsvpc" as const, eniTrunking: true }, 3, "217.44"],
    ["bridge: 4 a instance -> 3", { networking: "bridge" as const }, 3, "217.44"], // 2190 h x 0.096 = 210.24 + 7.20
  ])("10 tasks of 0.5 vCPU / 1 GiB, %s", (_, ec2, count, total) => {
    const { ec2: e } = runEc2(tenTasks(0.5, 1, ec2));
    expect(e.instances[0]!.count).toBe(count);
    expect(cents(e.monthlyCost)).toBe(total);
  });

  it("mixed sizes that do not fit by totals: 3 x (1 vCPU, 5 GiB) + 1 x (0.5 vCPU, 1 GiB) need 3 instances, not 2", () => {
    // No reservations: 2 vCPU / 8 GiB an instance. Totals (3.5 vCPU, 16 GiB) would say 2; no two 5 GiB tasks share 8 GiB.
    const { ec2: e } = runEc2({
      region: "us-east-1",
      workloads: [
        { name: "big", vcpu: 1, memoryGiB: 5, tasks: 3 },
        { name: "small", vcpu: 0.5, memoryGiB: 1, tasks: 1 },
      ],
      ec2: onLarge({ networking: "bridge", unregisteredMemoryPercent: 0, reservedMemoryMiB: 0 }),
    });
    expect(e.instances[0]!.count).toBe(3);
    expect(e.utilization).toEqual({ cpuPercent: 58.33, memoryPercent: 66.67 }); // 3.5 of 6 vCPU, 16 of 24 GiB
  });

  it("mixes instance types when that is cheaper than any one type, and lists single-type alternatives", () => {
    // 10 x (1 vCPU, 2 GiB), bridge, no headroom: 2 a large (0.096) or 4 an xlarge (0.192): 2 xlarge + 1 large
    // costs the same as 5 large but needs 2 fewer root volumes.
    const { ec2: e } = runEc2(tenTasks(1, 2, { networking: "bridge", instanceTypes: ["m6i.large", "m6i.xlarge"] }));
    expect(e.instances).toEqual([
      { type: "m6i.large", count: 1, hourlyPrice: "0.096", onDemandHourlyPrice: "0.096", instanceHours: 730 },
      { type: "m6i.xlarge", count: 2, hourlyPrice: "0.192", onDemandHourlyPrice: "0.192", instanceHours: 1460 },
    ]);
    expect(cents(e.monthlyCost)).toBe("357.60"); // 350.40 + 3 x 2.40
    expect(e.alternatives.map((a) => [a.instances.map((i) => `${i.count} ${i.type}`).join(" + "), cents(a.monthlyCost)])).toEqual(
      [
        ["3 m6i.xlarge", "427.68"], // 2190 h x 0.192 = 420.48 + 7.20
        ["5 m6i.large", "362.40"],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
  });

  it("packs each architecture on its own instances", () => {
    const { ec2: e } = runEc2({
      region: "us-east-1",
      workloads: [
        { name: "x86", vcpu: 1, memoryGiB: 2, tasks: 6 },
        { name: "arm", vcpu: 1, memoryGiB: 2, tasks: 6, arch: "arm64" },
      ],
      ec2: { instanceTypes: ["m6i.xlarge", "m7g.xlarge"], networking: "bridge", headroomPercent: 0 },
    });
    // 4 a xlarge: 2 of each type for 6 tasks.
    expect(e.instances.map((i) => [i.type, i.count])).toEqual([
      ["m6i.xlarge", 2],
      ["m7g.xlarge", 2],
    ]);
  });

  it("never lists an alternative cheaper than the chosen fleet", () => {
    const { ec2: e } = runEc2({
      region: "eu-west-1",
      workloads: [
        { name: "a", vcpu: 1, memoryGiB: 2, tasks: 37 },
        { name: "b", vcpu: 4, memoryGiB: 30, tasks: 3 },
      ],
    });
    expect(e.alternatives.length).toBeGreaterThan(0);
    expect(e.alternatives.length).toBeLessThanOrEqual(4);
    for (const a of e.alternatives) expect(a.monthlyCost.gte(e.monthlyCost!)).toBe(true);
    for (let i = 1; i < e.alternatives.length; i++) expect(e.alternatives[i]!.monthlyCost.gte(e.alternatives[i - 1]!.monthlyCost)).toBe(true);
    expect(sum(e.lineItems.map((li) => li.monthlyCost)).eq(e.monthlyCost!)).toBe(true);
  });
});

describe("estimateEc2: purchase options and EBS", () => {
  it("Spot share, 1yr commitment and root volumes as separate line items", () => {
    // 3650 instance-hours; 25% Spot: 912.5 h x 0.096 x (100 - 63)/100 = 912.5 x 0.03552 = 32.412;
    // the rest, 2737.5 h at 0.096 x (100 - 26.04)/100 = 0.0710016 -> 194.36688; EBS 150 GB-months x 0.08 = 12.
    const { ec2: e } = runEc2(tenTasks(1, 2, { spotPercent: 25, commitment: "1yr" }));
    expect(
      e.lineItems.map((li) => [li.name, li.quantity.toString(), li.unitPrice, li.monthlyCost.toString(), li.purchase, li.priceSource, li.component]),
    ).toEqual([
      ["EC2 instances (m6i.large, 1yr commitment, estimate)", "2737.5", "0.0710016", "194.36688", "savings-plan", "ec2-commitment-1yr", "instances"],
      ["EC2 instances (m6i.large, Spot estimate)", "912.5", "0.03552", "32.412", "spot", "ec2-spot-advisor", "instances"],
      ["EBS gp3 root volumes (30 GiB per instance)", "150", "0.08", "12", "on-demand", "ebs-gp3", "ebs"],
    ]);
    expect(e.monthlyCost!.toString()).toBe("238.77888");
    expect(e.sources.map((s) => s.key)).toEqual(expect.arrayContaining(["ec2-commitment-1yr", "ec2-spot-advisor", "ebs-gp3"]));
    expect(e.warnings.some((w) => w.includes("Spot estimate"))).toBe(true);
    expect(e.warnings.some((w) => w.includes("1yr commitment is an estimate"))).toBe(true);
  });

  it("the instance's hourly price is the effective rate under Spot and commitments, with the list price beside it (issue 10 item 3)", () => {
    // 25% Spot at 0.03552 + 75% at 0.0710016: 0.00888 + 0.0532512 = 0.0621312 per instance-hour;
    // x 3650 h = 226.77888 = 194.36688 + 32.412, the two instance line items.
    const mixed = runEc2(tenTasks(1, 2, { spotPercent: 25, commitment: "1yr" })).ec2;
    expect(mixed.instances).toEqual([{ type: "m6i.large", count: 5, hourlyPrice: "0.0621312", onDemandHourlyPrice: "0.096", instanceHours: 3650 }]);
    // All Spot: 0.096 x (100 - 63)/100 = 0.03552. All 3yr: 0.096 x 51.04/100 = 0.0489984.
    expect(runEc2(tenTasks(1, 2, { spotPercent: 100 })).ec2.instances[0]).toMatchObject({ hourlyPrice: "0.03552", onDemandHourlyPrice: "0.096" });
    expect(runEc2(tenTasks(1, 2, { commitment: "3yr" })).ec2.instances[0]).toMatchObject({ hourlyPrice: "0.0489984", onDemandHourlyPrice: "0.096" });
  });

  it("3yr commitment on all of it: 0.096 x 51.04/100 = 0.0489984; 3650 h -> 178.84416 + 12 EBS", () => {
    const { ec2: e } = runEc2(tenTasks(1, 2, { commitment: "3yr" }));
    expect(e.lineItems[0]).toMatchObject({ unitPrice: "0.0489984", purchase: "savings-plan" });
    expect(e.monthlyCost!.toString()).toBe("190.84416");
  });

  it("EBS root volumes scale with the volume size (100 GiB: 5 x 100 x 0.08 = 40)", () => {
    const { ec2: e } = runEc2(tenTasks(1, 2, { ebsRootGiB: 100 }));
    expect(e.lineItems.find((li) => li.component === "ebs")!.monthlyCost.toString()).toBe("40");
  });

  it("says so when the region has no gp3 price (ap-south-2 launched after our 2021 EBS data)", () => {
    const { ec2: e } = runEc2({ ...tenTasks(1, 2), region: "ap-south-2" });
    expect(e.lineItems.some((li) => li.component === "ebs")).toBe(false);
    expect(e.monthlyCost!.toString()).toBe("368.65"); // 3650 h x 0.101
    expect(e.warnings.some((w) => w.includes("No gp3 EBS price for ap-south-2"))).toBe(true);
  });
});

describe("estimateEc2: schedules", () => {
  it("a 10% duty cycle: the always-on cluster costs the whole month; a scaling one 73 h (ceil(730 x 0.1))", () => {
    const dc = { schedule: { type: "duty-cycle" as const, percent: 10 } };
    expect(cents(runEc2(tenTasks(1, 2, {}, dc)).ec2.monthlyCost)).toBe("362.40");
    // 5 x 73 h = 365 instance-hours x 0.096 = 35.04; EBS 30 x 365 / 730 x 0.08 = 1.20.
    const scaled = runEc2(tenTasks(1, 2, { scaling: "scale-with-tasks" }, dc)).ec2;
    expect(scaled.monthlyCost!.toString()).toBe("36.24");
    expect(scaled.instances[0]!.instanceHours).toBe(365);
  });

  it("batch, scaling with tasks: 30 runs of 50 min -> 30 whole hours", () => {
    const batch = { schedule: { type: "batch" as const, runsPerMonth: 30, secondsPerRun: 3000 } };
    const { ec2: e } = runEc2(tenTasks(1, 2, { scaling: "scale-with-tasks" }, batch));
    // 5 x 30 = 150 h x 0.096 = 14.40; EBS 30 x 150 / 730 x 0.08 = 0.49315...
    expect(e.instances[0]!.instanceHours).toBe(150);
    expect(cents(e.monthlyCost)).toBe("14.89");
  });

  it("always-on tasks share instances all month while a part-time workload gets its own", () => {
    const { ec2: e } = runEc2({
      region: "us-east-1",
      workloads: [
        { name: "web", vcpu: 1, memoryGiB: 2, tasks: 3 },
        { name: "job", vcpu: 1, memoryGiB: 2, tasks: 1, schedule: { type: "duty-cycle", percent: 50 } },
      ],
      ec2: onLarge({ scaling: "scale-with-tasks" }),
    });
    // web: 2 instances x 730; job: 1 instance x 365.
    expect(e.instances).toEqual([{ type: "m6i.large", count: 3, hourlyPrice: "0.096", onDemandHourlyPrice: "0.096", instanceHours: 1825 }]);
  });
});

describe("estimateEc2: what it will not guess", () => {
  it("Windows only: not available, and says why", () => {
    const { ec2: e } = runEc2({ region: "us-east-1", workloads: [{ name: "iis", os: "windows", vcpu: 1, memoryGiB: 2, tasks: 2 }] });
    expect(e.available).toBe(false);
    expect(e.monthlyCost).toBeNull();
    expect(e.warnings.join(" ")).toMatch(/no Windows prices/);
  });

  it("Windows beside Linux: left out, and compared with the Linux workloads' Fargate cost only", () => {
    const { fargate, ec2: e } = runEc2({
      region: "us-east-1",
      workloads: [
        { name: "api", vcpu: 1, memoryGiB: 2, tasks: 10 },
        { name: "iis", os: "windows", vcpu: 1, memoryGiB: 2, tasks: 2 },
      ],
      ec2: onLarge(),
    });
    expect(e.available).toBe(true);
    expect(e.instances[0]!.count).toBe(5);
    expect(e.comparedFargateMonthlyCost.eq(fargate.workloads[0]!.monthlyCost)).toBe(true);
    expect(e.warnings[0]).toMatch(/Left out of the EC2 estimate: iis \(Windows\)/);
  });

  it("a task no candidate can hold, after headroom", () => {
    const { ec2: e } = runEc2({ region: "us-east-1", workloads: [{ name: "huge", vcpu: 16, memoryGiB: 120, tasks: 1 }], ec2: onLarge() });
    expect(e.available).toBe(false);
    expect(e.warnings.at(-1)).toMatch(/huge \(16 vCPU \/ 120 GiB, x86_64\)/);
  });

  it("unknown instance types and regions", () => {
    const bad = runEc2({ region: "us-east-1", workloads: [{ name: "a", vcpu: 1, memoryGiB: 2 }], ec2: { instanceTypes: ["t3.large"] } }).ec2;
    expect(bad.available).toBe(false);
    expect(bad.warnings.join(" ")).toMatch(/t3.large/);
    const noRegion: Ec2Catalog = { ...ec2Catalog, regions: {} };
    expect(runEc2({ region: "us-east-1", workloads: [{ name: "a", vcpu: 1, memoryGiB: 2 }] }, {}, noRegion).ec2.available).toBe(false);
  });

  it("no running tasks: nothing to price", () => {
    const { ec2: e } = runEc2({ region: "us-east-1", workloads: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 0 }] });
    expect(e.available).toBe(true);
    expect(e.monthlyCost!.toString()).toBe("0");
  });

  it("leaves out types without a Spot figure when part of the fleet is on Spot", () => {
    const gov = runEc2({ region: "us-gov-west-1", workloads: [{ name: "a", vcpu: 1, memoryGiB: 2 }], ec2: { spotPercent: 50 } }).ec2;
    expect(gov.available).toBe(false); // the advisor covers no GovCloud region
    expect(gov.warnings.join(" ")).toMatch(/without a Spot Instance Advisor figure/);
  });
});

describe("estimateEc2: break-even", () => {
  // One 2 vCPU / 8 GiB task filling one m6i.large exactly (no headroom or reservations), 1 GiB root volume:
  // EC2 70.08 + 0.08 = 70.16 a month; Fargate 730 x (2 x 0.04048 + 8 x 0.004445) = 85.0596.
  const exact = (ec2: ScenarioInput["ec2"] = {}): ScenarioInput => ({
    region: "us-east-1",
    workloads: [{ name: "one", vcpu: 2, memoryGiB: 8 }],
    ec2: onLarge({ unregisteredMemoryPercent: 0, reservedMemoryMiB: 0, ebsRootGiB: 1, ...ec2 }),
  });

  it("packing density: 70.16 / 85.0596 = 82.48% (docs/pricing-rules.md#packing: near 82% without the root volume)", () => {
    const { ec2: e } = runEc2(exact());
    expect(e.monthlyCost!.toString()).toBe("70.16");
    expect(e.breakEven.packingDensityPercent).toBe(82.48);
  });

  it("always-on cluster: EC2 is flat, Fargate grows with the duty cycle; they cross at 70.16 / 85.0596 = 82.48%", () => {
    const { ec2: e } = runEc2(exact());
    expect(e.breakEven.dutyCyclePercent).toBe(82.48);
    expect(e.breakEven.series).toHaveLength(21);
    const at50 = e.breakEven.series[10]!;
    expect([at50.dutyCyclePercent, at50.fargateMonthlyCost.toString(), at50.ec2MonthlyCost.toString()]).toEqual([50, "42.5298", "70.16"]);
    expect(e.breakEven.series[20]!.fargateMonthlyCost.toString()).toBe("85.0596");
  });

  it("scaling cluster: EC2 follows whole hours; cheaper from 0.56% (stair H = 5: 5 x 0.0961 / 0.11652 x 100/730)", () => {
    // Fargate A = 0.11652/h, EC2 h = 70.16/730 = 0.09611/h. The last stair where Fargate starts below EC2:
    // A (H - 1) < h H -> H < A / (A - h) = 5.7 -> H = 5; crossing at d = h x 5 / A x 100 / 730 = 0.5650%.
    const { ec2: e } = runEc2(exact({ scaling: "scale-with-tasks" }));
    expect(e.breakEven.dutyCyclePercent).toBe(0.56);
    const at10 = e.breakEven.series[2]!;
    expect([at10.fargateMonthlyCost.toString(), at10.ec2MonthlyCost.toString()]).toEqual(["8.50596", "7.016"]); // 70.16 x 73 / 730
  });

  it("null when they never cross: 10 x (1 vCPU, 2 GiB) costs 362.40 on EC2 and 360.40 on Fargate", () => {
    const { fargate, ec2: e } = runEc2(tenTasks(1, 2));
    expect(cents(fargate.totals.monthlyCost)).toBe("360.40");
    expect(e.breakEven.dutyCyclePercent).toBeNull();
    // 362.40 / (3650 h x (2 x 0.04048 + 8 x 0.004445)) = 362.40 / 425.298 = 85.21%.
    expect(e.breakEven.packingDensityPercent).toBe(85.21);
  });

  it("null density when EC2 costs more than Fargate would for the whole fleet", () => {
    const { ec2: e } = runEc2({ region: "us-east-1", workloads: [{ name: "a", vcpu: 1, memoryGiB: 2, spotPercent: 100 }], ec2: onLarge() });
    expect(e.breakEven.packingDensityPercent).toBeNull(); // Fargate Spot at ~32% of on-demand
  });
});

describe("estimateEc2: warnings about the ENI cap", () => {
  it("suggests trunking only when the ENI cap, not CPU or memory, fills the instances", () => {
    const capped = runEc2(tenTasks(0.5, 1)).ec2.warnings.join(" ");
    expect(capped).toMatch(/ENI trunking \(10 tasks on a large\) may need fewer instances/);
    const cpuBound = runEc2(tenTasks(1, 2)).ec2.warnings.join(" "); // 2 tasks fill 2 vCPU: the cap is not what binds
    expect(cpuBound).not.toMatch(/may need fewer instances/);
  });
});
