import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { reconcileFile } from "./node";
import { fixture } from "./test-helpers";
import type { Reconciliation } from "./types";

const byType = (r: Reconciliation, platform = "ecs") => Object.fromEntries(r.usage.filter((u) => u.platform === platform).map((u) => [u.usageType, u]));

describe("FOCUS 1.0 sample (real, anonymized AWS bill, CC BY 4.0)", () => {
  const expected = JSON.parse(readFileSync(fixture("focus-1.0-sample-fargate.expected.json"), "utf8"));

  it("finds the 12 Fargate rows and sums them per usage type exactly (BilledCost, ListCost, quantity)", async () => {
    const r = await reconcileFile(fixture("focus-1.0-sample-fargate.csv"), fargateCatalog, "focus.csv");
    expect(r.bill).toEqual({
      file: "focus.csv",
      format: "focus",
      rows: 61,
      fargateRows: 12,
      periodStart: "2024-09-01T00:00:00Z",
      periodEnd: "2024-10-01T00:00:00Z",
      periodHours: "720",
    });
    const u = byType(r);
    // Usage type derived from SkuId via the snapshot's SKUs (EKCCQUSFCBDDTKTS = us-west-2 x86 vCPU, ...).
    expect(Object.keys(u)).toEqual(["Fargate-vCPU-Hours:perCPU", "Fargate-GB-Hours", "Fargate-ARM-GB-Hours"]);
    for (const e of expected.fargateCompute.perUsageType) {
      const line = u[e.usageTypeSuffix]!;
      expect(line.region).toBe("us-west-2");
      expect(line.quantity).toBe(e.totalConsumedQuantity);
      expect(line.listCost).toBe(e.totalListCost);
      expect(line.effectiveCost).toBe(e.totalBilledCost);
    }
    // Memory: 4 on-demand rows + 1 Savings Plan row billed at 0 but listed at 0.0000790222:
    // BilledCost 0.0022606431 vs ListCost 0.0023396653 (difference 0.0000790222).
    expect(u["Fargate-GB-Hours"]!.effectiveCost).toBe("0.0022606431");
    // Totals: 0.0146267369 + 0.0022606431 + 0.00356 = 0.02044738; list 0.0146267369 + 0.0023396653 + 0.00356 = 0.0205264022.
    expect(r.totals.effectiveCost).toBe("0.02044738");
    expect(r.totals.listCost).toBe("0.0205264022");
    expect(r.notes.join(" ")).toMatch(/"paid" here is cash \(BilledCost\), not amortised: usage covered by a Savings Plan shows 0/);
  });

  it("puts the 28 task data-transfer rows and the NAT, IPv4, ALB, logs, ECR, EFS, EKS rows outside the meter; the credit apart", async () => {
    const r = await reconcileFile(fixture("focus-1.0-sample-fargate.csv"), fargateCatalog, "focus.csv");
    const ecsTransfer = r.outsideFargate.filter((o) => o.product === "Amazon Elastic Container Service");
    const sum = (xs: string[]) => xs.reduce((t, x) => t + Number(x), 0);
    // 28 ECS data-transfer rows, BilledCost 0.0000364313 in total (expected.json fargateTaskDataTransfer).
    expect(sum(ecsTransfer.map((o) => o.cost))).toBeCloseTo(Number(expected.fargateTaskDataTransfer.totalBilledCost), 12);
    const products = new Set(r.outsideFargate.map((o) => o.product));
    for (const p of [
      "Elastic Load Balancing",
      "Amazon Virtual Private Cloud",
      "AmazonCloudWatch",
      "Amazon Elastic File System",
      "Amazon EC2 Container Registry (ECR)",
      "Amazon Elastic Container Service for Kubernetes",
    ])
      expect(products).toContain(p);
    const nat = r.outsideFargate.find((o) => o.usageType === "$0.045 per NAT Gateway Hour" && o.region === "us-west-2");
    expect(nat?.cost).toBe("0.045");
    expect(r.adjustments).toEqual([expect.objectContaining({ kind: "credit", cost: "-2.6137" })]);
    // The EC2 t2.medium (Savings Plan) row and the S3 egress row are not caused by Fargate: "other".
    expect(Number(r.totals.other)).toBeCloseTo(0.0000007252, 10);
  });

  it("groups by cluster from the (anonymized) task ARN", async () => {
    const r = await reconcileFile(fixture("focus-1.0-sample-fargate.csv"), fargateCatalog, "focus.csv");
    const clusters = r.groups.map((g) => g.cluster).sort();
    expect(clusters).toEqual([
      "aute0-lmuster-staging",
      "faferlSfimmAnsifme-prol1",
      "faferlSfimmEmi-prol1",
      "faferlSfimmTerraborc-prol1",
      "levelsstalfB47B9DEE-megenlElsCmuster6C3FB7F4-US7YFY9ZX6VP",
      "smalfin",
    ]);
    const sum = r.groups.reduce((t, g) => t + Number(g.effectiveCost), 0);
    expect(sum).toBeCloseTo(0.02044738, 12);
    expect(r.groups.find((g) => g.cluster === "aute0-lmuster-staging")).toMatchObject({ arch: "arm64", effectiveCost: "0.00356" });
  });
});

