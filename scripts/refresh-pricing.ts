/**
 * Refreshes the embedded price snapshots from the AWS Price List API (GetProducts):
 *   lib/catalog/data/fargate.json  Fargate on-demand rates (AmazonECS)
 *   lib/catalog/data/ec2.json      EC2 on-demand Linux prices of the candidate instance types (AmazonEC2)
 *   lib/catalog/data/extras.json   the whole bill: public IPv4 (AmazonVPC), NAT gateways (AmazonEC2), ALB/NLB (AWSELB),
 *                                  CloudWatch Logs, EFS, EKS, ECR, inter-AZ data transfer (AWSDataTransfer)
 *
 *   npm run pricing:refresh [-- --only fargate|ec2|extras|all] [--regions us-east-1,eu-west-1] [--dry-run]
 *                           [--out FILE] [--ec2-out FILE] [--extras-out FILE] [--endpoint us-east-1|eu-central-1|ap-south-1]
 *
 * --only      which snapshot(s) to refresh, comma-separated (default all: fargate,ec2,extras).
 * --regions   EC2 only: refresh just these regions; the others keep their prices and sources. Without it every
 *             region of ec2.json must get prices, or nothing is written.
 * --out       where to write the Fargate snapshot (with --only ec2: the EC2 snapshot); --ec2-out the EC2 one.
 *             The current snapshots are always read from lib/catalog/data.
 * The npm script runs `tsx --conditions=react-server` so lib/aws (which imports "server-only") loads.
 * Credentials: the AWS SDK default chain (env, AWS_PROFILE/SSO, container role). The EC2 instance metadata
 * service is skipped unless AWS_EC2_METADATA_DISABLED=false is set (on EC2), so a laptop without credentials
 * fails in seconds, not after IMDS timeouts. Any failure: exit 1 with one sentence on stderr, nothing written
 * (with --only all, neither file is written unless both refreshes succeed).
 * Fargate: on-demand rates and SKUs come from the Price List; Fargate Spot (not in the Price List) and Savings
 * Plans rates are kept from the current snapshot. EC2: one paginated query per region (Linux, shared tenancy,
 * no pre-installed software, capacity status Used); only onDemandHourly changes. Spot savings, specs, ENI
 * tables, EBS, commitments and the candidate list are kept; a type the Price List lacks keeps its old price
 * (warned); types and regions are never added (that is npm run catalog:ec2).
 * Extras: one query per service and region; every rate is matched by the SKU the snapshot holds, and a SKU the
 * Price List lacks refuses the refresh. Internet egress tiers (no SKU in our data) are kept. Then the ECS Managed
 * Instances fee rows (instance types inferred) are checked by SKU against the AmazonECS products of each region with
 * fees: confirmed, corrected to the type AWS names, or left inferred; a region that cannot be read stays inferred
 * and the report says why (never fatal). The report counts confirmed / corrected / still inferred.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setAwsSdkDefaults } from "../lib/env";

setAwsSdkDefaults();

const FIRST_PAGE_TIMEOUT_MS = 8_000;
/** EC2 regions queried at once (the client retries adaptively on throttling). */
const EC2_CONCURRENCY = 4;

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

const lowerFirst = (s: string) => s.replace(/^\w/, (c) => c.toLowerCase());

