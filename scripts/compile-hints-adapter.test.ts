import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";

interface StaticFile {
  pathname: string;
  filePath: string;
}
interface Adapter {
  COMPILE_HINT: string;
  isBrowserChunk: (pathname: string) => boolean;
  default: { name: string; onBuildComplete: (ctx: { outputs: { staticFiles: StaticFile[] } }) => Promise<void> };
}
// The adapter is plain JavaScript (Next.js imports it while building, with no TypeScript loader).
const load = async () => (await import(pathToFileURL(path.join(__dirname, "compile-hints-adapter.mjs")).href)) as Adapter;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A build's static folder with a chunk (and its source map), a stylesheet and a media file. */
function staticFolder() {
  const dir = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
  dirs.push(dir);
  const chunk = path.join(dir, "0abc.js");
  // Two generated lines. Mappings (base64 VLQ, each field relative to the one before): line 1 "AAAA", column 0 from
  // app.ts line 1, column 0; line 2 "IAMA", column 0 + 4 ("I") from app.ts line 1 + 6 ("M") = 7, column 0.
  writeFileSync(chunk, "var a = 1;\nvar b = 2;\n//# sourceMappingURL=0abc.js.map\n");
  writeFileSync(path.join(dir, "0abc.js.map"), JSON.stringify({ version: 3, sources: ["app.ts"], names: [], mappings: "AAAA;IAMA" }));
  const css = path.join(dir, "1def.css");
  writeFileSync(css, "body{color:red}");
  const font = path.join(dir, "x.js.txt");
  writeFileSync(font, "not a chunk");
  const files: StaticFile[] = [
    { pathname: "/_next/static/chunks/0abc.js", filePath: chunk },
    { pathname: "/_next/static/chunks/1def.css", filePath: css },
    { pathname: "/_next/static/media/x.js.txt", filePath: font },
  ];
  return { dir, chunk, css, font, files };
}

describe("compile-hints build adapter", () => {
  it("knows the browser's JavaScript chunks from the build's other static files", async () => {
    const { isBrowserChunk } = await load();
    expect(isBrowserChunk("/_next/static/chunks/0i-jya7r_v-w7.js")).toBe(true);
    expect(isBrowserChunk("/_next/static/chunks/turbopack-worker-1hrsqshz0gfey.js")).toBe(true);
    expect(isBrowserChunk("/base/_next/static/chunks/0abc.js")).toBe(true); // under a basePath
    expect(isBrowserChunk("/_next/static/chunks/0abc.js.map")).toBe(false);
    expect(isBrowserChunk("/_next/static/chunks/1odgjjq1k7h8q.css")).toBe(false);
    expect(isBrowserChunk("/_next/static/media/font.woff2")).toBe(false);
    expect(isBrowserChunk("/_next/static/BUILD_ID/_buildManifest.js")).toBe(false);
  });

  it("puts the hint on each chunk's first line once, leaves other files alone, and keeps the source map pointing at the same code", async () => {
    const adapter = await load();
    const { chunk, css, font, files, dir } = staticFolder();
    const mapFile = path.join(dir, "0abc.js.map");
    await adapter.default.onBuildComplete({ outputs: { staticFiles: files } });
    const text = readFileSync(chunk, "utf8");
    expect(text).toBe(`${adapter.COMPILE_HINT}var a = 1;\nvar b = 2;\n//# sourceMappingURL=0abc.js.map\n`);
    expect(text.split("\n")[0]).toBe("//# allFunctionsCalledOnLoad");
    // A map's lines are its mappings' ";"-separated groups: one empty group first, so nothing maps the hint's line and
    // "var b" (now line 3, column 4) still maps to app.ts line 7, column 0 ("IAMA", unchanged, is now the third group).
    expect(JSON.parse(readFileSync(mapFile, "utf8"))).toEqual({ version: 3, sources: ["app.ts"], names: [], mappings: ";AAAA;IAMA" });
    expect(readFileSync(css, "utf8")).toBe("body{color:red}");
    expect(readFileSync(font, "utf8")).toBe("not a chunk");

    // A second run (the same build's output handed over again) changes nothing: one hint, the map moved once.
    await adapter.default.onBuildComplete({ outputs: { staticFiles: files } });
    expect(readFileSync(chunk, "utf8")).toBe(text);
    expect(JSON.parse(readFileSync(mapFile, "utf8")).mappings).toBe(";AAAA;IAMA");
  });

  it("finds the map a chunk names before a debug ID line, and says so when it cannot move the map it names", async () => {
    const { default: adapter } = await load();
    const { chunk, files, dir } = staticFolder();
    writeFileSync(chunk, "var a = 1;\n//# sourceMappingURL=0abc.js.map\n//# debugId=5b8e0f5a-0000-4000-8000-000000000000\n");
    await adapter.onBuildComplete({ outputs: { staticFiles: files } });
    expect(JSON.parse(readFileSync(path.join(dir, "0abc.js.map"), "utf8")).mappings).toBe(";AAAA;IAMA");

    // A map that is not there (or not beside the chunk): the chunk is marked, and the build log says its map is off.
    const other = path.join(dir, "2ghi.js");
    writeFileSync(other, "var c = 3;\n//# sourceMappingURL=https://cdn.example.com/2ghi.js.map\n");
    const missing = path.join(dir, "3jkl.js");
    writeFileSync(missing, "var d = 4;\n//# sourceMappingURL=3jkl.js.map\n");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await adapter.onBuildComplete({
        outputs: {
          staticFiles: [
            { pathname: "/_next/static/chunks/2ghi.js", filePath: other },
            { pathname: "/_next/static/chunks/3jkl.js", filePath: missing },
          ],
        },
      });
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
        expect.stringContaining("2ghi.js: its source map could not be moved"),
        expect.stringContaining("3jkl.js: its source map could not be moved"),
      ]);
    } finally {
      warn.mockRestore();
    }
    expect(readFileSync(other, "utf8").startsWith("//# allFunctionsCalledOnLoad\n")).toBe(true);
    expect(readFileSync(missing, "utf8").startsWith("//# allFunctionsCalledOnLoad\n")).toBe(true);
  });

  it("moves a sectioned source map's sections down one line", async () => {
    const { default: adapter } = await load();
    const { chunk, files, dir } = staticFolder();
    writeFileSync(
      path.join(dir, "0abc.js.map"),
      JSON.stringify({ version: 3, sections: [{ offset: { line: 1, column: 0 }, map: { version: 3, sources: ["b.ts"], names: [], mappings: "IAAA" } }] }),
    );
    await adapter.onBuildComplete({ outputs: { staticFiles: files } });
    expect(readFileSync(chunk, "utf8").startsWith("//# allFunctionsCalledOnLoad\n")).toBe(true);
    const map = JSON.parse(readFileSync(path.join(dir, "0abc.js.map"), "utf8")) as { sections: { offset: { line: number } }[] };
    expect(map.sections[0]!.offset.line).toBe(2);
  });
});
