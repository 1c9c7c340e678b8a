// Set-up steps shared by `npm start` and `npm test`. Node built-ins only: these run before node_modules exist.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const stampFile = path.join(root, "node_modules", ".deps-stamp");

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, ...opts });
  return res.status ?? 1;
}

function depsHash() {
  const h = createHash("sha256");
  for (const f of ["package.json", "package-lock.json"]) {
    const p = path.join(root, f);
    if (existsSync(p)) h.update(readFileSync(p));
  }
  return h.digest("hex");
}

/** Installs dependencies when node_modules is missing or was installed from another package.json / lock. */
export function ensureDeps() {
  const want = depsHash();
  const have = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";
  if (existsSync(path.join(root, "node_modules")) && have === want) return;
  const hasLock = existsSync(path.join(root, "package-lock.json"));
  console.log(`[setup] installing dependencies (${hasLock ? "npm ci" : "npm install"})...`);
  const status = run("npm", [hasLock ? "ci" : "install", "--no-audit", "--no-fund", "--loglevel=error"]);
  if (status !== 0) {
    console.error("[setup] dependency install failed; see the npm output above.");
    process.exit(status);
  }
  writeFileSync(stampFile, `${want}\n`);
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Installs Debian's chromium when missing (as root); otherwise says how. Returns true when a browser is there. */
export function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `[setup] Chromium not found at ${chromiumPath}: run "sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium" (or set CHROMIUM_PATH).`,
    );
    return false;
  }
  console.log("[setup] installing Debian's chromium for the browser tests...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["update", "-qq"], { env }) !== 0) return false;
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { env });
  return existsSync(chromiumPath);
}

/**
 * What `next build` reads: a build older than any of these is rebuilt by `npm start`. Next.js's root-level files
 * (the proxy, both instrumentation hooks) and the build adapter next.config.ts names are in it (the adapter marks the
 * chunks at the end of the build).
 */
export const buildInputs = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "scripts/compile-hints-adapter.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "package.json",
];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === "node_modules" || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** True when .next holds a production build newer than every input of the build. */
export function buildIsFresh() {
  const id = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(id) || !existsSync(path.join(root, ".next", "standalone", "server.js"))) return false;
  const built = statSync(id).mtimeMs;
  return buildInputs.every((p) => newestMtime(path.join(root, p)) <= built);
}
