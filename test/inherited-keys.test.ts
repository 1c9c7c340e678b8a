/**
 * Issue 10, item 1: a lookup keyed by user input must never find an inherited property of Object.prototype.
 * Before the fix, "region": "constructor" passed validation (catalog.regions["constructor"] is Object), then pricing
 * threw: the API answered 500, the CLI printed a stack and exited 1, a share link broke the page.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { estimateAll } from "@/lib/pricing/estimate";
import { rightsizeFromUtilizationCsv } from "@/lib/rightsizing/recommend";
import { evaluateDraft } from "@/lib/scenario/draft";
import { parseScenario } from "@/lib/scenario/parse";
import { decodeScenario, encodeScenario } from "@/lib/scenario/url";
import { runCli } from "@/scripts/lib/cli";

vi.mock("server-only", () => ({}));
const { POST } = await import("@/app/api/estimate/route");

const INHERITED = [
  "constructor",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupSetter__",
];
const root = path.resolve(__dirname, "..");
const api = { name: "api", vcpu: 1, memoryGiB: 2 };

describe("inherited property names as user input", () => {
  it.each(INHERITED)("region %s is refused by the schema check with a problem on `region`", (region) => {
    for (const workloads of [[], [api]]) {
      // JSON.parse makes "__proto__" an own key, as it arrives from a file, a body or a link.
      const parsed = parseScenario(JSON.parse(JSON.stringify({ region, workloads })), fargateCatalog);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toEqual([{ path: "region", message: expect.stringContaining(`Unknown region "${region}"`) }]);
    }
  });

  it.each(INHERITED)("the API answers 400 naming `region` for %s", async (region) => {
    const res = await POST(
      new Request("http://localhost/api/estimate", {
        method: "POST",
        body: JSON.stringify({ region, workloads: [api] }),
        headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${INHERITED.indexOf(region)}.1` },
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual(["region"]);
  });

  it.each(INHERITED)("the CLI exits 2 with `region: …` for %s (with and without workloads)", (region) => {
    for (const workloads of [[], [api]]) {
      const r = runCli(["s.json"], () => JSON.stringify({ region, workloads }));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^region: Unknown region/m);
      expect(r.stdout).toBe("");
    }
  });

  it("the CLI as a real process: exit 2, no stack trace", () => {
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    const r = spawnSync(tsx, ["scripts/estimate.ts", "-"], { cwd: root, input: JSON.stringify({ region: "constructor", workloads: [] }) });
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toMatch(/^region: Unknown region "constructor"/m);
    expect(r.stderr.toString()).not.toContain("    at ");
  }, 30_000);

  it.each(INHERITED)("a share link with region %s gives the broken-link message", (region) => {
    // Encode a valid scenario, then swap the region inside the compact JSON and re-sign it the way the codec does.
    const valid = parseScenario({ region: "eu-west-1", workloads: [api] }, fargateCatalog);
    if (!valid.ok) throw new Error("fixture");
    const token = encodeScenario({ ...valid.value, region });
    const decoded = decodeScenario(token, fargateCatalog);
    expect(decoded).toEqual({ ok: false, error: { message: expect.stringMatching(/^The shared scenario cannot be opened: region: Unknown region/) } });
  });

  it.each(INHERITED)("the editor's draft check names the region for %s and prices nothing", (region) => {
    const r = evaluateDraft({ version: 1, name: "x", region, workloads: [api] }, fargateCatalog);
    expect(r.priced).toBeNull();
    expect(r.scenarioProblems.map((p) => p.path)).toEqual(["region"]);
  });

  it.each(INHERITED)("EC2 instance type %s is left out as unknown, never priced", (type) => {
    const parsed = parseScenario({ region: "us-east-1", workloads: [api], ec2: { instanceTypes: [type, "m6i.large"] } }, fargateCatalog);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const est = estimateAll(parsed.value, fargateCatalog, ec2Catalog);
    expect(est.ec2.warnings.join(" ")).toContain(`left out: ${type}`);
    expect(est.ec2.available).toBe(true);
    if (est.ec2.available) expect(est.ec2.instances.map((i) => i.type)).toEqual(["m6i.large"]);
  });

  it.each(INHERITED)("a utilization CSV service named %s gets the default current size, not an inherited value", (service) => {
    const csv = ["service,cpu,memory", ...Array.from({ length: 30 }, () => `${service},10,10`)].join("\n");
    const r = rightsizeFromUtilizationCsv(csv, { current: { vcpu: 1, memoryGiB: 2 }, currentByService: {} });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.parsed[0]!.current).toEqual({ vcpu: 1, memoryGiB: 2 });
  });
});
