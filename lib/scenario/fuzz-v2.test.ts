import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateScenario } from "@/lib/pricing/estimate";
import { evaluateDraft, type Draft } from "./draft";
import { parseScenario } from "./parse";
import { env } from "@/lib/env";

const runs = env.fcRuns ?? 300;
const junk = fc.oneof(fc.anything(), fc.constantFrom(NaN, Infinity, -1, 0, 1e308, "1", "", null, [], {}, "__proto__", "constructor"), fc.double(), fc.string());
const base = {
  version: 2,
  workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3, publicIp: true, logs: { ingestedGiBPerMonth: 50, storedGiB: 10 } }],
  services: {
    loadBalancers: [{ name: "web", type: "application", capacityUnits: 2, internetFacing: true, azs: 2 }],
    natGateways: { count: 2, processedGiBPerMonth: 100 },
    dataTransfer: { internetOutGiBPerMonth: 500, interAzGiBPerMonth: 100 },
    fileSystems: [{ name: "f", storageClass: "standard", storedGiB: 10, readGiBPerMonth: 1, writeGiBPerMonth: 1 }],
    eksClusters: { count: 1, extendedSupport: false },
    containerRegistry: { storedGiB: 5 },
  },
};
/** Every settable path of the version 2 fields. */
const paths: string[][] = [
  ["workloads", "0", "publicIp"],
  ["workloads", "0", "logs"],
  ["workloads", "0", "logs", "storedGiB"],
  ["services"],
  ["services", "loadBalancers"],
  ["services", "loadBalancers", "0", "type"],
  ["services", "loadBalancers", "0", "capacityUnits"],
  ["services", "loadBalancers", "0", "azs"],
  ["services", "natGateways", "count"],
  ["services", "dataTransfer", "internetOutGiBPerMonth"],
  ["services", "fileSystems", "0", "storageClass"],
  ["services", "eksClusters", "extendedSupport"],
  ["services", "containerRegistry"],
];
function withValue(path: string[], value: unknown): unknown {
  const doc = structuredClone(base) as Record<string, unknown>;
  let at = doc as Record<string, unknown>;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path.at(-1)!] = value;
  return doc;
}

describe("version 2 fuzzing", () => {
  it("junk in any version 2 field is either priced or refused on that path, never thrown", () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), junk, (path, value) => {
        const r = parseScenario(withValue(path, value), fargateCatalog, extrasCatalog);
        if (r.ok) expect(() => estimateScenario(r.value, fargateCatalog, extrasCatalog)).not.toThrow();
        else {
          const top = path.slice(0, path[0] === "workloads" ? 3 : 1).join(".");
          expect(
            r.error.some((p) => p.path.startsWith(top)),
            JSON.stringify(r.error),
          ).toBe(true);
        }
        // The editor never throws on the same junk either.
        expect(() => evaluateDraft(withValue(path, value) as Draft, fargateCatalog, extrasCatalog)).not.toThrow();
      }),
      { numRuns: runs },
    );
  });

  it("a large (over 700 KB) version 2 document is parsed and priced", () => {
    const workloads = Array.from({ length: 6_000 }, (_, i) => ({
      name: `svc-${i}`,
      vcpu: 1,
      memoryGiB: 2,
      tasks: 2,
      publicIp: i % 2 === 0,
      logs: { ingestedGiBPerMonth: i % 50, storedGiB: 3 },
    }));
    const services = {
      ...base.services,
      loadBalancers: Array.from({ length: 100 }, (_, i) => ({
        name: `lb-${i}`,
        type: i % 2 ? "network" : "application",
        capacityUnits: 1.5,
        internetFacing: true,
        azs: 3,
      })),
      fileSystems: Array.from({ length: 100 }, (_, i) => ({
        name: `fs-${i}`,
        storageClass: "standard-ia",
        storedGiB: 100 + i,
        readGiBPerMonth: 5,
        writeGiBPerMonth: 2,
      })),
    };
    const text = JSON.stringify({ version: 2, workloads, services });
    expect(text.length).toBeGreaterThan(700_000);
    const r = parseScenario(JSON.parse(text), fargateCatalog, extrasCatalog);
    expect(r.ok).toBe(true);
    if (r.ok) expect(estimateScenario(r.value, fargateCatalog, extrasCatalog).workloads.length).toBeGreaterThan(0);
  });
});
