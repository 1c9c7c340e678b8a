// Serves the production build from .next/standalone, laid out as the Docker image lays it out: server.js with
// .next/static and public/ beside it (`next build` leaves those two out of .next/standalone on purpose, so a CDN
// can serve them; without them the page loads without its scripts and styles). Used by `npm start` and by the
// browser tests, so they test the server that ships. Node built-ins only.
//   node scripts/serve-standalone.mjs [--port 3000] [--hostname 0.0.0.0]
import { cpSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const standalone = path.join(root, ".next", "standalone");

/** Copies .next/static and public/ into .next/standalone (replacing older copies). Returns the server's path. */
export function prepareStandalone() {
  const server = path.join(standalone, "server.js");
  if (!existsSync(server)) {
    console.error('[serve] .next/standalone/server.js is missing: run "npx next build" first (next.config.ts sets output: "standalone").');
    process.exit(1);
  }
  for (const [from, to] of [
    [path.join(root, ".next", "static"), path.join(standalone, ".next", "static")],
    [path.join(root, "public"), path.join(standalone, "public")],
  ]) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
  return server;
}

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const server = prepareStandalone();
  // server.js reads PORT and HOSTNAME. HOSTNAME is often the machine's name in a shell: bind where asked, not there.
  process.env.PORT = arg("--port", process.env.PORT ?? "3000");
  process.env.HOSTNAME = arg("--hostname", "0.0.0.0");
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  // In this process (no child to orphan when a test runner stops it): server.js changes into its own folder.
  createRequire(import.meta.url)(server);
}
