import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { estimateScenarioInput } from "@/lib/pricing/test-helpers";
import { csvFileName, estimateToCsv } from "./csv";

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

  it("makes a safe file name", () => {
    expect(csvFileName("checkout / prod")).toBe("checkout-prod.csv");
    expect(csvFileName("../../etc/passwd")).toBe("..-..-etc-passwd.csv");
    expect(csvFileName("   ")).toBe("scenario.csv");
  });
});
