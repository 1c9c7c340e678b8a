import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog";
import { FargateCatalog } from "@/lib/catalog/schema";

/** scripts/refresh-pricing.ts without credentials: one sentence, exit 1, fast, nothing written. */
const root = path.resolve(__dirname, "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
/** A clean child environment: no AWS_* variables from the developer's shell. */
const cleanEnv = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", PATH: process.env.PATH ?? "", ...vars });

function run(args: string[], env: Record<string, string> = {}) {
  const home = mkdtempSync(path.join(tmpdir(), "refresh-pricing-"));
  const out = path.join(home, "fargate.json");
  const t0 = Date.now();
  const r = spawnSync(tsx, [...args, "scripts/refresh-pricing.ts", "--out", out], {
    cwd: root,
    encoding: "utf8",
    timeout: 30_000,
    // A clean environment: no AWS_* variables, an empty HOME (no ~/.aws), IMDS left to the script's default.
    env: cleanEnv({ HOME: home, AWS_CONFIG_FILE: path.join(home, "none"), AWS_SHARED_CREDENTIALS_FILE: path.join(home, "none"), ...env }),
  });
  return { ...r, ms: Date.now() - t0, out };
}

describe("npm run pricing:refresh without credentials", () => {
  it("exits non-zero with one clear sentence, within 10 s, writing nothing", () => {
    const r = run(["--conditions=react-server"]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(/^pricing:refresh failed: no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY .*\.$/)]);
    expect(r.stderr).not.toMatch(/\bat\s/);
    expect(r.ms).toBeLessThan(10_000);
    expect(existsSync(r.out)).toBe(false);
  });
  it("says how to run it when started without the react-server condition", () => {
    const r = run([]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^pricing:refresh failed: lib\/aws could not be loaded: run it as "npm run pricing:refresh"/);
  });
  it("rejects an endpoint the Price List API does not have", () => {
    const bad = spawnSync(tsx, ["--conditions=react-server", "scripts/refresh-pricing.ts", "--endpoint", "eu-west-1", "--dry-run"], { cwd: root, encoding: "utf8", env: cleanEnv({ HOME: tmpdir() }) });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe("pricing:refresh failed: --endpoint must be one of us-east-1, eu-central-1, ap-south-1 (the Price List API has no other endpoints).");
  });
});

/** A Price List item like AWS's, for one region and usage type. */
function item(region: string, usageType: string, usd: string, sku: string) {
  return JSON.stringify({
    product: { productFamily: "Compute", attributes: { regionCode: region, usagetype: usageType, servicecode: "AmazonECS" }, sku },
    serviceCode: "AmazonECS",
    terms: { OnDemand: { [`${sku}.JRTCKXETXF`]: { sku, priceDimensions: { [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: { unit: "hours", beginRange: "0", endRange: "Inf", pricePerUnit: { USD: `${usd}000` } } } } } },
    publicationDate: "2026-11-20T00:00:00Z",
  });
}

describe("npm run pricing:refresh against a local Price List endpoint", () => {
  it("pages through GetProducts over HTTP, keeps Spot and Savings Plans, and writes a valid snapshot", async () => {
    // Every rate of the current snapshot, with us-east-1 x86 vCPU changed, served 100 items a page.
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
    const requests: { target: string; body: { ServiceCode: string; NextToken?: string; MaxResults?: number } }[] = [];
    const server = createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        const body = JSON.parse(raw);
        requests.push({ target: String(req.headers["x-amz-target"]), body });
        const start = Number(body.NextToken ?? 0);
        const end = start + 100;
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify({ FormatVersion: "aws_v1", PriceList: items.slice(start, end), ...(end < items.length ? { NextToken: String(end) } : {}) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const home = mkdtempSync(path.join(tmpdir(), "refresh-pricing-"));
    const out = path.join(home, "fargate.json");
    try {
      const child = spawn(tsx, ["--conditions=react-server", "scripts/refresh-pricing.ts", "--out", out], {
        cwd: root,
        env: cleanEnv({
          HOME: home,
          AWS_ACCESS_KEY_ID: "AKIDLOCALTEST",
          AWS_SECRET_ACCESS_KEY: "local",
          AWS_ENDPOINT_URL_PRICING: `http://127.0.0.1:${port}`,
        }),
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
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
      server.close();
    }
  }, 30_000);
});
