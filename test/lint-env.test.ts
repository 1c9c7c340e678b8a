import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * Environment variables are read in lib/env/index.ts only (eslint.config.mjs `envReads`): the same four reads
 * (test/fixtures/lint/env-reads.ts: process.env.X, process["env"], globalThis.process.env, const { env } = process)
 * linted as if the file sat in each place.
 */
const root = path.resolve(__dirname, "..");
const fixture = readFileSync(path.join(root, "test/fixtures/lint/env-reads.ts"), "utf8");
const eslint = new ESLint({ cwd: root });

async function envErrors(filePath: string): Promise<number> {
  const [result] = await eslint.lintText(fixture, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2 && m.ruleId === "no-restricted-syntax" && m.message.includes("through lib/env ")).length;
}

describe("environment variables are read in lib/env/index.ts only (eslint.config.mjs envReads)", () => {
  it.each([
    "lib/http/env-fixture.ts",
    "lib/results/env-fixture.ts",
    "app/api/estimate/env-fixture.ts",
    "components/env-fixture.tsx",
    "proxy.ts",
    "next.config.ts",
    "scripts/env-fixture.ts",
    "scripts/lib/env-fixture.ts",
    "test/setup-fast-check.ts",
  ])(
    "all four reads are errors in %s",
    async (file) => {
      expect(await envErrors(file)).toBe(4);
    },
    60_000,
  );

  it.each([
    "lib/env/index.ts",
    "instrumentation.ts",
    "scripts/start.mjs",
    "scripts/lib/setup.mjs",
    "playwright.config.ts",
    "e2e/env-fixture.spec.ts",
    "lib/http/http.test.ts",
  ])(
    "none is an error in %s (the module itself and the listed exceptions)",
    async (file) => {
      expect(await envErrors(file)).toBe(0);
    },
    60_000,
  );

  it("under lib/pricing the stricter purity rule forbids `process` itself", async () => {
    const [result] = await eslint.lintText(fixture, { filePath: path.join(root, "lib/pricing/env-fixture.ts") });
    const globals = (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-globals" && m.message.includes("no environment"));
    expect(globals).toHaveLength(3); // process.env, process["env"], = process (globalThis.process is a property, not the global)
  }, 60_000);
});
