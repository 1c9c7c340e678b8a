import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { estimateScenarioInput } from "@/lib/pricing/test-helpers";
import { csvFileName, estimateToCsv, neutralizeCell } from "./csv";

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
    expect(lines[0]).toBe("Workload,Component,Quantity,Unit,Unit price (USD),Monthly cost (USD)");
    // api: vCPU 730 h x 0.04048 = 29.5504; memory 1460 GB-h x 0.004445 = 6.4897; storage 30 x 730 = 21900 GB-h x 0.000111 = 2.4309
    expect(lines[1]).toBe('"api, ""edge""","Fargate vCPU (on-demand, Linux/x86_64)",730,vCPU-hours,0.04048,29.55');
    expect(lines).toContain('"api, ""edge""",Ephemeral storage (above 20 GiB free),21900,GB-hours,0.000111,2.43');
    // batch: 16.6667 vCPU-hours x 0.04048 = 0.6747
    expect(lines).toContain("batch,\"Fargate vCPU (on-demand, Linux/x86_64)\",16.6667,vCPU-hours,0.04048,0.67");
    // total: 36.0401 + 2.4309 + 0.822833 = 39.293833
    expect(lines[lines.length - 1]).toBe("Total,Fargate total,,,,39.29");
    const parsed = Papa.parse<string[]>(csv.trimEnd());
    expect(parsed.data[1]![0]).toBe('api, "edge"');
  });

  it.each(["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tcmd", "\rcmd"])("neutralises a formula-like name %j", (name) => {
    const fargate = estimateScenarioInput({ workloads: [{ name: "w", vcpu: 1, memoryGiB: 2 }] });
    // Set after validation: the schema trims names, but the exporter must be safe on any string.
    fargate.workloads[0]!.name = name;
    const parsed = Papa.parse<string[]>(estimateToCsv({ fargate }).trimEnd());
    const cell = parsed.data[1]![0]!;
    expect(cell.startsWith("'")).toBe(true);
  });

  it.each([
    '=HYPERLINK("http://evil.example","x")\n&""',
    "=1+1\n+0",
    "-1\r\n+1",
    "+1\n",
    "@SUM(A1)\r\nx",
    "\t=1\n2",
  ])("neutralises a multi-line formula %j from a name, a share link or an import (issue 10 item 10)", (name) => {
    const fargate = estimateScenarioInput({ workloads: [{ name: "w", vcpu: 1, memoryGiB: 2 }] });
    fargate.workloads[0]!.name = name;
    const parsed = Papa.parse<string[]>(estimateToCsv({ fargate }).trimEnd(), { newline: "\r\n" });
    expect(parsed.data[1]![0]).toBe(`'${name}`);
  });

  it("neutralises a multi-line formula that arrives through the scenario schema (file, API, share link)", () => {
    const fargate = estimateScenarioInput({ workloads: [{ name: '=HYPERLINK("http://evil.example","x")\n&""', vcpu: 1, memoryGiB: 2 }] });
    const cell = Papa.parse<string[]>(estimateToCsv({ fargate }).trimEnd()).data[1]![0]!;
    expect(cell).toBe(`'=HYPERLINK("http://evil.example","x")\n&""`);
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
    fargate.workloads[0]!.lineItems.push({ ...li, name: "Discount (test)", unitPrice: "-0.01", quantity: li.quantity.times(0).plus(1235), monthlyCost: li.monthlyCost.times(0).minus("12.35") });
    const row = Papa.parse<string[]>(estimateToCsv({ fargate }).trimEnd()).data.find((r) => r[1] === "Discount (test)")!;
    expect(row.slice(2)).toEqual(["1235", li.unit, "-0.01", "-12.35"]);
  });

  it("makes a safe file name", () => {
    expect(csvFileName("checkout / prod")).toBe("checkout-prod.csv");
    expect(csvFileName("../../etc/passwd")).toBe("..-..-etc-passwd.csv");
    expect(csvFileName("   ")).toBe("scenario.csv");
  });
});
