// A Next.js build adapter (next.config.ts `adapterPath`; Next calls its onBuildComplete at the end of every
// `next build`: `npm start`, `npm test`, the Dockerfile and a plain `npx next build` alike). It marks each of the
// browser's JavaScript chunks with V8's explicit compile hint, the magic comment `//# allFunctionsCalledOnLoad` on a
// file's first line (https://v8.dev/blog/explicit-compile-hints, Chrome 136 and later; other browsers read a comment).
//
// Why: Chrome compiles a script's functions lazily, on the main thread, the first time each is called. The page calls
// nearly all of its chunks' code while it loads (the framework, the calculator's modules, the engine), and at 4× CPU
// throttling those lazy compiles were about a sixth of the main thread's work before the form was usable, the biggest
// part of the framework's first task included (issue 24 item 7). With the hint Chrome compiles the whole file on a
// background thread as it downloads (and its code cache keeps the result for the next visit). The figures, with and
// without the hint, are in the README ("Ready sooner, session 7"); the page's JavaScript heap grows by about 1 MB.
//
// Every chunk is marked, those loaded later (bill reader, charts, workers) too: they too run most of what they load,
// and their compile then happens off the main thread. The content, not the name, changes: a chunk's name is its
// content hash at build time, and the hint is the same for every build, so cached copies stay right (a copy cached
// before the first build with hints, under the same name, works the same without them). A chunk's source
// map (productionBrowserSourceMaps) is moved down the same one line, so it still points at the right code.
// Node built-ins only; idempotent (a file already marked is left as it is).
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** Whether `pathname` (a static file's URL path) is one of the browser's JavaScript chunks. */
export function isBrowserChunk(pathname) {
  return /^(\/[^?#]*)?\/_next\/static\/chunks\/[^?#]+\.js$/.test(pathname);
}

/** A source map (version 3, flat or sectioned) for the same code one line further down. */
function mapOneLineDown(map) {
  if (Array.isArray(map.sections)) return { ...map, sections: map.sections.map((s) => ({ ...s, offset: { ...s.offset, line: s.offset.line + 1 } })) };
  return { ...map, mappings: `;${map.mappings}` };
}

/**
 * The source map file a chunk names (its last `//# sourceMappingURL=` comment, resolved beside the chunk), "" when it
 * names none, or null when it names one this cannot move (inline, elsewhere, or missing).
 */
function namedMapFile(file, text) {
  const urls = [...text.matchAll(/^\/\/# sourceMappingURL=(\S+)\s*$/gm)];
  if (urls.length === 0) return "";
  const url = urls[urls.length - 1][1];
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("/")) return null; // data:, http(s):, or absolute
  let name;
  try {
    name = decodeURIComponent(url.replace(/[?#].*$/, ""));
  } catch {
    return null;
  }
  const mapFile = path.resolve(path.dirname(file), name);
  return existsSync(mapFile) ? mapFile : null;
}

/**
 * Adds the compile hint as `file`'s first line, unless it is there already, and moves the source map it names (a
 * relative path from the chunk), if any, one line down. A map it names but that cannot be moved is said on stderr (it would point
 * one line off). Returns whether the file changed.
 */
async function addCompileHint(file) {
  const text = await readFile(file, "utf8");
  if (text.startsWith(COMPILE_HINT)) return false;
  await writeFile(file, COMPILE_HINT + text);
  const mapFile = namedMapFile(file, text);
  if (mapFile) await writeFile(mapFile, JSON.stringify(mapOneLineDown(JSON.parse(await readFile(mapFile, "utf8")))));
  else if (mapFile === null) console.warn(`[compile-hints] ${file}: its source map could not be moved down the hint's line (it points one line off)`);
  return true;
}

/** @type {import("next").NextAdapter} */
const adapter = {
  name: "compile-hints",
  async onBuildComplete({ outputs }) {
    let marked = 0;
    for (const file of outputs.staticFiles) if (isBrowserChunk(file.pathname) && (await addCompileHint(file.filePath))) marked++;
    console.log(`[compile-hints] ${marked} JavaScript chunk(s) marked //# allFunctionsCalledOnLoad`);
  },
};

export default adapter;
