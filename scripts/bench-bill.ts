/**
 * `npm run bench -- --bill [--mb N] [--row-group R] [--json] [--keep] [--old] [--tsx]`: the bill reader on a synthetic CUR 2.0 hourly export of N MB of CSV
 * (default 128), generated here: 124 columns as AWS writes them (most empty on Fargate rows), Fargate vCPU / memory /
 * storage rows of 40 services with task ARNs and tags, beside NAT, data transfer and EC2 rows. The same rows are
 * written as .csv.gz and as Parquet (SNAPPY, row groups of R rows, default 50,000), and each is read
 * by `reconcile`'s reader in a fresh process (scripts/lib/bench-bill-read.ts) that reports its time and peak RSS. The
 * reader runs as the CLI ships it: bundled with esbuild (as scripts/build-cli.mjs bundles dist/cli) and run by plain
 * `node`; `--tsx` runs the TypeScript under tsx instead (as before 2026-12-06; tsx's loader adds 30-75 MB of RSS).
 * `--old` reads with a copy of an earlier reader in .bench-old/ (lib/billing of that commit; not committed).
 * Throughput is the uncompressed CSV size over the read time (the "uncompressed-equivalent" MB/s of issue 20), and over
 * the read's CPU time (user + system: what the reader would do alone on a core, less skewed by other load).
 */
import { spawnSync } from "node:child_process";
import { build } from "esbuild";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createGzip } from "node:zlib";
import { ParquetWriter, schemaFromColumnData } from "hyparquet-writer";
import { fileWriter } from "hyparquet-writer/src/node.js";

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const mbArg = argv.indexOf("--mb");
const targetMB = mbArg >= 0 ? Number(argv[mbArg + 1]) : 128;
const keep = argv.includes("--keep");
const underTsx = argv.includes("--tsx");
const old = argv.includes("--old");
const groupArg = argv.indexOf("--row-group");
/** Rows per Parquet row group (and per generated batch). */
const batch = groupArg >= 0 ? Number(argv[groupArg + 1]) : 50_000;

// The named columns the reconciliation reads (and a few it does not), then fillers up to CUR 2.0's 124 columns.
const NAMED = [
  "identity_line_item_id",
  "identity_time_interval",
  "bill_invoice_id",
  "bill_billing_entity",
  "bill_bill_type",
  "bill_payer_account_id",
  "bill_billing_period_start_date",
  "bill_billing_period_end_date",
  "line_item_usage_account_id",
  "line_item_line_item_type",
  "line_item_usage_start_date",
  "line_item_usage_end_date",
  "line_item_product_code",
  "line_item_usage_type",
  "line_item_operation",
  "line_item_availability_zone",
  "line_item_resource_id",
  "line_item_usage_amount",
  "line_item_normalization_factor",
  "line_item_currency_code",
  "line_item_unblended_rate",
  "line_item_unblended_cost",
  "line_item_blended_rate",
  "line_item_blended_cost",
  "line_item_line_item_description",
  "line_item_net_unblended_cost",
  "product_product_family",
  "product_region_code",
  "product_sku",
  "product_servicecode",
  "pricing_unit",
  "pricing_term",
  "pricing_public_on_demand_rate",
  "pricing_public_on_demand_cost",
  "savings_plan_savings_plan_arn",
  "savings_plan_savings_plan_rate",
  "savings_plan_savings_plan_effective_cost",
  "resource_tags",
];
const COLUMNS = [...NAMED, ...Array.from({ length: 124 - NAMED.length }, (_, i) => `product_attribute_${i + 1}`)];
const NUMERIC = new Set([
  "line_item_usage_amount",
  "line_item_normalization_factor",
  "line_item_unblended_rate",
  "line_item_unblended_cost",
  "line_item_blended_rate",
  "line_item_blended_cost",
  "line_item_net_unblended_cost",
  "pricing_public_on_demand_rate",
  "pricing_public_on_demand_cost",
  "savings_plan_savings_plan_rate",
  "savings_plan_savings_plan_effective_cost",
]);

// A deterministic generator (the same file every run).
let seed = 20;
const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(rnd() * 16)]).join("");
const b32 = (n: number) => Array.from({ length: n }, () => "abcdefghijklmnopqrstuvwxyz234567"[Math.floor(rnd() * 32)]).join("");

