import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const fixture = readFileSync(path.join(root, "test/fixtures/lint/impure-pricing.ts"), "utf8");

async function lintAs(filePath: string) {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(fixture, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
}

describe("lib/pricing purity rule (eslint.config.mjs)", () => {
  it("rejects React, Next, the AWS SDK, components, fetch, env and the clock under lib/pricing", async () => {
    const rules = await lintAs("lib/pricing/impure-fixture.ts");
    // 4 imports, fetch, process, Date.now
    expect(rules.filter((r) => r === "no-restricted-imports")).toHaveLength(4);
    expect(rules.filter((r) => r === "no-restricted-globals")).toHaveLength(2);
    expect(rules).toContain("no-restricted-properties");
  }, 60_000);

  it("does not apply outside lib/pricing (there only the lib-wide rule holds: no components/ import)", async () => {
    const rules = await lintAs("lib/aws/impure-fixture.ts");
    // React, Next, the AWS SDK, fetch, env and the clock are fine in lib/aws; importing a component is not (libLayer).
    expect(rules.filter((r) => r === "no-restricted-imports")).toHaveLength(1);
    expect(rules).not.toContain("no-restricted-globals");
    expect(rules).not.toContain("no-restricted-properties");
  }, 60_000);
});
