import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The layer rules of eslint.config.mjs fire where they should: the same file of boundary-crossing imports
 * (test/fixtures/lint/layer-violations.ts) is linted as if it sat in each layer.
 */
const root = path.resolve(__dirname, "..");
const fixture = readFileSync(path.join(root, "test/fixtures/lint/layer-violations.ts"), "utf8");
const eslint = new ESLint({ cwd: root });

async function restricted(filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(fixture, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2 && m.ruleId === "no-restricted-imports").map((m) => m.message);
}
const count = (messages: string[], fragment: string) => messages.filter((m) => m.includes(fragment)).length;

describe("layer boundaries (eslint.config.mjs)", () => {
  it("lib/pricing may not import lib/scenario, the UI, routes, AWS, Node or server-only", async () => {
    const m = await restricted("lib/pricing/layer-fixture.ts");
    expect(count(m, "owns its input")).toBe(1); // @/lib/scenario/parse
    expect(count(m, "never imports the UI or routes")).toBe(2); // components, app
    expect(count(m, "AWS I/O belongs in lib/aws")).toBe(2); // lib/aws, server-only
    expect(count(m, "no I/O")).toBe(1); // node:fs
    expect(m).toHaveLength(6);
  }, 60_000);

  it("lib/rightsizing is browser-safe (a lint rule, no longer a regex test): no AWS, Node, server-only, UI", async () => {
    const m = await restricted("lib/rightsizing/layer-fixture.ts");
    expect(count(m, "AWS I/O belongs in lib/aws")).toBe(1);
    expect(count(m, "no Node built-ins")).toBe(1);
    expect(count(m, "nothing server-only")).toBe(1);
    expect(count(m, "never imports components/ or app/")).toBe(2);
    expect(m).toHaveLength(5); // lib/scenario is allowed there
  }, 60_000);

  it("every other lib module may not import components/ or app/", async () => {
    const m = await restricted("lib/results/layer-fixture.ts");
    expect(count(m, "never imports components/ or app/")).toBe(2);
    expect(m).toHaveLength(2);
  }, 60_000);

  it("lib/core, the ground floor, imports nothing outside itself: no lib folder, Node built-in or package", async () => {
    const m = await restricted("lib/core/layer-fixture.ts");
    expect(count(m, "lib/core imports nothing outside lib/core")).toBe(6); // scenario, components, app, aws, node:fs, server-only
    expect(m).toHaveLength(6);
    // Its own files by "./name" are fine; "../" out of it, "@/lib/core" (its own entry, from inside), a package and React are not.
    const own = [
      'import { dec } from "./money";',
      'import { estimateScenario } from "../pricing/estimate";',
      'import { ok } from "@/lib/core";',
      'import Big from "big.js";',
      'import { useState } from "react";',
      "export const all = [dec, estimateScenario, ok, Big, useState];",
      "export const impure = [process.env.X, Date.now(), new Date(), Math.random(), fetch];",
    ].join("\n");
    const [result] = await eslint.lintText(own, { filePath: path.join(root, "lib/core/imports-fixture.ts") });
    const messages = result?.messages ?? [];
    const lines = messages.filter((x) => x.ruleId === "no-restricted-imports" && x.message.includes("lib/core imports nothing")).map((x) => x.line);
    expect(lines).toEqual([2, 3, 4, 5]);
    // And as pure as lib/pricing: process, the clock (twice), Math.random and fetch on line 7.
    const impure = messages.filter((x) => x.line === 7 && x.message.includes("lib/core is pure")).map((x) => x.ruleId);
    expect(impure.sort()).toEqual([
      "no-restricted-globals",
      "no-restricted-globals",
      "no-restricted-properties",
      "no-restricted-properties",
      "no-restricted-syntax",
    ]);
  }, 60_000);

  it("lib/core/result.ts, imported by every layer, imports nothing", async () => {
    const m = await restricted("lib/core/result.ts");
    expect(count(m, "lib/core/result.ts imports nothing")).toBe(6); // all six imports of the fixture
    expect(m).toHaveLength(6);
  }, 60_000);

  it("components/ may not import lib/aws", async () => {
    const m = await restricted("components/results/layer-fixture.tsx");
    expect(count(m, "never import lib/aws")).toBe(1);
    expect(m).toHaveLength(1);
  }, 60_000);

  it("routes (app/) may use every layer", async () => {
    expect(await restricted("app/api/layer-fixture.ts")).toEqual([]);
  }, 60_000);
});
