import { GetProductsCommand, PricingClient } from "@aws-sdk/client-pricing";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { extrasCatalog } from "@/lib/catalog/extras";
import { ExtrasCatalog } from "@/lib/catalog/extras-schema";
import { mergeExtrasRefresh, refreshTargets, REFRESHABLE_ITEMS, type FreshExtras } from "./extras-pricing-map";

vi.mock("server-only", () => ({}));
const { fetchExtrasSkuRates } = await import("./extras-pricing");

const pricing = mockClient(PricingClient);
const client = new PricingClient({ region: "us-east-1", credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" } });
beforeEach(() => pricing.reset());

/** A GetProducts PriceList entry in AWS's aws_v1 shape, as the SDK returns it (a JSON string). */
const item = (sku: string, usd: string, extraDims: { usd: string; begin: string; end: string }[] = []) =>
  JSON.stringify({
    product: { sku, productFamily: "NAT Gateway", attributes: { regionCode: "us-east-1" } },
    serviceCode: "AmazonEC2",
    terms: {
      OnDemand: {
        [`${sku}.JRTCKXETXF`]: {
          priceDimensions: Object.fromEntries(
            [{ usd, begin: "0", end: extraDims.length ? "10" : "Inf" }, ...extraDims].map((d, i) => [
              `${sku}.JRTCKXETXF.${i}`,
              { unit: "Hrs", beginRange: d.begin, endRange: d.end, pricePerUnit: { USD: d.usd } },
            ]),
          ),
        },
      },
    },
    publicationDate: "2026-11-01T00:00:00Z",
  });

describe("whole-bill Price List adapter (GetProducts via the SDK)", () => {
  it("queries NAT gateways in AmazonEC2 for one region and maps SKU -> OnDemand rate", async () => {
    pricing
      .on(GetProductsCommand)
      .resolvesOnce({ PriceList: [item("M2YSHUBETB3JX4M4", "0.0450000000")], NextToken: "p2" })
      .resolvesOnce({ PriceList: [item("59S5R83GFPUAGVR5", "0.0450000000"), "not json", item("TIERED", "0.3", [{ usd: "0.1", begin: "10", end: "Inf" }])] });
    const r = await fetchExtrasSkuRates("nat-gateway", "us-east-1", { client });
    expect(pricing.commandCalls(GetProductsCommand)[0]!.args[0].input).toMatchObject({
      ServiceCode: "AmazonEC2",
      Filters: [
        { Type: "TERM_MATCH", Field: "regionCode", Value: "us-east-1" },
        { Type: "TERM_MATCH", Field: "productFamily", Value: "NAT Gateway" },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.pages).toBe(2);
    expect(r.value.rates).toEqual({ M2YSHUBETB3JX4M4: "0.045", "59S5R83GFPUAGVR5": "0.045" });
    expect(r.value.problems).toEqual(["PriceList[1] is not valid JSON", expect.stringMatching(/^SKU TIERED: tiered/)]);
  });

  it("asks AWSDataTransfer for the region's own (inter-AZ) transfers and ELB/VPC by region code", async () => {
    pricing.on(GetProductsCommand).resolves({ PriceList: [] });
    await fetchExtrasSkuRates("inter-az", "eu-west-1", { client });
    await fetchExtrasSkuRates("load-balancer", "eu-west-1", { client });
    const inputs = pricing.commandCalls(GetProductsCommand).map((c) => c.args[0].input);
    expect(inputs[0]).toMatchObject({
      ServiceCode: "AWSDataTransfer",
      Filters: [
        { Field: "fromRegionCode", Value: "eu-west-1" },
        { Field: "toRegionCode", Value: "eu-west-1" },
      ],
    });
    expect(inputs[1]).toMatchObject({ ServiceCode: "AWSELB", Filters: [{ Field: "regionCode", Value: "eu-west-1" }] });
  });

  it("turns an SDK failure into our error, not a throw", async () => {
    pricing.on(GetProductsCommand).rejects(Object.assign(new Error("denied"), { name: "AccessDeniedException" }));
    const r = await fetchExtrasSkuRates("eks", "us-east-1", { client });
    expect(r.ok).toBe(false);
  });
});

/** Fresh rates equal to the snapshot's, from its own SKUs; `change` edits some. */
function freshFromSnapshot(change: (item: string, region: string, sku: string, usd: string) => string | undefined = (_i, _r, _s, usd) => usd): FreshExtras {
  const blocks = {
    "public-ipv4": "publicIpv4",
    "nat-gateway": "natGateway",
    "load-balancer": "loadBalancer",
    "cloudwatch-logs": "logs",
    efs: "efs",
    eks: "eks",
    ecr: "ecr",
    "inter-az": "interAz",
  } as const;
  const fresh: FreshExtras = {};
  for (const { item, region } of refreshTargets(extrasCatalog)) {
    const block = extrasCatalog.regions[region]![blocks[item]] as Record<string, { usd: string; sku?: string }>;
    const skus: Record<string, string> = {};
    for (const rate of Object.values(block))
      if (rate.sku) {
        const usd = change(item, region, rate.sku, rate.usd);
        if (usd !== undefined) skus[rate.sku] = usd;
      }
    (fresh[item] ??= {})[region] = skus;
  }
  return fresh;
}

describe("merging a whole-bill refresh into the snapshot", () => {
  it("covers every item and region with prices: 8 refreshable items, the regions each feed has", () => {
    const targets = refreshTargets(extrasCatalog);
    expect(new Set(targets.map((t) => t.item))).toEqual(new Set(REFRESHABLE_ITEMS));
    expect(
      targets
        .filter((t) => t.item === "inter-az")
        .map((t) => t.region)
        .sort(),
    ).toEqual(["eu-central-1", "eu-west-1", "us-east-1", "us-east-2", "us-west-2"]);
    expect(targets.filter((t) => t.item === "load-balancer")).toHaveLength(35);
  });

  it("replaces SKU rates, dates the refreshed sources, keeps egress tiers and warns on big moves", () => {
    const fresh = freshFromSnapshot((item, region, sku, usd) =>
      region === "us-east-1" && sku === "M2YSHUBETB3JX4M4" ? "0.05" : region === "eu-west-1" && item === "ecr" ? "0.2" : usd,
    );
    const m = mergeExtrasRefresh(extrasCatalog, fresh, { today: "2026-12-02" });
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(ExtrasCatalog.safeParse(m.value.catalog).success).toBe(true);
    expect(m.value.catalog.regions["us-east-1"]!.natGateway!.hour).toEqual({ usd: "0.05", sku: "M2YSHUBETB3JX4M4" });
    expect(m.value.changes).toEqual(["eu-west-1 ecr storageGBMonth: 0.1 -> 0.2", "us-east-1 nat-gateway hour: 0.045 -> 0.05"]);
    expect(m.value.warnings).toContain("eu-west-1 ecr storageGBMonth changed by more than 50% (0.1 -> 0.2): check it");
    expect(m.value.warnings.join(" ")).toMatch(/Internet egress tiers have no SKU in our data: kept from 2025-06-18/);
    expect(m.value.catalog.provenance["nat-gateway"]).toMatchObject({ source: "AWS Price List API (AmazonEC2)", publishedAt: "2026-12-02" });
    expect(m.value.catalog.provenance["internet-egress"]).toEqual(extrasCatalog.provenance["internet-egress"]);
    expect(m.value.catalog.regions["us-east-1"]!.internetEgress).toEqual(extrasCatalog.regions["us-east-1"]!.internetEgress);
  });

  it("refuses, changing nothing, when the Price List lacks a rate the snapshot has", () => {
    const fresh = freshFromSnapshot((_item, region, sku, usd) => (region === "eu-west-1" && sku === "F8E5RBBTWDY6X6HP" ? undefined : usd));
    delete fresh.eks!["ap-south-1"];
    const m = mergeExtrasRefresh(extrasCatalog, fresh, { today: "2026-12-02" });
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.error.sort()).toEqual([
      "ap-south-1: no eks prices from the Price List",
      "eu-west-1 inter-az gbEachSide: SKU F8E5RBBTWDY6X6HP is not in the Price List",
    ]);
  });
});
