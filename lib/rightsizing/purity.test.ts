import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * lib/rightsizing must stay importable from client components: no node:*, no server-only, no AWS SDK, no lib/aws,
 * no Next. This is now the lint rule `rightsizingPurity` (eslint.config.mjs; test/lint-boundaries.test.ts proves it
 * fires on a fixture); here: every shipped lib/rightsizing file passes it.
 */
const root = path.resolve(__dirname, "..", "..");

describe("lib/rightsizing is browser-safe", () => {
  it("every lib/rightsizing module passes the browser-safe lint rule", async () => {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(["lib/rightsizing/**/*.ts"]);
    const shipped = results.filter((r) => !r.filePath.endsWith(".test.ts"));
    expect(shipped.length).toBeGreaterThan(3);
    const bad = shipped.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => `${path.relative(root, r.filePath)}: ${m.message}`),
    );
    expect(bad).toEqual([]);
  }, 60_000);
});
