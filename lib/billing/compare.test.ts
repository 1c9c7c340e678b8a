import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { parseScenario } from "@/lib/scenario/parse";
import { estimateScenario } from "@/lib/pricing/estimate";
import { scenarioFromBill } from "./build-scenario";
import { compareWithScenario } from "./compare";
import { reconcileFile } from "./node";
import { fixture, reconcileCsvText } from "./test-helpers";
import { cur2Csv } from "./__fixtures__/synthetic-bills";
import { billToCsv, billView } from "./view";

const scenario = (input: unknown) => {
  const p = parseScenario(input, fargateCatalog);
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value;
};

describe("comparison with a scenario over the bill's period", () => {
  it("compares a version 2 scenario on its Fargate meter alone (public IPv4, logs and services left aside)", async () => {
    const { extrasCatalog } = await import("@/lib/catalog/extras");
    const recon = await reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog, "cur2.csv");
    const p = parseScenario(
      {
        version: 2,
        name: "shop",
        region: "us-east-1",
        workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, publicIp: true }],
        services: { natGateways: { count: 1 } },
      },
      fargateCatalog,
      extrasCatalog,
    );
    if (!p.ok) throw new Error(JSON.stringify(p.error));
    const vcpu = compareWithScenario(recon, p.value, fargateCatalog).lines.find((l) => l.platform === "ecs" && l.usageType === "Fargate-vCPU-Hours:perCPU")!;
    // The same 1 vCPU task as below: 720 h x 0.04048 = 29.1456 over the bill's 720 hours.
    expect(vcpu.estimatedCost).toBe("29.1456");
  });

  it("scales the 730-hour month to the bill's 720 hours and explains the big gaps", async () => {
    const recon = await reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog, "cur2.csv");
    // One always-on 1 vCPU / 2 GB task in us-east-1: per month 730 vCPU-hours and 1460 GB-hours.
    const s = scenario({ name: "shop", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] });
    const c = compareWithScenario(recon, s, fargateCatalog);
    expect(c.periodHours).toBe("720");
    const vcpu = c.lines.find((l) => l.platform === "ecs" && l.usageType === "Fargate-vCPU-Hours:perCPU")!;
    // Estimated over 720 h: 1 vCPU x 720 h = 720 vCPU-hours; cost 720 x 0.04048 = 29.1456.
    expect(vcpu.estimatedQuantity).toBe("720");
    expect(vcpu.estimatedCost).toBe("29.1456");
    // Billed: 2 vCPU-hours, 0.072864 paid; difference 0.072864 - 29.1456 = -29.072736; -29.072736 / 29.1456 = -99.75%.
    expect(vcpu.billedQuantity).toBe("2");
    expect(vcpu.billedCost).toBe("0.072864");
    expect(vcpu.difference).toBe("-29.072736");
    expect(vcpu.differencePercent).toBe("-99.75");
    // vCPU: 720 vCPU-hours estimated, 2 billed: 2 / 720 = 0.2778% -> "0.28%" (two significant digits below 1%).
    expect(c.findings.join("\n")).toMatch(/Billed vCPU is 0\.28% of the estimate \(us-east-1\): fewer or smaller tasks ran/);
    // Billed but not estimated: Windows, ARM, Spot, storage and the EKS pod each get a sentence.
    expect(
      c.findings.some((f) =>
        /The bill has Windows license usage \(Fargate-Windows-OS-Hours:perCPU, us-east-1, \$0\.05\) that the scenario does not estimate/.test(f),
      ),
    ).toBe(true);
    expect(c.findings.some((f) => /Spot memory usage \(SpotUsage-Fargate-GB-Hours/.test(f))).toBe(true);
    expect(c.findings.some((f) => /us-east-1, EKS/.test(f))).toBe(true);
    // Totals: estimate 720 x (0.04048 + 2 x 0.004445) = 720 x 0.04937 = 35.5464; billed = the bill's effective total.
    expect(c.totals.estimatedCost).toBe("35.5464");
    expect(c.totals.billedCost).toBe(recon.totals.effectiveCost);
  });

  it("says when billed memory is a multiple of the estimate", async () => {
    const recon = await reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog, "cur2.csv");
    // 2 tasks of 0.5 vCPU / 2 GB running 2/720 of the time: over 720 h, vCPU 2 x 0.5 x 2 = 2 vCPU-hours (as billed),
    // memory 2 x 2 x 2 = 8 GB-hours against 4 billed: 0.5x.
    const percent = (2 / 720) * 100;
    const s = scenario({
      name: "shop",
      region: "us-east-1",
      workloads: [{ name: "api", vcpu: 0.5, memoryGiB: 2, tasks: 2, schedule: { type: "duty-cycle", percent } }],
    });
    const c = compareWithScenario(recon, s, fargateCatalog);
    const mem = c.lines.find((l) => l.platform === "ecs" && l.usageType === "Fargate-GB-Hours")!;
    expect(Number(mem.estimatedQuantity)).toBeCloseTo(8, 9);
    // 4 / 8 = 50%.
    expect(c.findings.join("\n")).toMatch(/Billed memory is 50% of the estimate \(us-east-1\): fewer or smaller tasks ran/);
    expect(c.findings.join("\n")).not.toMatch(/Billed vCPU is/);
  });
});

