import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateAll } from "@/lib/pricing/estimate";
import { toCents } from "@/lib/core";
import { estimateScenarioInput } from "@/lib/pricing/test-helpers";
import { parseScenario } from "@/lib/scenario/parse";
import type { ScenarioInput } from "@/lib/scenario/schema";
import { csvFileName, estimateToCsv, neutralizeCell } from "./csv";

/** Parses and prices like the CLI does, so the CSV gets the scenario's settings too. */
function priced(input: ScenarioInput) {
  const parsed = parseScenario(input, fargateCatalog, extrasCatalog);
  if (!parsed.ok) throw new Error(parsed.error.map((p) => p.message).join("; "));
  const all = estimateAll(parsed.value, fargateCatalog, ec2Catalog, extrasCatalog);
  return { scenario: parsed.value, fargate: all, ec2: all.ec2 };
}
const rowsOf = (csv: string) => Papa.parse<string[]>(csv.trimEnd(), { newline: "\r\n" }).data;
const cents = (s: string) => Math.round(Number(s) * 100);
const firstItem = (csv: string) => rowsOf(csv).find((r) => r[0] === "Line item")!;

describe("CSV export", () => {
  it("has one row per line item, totals equal to the screen's cents, RFC 4180 quoting", () => {
    const fargate = estimateScenarioInput({
      name: "checkout",
      workloads: [
        { name: 'api, "edge"', vcpu: 1, memoryGiB: 2, storageGiB: 50 },
        { name: "batch", vcpu: 1, memoryGiB: 2, schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 10 } },
      ],
    });
    const csv = estimateToCsv({ fargate });
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Section,Workload,Item,Quantity or value,Unit,Unit price (USD),Monthly cost (USD),Source or note");
    // api: vCPU 730 h x 0.04048 = 29.5504; memory 1460 GB-h x 0.004445 = 6.4897; storage 30 x 730 = 21900 GB-h x 0.000111 = 2.4309
    expect(lines).toContain('Line item,"api, ""edge""","Fargate vCPU (on-demand, Linux/x86_64)",730,vCPU-hours,0.04048,29.55,fargate-on-demand');
    expect(lines).toContain('Line item,"api, ""edge""",Ephemeral storage (above 20 GiB free),21900,GB-hours,0.000111,2.43,fargate-on-demand');
    // batch: 16.6667 vCPU-hours x 0.04048 = 0.6747
    expect(lines).toContain('Line item,batch,"Fargate vCPU (on-demand, Linux/x86_64)",16.6667,vCPU-hours,0.04048,0.67,fargate-on-demand');
    // total: 36.0401 + 2.4309 + 0.822833 = 39.293833
    expect(lines[lines.length - 1]).toBe("Total,,Fargate total,,,,39.29,");
    const parsed = rowsOf(csv);
    expect(parsed.find((r) => r[0] === "Line item")![1]).toBe('api, "edge"');
    // RFC 4180: one header, every record the same number of fields.
    expect(new Set(parsed.map((r) => r.length))).toEqual(new Set([8]));
  });

  it("starts with what it describes: scenario, region, the date and source of each price, each workload's settings", () => {
    const csv = estimateToCsv(
      priced({
        version: 2,
        name: "describe me",
        region: "eu-central-1",
        workloads: [
          {
            name: "web",
            vcpu: 0.5,
            memoryGiB: 1,
            tasks: 4,
            spotPercent: 50,
            savingsPlan: "none",
            publicIp: true,
            logs: { ingestedGiBPerMonth: 10, storedGiB: 30 },
          },
          {
            name: "nightly",
            vcpu: 1,
            memoryGiB: 2,
            tasks: 2,
            savingsPlan: "1yr-no-upfront",
            schedule: { type: "batch", runsPerMonth: 30, secondsPerRun: 900 },
          },
          { name: "pods", platform: "eks", vcpu: 1, memoryGiB: 2, tasks: 5 },
        ],
        services: { natGateways: { count: 1, processedGiBPerMonth: 10 }, loadBalancers: [{ name: "edge", type: "network", capacityUnits: 3 }] },
      }),
    );
    const rows = rowsOf(csv);
    const sections = rows.slice(1).map((r) => r[0]);
    // Sections come in order: what it describes first, the line items after.
    const firstIndex = (s: string) => sections.indexOf(s);
    expect(firstIndex("Scenario")).toBe(0);
    expect(firstIndex("Scenario")).toBeLessThan(firstIndex("Price source"));
    expect(firstIndex("Price source")).toBeLessThan(firstIndex("Workload setting"));
    expect(firstIndex("Workload setting")).toBeLessThan(firstIndex("Service setting"));
    expect(firstIndex("Service setting")).toBeLessThan(firstIndex("EC2 setting"));
    expect(firstIndex("EC2 setting")).toBeLessThan(firstIndex("Line item"));
    expect(sections.lastIndexOf("Workload setting")).toBeLessThan(firstIndex("Line item"));
    const row = (section: string, who: string, item: string) => rows.find((r) => r[0] === section && r[1] === who && r[2] === item)?.slice(3, 5);
    expect(row("Scenario", "", "Name")).toEqual(["describe me", ""]);
    expect(rows.find((r) => r[2] === "Region")!.slice(3)).toEqual(["eu-central-1", "", "", "", "EU (Frankfurt)"]);
    // Every price source a line item refers to is listed with its publication date.
    const sourceKeys = new Set(rows.filter((r) => r[0] === "Price source").map((r) => r[2]));
    for (const r of rows.filter((r) => r[0] === "Line item")) expect(sourceKeys.has(r[7]!)).toBe(true);
    for (const r of rows.filter((r) => r[0] === "Price source")) expect(r[3]).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    expect(row("Workload setting", "web", "Tasks")).toEqual(["4", "tasks"]);
    expect(row("Workload setting", "web", "Spot share")).toEqual(["50", "%"]);
    expect(row("Workload setting", "web", "Public IPv4 per task")).toEqual(["yes", ""]);
    expect(row("Workload setting", "web", "Logs ingested")).toEqual(["10", "GiB/month"]);
    expect(row("Workload setting", "nightly", "Schedule")).toEqual(["batch runs", ""]);
    expect(row("Workload setting", "nightly", "Runs per month")).toEqual(["30", "runs"]);
    expect(row("Workload setting", "nightly", "Duration per run")).toEqual(["900", "seconds"]);
    expect(row("Workload setting", "nightly", "Savings Plan")).toEqual(["Compute Savings Plan, 1 year, no upfront", ""]);
    // EKS workloads run pods.
    expect(row("Workload setting", "pods", "Pods")).toEqual(["5", "pods"]);
    expect(row("Service setting", "NAT gateways", "Count")).toEqual(["1", "gateways"]);
    expect(row("Service setting", "Load balancer: edge", "Capacity units")).toEqual(["3", "NLCU"]);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([8]));
  });

  it("adds up as shown: rows to subtotals, subtotals to totals, where rounding each row alone is a cent off", () => {
    // 13 tasks of 1 vCPU / 2 GiB: vCPU 13 x 730 x 0.04048 = 384.1552, memory 13 x 1460 x 0.004445 = 84.3661.
    // Alone: 384.16 + 84.37 = 468.53, but the total 468.5213 shows as 468.52. Largest remainder: floors 384.15 + 84.36
    // = 468.51, the missing cent goes to memory (remainder 0.0061 > 0.0052): 384.15 + 84.37 = 468.52.
    const csv = estimateToCsv(priced({ name: "sums", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 13 }] }));
    const rows = rowsOf(csv);
    const api = rows.filter((r) => r[0] === "Line item" && r[1] === "api").map((r) => r[6]);
    expect(api).toEqual(["384.15", "84.37"]);
    expect(rows).toContainEqual(["Subtotal", "api", "Workload total", "", "", "", "468.52", ""]);
    expect(rows).toContainEqual(["Total", "", "Fargate total", "", "", "", "468.52", ""]);
    // EC2: its rows add up to its subtotal, its subtotals to its total.
    const ec2Items = rows.filter((r) => r[0] === "Line item" && r[1] === "EC2 cluster");
    const ec2Sub = rows.filter((r) => r[0] === "Subtotal" && r[1] === "EC2 cluster");
    const ec2Total = rows.find((r) => r[2] === "EC2 total")!;
    expect(ec2Items.reduce((t, r) => t + cents(r[6]!), 0)).toBe(ec2Sub.reduce((t, r) => t + cents(r[6]!), 0));
    expect(ec2Sub.reduce((t, r) => t + cents(r[6]!), 0)).toBe(cents(ec2Total[6]!));
  });

  it("adds up on a whole bill: workload and services subtotals to the Fargate total, compute + beside compute too", () => {
    const { scenario, fargate, ec2 } = priced({
      version: 2,
      name: "whole",
      workloads: [
        { name: "a", vcpu: 0.25, memoryGiB: 0.5, tasks: 7, publicIp: true, logs: { ingestedGiBPerMonth: 0.37, storedGiB: 1.11 } },
        { name: "b", vcpu: 2, memoryGiB: 5, tasks: 3, schedule: { type: "batch", runsPerMonth: 777, secondsPerRun: 333 } },
      ],
      services: {
        loadBalancers: [{ name: "x", type: "application", capacityUnits: 1.3 }],
        dataTransfer: { internetOutGiBPerMonth: 123.45, interAzGiBPerMonth: 9.99 },
      },
    });
    const rows = rowsOf(estimateToCsv({ scenario, fargate, ec2 }));
    const sum = (rs: string[][]) => rs.reduce((t, r) => t + cents(r[6]!), 0);
    for (const who of ["a", "b", "Services"]) {
      const sub = rows.find((r) => r[0] === "Subtotal" && r[1] === who)!;
      expect(sum(rows.filter((r) => r[0] === "Line item" && r[1] === who))).toBe(cents(sub[6]!));
    }
    const total = cents(rows.find((r) => r[2] === "Fargate total")![6]!);
    expect(total).toBe(cents(toCents(fargate.totals.monthlyCost)));
    expect(sum(rows.filter((r) => r[0] === "Subtotal" && r[1] !== "EC2 cluster"))).toBe(total);
    expect(sum(rows.filter((r) => r[2] === "Fargate compute" || r[2]!.startsWith("Beside compute")))).toBe(total);
    expect(sum(rows.filter((r) => r[0] === "Subtotal" && r[1] === "EC2 cluster"))).toBe(cents(rows.find((r) => r[2] === "EC2 total")![6]!));
  });

  it.each(['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\tcmd", "\rcmd"])("neutralises a formula-like name %j", (name) => {
    const fargate = estimateScenarioInput({ workloads: [{ name: "w", vcpu: 1, memoryGiB: 2 }] });
    // Set after validation: the schema trims names, but the exporter must be safe on any string.
    fargate.workloads[0]!.name = name;
    const cell = firstItem(estimateToCsv({ fargate }))[1]!;
    expect(cell.startsWith("'")).toBe(true);
  });

  it.each(['=HYPERLINK("http://evil.example","x")\n&""', "=1+1\n+0", "-1\r\n+1", "+1\n", "@SUM(A1)\r\nx", "\t=1\n2"])(
    "neutralises a multi-line formula %j from a name, a share link or an import (issue 10 item 10)",
    (name) => {
      const fargate = estimateScenarioInput({ workloads: [{ name: "w", vcpu: 1, memoryGiB: 2 }] });
      fargate.workloads[0]!.name = name;
      expect(firstItem(estimateToCsv({ fargate }))[1]).toBe(`'${name}`);
    },
  );

  it("neutralises a multi-line formula that arrives through the scenario schema (file, API, share link)", () => {
    const fargate = estimateScenarioInput({ workloads: [{ name: '=HYPERLINK("http://evil.example","x")\n&""', vcpu: 1, memoryGiB: 2 }] });
    expect(firstItem(estimateToCsv({ fargate }))[1]).toBe(`'=HYPERLINK("http://evil.example","x")\n&""`);
    // The same name in the scenario's settings and name rows is neutralised there too.
    const withSettings = priced({ name: "=1+1", workloads: [{ name: "=SUM(A1)\n+1", vcpu: 1, memoryGiB: 2 }] });
    const rows = rowsOf(estimateToCsv(withSettings));
    expect(rows.find((r) => r[2] === "Name")![3]).toBe("'=1+1");
    expect(rows.filter((r) => r[0] === "Workload setting").every((r) => r[1] === "'=SUM(A1)\n+1")).toBe(true);
  });

  it("keeps real negative numbers in numeric columns and neutralises anything else there", () => {
    // A future discount line: -12.35 exports as -12.35, not '-12.35.
    expect(neutralizeCell("-12.35", true)).toBe("-12.35");
    expect(neutralizeCell("-3", true)).toBe("-3");
    expect(neutralizeCell("29.55", true)).toBe("29.55");
    expect(neutralizeCell("-12.35", false)).toBe("'-12.35");
    expect(neutralizeCell("-1+1", true)).toBe("'-1+1");
    expect(neutralizeCell("-1\n+1", true)).toBe("'-1\n+1");
    expect(neutralizeCell("not available", true)).toBe("not available");
    const fargate = estimateScenarioInput({ workloads: [{ name: "w", vcpu: 1, memoryGiB: 2 }] });
    const li = fargate.workloads[0]!.lineItems[0]!;
    fargate.workloads[0]!.lineItems.push({
      ...li,
      name: "Discount (test)",
      unitPrice: "-0.01",
      quantity: li.quantity.times(0).plus(1235),
      monthlyCost: li.monthlyCost.times(0).minus("12.35"),
    });
    // Keep the estimate consistent (a discount lowers its workload and the total), so the rows still add up.
    const w0 = fargate.workloads[0]!;
    w0.monthlyCost = w0.monthlyCost.minus("12.35");
    fargate.totals.monthlyCost = fargate.totals.monthlyCost.minus("12.35");
    const row = rowsOf(estimateToCsv({ fargate })).find((r) => r[2] === "Discount (test)")!;
    expect(row.slice(3, 7)).toEqual(["1235", li.unit, "-0.01", "-12.35"]);
  });

  it("makes a safe file name", () => {
    expect(csvFileName("checkout / prod")).toBe("checkout-prod.csv");
    expect(csvFileName("../../etc/passwd")).toBe("..-..-etc-passwd.csv");
    expect(csvFileName("   ")).toBe("scenario.csv");
  });
});
