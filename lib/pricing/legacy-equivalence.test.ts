import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateToCsv, type CsvInput } from "@/lib/export/csv";
import { parseScenario } from "@/lib/scenario/parse";
import type { ScenarioInput, WorkloadInput } from "@/lib/scenario/schema";
import { FC_RUNS } from "@/test/setup-fast-check";
import { estimateAll as legacyEstimateAll } from "@/test/legacy-engine/estimate";
import { spotSeries as legacySpotSeries } from "@/test/legacy-engine/spot-series";
import { mixedScenario } from "./ec2/test-helpers";
import { estimateAll } from "./estimate";
import { allSizes } from "./sizes";
import { spotSeries } from "./spot-series";

/**
 * The engine against its big.js predecessor (test/legacy-engine, frozen): random valid scenarios, version 1 and 2,
 * every schedule, purchase option, platform and EC2 setting, priced by both; the JSON the CLI and the API send
 * and the CSV export must be identical byte for byte (decimals are full-precision strings, so any drift shows).
 */
const linux = allSizes("linux");
const windows = allSizes("windows");
// Mostly regions with every extras price; a few with gaps (no inter-AZ price, no Fargate Spot) now and then.
const region = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom("us-east-1", "eu-west-1", "us-west-2", "eu-central-1", "us-east-2") },
  { weight: 1, arbitrary: fc.constantFrom("ap-southeast-2", "sa-east-1", "af-south-1", "eu-central-2") },
);

const decimal = (max: number, places: number) => fc.integer({ min: 0, max: max * 10 ** places }).map((n) => n / 10 ** places);
const schedule = fc.oneof(
  fc.constant({ type: "always-on" as const }),
  fc.record({ type: fc.constant("duty-cycle" as const), percent: fc.oneof(fc.integer({ min: 0, max: 100 }), decimal(100, 3)) }),
  fc.record({
    type: fc.constant("batch" as const),
    runsPerMonth: fc.integer({ min: 0, max: 50_000 }),
    secondsPerRun: fc.oneof(fc.integer({ min: 1, max: 90_000 }), fc.double({ min: 0.5, max: 86_400, noNaN: true })),
  }),
);
const extras = fc.record(
  {
    publicIp: fc.boolean(),
    logs: fc.record({ ingestedGiBPerMonth: decimal(500, 2), storedGiB: decimal(2000, 1) }),
  },
  { requiredKeys: [] },
);
const common = {
  name: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim().length > 0),
  tasks: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 3000 })),
  schedule,
};
const ecsLinux = fc.record({
  ...common,
  platform: fc.constant("ecs" as const),
  os: fc.constant("linux" as const),
  arch: fc.constantFrom("x86_64" as const, "arm64" as const),
  size: fc.constantFrom(...linux),
  storageGiB: fc.integer({ min: 20, max: 200 }),
  spotPercent: fc.oneof(fc.constantFrom(0, 0, 50, 100), decimal(100, 2)),
  savingsPlan: fc.constantFrom("none" as const, "1yr-no-upfront" as const, "3yr-all-upfront" as const, "1yr-all-upfront" as const, "3yr-no-upfront" as const),
});
const windowsTask = fc.record({
  ...common,
  platform: fc.constant("ecs" as const),
  os: fc.constant("windows" as const),
  size: fc.constantFrom(...windows),
  savingsPlan: fc.constantFrom("none" as const, "1yr-no-upfront" as const, "3yr-all-upfront" as const),
});
// EKS pods request anything: Fargate adds 256 MiB and rounds up.
const eksPod = fc.record({
  ...common,
  platform: fc.constant("eks" as const),
  size: fc.record({
    vcpu: fc.constantFrom(0.1, 0.25, 0.3, 0.5, 1, 1.5, 2, 3.7, 4, 8, 16),
    memoryGiB: fc.constantFrom(0.2, 0.5, 1, 1.75, 2, 3, 7.75, 8, 30, 60, 100),
  }),
  storageGiB: fc.integer({ min: 20, max: 175 }),
  savingsPlan: fc.constantFrom("none" as const, "3yr-no-upfront" as const),
});
const workload = fc
  .tuple(fc.oneof({ weight: 6, arbitrary: ecsLinux }, { weight: 1, arbitrary: windowsTask }, { weight: 2, arbitrary: eksPod }), extras)
  .map(([{ size, ...w }, x]): WorkloadInput => ({ ...w, vcpu: size.vcpu, memoryGiB: size.memoryGiB, ...x }));

