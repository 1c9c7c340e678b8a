import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { parseScenario } from "@/lib/scenario/parse";
import type { ScenarioInput } from "@/lib/scenario/schema";
import { estimateAll, estimateScenario } from "./estimate";
import { toCents } from "@/lib/core";
import type { LineItem } from "./types";
import { estimateScenarioInput, problemsOf } from "./test-helpers";

/**
 * The whole bill, each line derived by hand from the feed rates in ../shared/pricing-data/extras
 * (us-east-1 and eu-west-1; a month is 730 hours):
 *                         us-east-1                      eu-west-1
 *   public IPv4 (in use)  0.005 /address-hour (2025-11-04)   0.005
 *   ALB                   0.0225 /h + 0.008 /LCU-h (2025-06-05)  0.0252 /h + 0.008 /LCU-h
 *   NAT gateway           0.045 /h + 0.045 /GB (2025-10-28)      0.048 /h + 0.048 /GB
 *   CloudWatch Logs       0.50 /GB ingested, 0.03 /GB-month (2025-09-23)  0.57, 0.03
 *   EFS Standard          0.30 /GB-month; Elastic reads 0.03 /GB, writes 0.06 /GB (2025-09-25)  0.33; 0.03, 0.07
 *   EKS                   0.10 /cluster-h + 0.50 extended support (2025-10-28)  0.10 + 0.50
 *   internet egress       0.09 /GB first 10 TB, 0.085 next 40 TB (2025-06-18)  0.09, 0.085
 *   inter-AZ              0.01 /GB on each side (bill 2024-09)    0.01
 *   ECR                   0.10 /GB-month (2025-06-05)     0.10
 */
const line = (items: LineItem[], name: string) => {
  const li = items.find((l) => l.name === name);
  if (!li) throw new Error(`no line "${name}" in ${items.map((l) => l.name).join(" | ")}`);
  return { quantity: li.quantity.toString(), unitPrice: li.unitPrice, cost: li.monthlyCost.toString(), source: li.priceSource };
};

const base = { name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 };
const wholeBill = (region: string): ScenarioInput => ({
  version: 2,
  region,
  workloads: [{ ...base, publicIp: true, logs: { ingestedGiBPerMonth: 50, storedGiB: 100 } }],
  services: {
    loadBalancers: [{ name: "web", type: "application", capacityUnits: 2, internetFacing: true, azs: 2 }],
    natGateways: { count: 2, processedGiBPerMonth: 100 },
    dataTransfer: { internetOutGiBPerMonth: 500, interAzGiBPerMonth: 100 },
    fileSystems: [{ name: "shared", storageClass: "standard", storedGiB: 100, readGiBPerMonth: 200, writeGiBPerMonth: 50 }],
    eksClusters: { count: 1, extendedSupport: true },
    containerRegistry: { storedGiB: 20 },
  },
});

describe("workload extras, hand-computed", () => {
  it("us-east-1: public IPv4 for 3 always-on tasks and 50 GiB of logs", () => {
    const w = estimateScenarioInput(wholeBill("us-east-1")).workloads[0]!;
    // 3 tasks x 730 h = 2190 address-hours x 0.005 = 10.95 (3.65 a task)
    expect(line(w.lineItems, "Public IPv4 address (one per task)")).toEqual({ quantity: "2190", unitPrice: "0.005", cost: "10.95", source: "public-ipv4" });
    // 50 GB x 0.50 = 25; 100 GB-months x 0.03 = 3
    expect(line(w.lineItems, "CloudWatch Logs ingestion (Standard)")).toEqual({ quantity: "50", unitPrice: "0.5", cost: "25", source: "cloudwatch-logs" });
    expect(line(w.lineItems, "CloudWatch Logs storage")).toEqual({ quantity: "100", unitPrice: "0.03", cost: "3", source: "cloudwatch-logs" });
    // compute 3 x 730 x (0.04048 + 2 x 0.004445) = 108.1203; whole workload 108.1203 + 10.95 + 25 + 3 = 147.0703
    expect(w.computeMonthlyCost.toString()).toBe("108.1203");
    expect(w.monthlyCost.toString()).toBe("147.0703");
  });

  it("eu-west-1: the same workload at Ireland's rates", () => {
    const w = estimateScenarioInput(wholeBill("eu-west-1")).workloads[0]!;
    expect(line(w.lineItems, "Public IPv4 address (one per task)").cost).toBe("10.95"); // 2190 x 0.005
    expect(line(w.lineItems, "CloudWatch Logs ingestion (Standard)").cost).toBe("28.5"); // 50 x 0.57
    expect(line(w.lineItems, "CloudWatch Logs storage").cost).toBe("3"); // 100 x 0.03
  });

  it("a batch workload's public IP is billed for its task-hours (1,000 runs x 60 s = 16.67 h)", () => {
    const w = estimateScenarioInput({
      version: 2,
      workloads: [{ ...base, tasks: 1, publicIp: true, schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 10 } }],
    }).workloads[0]!;
    // 60,000 s / 3600 = 16.666... h x 0.005 = 0.08333...
    const ip = w.lineItems.find((l) => l.component === "public-ipv4")!;
    expect(ip.quantity.round(4).toString()).toBe("16.6667");
    expect(toCents(ip.monthlyCost)).toBe("0.08");
  });
});

