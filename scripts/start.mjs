// `npm start`: install what is missing, build when stale, serve the production app.
import { buildIsFresh, ensureDeps, run } from "./lib/setup.mjs";

ensureDeps();
if (!buildIsFresh()) {
  console.log("[start] building the app...");
  const status = run("npx", ["next", "build"]);
  if (status !== 0) process.exit(status);
}
const port = process.env.PORT ?? "3000";
console.log(`[start] serving on http://localhost:${port}`);
process.exit(run("npx", ["next", "start", "-p", port]));