describe("a scenario built from the bill", () => {
  it("one workload per group, with the size, tasks and schedule inferred and explained", async () => {
    const recon = await reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog, "cur2.csv");
    const built = scenarioFromBill(recon, fargateCatalog);
    expect(built.scenario.region).toBe("us-east-1");
    const w = Object.fromEntries(built.scenario.workloads.map((x) => [x.name, x]));
    expect(Object.keys(w).sort()).toEqual(["prod-eks", "shop/api", "shop/api (Savings Plan)", "shop/arm-api", "shop/worker", "win/iis"]);
    // api: one task in two hourly rows of 1 vCPU / 2 GB (it cannot be sized from hourly rows: the largest hourly rate
    // is taken), 2 vCPU-hours / 1 vCPU = 2 task-hours over 720 h = 0.2778% of one task; hour 2 was under a Savings
    // Plan (1 of the 2 on-demand vCPU-hours): two workloads of 0.1389% each, one on the plan. Storage: 30 GB-hours
    // over the task's 2 task-hours = 15 GB per task-hour -> 35 GiB (30 GB-hours priced, as billed).
    expect(w["shop/api"]).toMatchObject({
      vcpu: 1,
      memoryGiB: 2,
      tasks: 1,
      schedule: { type: "duty-cycle", percent: 0.1389 },
      storageGiB: 35,
      spotPercent: 0,
      arch: "x86_64",
      savingsPlan: "none",
    });
    // Covered rows paid 0.032384 + 2 x 0.003556 = 0.039496 of 0.04048 + 0.00889 = 0.04937 list: 80.00%, the 1-year
    // no-upfront rates of us-east-1 (0.032384 / 0.04048 = 0.8).
    expect(w["shop/api (Savings Plan)"]).toMatchObject({ schedule: { type: "duty-cycle", percent: 0.1389 }, savingsPlan: "1yr-no-upfront", storageGiB: 35 });
    expect(w["shop/worker"]).toMatchObject({ vcpu: 0.5, memoryGiB: 1, spotPercent: 100 });
    expect(w["shop/arm-api"]).toMatchObject({ vcpu: 0.25, memoryGiB: 0.5, arch: "arm64" });
    expect(w["win/iis"]).toMatchObject({ vcpu: 1, memoryGiB: 2, os: "windows" });
    // EKS pod billed 0.25 vCPU / 0.5 GB: requests 0.25 GiB so that + 256 MiB rounds up to the billed size.
    expect(w["prod-eks"]).toMatchObject({ platform: "eks", vcpu: 0.25, memoryGiB: 0.25 });
    expect(built.explanations.find((e) => e.workload === "shop/api")!.how).toMatch(
      /cannot be sized from hourly rows.*largest hourly rate of one task is 1 vCPU and the rows hold 2 GB per vCPU-hour.*2 task-hours over 720 hours/,
    );
    expect(w["shop/api"]!.note).toMatch(/50% of the on-demand vCPU-hours were covered by a Savings Plan: they paid 80% of list/);
    // The built scenario re-estimated over the bill's 720 hours gives back the bill's on-demand usage:
    // api vCPU 730 x 0.28% x 1 = 2.044 vCPU-hours per month = 2.016 over 720 h (percent rounded to 2 decimals).
    const c = compareWithScenario(recon, built.scenario, fargateCatalog);
    const eksVcpu = c.lines.find((l) => l.platform === "eks" && l.usageType === "Fargate-vCPU-Hours:perCPU")!;
    expect(Number(eksVcpu.estimatedQuantity)).toBeCloseTo(0.25, 2);
    expect(() => estimateScenario(built.scenario, fargateCatalog)).not.toThrow();
  });

  it("from the real FOCUS sample: valid workloads for us-west-2", async () => {
    const recon = await reconcileFile(fixture("focus-1.0-sample-fargate.csv"), fargateCatalog, "focus.csv");
    const built = scenarioFromBill(recon, fargateCatalog);
    expect(built.scenario.region).toBe("us-west-2");
    expect(built.scenario.workloads.length).toBe(6);
    // The ARM group has one memory row of 1 GB for an hour: smallest ARM size with 1 GiB is 0.25 vCPU / 1 GiB.
    expect(built.scenario.workloads.find((x) => x.name === "aute0-lmuster-staging")).toMatchObject({ arch: "arm64", vcpu: 0.25, memoryGiB: 1 });
    expect(parseScenario(built.scenario, fargateCatalog).ok).toBe(true);
  });
});

