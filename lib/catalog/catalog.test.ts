import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FargateCatalog } from "./schema";

const file = path.join(__dirname, "data", "fargate.json");
const raw = JSON.parse(readFileSync(file, "utf8"));

describe("the committed Fargate catalog", () => {
  it("passes the catalog schema", () => {
    const parsed = FargateCatalog.safeParse(raw);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  it("holds every region of the source data, with the README's check values", () => {
    const c = FargateCatalog.parse(raw);
    expect(Object.keys(c.regions)).toHaveLength(36);
    const use1 = c.regions["us-east-1"]!;
    expect(use1.linux.x86_64.vcpuHour).toEqual({ usd: "0.04048", sku: "8CESGAFWKAJ98PME" });
    expect(use1.linux.x86_64.gbHour.usd).toBe("0.004445");
    expect(use1.linux.arm64.vcpuHour.usd).toBe("0.03238");
    expect(use1.linux.arm64.gbHour.usd).toBe("0.00356");
    expect(use1.windows?.gbHour.usd).toBe("0.00511175");
    expect(use1.windows?.osLicenseVcpuHour.usd).toBe("0.046");
    expect(use1.ephemeralStorageGbHour.usd).toBe("0.000111");
    expect(c.minimumBillableSeconds).toEqual({ linux: 60, windows: 300 });
    expect(c.regions["ap-east-2"]!.windows).toBeUndefined();
  });

  it("derives Spot from the 2021 ratio where there is no fresh reading (eu-west-2: 0.04656 x 0.013968/0.04656)", () => {
    const c = FargateCatalog.parse(raw);
    expect(c.regions["eu-west-2"]!.spot?.x86_64).toMatchObject({ vcpuHour: { usd: "0.013968" }, provenance: "spot-ratio" });
    expect(c.provenance["spot-ratio"]!.estimate).toBe(true);
  });

  it("applies us-east-1 Savings Plan discounts elsewhere (eu-central-1 3yr no upfront: 0.04656 x 0.55 = 0.025608)", () => {
    const c = FargateCatalog.parse(raw);
    expect(c.regions["eu-central-1"]!.savingsPlans["3yr-no-upfront"]!.x86_64.vcpuHour.usd).toBe("0.025608");
  });

  it("rejects a catalog with a float rate", () => {
    const broken = structuredClone(raw);
    broken.regions["us-east-1"].linux.x86_64.vcpuHour.usd = 0.04048;
    expect(FargateCatalog.safeParse(broken).success).toBe(false);
  });
});
