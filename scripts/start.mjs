// `npm start`: install what is missing, build when stale, serve the production app.
import { buildIsFresh, ensureDeps, run } from "./lib/setup.mjs";

// Off EC2, the SDK's instance-metadata credential lookup only adds seconds of waiting: skip it unless asked.
process.env.AWS_EC2_METADATA_DISABLED ??= "true";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

ensureDeps();
if (!buildIsFresh()) {
  console.log("[start] building the app...");
  const status = run("npx", ["next", "build"]);
  if (status !== 0) process.exit(status);
}
const port = process.env.PORT ?? "3000";
console.log(`[start] serving on http://localhost:${port}`);
// The standalone server (what the Docker image runs), with .next/static and public/ copied beside it.
process.exit(run("node", ["scripts/serve-standalone.mjs", "--port", port]));
