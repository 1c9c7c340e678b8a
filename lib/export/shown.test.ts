import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateAll } from "@/lib/pricing/estimate";
import { toCents } from "@/lib/core";
import { parseScenario } from "@/lib/scenario/parse";
import type { ScenarioInput } from "@/lib/scenario/schema";
import { shownFargate } from "./shown";
import { shownEc2 } from "./shown-ec2";

function priced(input: ScenarioInput) {
  const parsed = parseScenario(input, fargateCatalog, extrasCatalog);
  if (!parsed.ok) throw new Error(parsed.error.map((p) => p.message).join("; "));
  return estimateAll(parsed.value, fargateCatalog, ec2Catalog, extrasCatalog);
}
const c = (s: string) => Math.round(Number(s) * 100);
const total = (xs: string[]) => xs.reduce((t, x) => t + c(x), 0);

describe("shown cents (tables that add up)", () => {
  it("allocates the total to the workload tables, then each table to its rows", () => {
    // Two workloads of 50 tasks (1 vCPU / 2 GiB): each 50 x 36.0401 = 1802.005, the total 3604.01.
    // Each table rounded alone: 1802.01 + 1802.01 = 3604.02, a cent above the total. Allocated: 1802.01 + 1802.00
    // (equal remainders: the earlier table gets the cent). The second table's rows: vCPU 50 x 29.5504 = 1477.52,
    // memory 50 x 6.4897 = 324.485; floors 1477.52 + 324.48 = 1802.00, nothing left to add.
    const e = priced({
      name: "t",
      workloads: [
        { name: "a", vcpu: 1, memoryGiB: 2, tasks: 50 },
        { name: "b", vcpu: 1, memoryGiB: 2, tasks: 50 },
      ],
    });
    const s = shownFargate(e);
    expect(s.total).toBe("3604.01");
    expect(s.workloads.map((w) => w.total)).toEqual(["1802.01", "1802.00"]);
    expect(s.workloads[0]!.items).toEqual(["1477.52", "324.49"]);
    expect(s.workloads[1]!.items).toEqual(["1477.52", "324.48"]);
    expect(total(s.workloads.map((w) => w.total)) + c(s.services.total)).toBe(c(s.total));
    // Cached per estimate: the screen, the CSV and the CLI table read the same object.
    expect(shownFargate(e)).toBe(s);
  });

  it("the EC2 side: instances, beside the instances and the services add up to the EC2 total", () => {
    const e = priced({
      version: 2,
      name: "t",
      workloads: [{ name: "a", vcpu: 0.5, memoryGiB: 1, tasks: 7, publicIp: true, logs: { ingestedGiBPerMonth: 0.37, storedGiB: 1.11 } }],
      services: { natGateways: { count: 1, processedGiBPerMonth: 3.33 } },
    });
    const s = shownEc2(e.ec2)!;
    expect(s.total).toBe(toCents(e.ec2.wholeBill.monthlyCost!));
    expect(c(s.instances.total) + c(s.beside.total) + c(s.services)).toBe(c(s.total));
    expect(total(s.instances.items)).toBe(c(s.instances.total));
    expect(total(s.beside.items)).toBe(c(s.beside.total));
  });

  it("no EC2 price: nothing to allocate", () => {
    const e = priced({ name: "t", workloads: [{ name: "w", os: "windows", vcpu: 1, memoryGiB: 2 }] });
    expect(e.ec2.monthlyCost).toBeNull();
    expect(shownEc2(e.ec2)).toBeNull();
  });
});