describe("scenario services, hand-computed", () => {
  const cases: { region: string; lines: [string, string, string][]; total: string }[] = [
    {
      region: "us-east-1",
      lines: [
        ["Application Load Balancer (web)", "730", "16.425"], // 730 x 0.0225
        ["LCUs (web)", "1460", "11.68"], // 2 LCU x 730 h x 0.008
        ["Public IPv4 address (web, one per AZ)", "1460", "7.3"], // 2 AZs x 730 x 0.005
        ["NAT gateway", "1460", "65.7"], // 2 x 730 x 0.045
        ["NAT gateway data processed", "100", "4.5"], // 100 x 0.045
        ["Public IPv4 address (one per NAT gateway)", "1460", "7.3"], // 2 x 730 x 0.005
        ["Data transfer out to the internet (first 10 TB)", "500", "45"], // 500 x 0.09
        ["Data transfer between AZs (out and in)", "200", "2"], // 100 GB x 2 sides x 0.01
        ["EFS storage (Standard, shared)", "100", "30"], // 100 x 0.30
        ["EFS Elastic Throughput reads (shared)", "200", "6"], // 200 x 0.03
        ["EFS Elastic Throughput writes (shared)", "50", "3"], // 50 x 0.06
        ["EKS cluster", "730", "73"], // 730 x 0.10
        ["EKS extended support surcharge", "730", "365"], // 730 x 0.50
        ["ECR storage", "20", "2"], // 20 x 0.10
      ],
      // 16.425 + 11.68 + 7.3 + 65.7 + 4.5 + 7.3 + 45 + 2 + 30 + 6 + 3 + 73 + 365 + 2 = 638.905
      total: "638.905",
    },
    {
      region: "eu-west-1",
      lines: [
        ["Application Load Balancer (web)", "730", "18.396"], // 730 x 0.0252
        ["LCUs (web)", "1460", "11.68"], // 1460 x 0.008
        ["Public IPv4 address (web, one per AZ)", "1460", "7.3"],
        ["NAT gateway", "1460", "70.08"], // 1460 x 0.048
        ["NAT gateway data processed", "100", "4.8"], // 100 x 0.048
        ["Public IPv4 address (one per NAT gateway)", "1460", "7.3"],
        ["Data transfer out to the internet (first 10 TB)", "500", "45"], // 500 x 0.09
        ["Data transfer between AZs (out and in)", "200", "2"], // 200 x 0.01
        ["EFS storage (Standard, shared)", "100", "33"], // 100 x 0.33
        ["EFS Elastic Throughput reads (shared)", "200", "6"], // 200 x 0.03
        ["EFS Elastic Throughput writes (shared)", "50", "3.5"], // 50 x 0.07
        ["EKS cluster", "730", "73"],
        ["EKS extended support surcharge", "730", "365"],
        ["ECR storage", "20", "2"],
      ],
      // 18.396 + 11.68 + 7.3 + 70.08 + 4.8 + 7.3 + 45 + 2 + 33 + 6 + 3.5 + 73 + 365 + 2 = 649.056
      total: "649.056",
    },
  ];
  for (const c of cases) {
    it(`${c.region}: every line from the feed rates, and the totals`, () => {
      const e = estimateScenarioInput(wholeBill(c.region));
      expect(e.services.lineItems.map((l) => l.name)).toEqual(c.lines.map(([n]) => n));
      for (const [name, quantity, cost] of c.lines) {
        const got = line(e.services.lineItems, name);
        expect([name, got.quantity, got.cost]).toEqual([name, quantity, cost]);
      }
      expect(e.services.monthlyCost.toString()).toBe(c.total);
      const workload = e.workloads[0]!;
      expect(e.totals.computeMonthlyCost.toString()).toBe(workload.computeMonthlyCost.toString());
      expect(e.totals.monthlyCost.toString()).toBe(workload.monthlyCost.plus(c.total).toString());
      expect(e.totals.servicesMonthlyCost.plus(e.totals.computeMonthlyCost).eq(e.totals.monthlyCost)).toBe(true);
      expect(e.services.notes.join(" ")).toMatch(/free allowance/);
      // Every line's source is listed with its date.
      const sources = new Map(e.catalog.sources.map((s) => [s.key, s.publishedAt]));
      expect(sources.get("load-balancer")).toBe("2025-06-05");
      expect(sources.get("inter-az")).toBe("2024-09");
    });
  }

  it("egress above 10 TB splits over the tiers: 12,000 GB = 10,240 x 0.09 + 1,760 x 0.085 = 921.6 + 149.6", () => {
    const e = estimateScenarioInput({ version: 2, workloads: [base], services: { dataTransfer: { internetOutGiBPerMonth: 12000 } } });
    expect(e.services.lineItems.map((l) => [l.name, l.quantity.toString(), l.monthlyCost.toString()])).toEqual([
      ["Data transfer out to the internet (first 10 TB)", "10240", "921.6"],
      ["Data transfer out to the internet (next 40 TB)", "1760", "149.6"],
    ]);
  });

  it("EFS Standard-IA adds the IA access charges: 1,000 GB x 0.016 + 100 read x (0.03 + 0.01) + 10 written x (0.06 + 0.01) = 20.7", () => {
    const e = estimateScenarioInput({
      version: 2,
      workloads: [base],
      services: { fileSystems: [{ name: "cold", storageClass: "standard-ia", storedGiB: 1000, readGiBPerMonth: 100, writeGiBPerMonth: 10 }] },
    });
    expect(e.services.monthlyCost.toString()).toBe("20.7");
    expect(e.services.lineItems.map((l) => l.name)).toContain("EFS IA data access, reads (cold)");
  });

  it("an internal network load balancer has no public IPv4: 730 x 0.0225 + 0.5 NLCU x 730 x 0.006 = 16.425 + 2.19", () => {
    const e = estimateScenarioInput({
      version: 2,
      workloads: [base],
      services: { loadBalancers: [{ name: "grpc", type: "network", capacityUnits: 0.5, internetFacing: false }] },
    });
    expect(e.services.lineItems.map((l) => [l.name, l.monthlyCost.toString()])).toEqual([
      ["Network Load Balancer (grpc)", "16.425"],
      ["NLCUs (grpc)", "2.19"],
    ]);
  });

  it("notes the EKS cluster fee when EKS workloads have no eksClusters (73.00 a month in us-east-1)", () => {
    const e = estimateScenarioInput({ version: 2, workloads: [{ ...base, platform: "eks" }], services: {} });
    expect(e.services.notes.join(" ")).toMatch(/EKS cluster fee \(\$0\.1 per cluster-hour in us-east-1, \$73\.00 a month\) is not included/);
    expect(e.services.monthlyCost.toString()).toBe("0");
  });
});

