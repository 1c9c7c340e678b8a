import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.join(__dirname, "..", "..");
// Node built-ins only (it runs before node_modules exist): plain JavaScript, imported as such.
const load = async () => (await import(pathToFileURL(path.join(__dirname, "setup.mjs")).href)) as { buildInputs: string[] };

describe("npm start's build freshness", () => {
  it("counts every root-level file Next.js builds from, and the build adapter next.config.ts names, as a build input", async () => {
    const { buildInputs } = await load();
    // Next.js reads these from the project root when they exist (the proxy, the instrumentation hooks).
    for (const file of ["next.config.ts", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts"]) {
      if (existsSync(path.join(root, file))) expect(buildInputs).toContain(file);
    }
    const adapter = /adapterPath:[^\n]*new URL\("\.\/([^"]+)"/.exec(readFileSync(path.join(root, "next.config.ts"), "utf8"))?.[1];
    expect(adapter).toBe("scripts/compile-hints-adapter.mjs");
    expect(buildInputs).toContain(adapter);
    for (const p of buildInputs) expect(existsSync(path.join(root, p)), p).toBe(true);
  });
});
