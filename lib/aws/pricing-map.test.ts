import { serializeEc2Catalog } from "@/lib/catalog";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { Ec2Catalog } from "@/lib/catalog/ec2-schema";
import type { FargateCatalog } from "@/lib/catalog/schema";
import ec2Item from "./__fixtures__/ec2-getproducts-item-m5.large-us-east-1.json";
import { ec2Item as makeEc2Item } from "./__fixtures__/ec2-items";
import ecsResponse from "./__fixtures__/ecs-getproducts-response-us-east-1-2022-11-21.json";
import {
  EC2_REFRESH_PROVENANCE,
  type Ec2FreshPrice,
  fargateSlot,
  mapEc2OnDemandItem,
  mapEc2RegionItems,
  mapFargatePriceItems,
  mergeEc2Refresh,
  mergeFargateRefresh,
  normaliseUsd,
  parsePriceList,
  PriceListItem,
} from "./pricing-map";

describe("parsePriceList", () => {
  it("JSON.parses and validates every PriceList string of the fixture", () => {
    const { items, problems } = parsePriceList(ecsResponse.PriceList);
    expect(problems).toEqual([]);
    expect(items).toHaveLength(10);
  });
  it("reports bad entries instead of throwing", () => {
    const { items, problems } = parsePriceList(["{not json", JSON.stringify({ product: {} }), 42, ecsResponse.PriceList[0]]);
    expect(items).toHaveLength(1);
    expect(problems).toEqual([
      "PriceList[0] is not valid JSON",
      expect.stringMatching(/^PriceList\[1\] is not a price list item \(product\.sku/),
      expect.stringMatching(/^PriceList\[2\] is not a price list item/),
    ]);
    expect(parsePriceList("nope").problems).toEqual(["PriceList is not a list"]);
    expect(parsePriceList(undefined).items).toEqual([]);
  });
  it("normalises published prices to plain decimals", () => {
    expect(normaliseUsd("0.0404800000")).toBe("0.04048");
    expect(normaliseUsd("0.0000000000")).toBe("0");
    expect(normaliseUsd("12")).toBe("12");
    expect(normaliseUsd("-1")).toBeUndefined();
    expect(normaliseUsd("1e-3")).toBeUndefined();
  });
});

describe("Fargate usage types are matched by suffix", () => {
  it.each([
    ["USE1-Fargate-vCPU-Hours:perCPU", "linuxX86Vcpu"],
    ["EU-Fargate-GB-Hours", "linuxX86Gb"],
    ["APS3-Fargate-ARM-vCPU-Hours:perCPU", "linuxArmVcpu"],
    ["USW2-Fargate-ARM-GB-Hours", "linuxArmGb"],
    ["Fargate-Windows-vCPU-Hours:perCPU", "windowsVcpu"],
    ["CAN1-Fargate-Windows-GB-Hours", "windowsGb"],
    ["USE1-Fargate-Windows-OS-Hours:perCPU", "windowsOs"],
    ["USE1-Fargate-EphemeralStorage-GB-Hours", "storageGb"],
    ["USE1-ECS-EC2-vCPU-Hours", undefined],
    ["USE1-ECS-Anywhere-Instance-hours-WithFree", undefined],
    ["USE1-NotFargate-GB-Hours", undefined],
    [undefined, undefined],
  ])("%s -> %s", (usageType, slot) => {
    expect(fargateSlot(usageType)).toBe(slot);
  });
});

describe("mapFargatePriceItems (fixture: us-east-1, 2022-11-21)", () => {
  const mapped = mapFargatePriceItems(parsePriceList(ecsResponse.PriceList).items);
  it("maps the eight Fargate rates with their SKUs and ignores the rest", () => {
    expect(mapped.problems).toEqual([]);
    expect(mapped.ignored).toBe(2); // ECS-EC2 metering and the tiered ECS Anywhere item
    expect(mapped.publishedAt).toBe("2022-11-21");
    expect(mapped.regions).toEqual({
      "us-east-1": {
        location: "US East (N. Virginia)",
        linuxX86Vcpu: { usd: "0.04048", sku: "8CESGAFWKAJ98PME" },
        linuxX86Gb: { usd: "0.004445", sku: "PBZNQUSEXZUC34C9" },
        linuxArmVcpu: { usd: "0.03238", sku: "XSZATS4VYMDC9CYN" },
        linuxArmGb: { usd: "0.00356", sku: "UNH9KPQP7W7C66C9" },
        windowsVcpu: { usd: "0.09148", sku: "RF2BUTAD289DREDC" },
        windowsGb: { usd: "0.01005", sku: "8QDMJPGQCM368Z6X" },
        windowsOs: { usd: "0.046", sku: "9D3ZWXRS2VXMZET6" },
        storageGb: { usd: "0.000111", sku: "7KPDPTDSCT4J3Z64" },
      },
    });
  });
  it("flags a conflicting second price and a missing region code", () => {
    const items = parsePriceList(ecsResponse.PriceList).items;
    const x86 = items.find((i) => i.product.attributes.usagetype === "USE1-Fargate-vCPU-Hours:perCPU")!;
    const twin: PriceListItem = JSON.parse(JSON.stringify(x86).replaceAll("0.0404800000", "0.0500000000").replaceAll("8CESGAFWKAJ98PME", "TWINSKU"));
    const noRegion: PriceListItem = JSON.parse(JSON.stringify(x86));
    delete noRegion.product.attributes.regionCode;
    const m = mapFargatePriceItems([...items, twin, noRegion]);
    expect(m.regions["us-east-1"]!.linuxX86Vcpu).toEqual({ usd: "0.04048", sku: "8CESGAFWKAJ98PME" });
    expect(m.problems).toEqual([expect.stringMatching(/two prices/), expect.stringMatching(/no regionCode/)]);
  });
});

describe("EC2 instance price (fixture: m5.large us-east-1, OnDemand + 12 Reserved terms)", () => {
  it("takes the OnDemand term", () => {
    const item = PriceListItem.parse(ec2Item);
    expect(mapEc2OnDemandItem(item)).toEqual({
      ok: true,
      value: {
        instanceType: "m5.large",
        regionCode: null, // this 2021 item predates the regionCode attribute
        location: "US East (N. Virginia)",
        operatingSystem: "Linux",
        vcpu: 2,
        memoryGiB: 8,
        onDemandHourly: "0.096",
        sku: "6C86BEPQVG73ZGGR",
      },
    });
  });
});

describe("mergeFargateRefresh", () => {
  const fresh = mapFargatePriceItems(parsePriceList(ecsResponse.PriceList).items);
  const onlyUsEast1: FargateCatalog = { ...fargateCatalog, regions: { "us-east-1": fargateCatalog.regions["us-east-1"]! } };

  it("replaces on-demand rates, keeps Spot and Savings Plans read as such, rescales derived ones, and dates the source", () => {
    const r = mergeFargateRefresh(onlyUsEast1, fresh, { today: "2026-11-27" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const old = fargateCatalog.regions["us-east-1"]!;
    const region = r.value.catalog.regions["us-east-1"]!;
    expect(region.linux.x86_64).toEqual({ vcpuHour: { usd: "0.04048", sku: "8CESGAFWKAJ98PME" }, gbHour: { usd: "0.004445", sku: "PBZNQUSEXZUC34C9" } });
    expect(region.windows!.vcpuHour.usd).toBe("0.09148"); // the 2022 fixture predates the Windows price cut
    expect(region.spot).toEqual(old.spot);
    // x86 and ARM on-demand did not change, so their plan rates stay; Windows plan rates are discounts off the
    // Windows rate: 0.0372416 (= 0.046552 x 0.8) becomes 0.09148 x 0.8 = 0.073184.
    expect(region.savingsPlans["1yr-no-upfront"]!.x86_64).toEqual(old.savingsPlans["1yr-no-upfront"]!.x86_64);
    expect(region.savingsPlans["1yr-all-upfront"]!.arm64).toEqual(old.savingsPlans["1yr-all-upfront"]!.arm64);
    expect(region.savingsPlans["1yr-no-upfront"]!.windows!.vcpuHour.usd).toBe("0.073184");
    expect([region.name, region.group]).toEqual([old.name, old.group]);
    expect(r.value.catalog.provenance["fargate-on-demand"]).toMatchObject({ source: "AWS Price List API", publishedAt: "2026-11-27", estimate: false });
    expect(r.value.catalog.provenance["fargate-on-demand"]!.note).toMatch(/published 2022-11-21/);
    expect(r.value.catalog.provenance["spot-reading"]).toEqual(fargateCatalog.provenance["spot-reading"]);
    expect(r.value.changes).toEqual(["us-east-1 Windows vCPU-hour: 0.046552 -> 0.09148", "us-east-1 Windows GB-hour: 0.00511175 -> 0.01005"]);
    expect(r.value.warnings.join("\n")).toMatch(/Windows vCPU-hour changed by more than 50%/);
  });

  it("refuses when the Price List lacks what the snapshot has, naming it", () => {
    const r = mergeFargateRefresh(fargateCatalog, fresh, { today: "2026-11-27" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toHaveLength(Object.keys(fargateCatalog.regions).length - 1);
    expect(r.error).toContain("eu-west-1: no Fargate rates in the Price List");
    const noWindows = { ...fresh, regions: { "us-east-1": { ...fresh.regions["us-east-1"], windowsOs: undefined } } };
    const w = mergeFargateRefresh(onlyUsEast1, noWindows, { today: "2026-11-27" });
    expect(!w.ok && w.error).toEqual(["us-east-1: no Fargate-Windows-OS-Hours:perCPU rate"]);
  });
});

describe("mapEc2RegionItems (items in the real m5.large shape)", () => {
  const item = (instanceType: string, usd: string, extra: Partial<Parameters<typeof makeEc2Item>[0]> = {}) =>
    PriceListItem.parse(makeEc2Item({ instanceType, regionCode: "eu-west-1", usd, ...extra }));

  it("maps each type to its OnDemand price and SKU; the real 2021 item (no regionCode) counts for the region asked", () => {
    const m = mapEc2RegionItems([PriceListItem.parse(ec2Item), item("c7g.large", "0.0772000000", { sku: "C7G" })], "eu-west-1");
    expect(m).toEqual({
      prices: { "m5.large": { usd: "0.096", sku: "6C86BEPQVG73ZGGR" }, "c7g.large": { usd: "0.0772", sku: "C7G" } },
      publishedAt: "2026-11-20",
      problems: [],
      ignored: 0,
    });
  });

  it("skips other regions, Local Zones, Capacity Blocks and non-BoxUsage items; leaves out a type with two prices", () => {
    const m = mapEc2RegionItems(
      [
        item("m5.large", "0.107"),
        item("m5.large", "0.107", { sku: "SAME-PRICE-TWIN" }),
        item("c5.large", "0.096", { regionCode: "us-east-1" }),
        item("c5.large", "0.2", { attributes: { locationType: "AWS Local Zone" } }),
        item("c5.large", "0.2", { attributes: { marketoption: "CapacityBlock" } }),
        item("c5.large", "0.2", { attributes: { usagetype: "EU-UnusedBox:c5.large" } }),
        item("r6i.large", "0.1"),
        item("r6i.large", "0.2", { sku: "OTHER" }),
        item("r6i.large", "0.3", { sku: "THIRD" }),
      ],
      "eu-west-1",
    );
    expect(Object.keys(m.prices)).toEqual(["m5.large"]);
    expect(m.ignored).toBe(4);
    expect(m.problems).toEqual([expect.stringMatching(/^eu-west-1 r6i\.large: two prices .*left out$/)]);
  });

  it("reports an item with an unusable price", () => {
    const m = mapEc2RegionItems([item("m5.large", "n/a")], "eu-west-1");
    expect(m.prices).toEqual({});
    expect(m.problems).toEqual([expect.stringMatching(/^eu-west-1 m5\.large: SKU .* is not a USD decimal/)]);
  });
});

describe("mergeEc2Refresh", () => {
  const ec2File = path.join(__dirname, "..", "catalog", "data", "ec2.json");
  const ec2Text = readFileSync(ec2File, "utf8");
  const current = Ec2Catalog.parse(JSON.parse(ec2Text));
  /** Fresh prices equal to the snapshot's, for every region (or the ones given). */
  const same = (codes = Object.keys(current.regions)): Record<string, Record<string, Ec2FreshPrice>> =>
    Object.fromEntries(
      codes.map((code) => [code, Object.fromEntries(Object.entries(current.regions[code]!.prices).map(([t, [usd]]) => [t, { usd, sku: `${code}-${t}` }]))]),
    );
  const today = "2026-11-27";

  it("replaces changed prices, keeps Spot savings, specs, EBS and ENI tables, and points every region to a dated source", () => {
    const fresh = same();
    fresh["eu-west-1"]!["m6i.large"] = { usd: "0.1000000000" };
    fresh["us-east-1"]!["m7g.xlarge"] = { usd: "0.3264", sku: "X" }; // doubled: warned
    const r = mergeEc2Refresh(current, fresh, { today, publishedAt: "2026-11-20" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const oldEu = current.regions["eu-west-1"]!;
    expect(r.value.catalog.regions["eu-west-1"]!.prices["m6i.large"]).toEqual(["0.1", oldEu.prices["m6i.large"]![1]]);
    expect(r.value.catalog.regions["us-east-1"]!.prices["m7g.xlarge"]).toEqual(["0.3264", 62]);
    expect(r.value.changes).toEqual([`eu-west-1 m6i.large: ${oldEu.prices["m6i.large"]![0]} -> 0.1`, "us-east-1 m7g.xlarge: 0.1632 -> 0.3264"]);
    expect(r.value.warnings).toEqual(["us-east-1 m7g.xlarge changed by more than 50% (0.1632 -> 0.3264): check it"]);
    for (const [code, region] of Object.entries(r.value.catalog.regions)) {
      const old = current.regions[code]!;
      expect(region.onDemandSource).toBe(EC2_REFRESH_PROVENANCE);
      expect([region.name, region.ebsGp3GbMonth]).toEqual([old.name, old.ebsGp3GbMonth]);
      expect(Object.keys(region.prices)).toEqual(Object.keys(old.prices));
      expect(Object.values(region.prices).map((p) => p[1])).toEqual(Object.values(old.prices).map((p) => p[1]));
    }
    expect(r.value.catalog.types).toEqual(current.types);
    expect([r.value.catalog.eniLimits, r.value.catalog.eniTrunking, r.value.catalog.commitments, r.value.catalog.candidates, r.value.catalog.sources]).toEqual([
      current.eniLimits,
      current.eniTrunking,
      current.commitments,
      current.candidates,
      current.sources,
    ]);
    expect(r.value.catalog.provenance[EC2_REFRESH_PROVENANCE]).toMatchObject({ source: "AWS Price List API", publishedAt: today, estimate: false });
    expect(r.value.catalog.provenance[EC2_REFRESH_PROVENANCE]!.note).toMatch(/published 2026-11-20\.$/);
    // The sources no region uses any more go; the others stay.
    expect(r.value.catalog.provenance["ec2-on-demand-pricing-page"]).toBeUndefined();
    expect(r.value.catalog.provenance["ec2-on-demand-price-list"]).toBeUndefined();
    expect(r.value.catalog.provenance["ec2-spot-advisor"]).toEqual(current.provenance["ec2-spot-advisor"]);
    expect(Ec2Catalog.safeParse(r.value.catalog).success).toBe(true);
    // A second refresh replaces the generatedFrom note instead of stacking it.
    const again = mergeEc2Refresh(r.value.catalog, fresh, { today: "2026-12-01" });
    expect(again.ok && again.value.catalog.generatedFrom).toBe(
      `${current.generatedFrom}; on-demand prices refreshed from the AWS Price List API via scripts/refresh-pricing.ts (2026-12-01)`,
    );
    expect(again.ok && again.value.changes).toEqual([]);
  });

  it("keeps the old price of a type the Price List lacks and counts it per region", () => {
    const fresh = same();
    delete fresh["eu-west-1"]!["m5.large"];
    delete fresh["eu-west-1"]!["c5.large"];
    fresh["eu-west-1"]!["r6i.large"] = { usd: "0" }; // not a usable price: kept, warned
    const r = mergeEc2Refresh(current, fresh, { today });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.catalog.regions["eu-west-1"]!.prices["m5.large"]).toEqual(current.regions["eu-west-1"]!.prices["m5.large"]);
    expect(r.value.catalog.regions["eu-west-1"]!.prices["r6i.large"]).toEqual(current.regions["eu-west-1"]!.prices["r6i.large"]);
    const total = Object.keys(current.regions["eu-west-1"]!.prices).length;
    expect(r.value.warnings).toEqual([
      expect.stringMatching(/^eu-west-1 r6i\.large: Price List price "0" is not a positive decimal; kept /),
      `eu-west-1: 3 of ${total} types not in the Price List, previous prices kept (c5.large, m5.large, r6i.large)`,
    ]);
    expect(r.value.catalog.provenance[EC2_REFRESH_PROVENANCE]!.note).toMatch(/3 region prices the Price List lacked were kept/);
    expect(r.value.changes).toEqual([]);
  });

  it("refuses when a region has no prices at all, unless the refresh is limited to other regions", () => {
    const fresh = same();
    delete fresh["us-gov-west-1"];
    fresh["ap-east-2"] = {};
    const r = mergeEc2Refresh(current, fresh, { today });
    expect(r).toEqual({
      ok: false,
      error: ["ap-east-2: no EC2 on-demand prices in the Price List", "us-gov-west-1: no EC2 on-demand prices in the Price List"],
    });

    const limited = mergeEc2Refresh(current, same(["eu-west-1", "us-east-1"]), { today, regions: ["eu-west-1", "us-east-1"] });
    expect(limited.ok).toBe(true);
    if (!limited.ok) return;
    expect(limited.value.catalog.regions["eu-west-1"]!.onDemandSource).toBe(EC2_REFRESH_PROVENANCE);
    expect(limited.value.catalog.regions["us-east-1"]!.onDemandSource).toBe(EC2_REFRESH_PROVENANCE);
    expect(limited.value.catalog.regions["eu-central-1"]).toEqual(current.regions["eu-central-1"]);
    expect(limited.value.catalog.regions["us-gov-west-1"]).toEqual(current.regions["us-gov-west-1"]);
    // Both old sources are still in use (GovCloud; every other region).
    expect(limited.value.catalog.provenance["ec2-on-demand-price-list"]).toEqual(current.provenance["ec2-on-demand-price-list"]);
    expect(limited.value.catalog.provenance["ec2-on-demand-pricing-page"]).toEqual(current.provenance["ec2-on-demand-pricing-page"]);

    const wrong = mergeEc2Refresh(current, same(["eu-west-1"]), { today, regions: ["eu-west-1", "xx-nowhere-1", "us-east-2"] });
    expect(wrong).toEqual({ ok: false, error: ["xx-nowhere-1: not a region of the EC2 snapshot", "us-east-2: no EC2 on-demand prices in the Price List"] });
  });

  it("warns about regions and candidate types it does not add", () => {
    const fresh = same(["eu-west-1"]);
    fresh["eu-west-1"]!["t3.micro"] = { usd: "0.0114" }; // not a candidate: silently ignored
    const notInEu = Object.keys(current.types).find((t) => !current.regions["eu-west-1"]!.prices[t]);
    if (notInEu) fresh["eu-west-1"]![notInEu] = { usd: "1" };
    fresh["xx-new-1"] = { "m5.large": { usd: "0.1" } };
    fresh["us-east-1"] = { "m5.large": { usd: "0.1" } };
    const r = mergeEc2Refresh(current, fresh, { today, regions: ["eu-west-1"] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.warnings).toEqual([
      ...(notInEu ? [`eu-west-1: 1 candidate types now priced but not added (run catalog:ec2): ${notInEu}`] : []),
      "Not added (no name, Spot or EBS data in the snapshot; run catalog:ec2 first): xx-new-1",
      "Ignored (outside the regions to refresh): us-east-1",
    ]);
    expect(r.value.catalog.regions["us-east-1"]).toEqual(current.regions["us-east-1"]);
  });

  it("serialises in the layout catalog:ec2 writes (byte for byte for the committed file)", () => {
    expect(serializeEc2Catalog(current)).toBe(ec2Text);
  });
});
