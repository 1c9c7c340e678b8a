import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExtrasCatalog, extrasRegion, regionsWith } from "./extras-schema";

const raw = JSON.parse(readFileSync(path.join(__dirname, "data", "extras.json"), "utf8"));

describe("the committed extras (whole bill) catalog", () => {
  it("passes its schema", () => {
    const parsed = ExtrasCatalog.safeParse(raw);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  const c = ExtrasCatalog.parse(raw);

  it("holds README-extras.md's us-east-1 check values with their SKUs", () => {
    const r = c.regions["us-east-1"]!;
    expect(r.publicIpv4?.inUseHour).toEqual({ usd: "0.005", sku: "4GQUNXTFWVSGPUZK" });
    expect(r.natGateway).toEqual({ hour: { usd: "0.045", sku: "M2YSHUBETB3JX4M4" }, gbProcessed: { usd: "0.045", sku: "59S5R83GFPUAGVR5" } });
    expect(r.loadBalancer?.albHour).toEqual({ usd: "0.0225", sku: "37CUWUT8GSNQEPUV" });
    expect(r.loadBalancer?.albLcuHour.usd).toBe("0.008");
    expect(r.loadBalancer?.nlbNlcuHour.usd).toBe("0.006");
    expect(r.logs?.standardIngestionGB.usd).toBe("0.5");
    expect(r.logs?.storageGBMonth.usd).toBe("0.03");
    expect(r.efs?.standardGBMonth.usd).toBe("0.3");
    expect(r.efs?.standardIaGBMonth.usd).toBe("0.016");
    expect(r.eks?.clusterHour.usd).toBe("0.1");
    expect(r.eks?.extendedSupportSurchargeHour.usd).toBe("0.5");
    expect(r.ecr?.storageGBMonth.usd).toBe("0.1");
    expect(r.internetEgress?.tiers.map((t) => [t.upToGB, t.perGB.usd])).toEqual([
      [10240, "0.09"],
      [51200, "0.085"],
      [153600, "0.07"],
      [null, "0.05"],
    ]);
    expect(r.interAz?.gbEachSide).toEqual({ usd: "0.01", sku: "PNUBVW4CPC8XA46W" });
  });

  it("keeps each feed's coverage: inter-AZ 5 regions, ELB/ECR/egress 35, EFS One Zone 24, the rest 36", () => {
    expect(Object.keys(c.regions)).toHaveLength(36);
    expect(regionsWith(c, (r) => !!r.interAz).sort()).toEqual(["eu-central-1", "eu-west-1", "us-east-1", "us-east-2", "us-west-2"]);
    expect(regionsWith(c, (r) => !!r.loadBalancer)).toHaveLength(35);
    expect(regionsWith(c, (r) => !!r.ecr)).toHaveLength(35);
    expect(regionsWith(c, (r) => !!r.internetEgress)).toHaveLength(35);
    expect(regionsWith(c, (r) => !!r.efs?.oneZoneGBMonth)).toHaveLength(24);
    expect(regionsWith(c, (r) => !!r.publicIpv4 && !!r.natGateway && !!r.logs && !!r.efs && !!r.eks)).toHaveLength(36);
    expect(c.regions["ap-southeast-6"]!.loadBalancer).toBeUndefined();
  });

  it("dates every item from its feed", () => {
    expect(c.provenance["public-ipv4"].publishedAt).toBe("2025-11-04");
    expect(c.provenance["load-balancer"].publishedAt).toBe("2025-06-05");
    expect(c.provenance["inter-az"].publishedAt).toBe("2024-09");
    expect(c.provenance["internet-egress"].note).toMatch(/free allowance/);
  });

  it("holds the ECS Managed Instances fee table with its SKUs, date, source and the inferred-type caveat", () => {
    // README-extras.md: 34 commercial regions have fees, GovCloud none; m5.large in us-east-1 is 12% of 0.096 = 0.01152.
    expect(regionsWith(c, (r) => !!r.ecsManagedInstances)).toHaveLength(34);
    expect(c.regions["us-gov-west-1"]!.ecsManagedInstances).toBeUndefined();
    expect(c.regions["us-east-1"]!.ecsManagedInstances!.fees["m5.large"]).toEqual(["0.01152", "MVN3MAA8X9QENPCC"]);
    // eu-west-1 m5.large: 12% of 0.107 = 0.01284.
    expect(c.regions["eu-west-1"]!.ecsManagedInstances!.fees["m5.large"]?.[0]).toBe("0.01284");
    // Twin types name both SKUs; types without an inferred fee (m6i.large) are absent, never guessed.
    expect(c.regions["us-east-1"]!.ecsManagedInstances!.fees["c6g.16xlarge"]?.[1]).toBe("EF3DWB4W52JU7TDF/GX6HURKD3TMGKYZA");
    expect(c.regions["us-east-1"]!.ecsManagedInstances!.fees["m6i.large"]).toBeUndefined();
    expect(c.provenance["ecs-managed-instances"].publishedAt).toBe("2025-10-27");
    expect(c.provenance["ecs-managed-instances"].url).toBe("https://aws.amazon.com/ecs/pricing/");
    expect(c.ecsManagedInstances?.caveat).toMatch(/inferred/);
    expect(c.ecsManagedInstances?.billing).toMatch(/one-minute minimum/);
    expect(c.ecsManagedInstances?.labelTiers["m5.large"]).toBe("B");
    expect(c.ecsManagedInstances?.unlabeledRows).toBe(294);
  });

  it("looks regions up as own properties only", () => {
    expect(extrasRegion(c, "__proto__")).toBeUndefined();
    expect(extrasRegion(c, "constructor")).toBeUndefined();
    expect(extrasRegion(c, "toString")).toBeUndefined();
    expect(extrasRegion(c, "eu-west-1")?.name).toBe("EU (Ireland)");
  });
});
