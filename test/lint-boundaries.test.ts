import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { ENTRIES, LAYERS } from "../eslint.config.mjs";

/**
 * The layer map of eslint.config.mjs (LAYERS, ENTRIES, noCycle, coreLeaf) fires where it should. Fixtures are linted
 * in memory as if they sat in a given folder; each imports real modules, so the import resolver sees real files.
 */
const root = path.resolve(__dirname, "..");
const eslint = new ESLint({ cwd: root });

async function lint(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2);
}
const layerErrors = async (code: string, filePath: string) =>
  (await lint(code, filePath)).filter((m) => m.ruleId === "boundaries/dependencies").map((m) => ({ line: m.line, message: m.message }));

/** One public-entry import per part of the tree, one line each (line i + 1 imports PARTS[i]). */
const PARTS: Record<string, string> = {
  core: 'import { ZERO } from "@/lib/core";',
  env: 'import { env } from "@/lib/env";',
  browser: 'import { inIdleSteps } from "@/lib/browser";',
  catalog: 'import { FargateCatalog } from "@/lib/catalog";',
  pricing: 'import { estimateScenario } from "@/lib/pricing";',
  scenario: 'import { parseScenario } from "@/lib/scenario";',
  billing: 'import { billView } from "@/lib/billing";',
  diff: 'import { diffScenarios } from "@/lib/diff";',
  export: 'import { shownTable } from "@/lib/export";',
  rightsizing: 'import { RightsizingRequest } from "@/lib/rightsizing";',
  results: 'import { buildResults } from "@/lib/results";',
  store: 'import { useScenarioStore } from "@/lib/store";',
  aws: 'import { getEcsServiceRecommendations } from "@/lib/aws";',
  http: 'import { json } from "@/lib/http";',
  components: 'import { Calculator } from "@/components/calculator";',
  app: 'import Page from "@/app/page";',
};
const names = Object.keys(PARTS);
const everyPart = names.map((n) => PARTS[n]).join("\n") + "\nexport const all = 1;\n";
/** Where a fixture of each part sits. */
const home = (part: string) =>
  part === "components" ? "components/results/layer-fixture.tsx" : part === "app" ? "app/api/layer-fixture.ts" : `lib/${part}/layer-fixture.ts`;

describe("layer boundaries: the map (eslint.config.mjs LAYERS)", () => {
  it("lib/pricing may import lib/core and lib/catalog only, never the scenario schema, the UI, routes, AWS or route plumbing", async () => {
    const lines = (await layerErrors(everyPart, "lib/pricing/layer-fixture.ts")).map((e) => names[e.line - 1]);
    // Allowed: core (line 1), catalog (line 4), and pricing itself (line 5, its own folder).
    expect(lines).toEqual(["env", "browser", "scenario", "billing", "diff", "export", "rightsizing", "results", "store", "aws", "http", "components", "app"]);
  }, 120_000);

  it("lib/core, lib/env and lib/http import nothing of the layers above (core nothing at all)", async () => {
    expect((await layerErrors(everyPart, "lib/core/layer-fixture.ts")).map((e) => names[e.line - 1])).toEqual(names.filter((n) => n !== "core"));
    expect((await layerErrors(everyPart, "lib/env/layer-fixture.ts")).map((e) => names[e.line - 1])).toEqual(names.filter((n) => n !== "env"));
    expect((await layerErrors(everyPart, "lib/http/layer-fixture.ts")).map((e) => names[e.line - 1])).toEqual(
      names.filter((n) => !["core", "env", "http"].includes(n)),
    );
  }, 120_000);

  it("components/ may not import lib/aws, lib/http, lib/env or the routes; app/ may use every layer", async () => {
    const components = (await layerErrors(everyPart, "components/results/layer-fixture.tsx")).map((e) => names[e.line - 1]);
    expect(components).toEqual(["env", "aws", "http", "app"]);
    expect(await layerErrors(everyPart, "app/api/layer-fixture.ts")).toEqual([]);
  }, 120_000);

  it("every part imports exactly what the map allows it (the rule implements the whole map)", async () => {
    for (const part of names) {
      const refused = (await layerErrors(everyPart, home(part))).map((e) => names[e.line - 1]);
      const allowed = new Set([part, ...(LAYERS as Record<string, string[]>)[part]!]);
      expect({ part, refused }).toEqual({ part, refused: names.filter((n) => !allowed.has(n)) });
    }
  }, 300_000);

  it("says which layer may not import which", async () => {
    const [e] = await layerErrors('import { json } from "@/lib/http";\nexport const x = json;\n', "lib/pricing/layer-fixture.ts");
    expect(e?.message).toBe(
      "pricing may not import this http module: the layers point one way, and a lib folder is entered only through its public entry, @/lib/http (eslint.config.mjs LAYERS and ENTRIES).",
    );
  }, 60_000);
});

