import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HELP, runCli } from "./cli";

const root = path.resolve(__dirname, "..", "..");
const example = readFileSync(path.join(root, "examples", "checkout-whole-bill.json"), "utf8");
const files: Record<string, string> = {
  "v2.json": example,
  "bad-v2.json": JSON.stringify({
    version: 2,
    workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, publicIp: "yes" }],
    services: { natGateways: { count: -2 }, loadBalancers: [{ name: "x", type: "classic" }] },
  }),
  "v1-with-services.json": JSON.stringify({ version: 1, workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }], services: {} }),
  "no-inter-az.json": JSON.stringify({
    version: 2,
    region: "ap-south-1",
    workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }],
    services: { dataTransfer: { interAzGiBPerMonth: 10 } },
  }),
};
const read = (f: string) => {
  if (!Object.hasOwn(files, f)) throw Object.assign(new Error("nope"), { code: "ENOENT" });
  return files[f]!;
};

describe("estimate CLI, version 2 (the whole bill)", () => {
  it("JSON: totals split compute / beside compute / whole bill, services and the EC2 whole bill", () => {
    const r = runCli(["v2.json"], read);
    expect(r.code).toBe(0);
    const est = JSON.parse(r.stdout);
    // compute 3 x 730 x (0.04048 + 2 x 0.004445) = 108.1203
    expect(est.totals.computeMonthlyCost).toBe("108.1203");
    // workload extras: IPv4 2190 x 0.005 = 10.95, logs 50 x 0.5 + 100 x 0.03 = 28
    // services: ALB 16.425 + 11.68 + 7.3, NAT 65.7 + 4.5 + 7.3, egress 45, inter-AZ 2, EFS 30 + 6 + 3, ECR 2 = 200.905
    expect(est.services.monthlyCost).toBe("200.905");
    expect(est.totals.servicesMonthlyCost).toBe("239.855"); // 10.95 + 28 + 200.905
    expect(est.totals.monthlyCost).toBe("347.9753"); // 108.1203 + 239.855
    expect(est.services.lineItems[0]).toMatchObject({
      name: "Application Load Balancer (web)",
      unit: "LB-hours",
      quantity: "730",
      unitPrice: "0.0225",
      priceSource: "load-balancer",
    });
    expect(est.catalog.sources.find((s: { key: string }) => s.key === "load-balancer")).toMatchObject({ publishedAt: "2025-06-05" });
    expect(est.ec2.wholeBill.comparedFargateMonthlyCost).toBe("347.9753");
  });

  it("table and CSV carry the services rows and the whole-bill totals", () => {
    const table = runCli(["v2.json", "--format", "table"], read).stdout;
    expect(table).toMatch(/Services\s+NAT gateway\s+1460\s+gateway-hours\s+\$0\.045\s+\$65\.70/);
    expect(table).toMatch(/Monthly total\s+\$347\.98/);
    expect(table).toMatch(/Not included: CloudWatch Container Insights/);
    const csv = runCli(["v2.json", "--format", "csv"], read).stdout.split("\r\n");
    expect(csv).toContain("Line item,Services,NAT gateway data processed,100,GB,0.045,4.50,nat-gateway");
    expect(csv).toContain("Total,,Fargate compute,,,,108.12,");
    expect(csv).toContain("Total,,Fargate total,,,,347.98,");
    // The settings head the CSV: the services as the scenario states them, with the date of each price used.
    expect(csv).toContain("Service setting,NAT gateways,Count,2,gateways,,,");
    expect(csv).toContain("Workload setting,api,Public IPv4 per task,yes,,,,");
    expect(csv.find((r) => r.startsWith("Price source,,load-balancer,"))).toMatch(/^Price source,,load-balancer,2025-06-05,published,/);
    expect(csv.findIndex((r) => r.startsWith("Service setting,"))).toBeLessThan(csv.findIndex((r) => r.startsWith("Line item,")));
    // Services 200.905 -> 200.91 and api 147.0703 -> 147.07 add up to the total 347.9753 -> 347.98.
    expect(csv).toContain("Subtotal,Services,Services total,,,,200.91,");
    expect(csv).toContain("Subtotal,api,Workload total,,,,147.07,");
  });

  it("refuses every bad version 2 value with its path, exit 2", () => {
    const r = runCli(["bad-v2.json"], read);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^workloads\.0\.publicIp: publicIp must be true or false$/m);
    expect(r.stderr).toMatch(/^services\.natGateways\.count: NAT gateways cannot be negative$/m);
    expect(r.stderr).toMatch(/^services\.loadBalancers\.0\.type: Load balancer type must be "application" or "network"$/m);
    expect(runCli(["v1-with-services.json"], read)).toMatchObject({ code: 2, stderr: 'services: services is a version 2 field: set "version": 2 to use it\n' });
    const gap = runCli(["no-inter-az.json"], read);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toMatch(/^services\.dataTransfer\.interAzGiBPerMonth: Our price data has no inter-AZ data transfer price for ap-south-1/);
  });

  it("--help documents the version 2 fields", () => {
    expect(HELP).toMatch(/"version": 2/);
    for (const field of [
      "publicIp",
      "ingestedGiBPerMonth",
      "loadBalancers",
      "natGateways",
      "internetOutGiBPerMonth",
      "interAzGiBPerMonth",
      "fileSystems",
      "eksClusters",
      "containerRegistry",
    ])
      expect(HELP).toContain(field);
  });
});
