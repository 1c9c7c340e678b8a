/**
 * `npm run build:cli` (part of `npm run build`): bundles the `fargate-estimator` command (scripts/fargate-estimator.ts,
 * with the embedded price snapshots) into dist/cli/fargate-estimator.mjs, one file that needs only Node.js, and writes
 * dist/cli/package.json (no dependencies) so `npm pack dist/cli` gives a tarball that installs offline.
 *
 * The price snapshots (lib/catalog/data/*.json) are parsed with their zod schemas here, once, and the bundle embeds
 * the parse's output as a JSON string (`JSON.parse("...")`, which V8 reads faster than the same object literal); the
 * bundle's `__CATALOGS_PARSED__` then skips the parse at run time (lib/catalog/embedded.ts), which was most of the
 * CLI's start time. A snapshot that does not pass its schema fails the build.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist", "cli");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

const CATALOGS = {
  "fargate.json": "FargateCatalog",
  "ec2.json": "Ec2Catalog",
  "extras.json": "ExtrasCatalog",
};

/**
 * Each embedded snapshot parsed with its schema (lib/catalog), as the JSON text the bundle embeds: the schemas are
 * bundled with esbuild into a module of their own and run here. Throws (zod's error) if a snapshot is invalid.
 * `dataDir`: somewhere else than lib/catalog/data (the tests pass a broken copy).
 */
export async function parseCatalogs(dataDir = path.join(root, "lib", "catalog", "data")) {
  const names = Object.values(CATALOGS);
  const { outputFiles } = await build({
    stdin: { contents: `export { ${names.join(", ")} } from "@/lib/catalog";`, resolveDir: root, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    write: false,
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
  const schemas = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString("base64")}`);
  const parsed = {};
  for (const [file, schema] of Object.entries(CATALOGS)) {
    const result = schemas[schema].safeParse(JSON.parse(readFileSync(path.join(dataDir, file), "utf8")));
    if (!result.success) throw new Error(`lib/catalog/data/${file} does not pass ${schema}: ${result.error.message}`);
    parsed[file] = JSON.stringify(result.data);
  }
  return parsed;
}

export async function buildCli(outDir = out) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  const catalogs = await parseCatalogs();
  /** The snapshots' JSON imports: the parsed data, as a string for JSON.parse. */
  const parsedCatalogs = {
    name: "parsed-catalogs",
    setup(b) {
      b.onLoad({ filter: /[\\/]lib[\\/]catalog[\\/]data[\\/][^\\/]+\.json$/ }, (args) => {
        const text = catalogs[path.basename(args.path)];
        if (text === undefined) throw new Error(`${args.path}: a snapshot the build does not parse (add it to CATALOGS)`);
        return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: "js" };
      });
    },
  };
  await build({
    entryPoints: [path.join(root, "scripts", "fargate-estimator.ts")],
    outdir: outDir,
    entryNames: "fargate-estimator",
    chunkNames: "chunks/[name]-[hash]",
    splitting: true,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    legalComments: "linked",
    tsconfig: path.join(root, "tsconfig.json"),
    define: { __CLI_VERSION__: JSON.stringify(pkg.version), __CATALOGS_PARSED__: "true", "process.env.NODE_ENV": '"production"' },
    plugins: [parsedCatalogs],
    // A few dependencies still call require(): give the ES module one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: "warning",
  });
  // The shebang first (esbuild puts the banner above it otherwise).
  const entry = path.join(outDir, "fargate-estimator.mjs");
  writeFileSync(entry, `#!/usr/bin/env node\n${readFileSync(entry, "utf8").replace(/^#!.*\n/m, "")}`);
  chmodSync(entry, 0o755);
  const manifest = {
    name: "fargate-estimator",
    version: pkg.version,
    description: pkg.description,
    license: pkg.license ?? "UNLICENSED",
    type: "module",
    bin: { "fargate-estimator": "fargate-estimator.mjs" },
    files: ["fargate-estimator.mjs", "chunks/", "*.LEGAL.txt", "README.md"],
    engines: { node: ">=20.9" },
  };
  writeFileSync(path.join(outDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(path.join(root, "scripts", "cli-readme.md"), path.join(outDir, "README.md"));
  return { outDir, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --out DIR: somewhere else than dist/cli (the tests build their own copy).
  const at = process.argv.indexOf("--out");
  const { outDir, ms } = await buildCli(at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : out);
  console.log(`Bundled the CLI into ${path.relative(root, outDir) || "."}/fargate-estimator.mjs in ${ms} ms`);
}
