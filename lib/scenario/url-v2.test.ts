import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateScenario } from "@/lib/pricing/estimate";
import { parseScenario } from "./parse";
import type { ScenarioInput } from "./schema";
import { decodeScenario, encodeScenario } from "./url";

const parse = (input: ScenarioInput) => {
  const p = parseScenario(input, fargateCatalog, extrasCatalog);
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value;
};
const whole: ScenarioInput = {
  version: 2,
  name: "whole",
  workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3, publicIp: true, logs: { ingestedGiBPerMonth: 50 } }],
  services: { loadBalancers: [{ name: "web", type: "application", capacityUnits: 2 }], natGateways: { count: 2, processedGiBPerMonth: 100 } },
};

describe("share links, format v2", () => {
  it("a version 2 scenario writes a v2 link that opens to the same scenario", () => {
    const s = parse(whole);
    const token = encodeScenario(s);
    expect(token.startsWith("v2.")).toBe(true);
    const back = decodeScenario(token, fargateCatalog);
    expect(back.ok && back.value.scenario).toEqual(s);
  });

  it("a pinned v2 link keeps opening and pricing the same (written by this version)", () => {
    const token =
      "v2.eyJ3IjpbWyJhcGkiLDEsMiwzLG51bGwsbnVsbCxudWxsLG51bGwsbnVsbCxudWxsLG51bGwsMSxbNTAsMF1dXSwibiI6Indob2xlIiwieCI6eyJsb2FkQmFsYW5jZXJzIjpbeyJuYW1lIjoid2ViIiwidHlwZSI6ImFwcGxpY2F0aW9uIiwiY2FwYWNpdHlVbml0cyI6MiwiaW50ZXJuZXRGYWNpbmciOnRydWUsImF6cyI6Mn1dLCJuYXRHYXRld2F5cyI6eyJjb3VudCI6MiwicHJvY2Vzc2VkR2lCUGVyTW9udGgiOjEwMH19fQ.1kr2eon";
    const back = decodeScenario(token, fargateCatalog);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.scenario.version).toBe(2);
    const e = estimateScenario(back.value.scenario, fargateCatalog, extrasCatalog);
    // compute 3 x 730 x 0.04937 = 108.1203; IPv4 2190 x 0.005 = 10.95; logs 50 x 0.5 = 25
    // ALB 730 x 0.0225 + 1460 x 0.008 + 1460 x 0.005 = 35.405; NAT 1460 x 0.045 + 100 x 0.045 + 1460 x 0.005 = 77.5
    // 108.1203 + 10.95 + 25 + 35.405 + 77.5 = 256.9753
    expect(e.totals.monthlyCost.toString()).toBe("256.9753");
  });

  it("changing the format digit of a link (v1 <-> v2) is refused, not read in the other layout", () => {
    const v1 = encodeScenario(parse({ name: "checkout", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 }] }));
    const v2 = encodeScenario(parse(whole));
    for (const edited of [`v2${v1.slice(2)}`, `v1${v2.slice(2)}`]) {
      const r = decodeScenario(edited, fargateCatalog);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toMatch(/damaged/);
    }
  });

  it("a version 1 scenario still writes the same v1 link as before", () => {
    const token = encodeScenario(parse({ name: "checkout", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 }] }));
    expect(token).toBe(encodeScenario(parse({ version: 1, name: "checkout", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 }] })));
    expect(token.startsWith("v1.")).toBe(true);
    const back = decodeScenario(token, fargateCatalog);
    expect(back.ok && back.value.scenario.version).toBe(1);
  });

  it("a damaged v2 link is refused with one sentence", () => {
    const token = encodeScenario(parse(whole));
    const broken = token.slice(0, 20) + (token[20] === "A" ? "B" : "A") + token.slice(21);
    const r = decodeScenario(broken, fargateCatalog);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/damaged/);
    expect(decodeScenario("v3.abc.0000000", fargateCatalog)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/format v3.*newer version/) },
    });
  });

  it("a v2 link with a bad service value names its path", () => {
    const s = parse(whole);
    const bad = { ...s, services: { natGateways: { count: -1, processedGiBPerMonth: 0 } } };
    const r = decodeScenario(encodeScenario(bad as typeof s), fargateCatalog);
    expect(!r.ok && r.error.message).toMatch(/services\.natGateways\.count: NAT gateways cannot be negative/);
  });
});