describe("version 1 scenarios price exactly as before", () => {
  it("no services, compute = whole bill, same numbers", () => {
    const e = estimateScenarioInput({ version: 1, workloads: [base] });
    // 3 x 730 x (0.04048 + 2 x 0.004445) = 108.1203
    expect(e.totals.monthlyCost.toString()).toBe("108.1203");
    expect(e.totals.computeMonthlyCost.toString()).toBe("108.1203");
    expect(e.totals.servicesMonthlyCost.toString()).toBe("0");
    expect(e.services.lineItems).toEqual([]);
    expect(e.workloads[0]!.lineItems.map((l) => l.component)).toEqual(["vcpu", "memory"]);
  });
  it("prices without the extras catalog", () => {
    const parsed = parseScenario({ workloads: [base] }, fargateCatalog);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(estimateScenario(parsed.value, fargateCatalog).totals.monthlyCost.toString()).toBe("108.1203");
  });
});

describe("regions without a price refuse that item, not the scenario's other items", () => {
  it("inter-AZ outside its 5 regions", () => {
    const problems = problemsOf({
      version: 2,
      region: "ap-south-1",
      workloads: [base],
      services: { dataTransfer: { internetOutGiBPerMonth: 10, interAzGiBPerMonth: 100 } },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe("services.dataTransfer.interAzGiBPerMonth");
    expect(problems[0]!.message).toMatch(
      /no inter-AZ data transfer price for ap-south-1 .*5 regions \(eu-central-1, eu-west-1, us-east-1, us-east-2, us-west-2\)/,
    );
  });
  it("EFS One Zone outside its 24 regions, ELB and ECR in ap-southeast-6", () => {
    const problems = problemsOf({
      version: 2,
      region: "ap-southeast-6",
      workloads: [base],
      services: {
        fileSystems: [{ name: "f", storageClass: "one-zone", storedGiB: 1 }],
        loadBalancers: [{ name: "web", type: "application" }],
        containerRegistry: { storedGiB: 5 },
      },
    });
    expect(problems.map((p) => p.path).sort()).toEqual([
      "services.containerRegistry.storedGiB",
      "services.fileSystems.0.storageClass",
      "services.loadBalancers.0.type",
    ]);
  });
});

describe("the EC2 side's whole bill", () => {
  const all = (input: ScenarioInput) => {
    const parsed = parseScenario(input, fargateCatalog, extrasCatalog);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    return estimateAll(parsed.value, fargateCatalog, ec2Catalog, extrasCatalog);
  };
  it("prices the same services and logs, and (bridge networking) one public IPv4 per public instance-hour", () => {
    const e = all({ ...wholeBill("us-east-1"), ec2: { networking: "bridge", instanceTypes: ["m6i.large"] } });
    const wb = e.ec2.wholeBill;
    // 3 tasks of 1 vCPU on m6i.large (2 vCPU less 5% headroom holds one): 3 instances x 730 h = 2190 address-hours x 0.005 = 10.95
    expect(e.ec2.instances.map((i) => [i.type, i.count, i.instanceHours])).toEqual([["m6i.large", 3, 2190]]);
    expect(line(wb.lineItems, "Public IPv4 address (one per instance)")).toEqual({
      quantity: "2190",
      unitPrice: "0.005",
      cost: "10.95",
      source: "public-ipv4",
    });
    // logs: 25 + 3, the same as on Fargate
    expect(line(wb.lineItems, "CloudWatch Logs ingestion (Standard) (api)").cost).toBe("25");
    // services 638.905 + IPv4 10.95 + logs 28 = 677.855
    expect(wb.servicesMonthlyCost.toString()).toBe("677.855");
    expect(wb.monthlyCost!.toString()).toBe(e.ec2.monthlyCost!.plus(wb.servicesMonthlyCost).toString());
    // Fargate's whole bill for the same workloads: 147.0703 + 638.905 = 785.9753
    expect(wb.comparedFargateMonthlyCost.toString()).toBe("785.9753");
    // The cluster's own comparison stays compute only: 108.1203
    expect(e.ec2.comparedFargateMonthlyCost.toString()).toBe("108.1203");
  });

  // Issue 24 item 3: awsvpc tasks on EC2 get no public IP (their ENI has none); they reach the internet through NAT.
  it("awsvpc: public tasks use the scenario's NAT gateways, and no instance gets a public IPv4 (a note says so)", () => {
    const e = all({ ...wholeBill("us-east-1"), ec2: { instanceTypes: ["m6i.large"] } });
    const wb = e.ec2.wholeBill;
    expect(wb.lineItems.map((li) => li.name)).toEqual(["CloudWatch Logs ingestion (Standard) (api)", "CloudWatch Logs storage (api)"]);
    // services 638.905 + logs 28 = 666.905 (no 10.95 of instance addresses)
    expect(wb.servicesMonthlyCost.toString()).toBe("666.905");
    expect(e.ec2.warnings).toContain(
      "Tasks on EC2 with awsvpc networking cannot have public IPs: on the EC2 side the public tasks reach the internet through the scenario's NAT gateways (no public IPv4 per instance).",
    );
  });

  it("awsvpc without a NAT gateway in the scenario: one NAT gateway and its public IPv4 for the public tasks", () => {
    const input = wholeBill("us-east-1");
    const e = all({ ...input, services: { ...input.services, natGateways: undefined }, ec2: { instanceTypes: ["m6i.large"] } });
    const wb = e.ec2.wholeBill;
    // 730 h x 0.045 = 32.85; its address 730 h x 0.005 = 3.65
    expect(line(wb.lineItems, "NAT gateway (for the public tasks)")).toEqual({ quantity: "730", unitPrice: "0.045", cost: "32.85", source: "nat-gateway" });
    expect(line(wb.lineItems, "Public IPv4 address (the NAT gateway's)")).toEqual({ quantity: "730", unitPrice: "0.005", cost: "3.65", source: "public-ipv4" });
    expect(e.ec2.warnings.some((w) => w.startsWith("Tasks on EC2 with awsvpc networking cannot have public IPs: the EC2 side prices a NAT gateway"))).toBe(
      true,
    );
  });
});