const METERS = [
  { usage: "USE1-Fargate-vCPU-Hours:perCPU", rate: 0.04048, unit: "hours", sku: "8CESGAFWKAJ98PME", desc: "AWS Fargate - vCPU - US East (N. Virginia)" },
  { usage: "USE1-Fargate-GB-Hours", rate: 0.004445, unit: "GB-Hours", sku: "PAPAZZXRHHMMDKHG", desc: "AWS Fargate - Memory - US East (N. Virginia)" },
  {
    usage: "USE1-Fargate-EphemeralStorage-GB-Hours",
    rate: 0.000111,
    unit: "GB-Hours",
    sku: "VKJDC4V5BXNQ5BXV",
    desc: "AWS Fargate - Ephemeral Storage - US East (N. Virginia)",
  },
];
const OTHER = [
  { product: "AmazonEC2", usage: "USE1-NatGateway-Hours", rate: 0.045, unit: "Hrs", desc: "$0.045 per NAT Gateway Hour" },
  { product: "AWSDataTransfer", usage: "USE1-DataTransfer-Regional-Bytes", rate: 0.01, unit: "GB", desc: "$0.01 per GB - regional data transfer" },
  { product: "AmazonEC2", usage: "USE1-BoxUsage:m5.large", rate: 0.096, unit: "Hrs", desc: "$0.096 per On Demand Linux m5.large Instance Hour" },
];
const FILLER = ["", "", "", "", "", "", "Compute", "AWS", "Linux", "No License required", "Shared", "NA", "Used", "Amazon Web Services, Inc."];
const fillers = COLUMNS.slice(NAMED.length).map(() => FILLER[Math.floor(rnd() * FILLER.length)]!);
const HOUR = 3_600_000;
const start = Date.UTC(2026, 8, 1);
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** One bill row: Fargate (3 of 4 rows) or something beside it. */
function row(i: number): Record<string, string | number> {
  const hour = Math.floor(i / 400) % 720;
  const s = start + hour * HOUR;
  const service = `svc-${i % 40}`;
  const fargate = i % 4 !== 3;
  const m = fargate ? METERS[i % 3]! : OTHER[i % 3]!;
  const amount = fargate ? [0.5, 1, 2, 4][i % 4]! * (m === METERS[2] ? 5 : 1) : Math.round(rnd() * 1e6) / 1e6;
  const cost = Math.round(amount * m.rate * 1e10) / 1e10;
  return {
    identity_line_item_id: b32(52),
    identity_time_interval: `${iso(s)}/${iso(s + HOUR)}`,
    bill_invoice_id: "",
    bill_billing_entity: "AWS",
    bill_bill_type: "Anniversary",
    bill_payer_account_id: "111122223333",
    bill_billing_period_start_date: iso(start),
    bill_billing_period_end_date: iso(start + 720 * HOUR),
    line_item_usage_account_id: "111122223333",
    line_item_line_item_type: "Usage",
    line_item_usage_start_date: iso(s),
    line_item_usage_end_date: iso(s + HOUR),
    line_item_product_code: fargate ? "AmazonECS" : (m as (typeof OTHER)[number]).product,
    line_item_usage_type: m.usage,
    line_item_operation: fargate ? "FargateTask" : "RunInstances",
    line_item_availability_zone: "us-east-1a",
    line_item_resource_id: fargate ? `arn:aws:ecs:us-east-1:111122223333:task/shop/${hex(32)}` : `i-${hex(17)}`,
    line_item_usage_amount: amount,
    line_item_normalization_factor: 0,
    line_item_currency_code: "USD",
    line_item_unblended_rate: m.rate,
    line_item_unblended_cost: cost,
    line_item_blended_rate: m.rate,
    line_item_blended_cost: cost,
    line_item_line_item_description: m.desc,
    line_item_net_unblended_cost: cost,
    product_product_family: fargate ? "Compute" : "Data Transfer",
    product_region_code: "us-east-1",
    product_sku: fargate ? (m as (typeof METERS)[number]).sku : b32(16).toUpperCase(),
    product_servicecode: fargate ? "AmazonECS" : "AmazonEC2",
    pricing_unit: m.unit,
    pricing_term: "OnDemand",
    pricing_public_on_demand_rate: m.rate,
    pricing_public_on_demand_cost: cost,
    savings_plan_savings_plan_arn: "",
    savings_plan_savings_plan_rate: 0,
    savings_plan_savings_plan_effective_cost: 0,
    resource_tags: fargate ? `{"user_team":"web","aws_ecs_serviceName":"${service}","aws_ecs_clusterName":"shop"}` : "",
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

async function generate(dir: string) {
  const csvPath = path.join(dir, "cur2-bench.csv.gz");
  const parquetPath = path.join(dir, "cur2-bench.parquet");
  const gz = createGzip({ level: 6 });
  const out = createWriteStream(csvPath);
  gz.pipe(out);
  const header = `${COLUMNS.join(",")}\n`;
  let bytes = Buffer.byteLength(header);
  gz.write(header);
  const writer = new ParquetWriter({
    writer: fileWriter(parquetPath),
    schema: schemaFromColumnData({
      columnData: COLUMNS.map((name) => ({ name, type: NUMERIC.has(name) ? ("DOUBLE" as const) : ("STRING" as const), data: [] })),
    }),
  });
  let rows = 0;
  while (bytes < targetMB * 1_000_000) {
    const cols: (string | number | null)[][] = COLUMNS.map(() => []);
    const lines: string[] = [];
    for (let k = 0; k < batch && bytes < targetMB * 1_000_000; k++, rows++) {
      const r = row(rows);
      const cells = COLUMNS.map((c, j) => (j < NAMED.length ? r[c]! : fillers[j - NAMED.length]!));
      const line = `${cells.map(csvCell).join(",")}\n`;
      bytes += Buffer.byteLength(line);
      lines.push(line);
      cells.forEach((v, j) => cols[j]!.push(v === "" ? null : v));
    }
    if (!gz.write(lines.join(""))) await new Promise<void>((r) => gz.once("drain", () => r()));
    writer.write({
      columnData: COLUMNS.map((name, j) => ({ name, type: NUMERIC.has(name) ? ("DOUBLE" as const) : ("STRING" as const), data: cols[j]! })),
      rowGroupSize: batch,
    });
  }
  writer.finish();
  gz.end();
  await new Promise<void>((r) => out.once("finish", () => r()));
  return { csvPath, parquetPath, csvBytes: bytes, rows };
}

const root = path.join(__dirname, "..");
const readScript = path.join(__dirname, "lib", "bench-bill-read.ts");

/**
 * The reader as the CLI ships it: scripts/lib/bench-bill-read.ts bundled for plain `node` (ES module, node20, as
 * scripts/build-cli.mjs builds dist/cli). `--old`: with .bench-old/node.ts in place of lib/billing/node.ts.
 */
async function bundleReader(dir: string): Promise<string> {
  const outfile = path.join(dir, "bench-bill-read.mjs");
  const oldNode = path.join(root, ".bench-old", "node.ts");
  await build({
    entryPoints: [readScript],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    define: { "process.env.NODE_ENV": '"production"' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: "error",
    plugins: old ? [{ name: "old-reader", setup: (b) => b.onResolve({ filter: /^@\/lib\/billing\/node$/ }, () => ({ path: oldNode })) }] : [],
  });
  return outfile;
}

function read(file: string, bundle: string | null) {
  const r = bundle
    ? spawnSync(process.execPath, [bundle, file, "new"], { encoding: "utf8" })
    : spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [readScript, file, old ? "old" : "new"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`reading ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { ms: number; cpuMs: number; maxRssMB: number; rows: number; effectiveCost: string };
}

void (async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-bill-"));
  try {
    const t0 = Date.now();
    const g = await generate(dir);
    const genMs = Date.now() - t0;
    const mb = g.csvBytes / 1_000_000;
    const bundle = underTsx ? null : await bundleReader(dir);
    const csv = read(g.csvPath, bundle);
    const parquet = read(g.parquetPath, bundle);
    if (csv.effectiveCost !== parquet.effectiveCost) throw new Error(`csv.gz and Parquet disagree: ${csv.effectiveCost} vs ${parquet.effectiveCost}`);
    const rate = (ms: number) => Math.round((mb / (ms / 1000)) * 10) / 10;
    const figures = {
      billMB: Math.round(mb),
      billRows: g.rows,
      billCsvGzMB: Math.round(statSync(g.csvPath).size / 1e5) / 10,
      billParquetMB: Math.round(statSync(g.parquetPath).size / 1e5) / 10,
      billCsvGzMBps: rate(csv.ms),
      billCsvGzCpuMBps: rate(csv.cpuMs),
      billCsvGzRssMB: csv.maxRssMB,
      billParquetMBps: rate(parquet.ms),
      billParquetCpuMBps: rate(parquet.cpuMs),
      billParquetRssMB: parquet.maxRssMB,
      billReader: underTsx ? "tsx" : "node bundle",
      billCsvGzCpuMs: csv.cpuMs,
      billParquetCpuMs: parquet.cpuMs,
    };
    if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    else {
      console.log(
        `synthetic CUR 2.0: ${figures.billMB} MB of CSV, ${g.rows.toLocaleString("en-US")} rows x 124 columns (generated in ${Math.round(genMs / 1000)} s)`,
      );
      console.log(
        `  csv.gz  ${figures.billCsvGzMB} MB: ${figures.billCsvGzMBps} MB/s, peak RSS ${figures.billCsvGzRssMB} MB (${csv.ms} ms; ${figures.billCsvGzCpuMBps} MB per CPU second)`,
      );
      console.log(
        `  Parquet ${figures.billParquetMB} MB: ${figures.billParquetMBps} MB/s, peak RSS ${figures.billParquetRssMB} MB (${parquet.ms} ms; ${figures.billParquetCpuMBps} MB per CPU second)`,
      );
      console.log(`  (reader: ${figures.billReader}${old ? ", the old reader in .bench-old/" : ""})`);
      console.log(`  (1 GB at these rates: csv.gz ${Math.round(1000 / figures.billCsvGzMBps)} s, Parquet ${Math.round(1000 / figures.billParquetMBps)} s)`);
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir}`);
  }
})();
