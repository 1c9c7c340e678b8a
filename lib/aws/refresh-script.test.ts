import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { Ec2Catalog } from "@/lib/catalog/ec2-schema";
import { FargateCatalog } from "@/lib/catalog/schema";
import { extrasCatalog } from "@/lib/catalog/extras";
import { ExtrasCatalog } from "@/lib/catalog/extras-schema";
import { ec2Item } from "./__fixtures__/ec2-items";
import real2022 from "./__fixtures__/ecs-getproducts-response-us-east-1-2022-11-21.json";
import constructedFees from "./__fixtures__/ecs-getproducts-managed-instances-fee-us-east-1.format-faithful-value-constructed.json";

/** scripts/refresh-pricing.ts without credentials: one sentence, exit 1, fast, nothing written. */
const root = path.resolve(__dirname, "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
/** A clean child environment: no AWS_* variables from the developer's shell. */
const cleanEnv = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", PATH: process.env.PATH ?? "", ...vars });

function run(args: string[], env: Record<string, string> = {}, scriptArgs: string[] = []) {
  const home = mkdtempSync(path.join(tmpdir(), "refresh-pricing-"));
  const out = path.join(home, "fargate.json");
  const r = spawnSync(tsx, [...args, "scripts/refresh-pricing.ts", "--out", out, ...scriptArgs], {
    cwd: root,
    encoding: "utf8",
    // Generous: starting tsx and the AWS SDK takes seconds on a busy machine (a hang still ends here, as a failure).
    timeout: 120_000,
    // A clean environment: no AWS_* variables, an empty HOME (no ~/.aws), IMDS left to the script's default.
    env: cleanEnv({ HOME: home, AWS_CONFIG_FILE: path.join(home, "none"), AWS_SHARED_CREDENTIALS_FILE: path.join(home, "none"), ...env }),
  });
  return { ...r, out };
}

describe("npm run pricing:refresh without credentials", { timeout: 300_000 }, () => {
  it("exits non-zero with one clear sentence, writing nothing", () => {
    const r = run(["--conditions=react-server"]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^pricing:refresh failed: no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY .*\.$/),
    ]);
    expect(r.stderr).not.toMatch(/\bat\s/);
    expect(existsSync(r.out)).toBe(false);
  });
  it("says how to run it when started without the react-server condition", () => {
    const r = run([]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^pricing:refresh failed: lib\/aws could not be loaded: run it as "npm run pricing:refresh"/);
  });
  it("fails the same way for the whole-bill (extras) refresh alone", () => {
    const r = run(["--conditions=react-server"], {}, ["--only", "extras"]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^pricing:refresh failed: no AWS credentials found: /)]);
    expect(existsSync(r.out)).toBe(false);
  });
  it("fails the same way for the EC2 refresh alone", () => {
    const r = run(["--conditions=react-server"], {}, ["--only", "ec2"]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^pricing:refresh failed: no AWS credentials found: /)]);
    expect(existsSync(r.out)).toBe(false);
  });
  it("rejects a bad --only and --regions without the EC2 refresh", () => {
    expect(run(["--conditions=react-server"], {}, ["--only", "ecs"]).stderr.trim()).toBe("pricing:refresh failed: --only must be fargate, ec2, extras or all.");
    expect(run(["--conditions=react-server"], {}, ["--only", "fargate", "--regions", "eu-west-1"]).stderr.trim()).toMatch(
      /^pricing:refresh failed: --regions limits the EC2 refresh only/,
    );
    expect(run(["--conditions=react-server"], {}, ["--regions", "eu-west-1,Mars"]).stderr.trim()).toMatch(
      /^pricing:refresh failed: --regions takes region codes/,
    );
  });
  it("rejects an endpoint the Price List API does not have", () => {
    const bad = spawnSync(tsx, ["--conditions=react-server", "scripts/refresh-pricing.ts", "--endpoint", "eu-west-1", "--dry-run"], {
      cwd: root,
      encoding: "utf8",
      env: cleanEnv({ HOME: tmpdir() }),
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(
      "pricing:refresh failed: --endpoint must be one of us-east-1, eu-central-1, ap-south-1 (the Price List API has no other endpoints).",
    );
  });
});

