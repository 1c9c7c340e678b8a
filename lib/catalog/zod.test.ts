import { afterEach, describe, expect, it, vi } from "vitest";
import { globalConfig } from "zod/v4/core";

/** Issue 19, item 12: in a page, zod must not probe `eval` (a CSP violation on every load); in Node it keeps its JIT. */
describe("lib/catalog/zod.ts", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
    globalConfig.jitless = undefined;
  });

  it("sets zod jitless where there is a document, once the catalog's schemas load", async () => {
    vi.resetModules();
    globalConfig.jitless = undefined;
    vi.stubGlobal("document", {});
    await import("@/lib/catalog");
    expect(globalConfig.jitless).toBe(true);
  });

  it("leaves Node's zod as it was (its compiled parsers are faster)", async () => {
    vi.resetModules();
    globalConfig.jitless = undefined;
    await import("@/lib/catalog");
    expect(globalConfig.jitless).toBeUndefined();
  });
});