describe("layer boundaries: a lib folder is entered through its public entry (eslint.config.mjs ENTRIES)", () => {
  const code = [
    'import { estimateScenario } from "@/lib/pricing";', // 1 the entry
    'import { FargateEstimateBuilder } from "@/lib/pricing/estimate";', // 2 a file inside: refused
    'import { formatUsd } from "@/lib/core/format";', // 3 a file inside core: refused
    'import { fargateCatalog } from "@/lib/catalog/fargate";', // 4 a snapshot, a declared entry
    'import { mixedScenario } from "@/lib/pricing/ec2/test-helpers";', // 5 test helpers, for tests and the bench
    'import { csvFileName } from "@/lib/export/csv";', // 6 loaded on demand: a declared entry
    'import { parseCsvText } from "@/lib/rightsizing/utilization-csv";', // 7 inside rightsizing: refused
    "export const all = 1;",
  ].join("\n");

  it("refuses a file inside another folder and accepts index.ts, the declared entries and test helpers", async () => {
    expect((await layerErrors(code, "components/results/entry-fixture.tsx")).map((e) => e.line)).toEqual([2, 3, 7]);
    expect((await layerErrors(code, "scripts/entry-fixture.ts")).map((e) => e.line)).toEqual([2, 3, 7]);
  }, 120_000);

  it("inside its own folder a module imports its neighbours directly", async () => {
    expect(
      await layerErrors(
        'import { estimateScenario } from "./estimate";\nimport { ZERO } from "@/lib/core";\nexport const x = [estimateScenario, ZERO];\n',
        "lib/pricing/entry-fixture.ts",
      ),
    ).toEqual([]);
  }, 60_000);

  it("declares the lazily loaded modules and the snapshots by name", () => {
    expect(ENTRIES).toMatchObject({ catalog: ["index.ts", "fargate.ts", "ec2.ts", "extras.ts"], export: ["index.ts", "csv.ts"] });
  });
});

describe("no cycles (eslint.config.mjs noCycle)", () => {
  it("rejects two modules that import each other", async () => {
    const linter = new ESLint({ cwd: root, ignore: false });
    const results = await linter.lintFiles(["test/fixtures/lint/cycle-a.ts", "test/fixtures/lint/cycle-b.ts"]);
    expect(results.map((r) => r.messages.filter((m) => m.ruleId === "import/no-cycle").length)).toEqual([1, 1]);
  }, 120_000);
});

describe("lib/core, the ground floor (eslint.config.mjs coreLeaf)", () => {
  it("imports only its own files: no other lib folder, Node built-in or package; and is pure", async () => {
    const own = [
      'import { dec } from "./money";',
      'import { estimateScenario } from "../pricing/estimate";',
      'import { ok } from "@/lib/core";',
      'import Big from "big.js";',
      'import { useState } from "react";',
      "export const all = [dec, estimateScenario, ok, Big, useState];",
      "export const impure = [process.env.X, Date.now(), new Date(), Math.random(), fetch];",
    ].join("\n");
    const messages = await lint(own, "lib/core/imports-fixture.ts");
    const lines = messages.filter((x) => x.ruleId === "no-restricted-imports" && x.message.includes("lib/core imports nothing")).map((x) => x.line);
    expect(lines).toEqual([2, 3, 4, 5]);
    // As pure as lib/pricing: process, the clock (twice), Math.random and fetch on line 7.
    const impure = messages.filter((x) => x.line === 7 && x.message.includes("lib/core is pure")).map((x) => x.ruleId);
    expect(impure.sort()).toEqual([
      "no-restricted-globals",
      "no-restricted-globals",
      "no-restricted-properties",
      "no-restricted-properties",
      "no-restricted-syntax",
    ]);
  }, 60_000);
});
