import { GetProductsCommand, PricingClient, ThrottlingException } from "@aws-sdk/client-pricing";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import ec2Item from "./__fixtures__/ec2-getproducts-item-m5.large-us-east-1.json";
import { ec2Item as makeEc2Item } from "./__fixtures__/ec2-items";
import ecsResponse from "./__fixtures__/ecs-getproducts-response-us-east-1-2022-11-21.json";

vi.mock("server-only", () => ({}));
const { fetchEc2OnDemandPrice, fetchEc2OnDemandPrices, fetchFargateOnDemandRates, getAllProducts, PAGE_SIZE } = await import("./pricing");

const pricing = mockClient(PricingClient);
const client = new PricingClient({ region: "us-east-1", credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" } });
beforeEach(() => pricing.reset());

describe("GetProducts adapter", () => {
  it("paginates on NextToken and maps Fargate rates (fixture split over two pages)", async () => {
    const list = ecsResponse.PriceList;
    pricing
      .on(GetProductsCommand)
      .resolvesOnce({ FormatVersion: "aws_v1", PriceList: list.slice(0, 5), NextToken: "page-2" })
      .resolvesOnce({ FormatVersion: "aws_v1", PriceList: list.slice(5) });
    const pages: number[] = [];
    const r = await fetchFargateOnDemandRates({ client, onPage: (p) => pages.push(p) });
    const calls = pricing.commandCalls(GetProductsCommand);
    expect(calls.map((c) => c.args[0].input)).toEqual([
      { ServiceCode: "AmazonECS", Filters: [], FormatVersion: "aws_v1", MaxResults: PAGE_SIZE },
      { ServiceCode: "AmazonECS", Filters: [], FormatVersion: "aws_v1", MaxResults: PAGE_SIZE, NextToken: "page-2" },
    ]);
    expect(pages).toEqual([1, 2]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.pages).toBe(2);
    expect(Object.keys(r.value.regions["us-east-1"]!).filter((k) => k !== "location")).toHaveLength(8);
    expect(r.value.regions["us-east-1"]!.linuxArmVcpu).toEqual({ usd: "0.03238", sku: "XSZATS4VYMDC9CYN" });
  });

  it("filters one region with TERM_MATCH", async () => {
    pricing.on(GetProductsCommand).resolves({ PriceList: [] });
    await fetchFargateOnDemandRates({ client, regionCode: "eu-west-1" });
    expect(pricing.commandCalls(GetProductsCommand)[0]!.args[0].input.Filters).toEqual([{ Type: "TERM_MATCH", Field: "regionCode", Value: "eu-west-1" }]);
  });

  it("EC2: filters an instance type and maps its OnDemand price", async () => {
    pricing.on(GetProductsCommand).resolves({ PriceList: [JSON.stringify(ec2Item)] });
    const r = await fetchEc2OnDemandPrice("m5.large", "us-east-1", { client });
    expect(r.ok && r.value).toMatchObject({ instanceType: "m5.large", onDemandHourly: "0.096", sku: "6C86BEPQVG73ZGGR", vcpu: 2, memoryGiB: 8 });
    const input = pricing.commandCalls(GetProductsCommand)[0]!.args[0].input;
    expect(input.ServiceCode).toBe("AmazonEC2");
    expect(input.Filters).toEqual(
      expect.arrayContaining([
        { Type: "TERM_MATCH", Field: "instanceType", Value: "m5.large" },
        { Type: "TERM_MATCH", Field: "regionCode", Value: "us-east-1" },
        { Type: "TERM_MATCH", Field: "operatingSystem", Value: "Linux" },
        { Type: "TERM_MATCH", Field: "tenancy", Value: "Shared" },
        { Type: "TERM_MATCH", Field: "capacitystatus", Value: "Used" },
      ]),
    );
  });

  it("EC2: pages through one region's on-demand Linux prices with the six TERM_MATCH filters", async () => {
    const page1 = [
      JSON.stringify(makeEc2Item({ instanceType: "m5.large", regionCode: "eu-west-1", usd: "0.1070000000", sku: "SKU-M5L" })),
      JSON.stringify(makeEc2Item({ instanceType: "m5.xlarge", regionCode: "eu-west-1", usd: "0.2140000000", sku: "SKU-M5XL" })),
    ];
    const page2 = [
      JSON.stringify(makeEc2Item({ instanceType: "c7g.large", regionCode: "eu-west-1", usd: "0.0772000000", sku: "SKU-C7GL" })),
      // A Local Zone item and a Capacity Block item slip past the filters: skipped, not priced.
      JSON.stringify(makeEc2Item({ instanceType: "c6i.large", regionCode: "eu-west-1", usd: "9", attributes: { locationType: "AWS Local Zone" } })),
      JSON.stringify(makeEc2Item({ instanceType: "r6i.large", regionCode: "eu-west-1", usd: "9", attributes: { marketoption: "CapacityBlock" } })),
      "{broken",
    ];
    pricing
      .on(GetProductsCommand)
      .resolvesOnce({ FormatVersion: "aws_v1", PriceList: page1, NextToken: "t2" })
      .resolvesOnce({ FormatVersion: "aws_v1", PriceList: page2 });
    const r = await fetchEc2OnDemandPrices("eu-west-1", { client });
    const filters = [
      { Type: "TERM_MATCH", Field: "regionCode", Value: "eu-west-1" },
      { Type: "TERM_MATCH", Field: "operatingSystem", Value: "Linux" },
      { Type: "TERM_MATCH", Field: "tenancy", Value: "Shared" },
      { Type: "TERM_MATCH", Field: "preInstalledSw", Value: "NA" },
      { Type: "TERM_MATCH", Field: "capacitystatus", Value: "Used" },
      { Type: "TERM_MATCH", Field: "licenseModel", Value: "No License required" },
    ];
    expect(pricing.commandCalls(GetProductsCommand).map((c) => c.args[0].input)).toEqual([
      { ServiceCode: "AmazonEC2", Filters: filters, FormatVersion: "aws_v1", MaxResults: PAGE_SIZE },
      { ServiceCode: "AmazonEC2", Filters: filters, FormatVersion: "aws_v1", MaxResults: PAGE_SIZE, NextToken: "t2" },
    ]);
    // Every filter names an attribute the real item has, with the real item's value.
    const attrs = ec2Item.product.attributes as Record<string, string>;
    for (const f of filters.slice(1)) expect(attrs[f.Field]).toBe(f.Value);
    expect(r).toEqual({
      ok: true,
      value: {
        prices: {
          "m5.large": { usd: "0.107", sku: "SKU-M5L" },
          "m5.xlarge": { usd: "0.214", sku: "SKU-M5XL" },
          "c7g.large": { usd: "0.0772", sku: "SKU-C7GL" },
        },
        publishedAt: "2026-11-20",
        problems: ["PriceList[3] is not valid JSON"],
        ignored: 2,
        pages: 2,
      },
    });
  });

  it("EC2: a failed page fails the region (no partial price table)", async () => {
    pricing
      .on(GetProductsCommand)
      .resolvesOnce({ PriceList: [JSON.stringify(makeEc2Item({ instanceType: "m5.large", regionCode: "eu-west-1", usd: "0.107" }))], NextToken: "t2" })
      .rejectsOnce(new ThrottlingException({ message: "Rate exceeded", $metadata: {} }));
    expect(await fetchEc2OnDemandPrices("eu-west-1", { client })).toEqual({ ok: false, error: expect.objectContaining({ code: "THROTTLED" }) });
  });

  it("classifies failures: no credentials, throttling, a hang", async () => {
    pricing.on(GetProductsCommand).rejects(Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }));
    expect(await getAllProducts("AmazonECS", [], { client })).toEqual({ ok: false, error: expect.objectContaining({ code: "NO_CREDENTIALS" }) });
    pricing.reset();
    pricing.on(GetProductsCommand).rejects(new ThrottlingException({ message: "Rate exceeded", $metadata: {} }));
    expect(await getAllProducts("AmazonECS", [], { client })).toEqual({ ok: false, error: expect.objectContaining({ code: "THROTTLED", status: 429 }) });
    pricing.reset();
    pricing.on(GetProductsCommand).callsFake(() => new Promise(() => undefined));
    // The call never answers: only the 50 ms first-page timeout can end it (a wait on the hang would reach the test's
    // own 30 s timeout instead), so no clock is needed to tell that it gave up.
    expect(await getAllProducts("AmazonECS", [], { client, firstPageTimeoutMs: 50 })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "TIMEOUT" }),
    });
  });
});