const services = fc.record(
  {
    loadBalancers: fc.array(
      fc.record({
        name: fc.constantFrom("web", "api"),
        type: fc.constantFrom("application" as const, "network" as const),
        capacityUnits: decimal(50, 2),
        internetFacing: fc.boolean(),
        azs: fc.integer({ min: 1, max: 6 }),
      }),
      { maxLength: 2 },
    ),
    natGateways: fc.record({ count: fc.integer({ min: 0, max: 4 }), processedGiBPerMonth: decimal(5000, 1) }),
    dataTransfer: fc.record({
      internetOutGiBPerMonth: fc.oneof(decimal(20_000, 1), fc.integer({ min: 0, max: 600_000 })),
      interAzGiBPerMonth: decimal(5000, 2),
    }),
    fileSystems: fc.array(
      fc.record({
        name: fc.constant("fs"),
        storageClass: fc.constantFrom("standard" as const, "standard-ia" as const, "archive" as const, "one-zone" as const, "one-zone-ia" as const),
        storedGiB: decimal(1000, 1),
        readGiBPerMonth: decimal(500, 1),
        writeGiBPerMonth: decimal(500, 1),
      }),
      { maxLength: 2 },
    ),
    eksClusters: fc.record({ count: fc.integer({ min: 0, max: 3 }), extendedSupport: fc.boolean() }),
    containerRegistry: fc.record({ storedGiB: decimal(300, 2) }),
  },
  { requiredKeys: [] },
);

const ec2 = fc.record(
  {
    networking: fc.constantFrom("awsvpc" as const, "bridge" as const),
    eniTrunking: fc.boolean(),
    headroomPercent: fc.integer({ min: 0, max: 30 }),
    reservedMemoryMiB: fc.integer({ min: 0, max: 1024 }),
    unregisteredMemoryPercent: decimal(10, 1),
    scaling: fc.constantFrom("always-on" as const, "scale-with-tasks" as const),
    spotPercent: fc.oneof(fc.constantFrom(0, 30, 100), decimal(100, 1)),
    commitment: fc.constantFrom("none" as const, "1yr" as const, "3yr" as const),
    ebsRootGiB: fc.integer({ min: 1, max: 200 }),
    instanceTypes: fc.oneof(
      fc.constant([] as string[]),
      fc.subarray(["m6i.large", "m6i.xlarge", "c6i.2xlarge", "r6i.large", "m7g.large", "c7g.xlarge", "m5.24xlarge"], { minLength: 1 }),
    ),
  },
  { requiredKeys: [] },
);

const scenario = fc
  .record({ region, workloads: fc.array(workload, { minLength: 1, maxLength: 6 }), services: fc.option(services, { nil: undefined }), ec2 })
  .map(({ services: s, workloads, ...rest }): ScenarioInput => {
    const v2 = s !== undefined || workloads.some((w) => w.publicIp !== undefined || w.logs !== undefined);
    return { ...rest, name: "equivalence", ...(v2 ? { version: 2 as const } : {}), workloads, ...(s ? { services: s } : {}) };
  });

/**
 * Byte for byte, with one allowance: EC2 fleets are now ranked by the result's exact prices (issue 14) where the
 * old engine ranked by a float copy of the formula, so among fleets of exactly equal cost the old choice and order
 * came from float noise. The Fargate side, services and totals must match byte for byte; the EC2 part must too,
 * unless it is such a tie: then the chosen fleet's cost, the compared Fargate cost, the whole bill and the
 * alternatives' costs must still be equal (the instances may differ). Returns whether it was a tie.
 */
