import { describe, expect, it } from "vitest";
import { dec, toCents, type Decimal } from "@/lib/core";
import { estimateOne, estimateScenarioInput } from "./test-helpers";

const cents = (s: Decimal) => toCents(s);

// us-east-1 rates from the snapshot (2025-10-27): Linux x86 0.04048 vCPU-h, 0.004445 GB-h; ARM 0.03238, 0.00356;
// Windows 0.046552 vCPU-h + 0.046 OS license vCPU-h + 0.00511175 GB-h; storage 0.000111 GB-h;
// Spot x86 (2026-09 reading) 0.01288871, 0.00141527; Savings Plan 1yr no upfront x86 0.032384, 0.003556.
describe("Fargate monthly cost, hand-computed (us-east-1)", () => {
  const cases: { what: string; workload: Parameters<typeof estimateOne>[0]; region?: string; expected: string }[] = [
    { what: "ECS Linux x86 1 vCPU / 2 GiB, 1 task always-on: 730 x (0.04048 + 2 x 0.004445) = 36.0401", workload: {}, expected: "36.04" },
    { what: "3 tasks: 3 x 36.0401 = 108.1203", workload: { tasks: 3 }, expected: "108.12" },
    {
      what: "1,000 batch runs of 10 s billed 60 s each: 60,000 s / 3600 x 0.04937 = 0.822833",
      workload: { schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 10 } },
      expected: "0.82",
    },
    {
      what: "1,000 runs of 90.4 s round up to 91 s: 91,000 / 3600 x 0.04937 = 1.247964",
      workload: { schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 90.4 } },
      expected: "1.25",
    },
    {
      what: "batch with 4 tasks per run: 1000 x 4 x 60 s = 240,000 s / 3600 x 0.04937 = 3.291333",
      workload: { tasks: 4, schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 10 } },
      expected: "3.29",
    },
    {
      what: "duty cycle 40%, 3 tasks: 730 x 0.4 x 3 = 876 h x 0.04937 = 43.24812",
      workload: { tasks: 3, schedule: { type: "duty-cycle", percent: 40 } },
      expected: "43.25",
    },
    { what: "ARM 1 vCPU / 2 GiB: 730 x (0.03238 + 2 x 0.00356) = 28.835, half-up", workload: { arch: "arm64" }, expected: "28.84" },
    {
      what: "Windows 1 vCPU / 2 GiB: 730 x (0.046552 + 0.046 + 2 x 0.00511175) = 75.026115",
      workload: { os: "windows" },
      expected: "75.03",
    },
    {
      what: "Windows batch: 100 runs of 60 s billed 300 s: 30,000 / 3600 x 0.1027755 = 0.8564625",
      workload: { os: "windows", schedule: { type: "batch", runsPerMonth: 100, secondsPerRun: 60 } },
      expected: "0.86",
    },
    {
      what: "50 GiB storage: 36.0401 + 30 x 730 x 0.000111 (= 2.4309) = 38.471",
      workload: { storageGiB: 50 },
      expected: "38.47",
    },
    {
      what: "100% Spot: 730 x (0.01288871 + 2 x 0.00141527) = 11.4750525",
      workload: { spotPercent: 100 },
      expected: "11.48",
    },
    {
      what: "50% Spot: 365 x 0.04937 + 365 x 0.01571925 = 18.02005 + 5.73752625 = 23.75757625",
      workload: { spotPercent: 50 },
      expected: "23.76",
    },
    {
      what: "Compute Savings Plan 1yr no upfront: 730 x (0.032384 + 2 x 0.003556) = 28.83208",
      workload: { savingsPlan: "1yr-no-upfront" },
      expected: "28.83",
    },
    {
      what: "Savings Plan 3yr no upfront with 50% Spot: 365 x (0.022264 + 2 x 0.00244475) + 5.73752625 = 9.910315 + 5.73752625",
      workload: { savingsPlan: "3yr-no-upfront", spotPercent: 50 },
      expected: "15.65",
    },
    {
      what: "EKS pod 1 vCPU / 8 GiB billed 2 vCPU / 9 GiB: 730 x (2 x 0.04048 + 9 x 0.004445) = 88.30445",
      workload: { platform: "eks", vcpu: 1, memoryGiB: 8 },
      expected: "88.30",
    },
    {
      what: "EKS pod 0.25 vCPU / 0.25 GiB billed 0.25 / 0.5: 730 x (0.01012 + 0.0022225) = 9.010025",
      workload: { platform: "eks", vcpu: 0.25, memoryGiB: 0.25 },
      expected: "9.01",
    },
    {
      what: "eu-central-1 Linux x86 1 vCPU / 2 GiB: 730 x (0.04656 + 2 x 0.00511) = 41.4494",
      workload: {},
      region: "eu-central-1",
      expected: "41.45",
    },
  ];

  it.each(cases)("$what", ({ workload, region, expected }) => {
    const est = estimateOne(workload, region);
    expect(cents(est.totals.monthlyCost)).toBe(expected);
  });
});

