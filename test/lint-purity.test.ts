import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const fixture = readFileSync(path.join(root, "test/fixtures/lint/impure-pricing.ts"), "utf8");

async function lintAs(filePath: string, code = fixture) {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2);
}
const rules = (messages: { ruleId: string | null }[]) => messages.map((m) => m.ruleId);

describe("purity (eslint.config.mjs pricingPurity, browserSafe)", () => {
  it("rejects React, Next, the AWS SDK, fetch, env and the clock under lib/pricing (and the UI by the layer map)", async () => {
    const m = rules(await lintAs("lib/pricing/impure-fixture.ts"));
    // react, next/server, @aws-sdk/client-pricing; fetch, process; Date.now; and components/ (the layer map)
    expect(m.filter((r) => r === "no-restricted-imports")).toHaveLength(3);
    expect(m.filter((r) => r === "no-restricted-globals")).toHaveLength(2);
    expect(m.filter((r) => r === "no-restricted-properties")).toHaveLength(1);
    expect(m.filter((r) => r === "boundaries/dependencies")).toHaveLength(1);
  }, 60_000);

  it("lib/pricing never imports a price snapshot or a Node built-in; the schema and types come from @/lib/catalog", async () => {
    const code = [
      'import { fargateCatalog } from "@/lib/catalog/fargate";',
      'import { readFileSync } from "node:fs";',
      'import { gzipSync } from "zlib";',
      'import type { FargateCatalog } from "@/lib/catalog";',
      "export const x = [fargateCatalog, readFileSync, gzipSync] as unknown as FargateCatalog;",
    ].join("\n");
    const m = (await lintAs("lib/pricing/snapshot-fixture.ts", code)).filter((x) => x.ruleId === "no-restricted-imports");
    expect(m.map((x) => x.line)).toEqual([1, 2, 3]);
    expect(m[0]?.message).toContain("takes the catalog as an argument");
  }, 60_000);

  it("does not apply outside lib/pricing: lib/aws may use React, Next, the AWS SDK, fetch and the clock (the map refuses the UI, envReads process.env)", async () => {
    const m = rules(await lintAs("lib/aws/impure-fixture.ts"));
    expect(m.sort()).toEqual(["boundaries/dependencies", "no-restricted-syntax"]);
  }, 60_000);

  it("browser code (lib/rightsizing, lib/browser, components) takes no Node built-in, nothing server-only, no AWS SDK", async () => {
    const code = [
      'import { readFileSync } from "node:fs";',
      'import http from "http";',
      'import "server-only";',
      'import { PricingClient } from "@aws-sdk/client-pricing";',
      'import { json } from "@/lib/http";', // refused by the map, not mistaken for the Node built-in "http"
      "export const x = [readFileSync, http, PricingClient, json];",
    ].join("\n");
    for (const where of ["lib/rightsizing/browser-fixture.ts", "lib/browser/browser-fixture.ts", "components/ui/browser-fixture.tsx"]) {
      const m = await lintAs(where, code);
      expect(m.filter((x) => x.ruleId === "no-restricted-imports").map((x) => x.line)).toEqual([1, 2, 3, 4]);
      expect(m.filter((x) => x.ruleId === "boundaries/dependencies").map((x) => x.line)).toEqual([5]);
    }
  }, 120_000);
});