describe("a comparison asked for on a bill without usage", () => {
  it("a bill without usage rows is not compared: no lines, no totals over an invented month, one sentence why (review finding)", async () => {
    const shop = scenario({ name: "shop", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] });
    // Only a tax row, billing period September 2026 (720 hours). Before: 720 x (0.04048 + 2 x 0.004445) = $35.5464
    // estimated against $0 billed, -100%, over hours that had no usage at all.
    const SEPT = { periodStart: "2026-09-01T00:00:00Z", periodEnd: "2026-10-01T00:00:00Z" };
    const tax = await reconcileCsvText(
      cur2Csv(SEPT, [{ kind: "tax", start: SEPT.periodStart, hours: 720, product: "AmazonECS-tax", usageType: "", quantity: "1", rate: "0.5" }]),
      "tax.csv",
    );
    const why =
      'The file has 1 row but no usage (only taxes, credits, fees or other charges), billing period 1 to 30 September 2026, so there is nothing to compare with the scenario "shop".';
    const c = compareWithScenario(tax, shop, fargateCatalog);
    expect(c).toMatchObject({ compared: false, reason: why, periodHours: "0", lines: [], findings: [why] });
    expect(c.totals).toEqual({ estimatedCost: "0", billedCost: "0", difference: "0", differencePercent: null });
    expect(c.periodSentence).toBeUndefined();
    // The CSV says why there are no comparison rows, in a row of its own.
    const v = billView(tax, c);
    expect(v.comparison).toBeNull();
    expect(v.notCompared).toBe(why);
    const csv = billToCsv(v);
    expect(csv).toContain(`\r\nComparison summary,,,"${why.replace(/"/g, '""')}",,,,,,,\r\n`);
    expect(csv).not.toMatch(/\r\nComparison(,| total| period)/);
    // Without a scenario nothing was asked: no such row.
    expect(billView(tax).notCompared).toBeNull();
    expect(billToCsv(billView(tax))).not.toContain("Comparison");
  });

  it("a bill with usage is compared as before, and says so (compared: true, no reason)", async () => {
    const recon = await reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog, "cur2.csv");
    const c = compareWithScenario(recon, scenario({ name: "shop", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] }), fargateCatalog);
    expect(c.compared).toBe(true);
    expect(c.reason).toBeUndefined();
    // 720 h x (0.04048 + 2 x 0.004445) = 35.5464
    expect(c.totals.estimatedCost).toBe("35.5464");
    expect(billView(recon, c).notCompared).toBeNull();
  });
});
