import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { EKS_OVERHEAD_MIB, MINIMUM_BILLABLE_SECONDS, STORAGE_LIMITS_GIB } from "./input";

describe("the engine's billing rules (lib/pricing/input.ts)", () => {
  it("are the rules the price catalog was built with (docs/pricing-rules.md): 20 GiB free, 200 ECS / 175 EKS max, 256 MiB EKS overhead, 60 s / 300 s minimum", () => {
    expect(STORAGE_LIMITS_GIB).toEqual({ free: 20, ecs: 200, eks: 175 });
    expect({ free: fargateCatalog.ephemeralStorage.freeGiB, ...fargateCatalog.ephemeralStorage.maxGiB }).toEqual(STORAGE_LIMITS_GIB);
    expect(fargateCatalog.eksOverheadMiB).toBe(EKS_OVERHEAD_MIB);
    expect(fargateCatalog.minimumBillableSeconds).toEqual(MINIMUM_BILLABLE_SECONDS);
  });
});