describe("billed sizes and line items", () => {
  it("reports the EKS billed size and warns that it differs from the request", () => {
    const w = estimateOne({ platform: "eks", vcpu: 4, memoryGiB: 30 }).workloads[0]!;
    // 30 GiB + 256 MiB = 30.25 GiB > 30 (the 4 vCPU maximum) -> 8 vCPU, whose first step >= 30.25 is 32 GiB.
    expect(w.billedSize).toEqual({ vcpu: 8, memoryGiB: 32 });
    expect(w.requestedSize).toEqual({ vcpu: 4, memoryGiB: 30 });
    expect(w.warnings.join(" ")).toContain("Billed as 8 vCPU / 32 GiB");
  });

  it("EKS 0.5 vCPU / 1 GiB -> 1.25 GiB -> 0.5 vCPU / 2 GiB", () => {
    expect(estimateOne({ platform: "eks", vcpu: 0.5, memoryGiB: 1 }).workloads[0]!.billedSize).toEqual({ vcpu: 0.5, memoryGiB: 2 });
  });

  it("itemises Windows compute, license and storage-free; totals are the sum of line items", () => {
    const est = estimateOne({ os: "windows", tasks: 2 });
    const items = est.workloads[0]!.lineItems;
    expect(items.map((i) => i.name)).toEqual([
      "Fargate vCPU (on-demand, Windows/x86_64)",
      "Fargate memory (on-demand, Windows/x86_64)",
      "Windows OS license (on-demand)",
    ]);
    // 2 tasks x 730 h x 1 vCPU = 1460 vCPU-hours; x 0.046 = 67.16 license
    expect(items[2]!.quantity.toString()).toBe("1460");
    expect(items[2]!.monthlyCost.toString()).toBe("67.16");
    const total = items.reduce((s, i) => s.plus(i.monthlyCost), dec(0));
    expect(total.eq(est.totals.monthlyCost)).toBe(true);
  });

  it("keeps full precision in JSON and rounds only for display", () => {
    // 60,000 s x 1 vCPU x 0.04048 / 3600 = 0.67466666...
    const est = estimateOne({ schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 10 } });
    expect(est.workloads[0]!.lineItems[0]!.monthlyCost.toString().startsWith("0.674666666666")).toBe(true);
    expect(est.workloads[0]!.warnings.join(" ")).toContain("billed as 60 s");
  });

  it("labels Spot and Savings Plan prices as estimates with their sources", () => {
    const est = estimateOne({ spotPercent: 20, savingsPlan: "1yr-all-upfront" });
    const keys = est.catalog.sources.map((s) => s.key).sort();
    expect(keys).toEqual(["fargate-on-demand", "savings-plan-discount", "spot-reading"]);
    expect(est.catalog.sources.find((s) => s.key === "spot-reading")!.estimate).toBe(true);
    expect(est.catalog.publishedAt).toBe("2025-10-27");
  });

  it("prices several workloads and sums them", () => {
    const est = estimateScenarioInput({
      region: "us-east-1",
      workloads: [
        { name: "api", vcpu: 1, memoryGiB: 2 },
        { name: "worker", vcpu: 1, memoryGiB: 2, arch: "arm64" },
      ],
    });
    // 36.0401 + 28.835 = 64.8751
    expect(est.totals.monthlyCost.toString()).toBe("64.8751");
  });
});
