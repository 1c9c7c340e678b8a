import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Ec2Catalog } from "./ec2-schema";

const file = path.join(__dirname, "data", "ec2.json");
const raw = JSON.parse(readFileSync(file, "utf8"));
const c = Ec2Catalog.parse(raw);

describe("the committed EC2 catalog", () => {
  it("passes the catalog schema", () => {
    const parsed = Ec2Catalog.safeParse(raw);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  it("stays small enough to ship to the browser (well under 400 KB)", () => {
    expect(statSync(file).size).toBeLessThan(250 * 1024);
  });

  it("holds the README check value and the joined file's figures for us-east-1", () => {
    expect(Object.keys(c.regions)).toHaveLength(36);
    const use1 = c.regions["us-east-1"]!;
    // m6i.large: 2 vCPU, 8 GiB, x86_64, 3 ENIs (2 awsvpc tasks), 10 tasks with ENI trunking; $0.096/h; advisor 63% off.
    expect(c.types["m6i.large"]).toEqual([2, 8, "x86_64", 3, 10]);
    expect(use1.prices["m6i.large"]).toEqual(["0.096", 63]);
    expect(use1.onDemandSource).toBe("ec2-on-demand-price-list");
    // Graviton: m7g.xlarge 4 vCPU / 16 GiB arm64 at 0.1632, 62% Spot savings.
    expect(c.types["m7g.xlarge"]).toEqual([4, 16, "arm64", 4, 20]);
    expect(use1.prices["m7g.xlarge"]).toEqual(["0.1632", 62]);
    expect(use1.ebsGp3GbMonth).toBe("0.08");
    expect(c.regions["eu-west-1"]!.onDemandSource).toBe("ec2-on-demand-pricing-page");
  });

  it("keeps ENI limits per size, with the 8th-generation Intel profile and no trunking figure for medium", () => {
    expect(c.types["c5.9xlarge"]?.slice(3)).toEqual([8, 90]);
    expect(c.types["m5.24xlarge"]?.slice(3)).toEqual([15, 120]);
    expect(c.types["m8i.12xlarge"]?.slice(3)).toEqual([12, 90]);
    expect(c.types["m6g.medium"]?.slice(3)).toEqual([2, null]);
    expect(c.provenance[c.eniLimits.provenance]!.estimate).toBe(true);
    expect(c.provenance[c.eniTrunking.provenance]!.estimate).toBe(true);
  });

  it("labels Spot and commitments as estimates, from the m5.large Reserved rates (1 - 0.071/0.096 = 26.04%, 1 - 0.049/0.096 = 48.96%)", () => {
    expect(c.commitments["1yr"]).toEqual({ discountPercent: "26.04", provenance: "ec2-commitment-1yr" });
    expect(c.commitments["3yr"]).toEqual({ discountPercent: "48.96", provenance: "ec2-commitment-3yr" });
    expect(c.provenance["ec2-commitment-1yr"]!.estimate).toBe(true);
    expect(c.provenance[c.sources.spot]!.estimate).toBe(true);
    expect(c.provenance[c.sources.ebs]!.estimate).toBe(false);
  });

  it("has gp3 only where the 2021 EBS data does, and no Spot figure where the advisor has none", () => {
    expect(Object.values(c.regions).filter((r) => r.ebsGp3GbMonth !== null)).toHaveLength(23);
    expect(c.regions["ap-south-2"]!.ebsGp3GbMonth).toBeNull();
    expect(Object.values(c.regions["us-gov-west-1"]!.prices).every(([, spot]) => spot === null)).toBe(true);
  });

  it("holds candidate families only: no burstable, metal, GPU, flex, local-disk or previous-generation types", () => {
    const families = new Set(c.candidates.families);
    for (const type of Object.keys(c.types)) {
      const [family, size] = type.split(".");
      expect(families.has(family!), type).toBe(true);
      expect(size, type).not.toMatch(/metal/);
    }
    expect(Object.keys(c.types).some((t) => /^(t\d|m4|c4|r4|a1|g\d|p\d|m7i-flex|m6id|c5n)/.test(t))).toBe(false);
    expect(Object.values(c.types).some(([, , arch]) => arch === "arm64")).toBe(true);
  });

  it("rejects a float price, an ENI column that disagrees with its table, and an unknown provenance key", () => {
    const float = structuredClone(raw);
    float.regions["us-east-1"].prices["m6i.large"][0] = 0.096;
    expect(Ec2Catalog.safeParse(float).success).toBe(false);
    const eni = structuredClone(raw);
    eni.types["m6i.large"][3] = 4;
    expect(Ec2Catalog.safeParse(eni).success).toBe(false);
    const key = structuredClone(raw);
    key.regions["us-east-1"].onDemandSource = "nowhere";
    expect(Ec2Catalog.safeParse(key).success).toBe(false);
    const orphan = structuredClone(raw);
    orphan.regions["us-east-1"].prices["x9.large"] = ["1", null];
    expect(Ec2Catalog.safeParse(orphan).success).toBe(false);
  });
});
