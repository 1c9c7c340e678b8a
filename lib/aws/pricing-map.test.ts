import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog";
import type { FargateCatalog } from "@/lib/catalog/schema";
import ec2Item from "./__fixtures__/ec2-getproducts-item-m5.large-us-east-1.json";
import ecsResponse from "./__fixtures__/ecs-getproducts-response-us-east-1-2022-11-21.json";
import { fargateSlot, mapEc2OnDemandItem, mapFargatePriceItems, mergeFargateRefresh, normaliseUsd, parsePriceList, PriceListItem } from "./pricing-map";

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
      price: {
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
    const region = r.catalog.regions["us-east-1"]!;
    expect(region.linux.x86_64).toEqual({ vcpuHour: { usd: "0.04048", sku: "8CESGAFWKAJ98PME" }, gbHour: { usd: "0.004445", sku: "PBZNQUSEXZUC34C9" } });
    expect(region.windows!.vcpuHour.usd).toBe("0.09148"); // the 2022 fixture predates the Windows price cut
    expect(region.spot).toEqual(old.spot);
    // x86 and ARM on-demand did not change, so their plan rates stay; Windows plan rates are discounts off the
    // Windows rate: 0.0372416 (= 0.046552 x 0.8) becomes 0.09148 x 0.8 = 0.073184.
    expect(region.savingsPlans["1yr-no-upfront"]!.x86_64).toEqual(old.savingsPlans["1yr-no-upfront"]!.x86_64);
    expect(region.savingsPlans["1yr-all-upfront"]!.arm64).toEqual(old.savingsPlans["1yr-all-upfront"]!.arm64);
    expect(region.savingsPlans["1yr-no-upfront"]!.windows!.vcpuHour.usd).toBe("0.073184");
    expect([region.name, region.group]).toEqual([old.name, old.group]);
    expect(r.catalog.provenance["fargate-on-demand"]).toMatchObject({ source: "AWS Price List API", publishedAt: "2026-11-27", estimate: false });
    expect(r.catalog.provenance["fargate-on-demand"]!.note).toMatch(/published 2022-11-21/);
    expect(r.catalog.provenance["spot-reading"]).toEqual(fargateCatalog.provenance["spot-reading"]);
    expect(r.changes).toEqual(["us-east-1 Windows vCPU-hour: 0.046552 -> 0.09148", "us-east-1 Windows GB-hour: 0.00511175 -> 0.01005"]);
    expect(r.warnings.join("\n")).toMatch(/Windows vCPU-hour changed by more than 50%/);
  });

  it("refuses when the Price List lacks what the snapshot has, naming it", () => {
    const r = mergeFargateRefresh(fargateCatalog, fresh, { today: "2026-11-27" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(Object.keys(fargateCatalog.regions).length - 1);
    expect(r.problems).toContain("eu-west-1: no Fargate rates in the Price List");
    const noWindows = { ...fresh, regions: { "us-east-1": { ...fresh.regions["us-east-1"], windowsOs: undefined } } };
    const w = mergeFargateRefresh(onlyUsEast1, noWindows, { today: "2026-11-27" });
    expect(!w.ok && w.problems).toEqual(["us-east-1: no Fargate-Windows-OS-Hours:perCPU rate"]);
  });
});
