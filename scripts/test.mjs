// `npm test`: the whole gate. Typecheck, lint, format, unit tests, build, browser tests; then one closing line
// `N passed, N failed, N skipped` summed over vitest and Playwright (a failed gate step counts as one failure).
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium, ensureDeps, root, run } from "./lib/setup.mjs";
import { vitestCounts } from "./lib/summary.mjs";

// Tests never reach AWS: no credentials, and no call to the EC2 instance metadata service.
process.env.AWS_EC2_METADATA_DISABLED ??= "true";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// Property-based tests run thousands of cases in the gate (a quick local run can set FC_RUNS lower).
process.env.FC_RUNS ??= "2000";

ensureDeps();
const haveChromium = ensureChromium();

const reports = path.join(root, "test-results", "reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const timings = [];

function step(name, fn) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===`);
  const ok = fn();
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (!ok) failures.push(name);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const gate = (name, cmd, args) =>
  step(name, () => {
    const ok = run(cmd, args) === 0;
    if (!ok) totals.failed += 1;
    return ok;
  });

gate("typecheck", "npx", ["tsc", "--noEmit"]);
gate("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
gate("format", "npx", ["prettier", "--check", "."]);

step("unit tests (vitest)", () => {
  const out = path.join(reports, "vitest.json");
  const status = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  const counts = vitestCounts(readJson(out), status);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  return status === 0 && counts.failed === 0;
});

const built = gate("build", "npx", ["next", "build"]);

step("browser tests (playwright)", () => {
  if (!built || !haveChromium) {
    console.log(!built ? "skipped: the build failed" : "skipped: no chromium");
    totals.failed += 1;
    return false;
  }
  const out = path.join(reports, "playwright.json");
  const status = run("npx", ["playwright", "test"], { env: { ...process.env, PW_JSON_OUTPUT: out, NEXT_TELEMETRY_DISABLED: "1" } });
  const r = readJson(out);
  if (!r?.stats) {
    totals.failed += 1;
    return false;
  }
  totals.passed += (r.stats.expected ?? 0) + (r.stats.flaky ?? 0);
  totals.failed += r.stats.unexpected ?? 0;
  totals.skipped += r.stats.skipped ?? 0;
  return status === 0 && (r.stats.unexpected ?? 0) === 0;
});

console.log(`\n[test] ${timings.join(", ")}`);
if (failures.length) console.log(`[test] failed steps: ${failures.join(", ")}`);
if (!existsSync(reports)) mkdirSync(reports, { recursive: true });
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length || totals.failed ? 1 : 0);
