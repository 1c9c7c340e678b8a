import { GetProductsCommand, PricingClient } from "@aws-sdk/client-pricing";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { extrasCatalog } from "@/lib/catalog/extras";
import { ExtrasCatalog } from "@/lib/catalog/extras-schema";
import real2022 from "./__fixtures__/ecs-getproducts-response-us-east-1-2022-11-21.json";
import constructed from "./__fixtures__/ecs-getproducts-managed-instances-fee-us-east-1.format-faithful-value-constructed.json";
import {
  confirmationSummary,
  mergeManagedInstancesConfirmation,
  productInstanceType,
  type FreshManagedInstances,
  type SkuProducts,
} from "./managed-instances-map";

vi.mock("server-only", () => ({}));
const { fetchEcsSkuProducts } = await import("./extras-pricing");

const pricing = mockClient(PricingClient);
const client = new PricingClient({ region: "us-east-1", credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" } });
beforeEach(() => pricing.reset());

/** The GetProducts output as the SDK hands it over (PriceList = JSON strings; no NextToken). */
const output = (fixture: { PriceList: string[] }) => ({ FormatVersion: "aws_v1", PriceList: [...fixture.PriceList] });

/** The embedded fee table: 4878 rows in 34 regions, 206 in us-east-1 (lib/catalog/data/extras.json). */
const ALL_ROWS = 4878;
const USE1_ROWS = 206;
const TODAY = "2026-12-06";

/** Reads one region through the SDK (mocked), as the refresh does: its products, or why it could not be read. */
async function read(region: string): Promise<FreshManagedInstances[string]> {
  const r = await fetchEcsSkuProducts(region, { client });
  return r.ok ? { ok: true, skus: r.value.skus } : { ok: false, reason: r.error.message };
}

describe("reading the AmazonECS products of a region (GetProducts via the SDK)", () => {
  it("asks AmazonECS by region code and maps every SKU; the real 2022 response names no EC2 type", async () => {
    pricing.on(GetProductsCommand).resolves(output(real2022));
    const r = await fetchEcsSkuProducts("us-east-1", { client });
    expect(pricing.commandCalls(GetProductsCommand)[0]!.args[0].input).toMatchObject({
      ServiceCode: "AmazonECS",
      Filters: [{ Type: "TERM_MATCH", Field: "regionCode", Value: "us-east-1" }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const skus: SkuProducts = r.value.skus;
    expect(Object.keys(skus)).toHaveLength(10);
    // Fargate ephemeral storage, flat rate "0.0001110000" -> "0.000111"; no type.
    expect(skus["7KPDPTDSCT4J3Z64"]).toEqual({ usd: "0.000111" });
    // ECS Anywhere: externalInstanceType "With Free" is not an EC2 type; its rate is tiered (free 0-2200 h), so none.
    expect(skus["VUZADW4HBG7NT6R7"]).toEqual({});
    expect(Object.values(skus).some((p) => p.instanceType)).toBe(false);
  });

  it("reads the instance type and rate of fee products (format-faithful, value-constructed fixture)", async () => {
    pricing.on(GetProductsCommand).resolves(output(constructed));
    const r = await fetchEcsSkuProducts("us-east-1", { client });
    expect(r.ok && r.value.skus["FZ7B2TVNYRHV9GD9"]).toEqual({ instanceType: "c5.large", usd: "0.0102" });
    expect(r.ok && r.value.skus["MVN3MAA8X9QENPCC"]).toEqual({ instanceType: "m6i.large", usd: "0.01152" });
  });

  it("turns AWS errors and missing credentials into a reason, not a throw", async () => {
    pricing
      .on(GetProductsCommand)
      .rejects(Object.assign(new Error("User is not authorized to perform: pricing:GetProducts"), { name: "AccessDeniedException" }));
    const denied = await read("us-east-1");
    expect(denied.ok).toBe(false);
    pricing.reset();
    pricing.on(GetProductsCommand).rejects(Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }));
    const none = await read("us-east-1");
    expect(none).toEqual({ ok: false, reason: expect.stringMatching(/^No AWS credentials were found/) });
  });
});

describe("the instance type a product names", () => {
  const product = (attributes: Record<string, string>) => ({ product: { sku: "S", attributes }, terms: {} });
  it("reads instanceType, else another ...instanceType attribute holding an EC2 type; never ECS Anywhere's 'With Free'", () => {
    expect(productInstanceType(product({ instanceType: "m5.large" }))).toBe("m5.large");
    expect(productInstanceType(product({ ec2InstanceType: "c6g.16xlarge" }))).toBe("c6g.16xlarge");
    expect(productInstanceType(product({ externalInstanceType: "With Free" }))).toBeUndefined();
    expect(productInstanceType(product({ instanceType: "", usagetype: "USE1-Fargate-GB-Hours" }))).toBeUndefined();
  });
});

describe("confirming the inferred fee types by SKU", () => {
  it("the real 2022 response (before Managed Instances): nothing confirmed, every row still inferred, the catalog unchanged", async () => {
    pricing.on(GetProductsCommand).resolves(output(real2022));
    const fresh: FreshManagedInstances = {};
    for (const [code, r] of Object.entries(extrasCatalog.regions)) if (r.ecsManagedInstances) fresh[code] = await read(code);
    expect(Object.keys(fresh)).toHaveLength(34);
    const m = mergeManagedInstancesConfirmation(extrasCatalog, fresh, { today: TODAY });
    expect([m.confirmed, m.corrected, m.inferred]).toEqual([0, 0, ALL_ROWS]);
    expect(m.changes).toEqual([]);
    expect(m.warnings).toEqual([]);
    // Byte-identical: no `confirmed` block is added where nothing was confirmed.
    expect(JSON.stringify(m.catalog)).toBe(JSON.stringify(extrasCatalog));
    expect(confirmationSummary(m)).toBe(
      "ECS Managed Instances fee types by SKU (Price List, AmazonECS): 0 confirmed, 0 corrected to AWS's type, 4878 still inferred.",
    );
  });

  it("two fee rows of us-east-1 come back with a type: c5.large confirmed, m5.large's SKU is m6i.large -> corrected; the rest inferred", async () => {
    pricing.on(GetProductsCommand).resolves(output(constructed));
    const m = mergeManagedInstancesConfirmation(extrasCatalog, { "us-east-1": await read("us-east-1") }, { today: TODAY });
    // us-east-1: 206 rows - 1 confirmed - 1 corrected = 204 inferred; the 33 other regions were not read: 4878 - 206 = 4672.
    expect([m.confirmed, m.corrected, m.inferred]).toEqual([1, 1, USE1_ROWS - 2 + (ALL_ROWS - USE1_ROWS)]);
    expect(ExtrasCatalog.safeParse(m.catalog).success).toBe(true);
    const block = m.catalog.regions["us-east-1"]!.ecsManagedInstances!;
    expect(block.fees["c5.large"]).toEqual(["0.0102", "FZ7B2TVNYRHV9GD9"]);
    expect(block.fees["m5.large"]).toBeUndefined();
    expect(block.fees["m6i.large"]).toEqual(["0.01152", "MVN3MAA8X9QENPCC"]);
    expect(block.confirmed).toEqual({ on: TODAY, types: ["c5.large", "m6i.large"] });
    expect(Object.keys(block.fees)).toHaveLength(USE1_ROWS);
    expect(m.changes).toEqual([
      "us-east-1 ECS Managed Instances fee: SKU MVN3MAA8X9QENPCC is m6i.large, not m5.large as inferred; corrected to AWS's type (0.01152 per instance-hour).",
    ]);
    expect(m.warnings).toHaveLength(33);
    expect(m.warnings).toContain("eu-west-1: ECS Managed Instances fee types not confirmed (not queried); its 206 fees stay inferred.");
    // Regions not read keep their rows exactly.
    expect(m.catalog.regions["eu-west-1"]).toBe(extrasCatalog.regions["eu-west-1"]);
    expect(m.catalog.provenance).toEqual(extrasCatalog.provenance);
  });

  it("a price the Price List changed is taken and reported; a twin row is confirmed by either SKU", () => {
    const fresh: FreshManagedInstances = {
      "us-east-1": {
        ok: true,
        skus: {
          MVN3MAA8X9QENPCC: { instanceType: "m5.large", usd: "0.0115" },
          GX6HURKD3TMGKYZA: { instanceType: "c6g.16xlarge", usd: "0.26112" },
        },
      },
    };
    const m = mergeManagedInstancesConfirmation(extrasCatalog, fresh, { today: TODAY });
    expect([m.confirmed, m.corrected]).toEqual([2, 0]);
    const fees = m.catalog.regions["us-east-1"]!.ecsManagedInstances!.fees;
    expect(fees["m5.large"]).toEqual(["0.0115", "MVN3MAA8X9QENPCC"]);
    expect(fees["c6g.16xlarge"]).toEqual(["0.26112", "EF3DWB4W52JU7TDF/GX6HURKD3TMGKYZA"]);
    expect(m.changes).toEqual(["us-east-1 ECS Managed Instances fee m5.large: 0.01152 -> 0.0115"]);
  });

  it("a correction onto an inferred row replaces it; onto a confirmed row it is dropped and reported", () => {
    // us-east-1 c5.large FZ7B2TVNYRHV9GD9 0.0102; c5.xlarge S5CRJ4CEAJGRC8JC 0.0204; m5.xlarge DXQP6FEFTDHZAKN9 0.02304.
    const onto = mergeManagedInstancesConfirmation(
      extrasCatalog,
      { "us-east-1": { ok: true, skus: { FZ7B2TVNYRHV9GD9: { instanceType: "c5.xlarge", usd: "0.0102" } } } },
      { today: TODAY },
    );
    // 206 rows: c5.large moves onto c5.xlarge, whose inferred row gives way -> 205 rows, 1 corrected, 204 inferred.
    expect([onto.confirmed, onto.corrected, onto.inferred - (ALL_ROWS - USE1_ROWS)]).toEqual([0, 1, 204]);
    expect(onto.catalog.regions["us-east-1"]!.ecsManagedInstances!.fees["c5.xlarge"]).toEqual(["0.0102", "FZ7B2TVNYRHV9GD9"]);
    expect(onto.changes[0]).toBe(
      "us-east-1 ECS Managed Instances fee c5.xlarge: inferred row (SKU S5CRJ4CEAJGRC8JC) replaced by SKU FZ7B2TVNYRHV9GD9, which AWS names c5.xlarge",
    );

    const clash = mergeManagedInstancesConfirmation(
      extrasCatalog,
      {
        "us-east-1": {
          ok: true,
          skus: { FZ7B2TVNYRHV9GD9: { instanceType: "m5.xlarge" }, DXQP6FEFTDHZAKN9: { instanceType: "m5.xlarge", usd: "0.02304" } },
        },
      },
      { today: TODAY },
    );
    expect([clash.confirmed, clash.corrected]).toEqual([1, 0]);
    const fees = clash.catalog.regions["us-east-1"]!.ecsManagedInstances!.fees;
    expect(fees["m5.xlarge"]).toEqual(["0.02304", "DXQP6FEFTDHZAKN9"]);
    expect(fees["c5.large"]).toBeUndefined();
    expect(clash.changes).toEqual([
      "us-east-1 ECS Managed Instances fee: SKU FZ7B2TVNYRHV9GD9 names m5.xlarge, which another SKU already confirms; the row inferred as c5.large is dropped (check it).",
    ]);
  });

  it("a region that could not be read keeps its inferred rows and says why", async () => {
    pricing.on(GetProductsCommand).rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }));
    const fresh = { "us-east-1": await read("us-east-1") };
    expect(fresh["us-east-1"]!.ok).toBe(false);
    const m = mergeManagedInstancesConfirmation(extrasCatalog, fresh, { today: TODAY });
    expect([m.confirmed, m.corrected, m.inferred]).toEqual([0, 0, ALL_ROWS]);
    expect(m.catalog.regions["us-east-1"]).toBe(extrasCatalog.regions["us-east-1"]);
    const use1 = m.warnings.find((w) => w.startsWith("us-east-1"));
    expect(use1).toMatch(/^us-east-1: ECS Managed Instances fee types not confirmed \(.*AWS Price List API.*\); its 206 fees stay inferred\.$/);
  });
});
