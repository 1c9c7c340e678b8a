import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateAll } from "@/lib/pricing/estimate";
import { parseScenario } from "@/lib/scenario/parse";
import type { ScenarioInput } from "@/lib/scenario/schema";
import { estimateToTable } from "./table";

function table(input: ScenarioInput) {
  const parsed = parseScenario(input, fargateCatalog, extrasCatalog);
  if (!parsed.ok) throw new Error(parsed.error.map((p) => p.message).join("; "));
  const all = estimateAll(parsed.value, fargateCatalog, ec2Catalog, extrasCatalog);
  return estimateToTable({ fargate: all, ec2: all.ec2 });
}
const dollars = (line: string) => Math.round(Number(line.trim().split(/\s+/).at(-1)!.replace(/[$,]/g, "")) * 100);

describe("CLI table", () => {
  it("its rounded line items add up to the rounded total shown", () => {
    // 13 tasks of 1 vCPU / 2 GiB: vCPU 13 x 730 x 0.04048 = 384.1552, memory 13 x 1460 x 0.004445 = 84.3661;
    // each rounded alone: 384.16 + 84.37 = 468.53, one cent above the total 468.5213 -> $468.52.
    // Largest remainder: floors 384.15 + 84.36, the missing cent to memory (0.0061 > 0.0052).
    const out = table({ name: "t", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 13 }] });
    const lines = out.split("\n");
    const api = lines.filter((l) => l.startsWith("api "));
    expect(api.map((l) => l.trim().split(/\s+/).at(-1))).toEqual(["$384.15", "$84.37"]);
    expect(out).toMatch(/Monthly total\s+\$468\.52/);
    expect(api.reduce((t, l) => t + dollars(l), 0)).toBe(46852);
  });

  it("on a whole bill, compute + beside compute add up to the monthly total, on both sides", () => {
    const out = table({
      version: 2,
      name: "t",
      workloads: [{ name: "api", vcpu: 0.25, memoryGiB: 0.5, tasks: 7, publicIp: true, logs: { ingestedGiBPerMonth: 0.37, storedGiB: 1.11 } }],
      services: { loadBalancers: [{ name: "x", type: "application", capacityUnits: 1.3 }], dataTransfer: { internetOutGiBPerMonth: 123.45 } },
    });
    const row = (label: string) =>
      out
        .split("\n")
        .find((l) => l.startsWith(label))!
        .slice(label.length)
        .trim()
        .split(/\s+/)
        .map((c) => Math.round(Number(c.replace(/[$,]/g, "")) * 100));
    const [fc, ec] = row("Compute");
    const [fb, eb] = row("Beside compute");
    const [ft, et] = row("Monthly total");
    expect(fc! + fb!).toBe(ft);
    expect(ec! + eb!).toBe(et);
    // The Fargate line items (workload and services) add up to the Fargate total too.
    const fargateItems = out.split("\n").filter((l) => l.startsWith("api ") || l.startsWith("Services "));
    expect(fargateItems.reduce((t, l) => t + dollars(l), 0)).toBe(ft);
  });
});
