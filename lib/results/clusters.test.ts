import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dec } from "@/lib/core";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { estimateToCsv } from "@/lib/export/csv";
import { estimateAll, estimateEc2WithWholeBill, estimateManagedInstances, estimateScenario } from "@/lib/pricing/estimate";
import { parseScenario } from "@/lib/scenario/parse";
import { Scenario } from "@/lib/scenario/schema";
import { ESTIMATES_DIR, goldenJson } from "@/test/golden/render";
import { goldenScenarios } from "@/test/golden/scenarios";
import { answerClusters, clustersFromWire, clustersToWire, estimateClusters } from "./clusters";
import { clustersInBackground } from "./clusters-client";
import { buildResults } from "./view";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** What the page gets from the cluster worker: the worker's text, parsed back. */
const throughWorker = (scenario: Scenario, extras: boolean) => {
  const reply = answerClusters({ scenario, extras }, fargateCatalog, ec2Catalog, extrasCatalog);
  if (reply.wire === undefined) throw new Error(reply.error);
  return clustersFromWire(structuredClone(reply.wire));
};

describe("the cluster worker's answer = the direct estimates", () => {
  const scenarios = goldenScenarios();

  it.each(scenarios.map((s) => [s.name, s] as const))("%s: the same objects, the golden JSON and CSV byte for byte", (name, s) => {
    const p = parseScenario(s.input, fargateCatalog, extrasCatalog);
    if (!p.ok) throw new Error(name);
    const scenario = p.value;
    const direct = estimateAll(scenario, fargateCatalog, ec2Catalog, extrasCatalog);
    const wired = throughWorker(scenario, true);
    // Every Decimal comes back a Decimal of the same coefficient and places, every other value as it was.
    expect(wired.ec2).toStrictEqual(direct.ec2);
    expect(wired.managedInstances).toStrictEqual(direct.managedInstances);
    // The CLI's JSON and CSV made with the worker's answers are the golden files.
    const fargate = estimateScenario(scenario, fargateCatalog, extrasCatalog);
    const combined = { ...fargate, managedInstances: wired.managedInstances!, ec2: wired.ec2 };
    expect(goldenJson(combined)).toBe(read(`${ESTIMATES_DIR}/${name}.json`));
    expect(estimateToCsv({ scenario, fargate, managedInstances: wired.managedInstances!, ec2: wired.ec2 })).toBe(read(`${ESTIMATES_DIR}/${name}.csv`));
    // And the results the page shows (totals, splits, chart points) are the same as when it priced them itself.
    expect(buildResults(scenario, fargateCatalog, null, extrasCatalog, fargate, wired)).toEqual(
      buildResults(scenario, fargateCatalog, ec2Catalog, extrasCatalog, fargate),
    );
  });
});

describe("clustersToWire / clustersFromWire", () => {
  const s = Scenario.parse({ version: 1, name: "s", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 }] });

  it("keeps each Decimal exact (full precision, BigInt coefficients too) and numeric-looking strings as strings", () => {
    const c = estimateClusters(s, fargateCatalog, ec2Catalog, extrasCatalog);
    // A coefficient above 2^53 (a BigInt) and a division's 20 places survive: 1/3 = 0.33333333333333333333.
    const big = dec("12345678901234567890.123456789");
    const third = dec(1).div(3);
    const tweaked = { ...c, ec2: { ...c.ec2, monthlyCost: big, comparedFargateMonthlyCost: third } };
    const back = clustersFromWire(clustersToWire(tweaked));
    expect(back.ec2.monthlyCost!.toString()).toBe("12345678901234567890.123456789");
    expect(back.ec2.monthlyCost).toStrictEqual(big);
    expect(back.ec2.comparedFargateMonthlyCost.toString()).toBe("0.33333333333333333333");
    expect(back.ec2.comparedFargateMonthlyCost).toStrictEqual(third);
    // unitPrice is a published rate string, not a Decimal: it stays a string.
    expect(typeof back.ec2.lineItems[0]!.unitPrice).toBe("string");
    expect(back.ec2.lineItems[0]!.unitPrice).toBe(c.ec2.lineItems[0]!.unitPrice);
  });

  it("without the extras catalog: EC2 without its whole-bill prices and no Managed Instances, as buildResults", () => {
    const w = throughWorker(s, false);
    const fargate = estimateScenario(s, fargateCatalog);
    expect(w.managedInstances).toBeNull();
    expect(w.ec2).toEqual(estimateEc2WithWholeBill(s, fargate, ec2Catalog));
  });

  it("an estimate that throws comes back as its message", () => {
    const reply = answerClusters({ scenario: { ...s, region: "xx-nowhere-1" }, extras: true }, fargateCatalog, ec2Catalog, extrasCatalog);
    expect(reply.wire).toBeUndefined();
    expect(reply.error).toMatch(/./);
  });
});

describe("clustersInBackground", () => {
  const s = (tasks: number) => Scenario.parse({ version: 1, name: "s", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks }] });

  it("without Web Workers, computes the same estimates in the page", async () => {
    expect(typeof Worker).toBe("undefined"); // node: the fallback path
    const a = await clustersInBackground({ scenario: s(3), extras: true });
    const fargate = estimateScenario(s(3), fargateCatalog, extrasCatalog);
    expect(a?.clusters?.ec2).toEqual(estimateEc2WithWholeBill(s(3), fargate, ec2Catalog, extrasCatalog));
    expect(a?.clusters?.managedInstances).toEqual(estimateManagedInstances(s(3), fargate, ec2Catalog, extrasCatalog));
  });

  it("answers only the latest request: one made while a newer one was asked for is dropped", async () => {
    const first = clustersInBackground({ scenario: s(1), extras: true });
    const second = clustersInBackground({ scenario: s(2), extras: true });
    const third = clustersInBackground({ scenario: s(3), extras: true });
    expect(await first).toBeUndefined();
    expect(await second).toBeUndefined();
    // 3 tasks x 36.0401 of Fargate = 108.1203: the EC2 side compares with the third request's Fargate.
    expect((await third)?.clusters?.ec2.wholeBill.comparedFargateMonthlyCost.toString()).toBe("108.1203");
  });
});