// Hand-written CUR 2.0 rows (cur2-fargate.csv); the .csv.gz, .parquet and legacy CUR files carry the same rows.
// us-east-1 rates from the snapshot: x86 0.04048 / 0.004445, ARM 0.03238 / 0.00356, Windows 0.046552 / 0.00511175
// + OS 0.046, ephemeral 0.000111, Spot x86 0.01288871 / 0.00141527, Savings Plan 1yr 0.032384 / 0.003556.
const CUR_FILES = ["cur2-fargate.csv", "cur2-fargate.csv.gz", "cur2-fargate.parquet", "cur-legacy-fargate.csv", "cur-legacy-fargate.csv.gz"];

describe.each(CUR_FILES)("CUR fixture %s", (file) => {
  it("sums each usage type: Usage at unblended cost, covered usage at the Savings Plan effective cost, negations not twice", async () => {
    const r = await reconcileFile(fixture(file), fargateCatalog, file);
    expect(r.bill).toMatchObject({
      format: file.startsWith("cur2") ? "cur2" : "cur",
      rows: 25,
      fargateRows: 16,
      periodStart: "2026-09-01T00:00:00Z",
      periodEnd: "2026-10-01T00:00:00Z",
      periodHours: "720",
    });
    const u = byType(r);
    // vCPU: 1 h on-demand (0.04048) + 1 h covered (SP effective 1 x 0.032384); the negation row (-0.04048) is not counted.
    // quantity 1 + 1 = 2; list 0.04048 + 0.04048 = 0.08096; effective 0.04048 + 0.032384 = 0.072864.
    expect(u["Fargate-vCPU-Hours:perCPU"]).toMatchObject({ quantity: "2", listCost: "0.08096", effectiveCost: "0.072864", unit: "vCPU-hours" });
    // Memory: 2 GB x 1 h on-demand = 0.00889, 2 GB x 1 h covered = 2 x 0.003556 = 0.007112; list 2 x 0.00889 = 0.01778.
    expect(u["Fargate-GB-Hours"]).toMatchObject({ quantity: "4", listCost: "0.01778", effectiveCost: "0.016002", unit: "GB-hours" });
    // Ephemeral storage: 30 GB above the free 20, 1 h: 30 x 0.000111 = 0.00333.
    expect(u["Fargate-EphemeralStorage-GB-Hours"]).toMatchObject({ quantity: "30", effectiveCost: "0.00333" });
    // Spot 0.5 vCPU / 1 GB for 1 h: 0.5 x 0.01288871 = 0.006444355; 1 x 0.00141527.
    expect(u["SpotUsage-Fargate-vCPU-Hours:perCPU"]).toMatchObject({ quantity: "0.5", effectiveCost: "0.006444355" });
    expect(u["SpotUsage-Fargate-GB-Hours"]).toMatchObject({ quantity: "1", effectiveCost: "0.00141527" });
    // ARM 0.25 vCPU / 0.5 GB: 0.25 x 0.03238 = 0.008095; 0.5 x 0.00356 = 0.00178.
    expect(u["Fargate-ARM-vCPU-Hours:perCPU"]).toMatchObject({ quantity: "0.25", effectiveCost: "0.008095" });
    expect(u["Fargate-ARM-GB-Hours"]).toMatchObject({ quantity: "0.5", effectiveCost: "0.00178" });
    // Windows 1 vCPU / 2 GB: 0.046552; 2 x 0.00511175 = 0.0102235; OS license 1 x 0.046.
    expect(u["Fargate-Windows-vCPU-Hours:perCPU"]).toMatchObject({ quantity: "1", effectiveCost: "0.046552" });
    expect(u["Fargate-Windows-GB-Hours"]).toMatchObject({ quantity: "2", effectiveCost: "0.0102235" });
    expect(u["Fargate-Windows-OS-Hours:perCPU"]).toMatchObject({ quantity: "1", effectiveCost: "0.046" });
    // EKS pod 0.25 vCPU / 0.5 GB: 0.01012 and 0.0022225.
    const eks = byType(r, "eks");
    expect(eks["Fargate-vCPU-Hours:perCPU"]).toMatchObject({ quantity: "0.25", effectiveCost: "0.01012" });
    expect(eks["Fargate-GB-Hours"]).toMatchObject({ quantity: "0.5", effectiveCost: "0.0022225" });
    // Effective: 0.072864 + 0.016002 + 0.00333 + 0.006444355 + 0.00141527 + 0.008095 + 0.00178 + 0.046552 + 0.0102235
    //   + 0.046 + 0.01012 + 0.0022225 = 0.225048625; list = that - 0.072864 - 0.016002 + 0.08096 + 0.01778 = 0.234922625.
    expect(r.totals.effectiveCost).toBe("0.225048625");
    expect(r.totals.listCost).toBe("0.234922625");
  });

  it("keeps NAT, IPv4, ALB, logs and the EKS cluster outside the meter; tax, credit and the plan's fee apart", async () => {
    const r = await reconcileFile(fixture(file), fargateCatalog, file);
    expect(r.outsideFargate.map((o) => [o.product, o.usageType, o.cost])).toEqual([
      ["AmazonCloudWatch", "DataProcessing-Bytes", "0.05"],
      ["AmazonEC2", "NatGateway-Hours", "0.045"],
      ["AmazonEKS", "AmazonEKS-Hours:perCluster", "0.1"],
      ["AmazonVPC", "PublicIPv4:InUseAddress", "0.01"],
      ["AWSELB", "LoadBalancerUsage", "0.0225"],
    ]);
    // 0.05 + 0.045 + 0.1 + 0.01 + 0.0225 = 0.2275
    expect(r.totals.outsideFargate).toBe("0.2275");
    expect(r.adjustments.map((a) => [a.kind, a.product, a.cost])).toEqual([
      ["credit", "AmazonECS", "-0.05"],
      ["fee", "ComputeSavingsPlans", "0.04"],
      ["tax", "AmazonECS", "0.02"],
    ]);
    // 0.02 - 0.05 + 0.04 = 0.01
    expect(r.totals.adjustments).toBe("0.01");
    // The m5.large instance hour is not caused by Fargate.
    expect(r.totals.other).toBe("0.096");
  });

  it("groups by cluster (task ARN) and service (aws:ecs:serviceName tag), with each task's hourly size", async () => {
    const r = await reconcileFile(fixture(file), fargateCatalog, file);
    const g = Object.fromEntries(r.groups.map((x) => [`${x.platform}:${x.cluster}/${x.service}`, x]));
    expect(Object.keys(g).sort()).toEqual(["ecs:shop/api", "ecs:shop/arm-api", "ecs:shop/worker", "ecs:win/iis", "eks:prod-eks/(untagged)"]);
    expect(g["ecs:shop/api"]).toMatchObject({ os: "linux", arch: "x86_64", effectiveCost: "0.092196", peak: { vcpu: "1", memoryGB: "2", storageGB: "30" } });
    expect(g["ecs:shop/arm-api"]).toMatchObject({ arch: "arm64" });
    expect(g["ecs:win/iis"]).toMatchObject({ os: "windows", effectiveCost: "0.1027755" });
  });
});