function expectSame(now: unknown, before: unknown): boolean {
  const a = JSON.parse(JSON.stringify(now)) as Record<string, unknown> & { ec2?: Ec2Json };
  const b = JSON.parse(JSON.stringify(before)) as Record<string, unknown> & { ec2?: Ec2Json };
  const { ec2: ea, ...restA } = a;
  const { ec2: eb, ...restB } = b;
  expect(JSON.stringify(restA, null, 2)).toBe(JSON.stringify(restB, null, 2));
  if (JSON.stringify(ea) === JSON.stringify(eb)) return false;
  const costs = (e?: Ec2Json) => ({
    monthlyCost: e?.monthlyCost,
    compared: e?.comparedFargateMonthlyCost,
    wholeBill: e?.wholeBill?.monthlyCost,
    alternatives: e?.alternatives?.map((x) => x.monthlyCost).sort(),
    breakEvenDutyCycle: e?.breakEven?.dutyCyclePercent,
  });
  expect(costs(ea)).toEqual(costs(eb));
  return true;
}
interface Ec2Json {
  monthlyCost: string | null;
  comparedFargateMonthlyCost: string;
  wholeBill?: { monthlyCost: string | null };
  alternatives?: { monthlyCost: string }[];
  breakEven?: { dutyCyclePercent: number | null };
}

describe("engine = the big.js engine, byte for byte (fast-check)", () => {
  it("estimateAll's JSON (CLI, API) and the CSV export are identical on random valid scenarios", () => {
    let priced = 0;
    let ties = 0;
    fc.assert(
      fc.property(scenario, (input) => {
        const parsed = parseScenario(input, fargateCatalog, extrasCatalog);
        if (!parsed.ok) return; // e.g. a region without an extras price for an item: the schema refuses it first
        const run = (f: typeof estimateAll) => {
          try {
            return { ok: true as const, value: f(parsed.value, fargateCatalog, ec2Catalog, extrasCatalog) };
          } catch (e) {
            return { ok: false as const, error: String(e) };
          }
        };
        const now = run(estimateAll);
        const before = run(legacyEstimateAll as unknown as typeof estimateAll);
        expect(now.ok).toBe(before.ok);
        if (!now.ok || !before.ok) return expect(String(now.ok ? "" : now.error)).toBe(before.ok ? "" : before.error);
        priced++;
        const tie = expectSame(now.value, before.value);
        if (tie) ties++;
        // The legacy values are big.js numbers: the export reads them through their strings.
        const csv = (e: unknown) => estimateToCsv({ fargate: e as CsvInput["fargate"], ec2: tie ? undefined : (e as { ec2: CsvInput["ec2"] }).ec2 });
        expect(csv(now.value)).toBe(csv(before.value));
      }),
    );
    expect(priced).toBeGreaterThan(FC_RUNS / 2);
    // Exact-cost ties between fleets are rare: almost every scenario's EC2 part is byte for byte the same.
    expect(ties).toBeLessThan(Math.max(3, priced / 20));
  });

  it("at scale too: 2,000 mixed workloads, both cluster scalings, with and without Spot and a commitment", () => {
    const cases: ScenarioInput[] = [
      mixedScenario(2000),
      mixedScenario(2000, { scaling: "scale-with-tasks" }, true),
      mixedScenario(2000, { scaling: "scale-with-tasks", spotPercent: 40, commitment: "1yr" }, true),
      {
        ...mixedScenario(600, { networking: "bridge" }, true),
        workloads: mixedScenario(600, {}, true).workloads.map((w, i) => ({ ...w, spotPercent: i % 4 === 0 ? 33.3 : 0, storageGiB: 20 + (i % 3) * 30 })),
      },
    ];
    for (const input of cases) {
      const parsed = parseScenario(input, fargateCatalog, extrasCatalog);
      if (!parsed.ok) throw new Error(parsed.error[0]!.message);
      const now = estimateAll(parsed.value, fargateCatalog, ec2Catalog, extrasCatalog);
      const before = legacyEstimateAll(parsed.value, fargateCatalog, ec2Catalog, extrasCatalog);
      expect(expectSame(now, before)).toBe(false);
    }
  });

  it("the Spot savings series is identical", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const parsed = parseScenario(input, fargateCatalog, extrasCatalog);
        if (!parsed.ok) return;
        expect(JSON.stringify(spotSeries(parsed.value, fargateCatalog))).toBe(JSON.stringify(legacySpotSeries(parsed.value, fargateCatalog)));
      }),
      { numRuns: 50 },
    );
  });
});