function writeAtomically(file: string, text: string) {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

async function main() {
  const root = path.join(__dirname, "..");
  const dataDir = path.join(root, "lib", "catalog", "data");
  const only = argValue("--only") ?? "all";
  const parts = only.split(",").map((p) => p.trim());
  if (!parts.every((p) => p === "fargate" || p === "ec2" || p === "extras" || p === "all")) fail("--only must be fargate, ec2, extras or all.");
  const doFargate = parts.includes("fargate") || parts.includes("all");
  const doEc2 = parts.includes("ec2") || parts.includes("all");
  const doExtras = parts.includes("extras") || parts.includes("all");
  const regionsArg = argValue("--regions");
  if (regionsArg !== undefined && !doEc2) fail("--regions limits the EC2 refresh only; drop it or use --only ec2 or all.");
  const ec2Regions = regionsArg
    ?.split(",")
    .map((r) => r.trim())
    .filter(Boolean);
  if (ec2Regions && (ec2Regions.length === 0 || ec2Regions.some((r) => !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r)))) {
    fail("--regions takes region codes separated by commas, like us-east-1,eu-west-1.");
  }
  const outArg = argValue("--out");
  const fargateOut = path.resolve(doFargate ? (outArg ?? path.join(dataDir, "fargate.json")) : path.join(dataDir, "fargate.json"));
  const ec2Out = path.resolve(argValue("--ec2-out") ?? (only === "ec2" && outArg ? outArg : path.join(dataDir, "ec2.json")));
  const extrasOut = path.resolve(argValue("--extras-out") ?? (only === "extras" && outArg ? outArg : path.join(dataDir, "extras.json")));
  if (doFargate && doEc2 && fargateOut === ec2Out) fail("--out and --ec2-out name the same file.");
  if (doExtras && ((doFargate && extrasOut === fargateOut) || (doEc2 && extrasOut === ec2Out))) fail("--extras-out names the same file as another snapshot.");
  const dryRun = process.argv.includes("--dry-run");
  const endpoint = argValue("--endpoint") ?? "us-east-1";

  // Loaded here, not at the top: lib/aws is server-only, and run without the react-server condition it throws (caught below).
  let aws: typeof import("../lib/aws");
  let catalog: typeof import("../lib/catalog");
  try {
    aws = await import("../lib/aws");
    catalog = await import("../lib/catalog");
  } catch {
    fail('lib/aws could not be loaded: run it as "npm run pricing:refresh" (tsx --conditions=react-server scripts/refresh-pricing.ts).');
  }
  if (!(aws.PRICING_API_REGIONS as readonly string[]).includes(endpoint)) {
    fail(`--endpoint must be one of ${aws.PRICING_API_REGIONS.join(", ")} (the Price List API has no other endpoints).`);
  }
  const client = aws.pricingClient(endpoint as (typeof aws.PRICING_API_REGIONS)[number]);
  const noCredentials = () =>
    fail(
      "no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (on EC2, set AWS_EC2_METADATA_DISABLED=false) and run it again.",
    );
  const readSnapshot = <T>(file: string, parse: (v: unknown) => T, build: string): T => {
    try {
      return parse(JSON.parse(readFileSync(file, "utf8")));
    } catch {
      fail(`the current snapshot ${path.relative(process.cwd(), file)} is missing or invalid; run npm run ${build} first.`);
    }
  };
  const today = new Date().toISOString().slice(0, 10);
  const writes: { file: string; text: string; summary: string }[] = [];

  if (doFargate) {
    const current = readSnapshot(path.join(dataDir, "fargate.json"), (v) => catalog.FargateCatalog.parse(v), "catalog:build");
    process.stdout.write(`Reading Fargate prices from the AWS Price List API (${endpoint})...\n`);
    const fetched = await aws.fetchFargateOnDemandRates({
      client,
      firstPageTimeoutMs: FIRST_PAGE_TIMEOUT_MS,
      onPage: (page, items) => process.stdout.write(`  page ${page}: ${items} items\n`),
    });
    if (!fetched.ok) {
      if (fetched.error.code === "NO_CREDENTIALS") noCredentials();
      fail(lowerFirst(fetched.error.message));
    }
    const merged = aws.mergeFargateRefresh(current, fetched.value, { today });
    if (!merged.ok) {
      const [first, ...rest] = merged.error;
      fail(`the Price List lacks rates the current snapshot has (${first}${rest.length ? `, and ${rest.length} more` : ""}); nothing was written.`);
    }
    for (const w of merged.value.warnings.slice(0, 20)) process.stdout.write(`  warning: ${w}\n`);
    for (const c of merged.value.changes.slice(0, 50)) process.stdout.write(`  ${c}\n`);
    if (merged.value.changes.length > 50) process.stdout.write(`  ... and ${merged.value.changes.length - 50} more changes\n`);
    const regions = Object.keys(merged.value.catalog.regions).length;
    writes.push({
      file: fargateOut,
      text: `${JSON.stringify(merged.value.catalog, null, 1)}\n`,
      summary: `${regions} regions, ${merged.value.changes.length} rate changes`,
    });
  }

  if (doEc2) {
    const current = readSnapshot(path.join(dataDir, "ec2.json"), (v) => catalog.Ec2Catalog.parse(v), "catalog:ec2");
    const targets = ec2Regions ?? Object.keys(current.regions);
    const unknown = targets.filter((r) => !Object.hasOwn(current.regions, r));
    if (unknown.length) fail(`--regions names regions the EC2 snapshot does not have (${unknown.join(", ")}); run npm run catalog:ec2 to add regions.`);
    process.stdout.write(`Reading EC2 on-demand Linux prices for ${targets.length} regions from the AWS Price List API (${endpoint})...\n`);
    const fresh: Record<string, Record<string, import("../lib/aws").Ec2FreshPrice>> = {};
    const fetchProblems: string[] = [];
    let publishedAt: string | null = null;
    const fetchRegion = async (code: string, first: boolean) => {
      const r = await aws.fetchEc2OnDemandPrices(code, { client, firstPageTimeoutMs: first ? FIRST_PAGE_TIMEOUT_MS : 15_000 });
      if (!r.ok) {
        if (r.error.code === "NO_CREDENTIALS") noCredentials();
        fail(`${code}: ${lowerFirst(r.error.message)}`);
      }
      fresh[code] = r.value.prices;
      fetchProblems.push(...r.value.problems);
      if (r.value.publishedAt && (!publishedAt || r.value.publishedAt > publishedAt)) publishedAt = r.value.publishedAt;
      const wanted = Object.keys(current.regions[code]!.prices);
      const priced = wanted.filter((t) => Object.hasOwn(r.value.prices, t)).length;
      process.stdout.write(
        `  ${code}: ${Object.keys(r.value.prices).length} types in ${r.value.pages} pages; ${priced} of ${wanted.length} snapshot types priced\n`,
      );
    };
    // The first region alone (fails fast without credentials), then a few at a time.
    await fetchRegion(targets[0]!, true);
    const queue = targets.slice(1);
    await Promise.all(
      Array.from({ length: Math.min(EC2_CONCURRENCY, queue.length) }, async () => {
        for (let code = queue.shift(); code !== undefined; code = queue.shift()) await fetchRegion(code, false);
      }),
    );
    const merged = aws.mergeEc2Refresh(current, fresh, { today, publishedAt, ...(ec2Regions ? { regions: ec2Regions } : {}) });
    if (!merged.ok) {
      const [first, ...rest] = merged.error;
      fail(
        `the EC2 refresh was refused (${first}${rest.length ? `, and ${rest.length} more` : ""}); nothing was written (--regions limits the refresh to regions the Price List has).`,
      );
    }
    const warnings = [...fetchProblems, ...merged.value.warnings];
    for (const w of warnings.slice(0, 20)) process.stdout.write(`  warning: ${w}\n`);
    if (warnings.length > 20) process.stdout.write(`  ... and ${warnings.length - 20} more warnings\n`);
    for (const c of merged.value.changes.slice(0, 50)) process.stdout.write(`  ${c}\n`);
    if (merged.value.changes.length > 50) process.stdout.write(`  ... and ${merged.value.changes.length - 50} more changes\n`);
    writes.push({
      file: ec2Out,
      text: catalog.serializeEc2Catalog(merged.value.catalog),
      summary: `${targets.length} regions refreshed, ${merged.value.changes.length} price changes`,
    });
  }

  if (doExtras) {
    const current = readSnapshot(path.join(dataDir, "extras.json"), (v) => catalog.ExtrasCatalog.parse(v), "catalog:extras");
    const targets = aws.refreshTargets(current);
    process.stdout.write(
      `Reading ${targets.length} service prices (${aws.REFRESHABLE_ITEMS.length} services x their regions) from the AWS Price List API (${endpoint})...\n`,
    );
    const fresh: import("../lib/aws").FreshExtras = {};
    const fetchProblems: string[] = [];
    const fetchOne = async (t: (typeof targets)[number], first: boolean) => {
      const r = await aws.fetchExtrasSkuRates(t.item, t.region, { client, firstPageTimeoutMs: first ? FIRST_PAGE_TIMEOUT_MS : 15_000 });
      if (!r.ok) {
        if (r.error.code === "NO_CREDENTIALS") noCredentials();
        fail(`${t.region} ${t.item}: ${lowerFirst(r.error.message)}`);
      }
      (fresh[t.item] ??= {})[t.region] = r.value.rates;
      fetchProblems.push(...r.value.problems.map((p) => `${t.region} ${t.item}: ${p}`));
    };
    await fetchOne(targets[0]!, true);
    const queue = targets.slice(1);
    await Promise.all(
      Array.from({ length: Math.min(EC2_CONCURRENCY, queue.length) }, async () => {
        for (let t = queue.shift(); t !== undefined; t = queue.shift()) await fetchOne(t, false);
      }),
    );
    const merged = aws.mergeExtrasRefresh(current, fresh, { today });
    if (!merged.ok) {
      const [first, ...rest] = merged.error;
      fail(`the Price List lacks rates the current extras snapshot has (${first}${rest.length ? `, and ${rest.length} more` : ""}); nothing was written.`);
    }
    const warnings = [...merged.value.warnings, ...fetchProblems];
    for (const w of warnings.slice(0, 20)) process.stdout.write(`  warning: ${w}\n`);
    if (warnings.length > 20) process.stdout.write(`  ... and ${warnings.length - 20} more warnings\n`);
    for (const c of merged.value.changes.slice(0, 50)) process.stdout.write(`  ${c}\n`);
    if (merged.value.changes.length > 50) process.stdout.write(`  ... and ${merged.value.changes.length - 50} more changes\n`);

    // ECS Managed Instances: confirm the inferred fee types by SKU. Never fatal: a region that cannot be read keeps
    // its inferred rows, and the report says why.
    const miRegions = Object.keys(merged.value.catalog.regions).filter((code) => merged.value.catalog.regions[code]!.ecsManagedInstances);
    process.stdout.write(`Confirming ECS Managed Instances fee types by SKU in ${miRegions.length} regions (AmazonECS)...\n`);
    const miFresh: import("../lib/aws").FreshManagedInstances = {};
    const miProblems: string[] = [];
    const miQueue = [...miRegions];
    await Promise.all(
      Array.from({ length: Math.min(EC2_CONCURRENCY, miQueue.length) }, async () => {
        for (let code = miQueue.shift(); code !== undefined; code = miQueue.shift()) {
          try {
            const r = await aws.fetchEcsSkuProducts(code, { client, firstPageTimeoutMs: 15_000 });
            if (r.ok) miProblems.push(...r.value.problems.map((p) => `${code} AmazonECS: ${p}`));
            miFresh[code] = r.ok ? { ok: true, skus: r.value.skus } : { ok: false, reason: lowerFirst(r.error.message).replace(/\.$/, "") };
          } catch {
            miFresh[code] = { ok: false, reason: "an unexpected error" };
          }
        }
      }),
    );
    const mi = aws.mergeManagedInstancesConfirmation(merged.value.catalog, miFresh, { today });
    process.stdout.write(`  ${aws.confirmationSummary(mi)}\n`);
    const miWarnings = [...mi.warnings, ...miProblems];
    for (const w of miWarnings.slice(0, 20)) process.stdout.write(`  warning: ${w}\n`);
    if (miWarnings.length > 20) process.stdout.write(`  ... and ${miWarnings.length - 20} more warnings\n`);
    for (const c of mi.changes.slice(0, 50)) process.stdout.write(`  ${c}\n`);
    if (mi.changes.length > 50) process.stdout.write(`  ... and ${mi.changes.length - 50} more changes\n`);
    writes.push({
      file: extrasOut,
      text: `${JSON.stringify(mi.catalog)}\n`,
      summary: `${targets.length} service prices refreshed, ${merged.value.changes.length} rate changes; ECS Managed Instances fee types ${mi.confirmed} confirmed, ${mi.corrected} corrected, ${mi.inferred} still inferred`,
    });
  }

  if (dryRun) {
    for (const w of writes) process.stdout.write(`dry run: ${path.basename(w.file)}: ${w.summary}; nothing written.\n`);
    return;
  }
  for (const w of writes) writeAtomically(w.file, w.text);
  for (const w of writes) process.stdout.write(`wrote ${path.relative(process.cwd(), w.file)}: ${w.summary}, prices read ${today}.\n`);
}

main().then(
  () => process.exit(0),
  () => fail("an unexpected error stopped the refresh; nothing was written."),
);