/** A Price List item like AWS's, for one region and usage type. */
function item(region: string, usageType: string, usd: string, sku: string) {
  return JSON.stringify({
    product: { productFamily: "Compute", attributes: { regionCode: region, usagetype: usageType, servicecode: "AmazonECS" }, sku },
    serviceCode: "AmazonECS",
    terms: {
      OnDemand: {
        [`${sku}.JRTCKXETXF`]: {
          sku,
          priceDimensions: { [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: { unit: "hours", beginRange: "0", endRange: "Inf", pricePerUnit: { USD: `${usd}000` } } },
        },
      },
    },
    publicationDate: "2026-11-20T00:00:00Z",
  });
}

/** Every Fargate rate of the current snapshot, with us-east-1 x86 vCPU changed to 0.05. */
function fargateItems(): string[] {
  const items: string[] = [];
  for (const [code, r] of Object.entries(fargateCatalog.regions)) {
    const p = `P${code.length}-`;
    items.push(item(code, `${p}Fargate-vCPU-Hours:perCPU`, code === "us-east-1" ? "0.05" : r.linux.x86_64.vcpuHour.usd, `${code}-1`));
    items.push(item(code, `${p}Fargate-GB-Hours`, r.linux.x86_64.gbHour.usd, `${code}-2`));
    items.push(item(code, `${p}Fargate-ARM-vCPU-Hours:perCPU`, r.linux.arm64.vcpuHour.usd, `${code}-3`));
    items.push(item(code, `${p}Fargate-ARM-GB-Hours`, r.linux.arm64.gbHour.usd, `${code}-4`));
    items.push(item(code, `${p}Fargate-EphemeralStorage-GB-Hours`, r.ephemeralStorageGbHour.usd, `${code}-5`));
    if (r.windows) {
      items.push(item(code, `${p}Fargate-Windows-vCPU-Hours:perCPU`, r.windows.vcpuHour.usd, `${code}-6`));
      items.push(item(code, `${p}Fargate-Windows-GB-Hours`, r.windows.gbHour.usd, `${code}-7`));
      items.push(item(code, `${p}Fargate-Windows-OS-Hours:perCPU`, r.windows.osLicenseVcpuHour.usd, `${code}-8`));
    }
  }
  return items;
}

/** EC2 items (real m5.large item shape) of one region: every snapshot type at its snapshot price, plus a non-candidate. */
function ec2Items(region: string, change: Record<string, string> = {}, drop: string[] = []): string[] {
  const prices = ec2Catalog.regions[region]?.prices ?? {};
  return [
    ...Object.entries(prices)
      .filter(([type]) => !drop.includes(type))
      .map(([type, [usd]]) => JSON.stringify(ec2Item({ instanceType: type, regionCode: region, usd: change[type] ?? usd }))),
    JSON.stringify(ec2Item({ instanceType: "t3.micro", regionCode: region, usd: "0.0104000000" })),
  ];
}

interface Request {
  target: string;
  body: { ServiceCode: string; NextToken?: string; MaxResults?: number; Filters?: { Field: string; Value: string }[] };
}

/** A local stand-in for the Price List endpoint: GetProducts over HTTP, 100 items a page, items by query. */
async function priceListServer(itemsFor: (body: Request["body"]) => string[] | { status: number; type: string; message: string }) {
  const requests: Request[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const body = JSON.parse(raw);
      requests.push({ target: String(req.headers["x-amz-target"]), body });
      const answer = itemsFor(body);
      if (!Array.isArray(answer)) {
        res.writeHead(answer.status, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": answer.type });
        res.end(JSON.stringify({ __type: answer.type, message: answer.message }));
        return;
      }
      const items = answer;
      const start = Number(body.NextToken ?? 0);
      const end = start + 100;
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end(JSON.stringify({ FormatVersion: "aws_v1", PriceList: items.slice(start, end), ...(end < items.length ? { NextToken: String(end) } : {}) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const home = mkdtempSync(path.join(tmpdir(), "refresh-pricing-"));
  const runScript = async (args: string[]) => {
    const child = spawn(tsx, ["--conditions=react-server", "scripts/refresh-pricing.ts", ...args], {
      cwd: root,
      env: cleanEnv({ HOME: home, AWS_ACCESS_KEY_ID: "AKIDLOCALTEST", AWS_SECRET_ACCESS_KEY: "local", AWS_ENDPOINT_URL_PRICING: `http://127.0.0.1:${port}` }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    return { status, stdout, stderr };
  };
  return { requests, home, runScript, close: () => server.close() };
}

const regionOf = (body: Request["body"]) => body.Filters?.find((f) => f.Field === "regionCode")?.Value ?? "";

describe("npm run pricing:refresh against a local Price List endpoint", () => {
  it("pages through GetProducts over HTTP, keeps Spot and Savings Plans, and writes a valid snapshot", async () => {
    const items = fargateItems();
    const api = await priceListServer(() => items);
    const out = path.join(api.home, "fargate.json");
    try {
      const { status, stdout, stderr } = await api.runScript(["--only", "fargate", "--out", out]);
      const requests = api.requests;
      expect(stderr).toBe("");
      expect(status).toBe(0);
      expect(requests.length).toBe(Math.ceil(items.length / 100));
      expect(requests[0]!.target).toBe("AWSPriceListService.GetProducts");
      expect(requests[0]!.body).toMatchObject({ ServiceCode: "AmazonECS", MaxResults: 100 });
      expect(requests[1]!.body.NextToken).toBe("100");
      expect(stdout).toMatch(/us-east-1 Linux x86 vCPU-hour: 0.04048 -> 0.05/);
      const written = FargateCatalog.parse(JSON.parse(readFileSync(out, "utf8")));
      expect(Object.keys(written.regions)).toEqual(Object.keys(fargateCatalog.regions));
      expect(written.regions["us-east-1"]!.linux.x86_64.vcpuHour).toEqual({ usd: "0.05", sku: "us-east-1-1" });
      expect(written.regions["us-east-1"]!.spot).toEqual(fargateCatalog.regions["us-east-1"]!.spot);
      expect(written.regions["eu-west-1"]!.savingsPlans).toEqual(fargateCatalog.regions["eu-west-1"]!.savingsPlans);
      expect(written.provenance["fargate-on-demand"]).toMatchObject({ source: "AWS Price List API", publishedAt: new Date().toISOString().slice(0, 10) });
    } finally {
      api.close();
    }
  }, 30_000);

  it("refreshes both compute snapshots (--only fargate,ec2): EC2 one region at a time, changed prices in, missing types kept", async () => {
    const fargate = fargateItems();
    const api = await priceListServer((body) =>
      body.ServiceCode === "AmazonECS"
        ? fargate
        : ec2Items(regionOf(body), regionOf(body) === "us-east-1" ? { "m6i.large": "0.1000000000" } : {}, regionOf(body) === "eu-west-1" ? ["m5.large"] : []),
    );
    const fargateOut = path.join(api.home, "fargate.json");
    const ec2Out = path.join(api.home, "ec2.json");
    try {
      const { status, stdout, stderr } = await api.runScript(["--only", "fargate,ec2", "--out", fargateOut, "--ec2-out", ec2Out]);
      expect(stderr).toBe("");
      expect(status).toBe(0);
      const ec2Requests = api.requests.filter((r) => r.body.ServiceCode === "AmazonEC2");
      expect(new Set(ec2Requests.map((r) => regionOf(r.body)))).toEqual(new Set(Object.keys(ec2Catalog.regions)));
      expect(ec2Requests.some((r) => r.body.NextToken === "100")).toBe(true); // us-east-1 has 276 types: 3 pages
      expect(ec2Requests[0]!.body.Filters).toEqual(expect.arrayContaining([expect.objectContaining({ Field: "operatingSystem", Value: "Linux" })]));
      expect(stdout).toMatch(/us-east-1 m6i\.large: 0\.096 -> 0\.1\n/);
      expect(stdout).toMatch(/warning: eu-west-1: 1 of \d+ types not in the Price List, previous prices kept \(m5\.large\)/);
      expect(FargateCatalog.parse(JSON.parse(readFileSync(fargateOut, "utf8"))).regions["us-east-1"]!.linux.x86_64.vcpuHour.usd).toBe("0.05");
      const written = Ec2Catalog.parse(JSON.parse(readFileSync(ec2Out, "utf8")));
      expect(written.regions["us-east-1"]!.prices["m6i.large"]).toEqual(["0.1", 63]);
      expect(written.regions["eu-west-1"]!.prices["m5.large"]).toEqual(ec2Catalog.regions["eu-west-1"]!.prices["m5.large"]);
      expect(written.regions["eu-west-1"]!.onDemandSource).toBe("ec2-on-demand-price-list-api");
      expect(written.provenance["ec2-on-demand-price-list-api"]).toMatchObject({
        source: "AWS Price List API",
        publishedAt: new Date().toISOString().slice(0, 10),
        estimate: false,
      });
      expect(written.types).toEqual(ec2Catalog.types);
    } finally {
      api.close();
    }
  }, 60_000);

  it("EC2 with --regions: refuses, writing nothing, when a listed region has no prices", async () => {
    const api = await priceListServer((body) => (regionOf(body) === "eu-west-1" ? [] : ec2Items(regionOf(body))));
    const out = path.join(api.home, "ec2.json");
    try {
      const { status, stderr } = await api.runScript(["--only", "ec2", "--regions", "us-east-1,eu-west-1", "--out", out]);
      expect(status).toBe(1);
      expect(stderr.trim()).toBe(
        "pricing:refresh failed: the EC2 refresh was refused (eu-west-1: no EC2 on-demand prices in the Price List); nothing was written (--regions limits the refresh to regions the Price List has).",
      );
      expect(new Set(api.requests.map((r) => regionOf(r.body)))).toEqual(new Set(["us-east-1", "eu-west-1"]));
      expect(existsSync(out)).toBe(false);
      const ok = await api.runScript(["--only", "ec2", "--regions", "us-east-1", "--out", out]);
      expect(ok.stderr).toBe("");
      expect(ok.status).toBe(0);
      const written = Ec2Catalog.parse(JSON.parse(readFileSync(out, "utf8")));
      expect(written.regions["us-east-1"]!.onDemandSource).toBe("ec2-on-demand-price-list-api");
      expect(written.regions["eu-west-1"]).toEqual(ec2Catalog.regions["eu-west-1"]);
    } finally {
      api.close();
    }
  }, 30_000);

  it("extras: confirms the ECS Managed Instances fee types by SKU, and a region AWS refuses stays inferred with the reason", async () => {
    // Every whole-bill SKU at its snapshot rate; AmazonECS: us-east-1 the constructed fee fixture (c5.large confirms,
    // m5.large's SKU names m6i.large), eu-west-1 access denied, every other region the real 2022 items (no types).
    const services: Record<string, string[]> = {
      AmazonVPC: ["publicIpv4"],
      AmazonEC2: ["natGateway"],
      AWSELB: ["loadBalancer"],
      AmazonCloudWatch: ["logs"],
      AmazonEFS: ["efs"],
      AmazonEKS: ["eks"],
      AmazonECR: ["ecr"],
      AWSDataTransfer: ["interAz"],
    };
    const api = await priceListServer((body) => {
      const region = body.Filters?.find((f) => f.Field === "regionCode" || f.Field === "fromRegionCode")?.Value ?? "";
      if (body.ServiceCode === "AmazonECS") {
        if (region === "eu-west-1") return { status: 400, type: "AccessDeniedException", message: "User is not authorized to perform: pricing:GetProducts" };
        return region === "us-east-1" ? constructedFees.PriceList : real2022.PriceList;
      }
      const r = extrasCatalog.regions[region] as unknown as Record<string, Record<string, { usd: string; sku?: string }> | undefined>;
      return (services[body.ServiceCode] ?? []).flatMap((block) =>
        Object.values(r?.[block] ?? {})
          .filter((rate) => typeof rate === "object" && rate.sku)
          .map((rate) => item(region, "x", rate.usd, rate.sku!)),
      );
    });
    const out = path.join(api.home, "extras.json");
    try {
      const { status, stdout, stderr } = await api.runScript(["--only", "extras", "--out", out]);
      expect(stderr).toBe("");
      expect(status).toBe(0);
      // 4878 fee rows: 1 confirmed, 1 corrected; eu-west-1's 206 and the 4670 others stay inferred (4878 - 2 = 4876).
      expect(stdout).toContain("ECS Managed Instances fee types by SKU (Price List, AmazonECS): 1 confirmed, 1 corrected to AWS's type, 4876 still inferred.");
      expect(stdout).toMatch(/warning: eu-west-1: ECS Managed Instances fee types not confirmed \(.*\); its 206 fees stay inferred\.\n/);
      expect(stdout).toContain("us-east-1 ECS Managed Instances fee: SKU MVN3MAA8X9QENPCC is m6i.large, not m5.large as inferred; corrected to AWS's type");
      const written = ExtrasCatalog.parse(JSON.parse(readFileSync(out, "utf8")));
      const use1 = written.regions["us-east-1"]!.ecsManagedInstances!;
      expect(use1.confirmed).toEqual({ on: new Date().toISOString().slice(0, 10), types: ["c5.large", "m6i.large"] });
      expect(use1.fees["m6i.large"]).toEqual(["0.01152", "MVN3MAA8X9QENPCC"]);
      expect(written.regions["eu-west-1"]!.ecsManagedInstances).toEqual(extrasCatalog.regions["eu-west-1"]!.ecsManagedInstances);
      expect(written.regions["ap-south-1"]!.ecsManagedInstances).toEqual(extrasCatalog.regions["ap-south-1"]!.ecsManagedInstances);
    } finally {
      api.close();
    }
  }, 120_000);
});
