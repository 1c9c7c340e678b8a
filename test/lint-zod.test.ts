import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * zod is imported from @/lib/catalog only (eslint.config.mjs `zodOnce`), where lib/catalog/zod.ts keeps it from probing
 * `eval` under the page's CSP (issue 19, item 12); a type-only import is fine.
 */
const root = path.resolve(__dirname, "..");
const eslint = new ESLint({ cwd: root });

async function zodErrors(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2 && m.ruleId === "@typescript-eslint/no-restricted-imports").length;
}

describe("zod comes configured from @/lib/catalog (eslint.config.mjs zodOnce)", () => {
  const valueImport = 'import { z } from "zod";\nexport const s = z.string();\n';
  it.each(["lib/scenario/zod-fixture.ts", "lib/rightsizing/zod-fixture.ts", "components/zod-fixture.tsx", "app/api/zod-fixture.ts", "scripts/zod-fixture.ts"])(
    "a value import of zod is an error in %s",
    async (file) => expect(await zodErrors(valueImport, file)).toBe(1),
    60_000,
  );
  it("a type-only import, and lib/catalog/zod.ts itself, are fine", async () => {
    expect(await zodErrors('import type { z } from "zod";\nexport type S = z.ZodString;\n', "lib/http/zod-fixture.ts")).toBe(0);
    expect(await zodErrors(valueImport, "lib/catalog/zod.ts")).toBe(0);
  }, 60_000);
});
