/**
 * Refreshes the embedded Fargate snapshot (lib/catalog/data/fargate.json) from the AWS Price List API.
 *
 *   npm run pricing:refresh [-- --out FILE] [--endpoint us-east-1|eu-central-1|ap-south-1] [--dry-run]
 *
 * The npm script runs `tsx --conditions=react-server` so lib/aws (which imports "server-only") loads.
 * Credentials: the AWS SDK default chain (env, AWS_PROFILE/SSO, container role). The EC2 instance metadata
 * service is skipped unless AWS_EC2_METADATA_DISABLED=false is set (on EC2), so a laptop without credentials
 * fails in seconds, not after IMDS timeouts. Any failure: exit 1 with one sentence on stderr, nothing written.
 * On-demand rates and SKUs come from the Price List; Fargate Spot (not in the Price List) and Savings Plans
 * rates are kept from the current snapshot.
 * TODO(ec2): refresh lib/catalog/data/ec2.json the same way (lib/aws/pricing.ts fetchEc2OnDemandPrice and
 * pricing-map.ts mapEc2OnDemandItem are ready; the writer is not done).
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

process.env.AWS_EC2_METADATA_DISABLED ??= "true";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const FIRST_PAGE_TIMEOUT_MS = 8_000;

function fail(sentence: string): never {
  process.stderr.write(`pricing:refresh failed: ${sentence}\n`);
  process.exit(1);
}

process.on("unhandledRejection", () => fail("an unexpected error stopped the refresh; nothing was written."));
process.on("uncaughtException", () => fail("an unexpected error stopped the refresh; nothing was written."));

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith("--")) fail(`${name} needs a value.`);
  return v;
}

async function main() {
  const root = path.join(__dirname, "..");
  const out = path.resolve(argValue("--out") ?? path.join(root, "lib", "catalog", "data", "fargate.json"));
  const dryRun = process.argv.includes("--dry-run");
  const endpoint = argValue("--endpoint") ?? "us-east-1";

  let pricing: typeof import("../lib/aws/pricing");
  let map: typeof import("../lib/aws/pricing-map");
  let schema: typeof import("../lib/catalog/schema");
  try {
    pricing = await import("../lib/aws/pricing");
    map = await import("../lib/aws/pricing-map");
    schema = await import("../lib/catalog/schema");
  } catch {
    fail('lib/aws could not be loaded: run it as "npm run pricing:refresh" (tsx --conditions=react-server scripts/refresh-pricing.ts).');
  }
  if (!(pricing.PRICING_API_REGIONS as readonly string[]).includes(endpoint)) {
    fail(`--endpoint must be one of ${pricing.PRICING_API_REGIONS.join(", ")} (the Price List API has no other endpoints).`);
  }

  const snapshotFile = path.join(root, "lib", "catalog", "data", "fargate.json");
  let current: import("../lib/catalog/schema").FargateCatalog;
  try {
    current = schema.FargateCatalog.parse(JSON.parse(readFileSync(snapshotFile, "utf8")));
  } catch {
    fail(`the current snapshot ${path.relative(process.cwd(), snapshotFile)} is missing or invalid; run npm run catalog:build first.`);
  }

  process.stdout.write(`Reading Fargate prices from the AWS Price List API (${endpoint})...\n`);
  const fetched = await pricing.fetchFargateOnDemandRates({
    client: pricing.pricingClient(endpoint as (typeof pricing.PRICING_API_REGIONS)[number]),
    firstPageTimeoutMs: FIRST_PAGE_TIMEOUT_MS,
    onPage: (page, items) => process.stdout.write(`  page ${page}: ${items} items\n`),
  });
  if (!fetched.ok) {
    const e = fetched.error;
    if (e.code === "NO_CREDENTIALS") {
      fail("no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (on EC2, set AWS_EC2_METADATA_DISABLED=false) and run it again.");
    }
    fail(e.message.replace(/^\w/, (c) => c.toLowerCase()));
  }

  const today = new Date().toISOString().slice(0, 10);
  const merged = map.mergeFargateRefresh(current, fetched.value, { today });
  if (!merged.ok) {
    const [first, ...rest] = merged.problems;
    fail(`the Price List lacks rates the current snapshot has (${first}${rest.length ? `, and ${rest.length} more` : ""}); nothing was written.`);
  }

  for (const w of merged.warnings.slice(0, 20)) process.stdout.write(`  warning: ${w}\n`);
  for (const c of merged.changes.slice(0, 50)) process.stdout.write(`  ${c}\n`);
  if (merged.changes.length > 50) process.stdout.write(`  ... and ${merged.changes.length - 50} more changes\n`);
  const regions = Object.keys(merged.catalog.regions).length;
  if (dryRun) {
    process.stdout.write(`dry run: ${regions} regions, ${merged.changes.length} rate changes; nothing written.\n`);
    return;
  }
  const tmp = `${out}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(merged.catalog, null, 1)}\n`);
  renameSync(tmp, out);
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}: ${regions} regions, ${merged.changes.length} rate changes, prices read ${today}.\n`);
}

main().then(
  () => process.exit(0),
  () => fail("an unexpected error stopped the refresh; nothing was written."),
);
