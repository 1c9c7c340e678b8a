/**
 * `npm run build:cli` (part of `npm run build`): bundles the `fargate-estimator` command (scripts/fargate-estimator.ts,
 * with the embedded price snapshots) into dist/cli/fargate-estimator.mjs, one file that needs only Node.js, and writes
 * dist/cli/package.json (no dependencies) so `npm pack dist/cli` gives a tarball that installs offline.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist", "cli");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

export async function buildCli(outDir = out) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
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
    define: { __CLI_VERSION__: JSON.stringify(pkg.version), "process.env.NODE_ENV": '"production"' },
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
