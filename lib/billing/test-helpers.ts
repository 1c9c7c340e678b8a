import path from "node:path";
import { Readable } from "node:stream";
import { parquetMetadata, type FileMetaData } from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import { ByteWriter, parquetWriteBuffer } from "hyparquet-writer";
import { writeMetadata } from "hyparquet-writer/src/metadata.js";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { dec } from "@/lib/core";
import { BillAccumulator } from "./accumulate";
import { readCsvBill, type TextStream } from "./csv";
import type { Reconciliation } from "./types";

export const FIXTURES = path.join(__dirname, "__fixtures__");
export const fixture = (name: string) => path.join(FIXTURES, name);

/** Reconciles CSV text through the same streaming reader, in chunks of `chunk` characters. */
export async function reconcileCsvText(text: string, fileName = "bill.csv", chunk = 64): Promise<Reconciliation> {
  const acc = new BillAccumulator(fileName, fargateCatalog);
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += chunk) parts.push(text.slice(i, i + chunk));
  await readCsvBill(Readable.from(parts) as unknown as TextStream, acc);
  return acc.finish();
}

/**
 * Snappy as literals only (valid Snappy that any reader decodes): each input byte appears verbatim in the output, at
 * `literalOffset(length, k)`, so a test can change decompressed bytes by changing compressed ones in place.
 */
export function snappyLiterals(input: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let n = input.length; ; n = Math.floor(n / 128)) {
    if (n < 128) {
      out.push(n);
      break;
    }
    out.push((n & 0x7f) | 0x80);
  }
  for (let i = 0; i < input.length; i += 65536) {
    const part = input.subarray(i, i + 65536);
    const m = part.length - 1;
    if (m < 60) out.push(m << 2);
    else if (m < 256) out.push(60 << 2, m);
    else out.push(61 << 2, m & 0xff, m >> 8);
    for (const b of part) out.push(b);
  }
  return new Uint8Array(out);
}

/**
 * A small CUR 2.0 Parquet file (1,000 rows, uncompressed or Snappy pages) whose line_item_usage_type dictionary
 * indices start with a run-length run of 2^30 - 1 repeats: the page headers and levels are sound, and hyparquet's
 * decoder would repeat the value a billion times into a growing array, past the length V8 allows (a fatal error that
 * ends the whole process, worker thread or not). ./parquet-guard.ts must refuse it before decoding.
 */
export function loopingParquet(codec: "UNCOMPRESSED" | "SNAPPY" = "UNCOMPRESSED"): Uint8Array {
  const n = 1000;
  const str = (name: string, f: (i: number) => string) => ({ name, type: "STRING" as const, data: Array.from({ length: n }, (_, i) => f(i)) });
  // Distinct amounts, as a bill's are (8 bytes a row: the row group is more than one byte per row).
  const num = (name: string) => ({ name, type: "DOUBLE" as const, data: Array.from({ length: n }, (_, i) => (i + 1) / 1000) });
  const buf = parquetWriteBuffer({
    codec,
    compressors: { SNAPPY: snappyLiterals },
    columnData: [
      str("line_item_line_item_type", () => "Usage"),
      str("line_item_product_code", () => "AmazonECS"),
      str("line_item_usage_type", (i) => (i % 2 ? "USE1-Fargate-vCPU-Hours:perCPU" : "USE1-Fargate-GB-Hours")),
      num("line_item_usage_amount"),
      num("line_item_unblended_cost"),
      num("pricing_public_on_demand_cost"),
      str("product_region_code", () => "us-east-1"),
    ],
  });
  const bytes = new Uint8Array(buf);
  const meta = parquetMetadata(buf).row_groups[0]!.columns.find((c) => c.meta_data!.path_in_schema[0] === "line_item_usage_type")!.meta_data!;
  const reader = { view: new DataView(buf), offset: Number(meta.data_page_offset) };
  const page = parquetHeader(reader).data_page_header_v2!;
  // After the levels: the bit width (1 byte), then the first run header, replaced by an RLE run of 2^30 - 1.
  let at = reader.offset + page.repetition_levels_byte_length + page.definition_levels_byte_length;
  if (codec === "SNAPPY") {
    // Snappy literals: the data's length as a varint, then one literal's tag (1 to 3 bytes), then the bytes verbatim.
    while (bytes[at++]! & 0x80);
    const tag = bytes[at]! >> 2;
    at += tag < 60 ? 1 : tag - 58;
  }
  at += 1;
  bytes.set([0xfe, 0xff, 0xff, 0xff, 0x07], at);
  return bytes;
}

/** The Parquet file with its footer rewritten after `edit` changed the metadata (a footer that lies). */
export function withFooter(file: Uint8Array, edit: (metadata: FileMetaData) => void): Uint8Array {
  const buf = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(buf);
  const dataEnd = file.byteLength - 8 - metadata.metadata_length;
  edit(metadata);
  const writer = new ByteWriter();
  writeMetadata(writer, metadata);
  const footer = new Uint8Array(writer.getBuffer());
  const out = new Uint8Array(dataEnd + footer.byteLength + 4);
  out.set(file.subarray(0, dataEnd));
  out.set(footer, dataEnd);
  out.set([0x50, 0x41, 0x52, 0x31], dataEnd + footer.byteLength);
  return out;
}

/** One task of a generated split bill: its size and, per hour from `fromHour`, the vCPU and GiB it actually used. */
export interface SplitTask {
  id: string;
  cluster: string;
  /** The aws:ecs:serviceName tag (ECS), or null for none. */
  service: string | null;
  vcpu: number;
  memoryGiB: number;
  /** Actual vCPU per hour (as split_line_item_actual_usage over a whole hour); one row pair per entry. */
  cpu: (number | string)[];
  /** Actual GiB per hour; same length as cpu. */
  memory: (number | string)[];
  fromHour?: number;
  product?: "AmazonECS" | "AmazonEKS";
  /** Extra resource_tags entries (EKS namespace/workload). */
  tags?: Record<string, string>;
}

export const SPLIT_COLUMNS = [
  "split_line_item_reserved_usage",
  "split_line_item_actual_usage",
  "split_line_item_split_usage",
  "split_line_item_split_cost",
  "split_line_item_unused_cost",
  "split_line_item_public_on_demand_split_cost",
  "split_line_item_parent_resource_id",
] as const;

/**
 * A CUR 2.0 CSV with split cost allocation data for the given tasks, in us-east-1 at the snapshot's on-demand rates
 * (0.04048 USD per vCPU-hour, 0.004445 per GB-hour): per task and hour one vCPU row and one memory row, each with its
 * reserved usage (the task's size over the hour, = line_item_usage_amount), actual usage, split usage
 * (max of the two), split cost (= the row's cost), unused cost 0 (Fargate has no shared instance) and the public
 * on-demand split cost. `edit` may change any cell of a row (by column name) to make bad input; `withoutSplit` leaves
 * the split columns out entirely. Hours start at 2026-09-01T00:00Z; the billing period is `periodHours` long.
 */
export function splitBillCsv(
  tasks: readonly SplitTask[],
  options: { periodHours?: number; withoutSplit?: boolean; edit?: (row: Record<string, string>, index: number) => void } = {},
): string {
  const t0 = Date.parse("2026-09-01T00:00:00Z");
  const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  const hours = options.periodHours ?? 720;
  const base = [
    "identity_line_item_id",
    "bill_billing_period_start_date",
    "bill_billing_period_end_date",
    "line_item_line_item_type",
    "line_item_usage_start_date",
    "line_item_usage_end_date",
    "line_item_product_code",
    "line_item_usage_type",
    "line_item_resource_id",
    "line_item_usage_amount",
    "line_item_unblended_cost",
    "pricing_public_on_demand_cost",
    "product_region_code",
    "pricing_unit",
    "resource_tags",
  ];
  const header = options.withoutSplit ? base : [...base, ...SPLIT_COLUMNS];
  const rows: Record<string, string>[] = [];
  const rate = { vcpu: "0.04048", memory: "0.004445" };
  for (const t of tasks) {
    const product = t.product ?? "AmazonECS";
    const arn =
      product === "AmazonEKS" ? `arn:aws:eks:us-east-1:111122223333:pod/${t.cluster}/${t.id}` : `arn:aws:ecs:us-east-1:111122223333:task/${t.cluster}/${t.id}`;
    const tags = JSON.stringify({ ...(t.service ? { aws_ecs_service_name: t.service } : {}), ...(t.tags ?? {}) });
    t.cpu.forEach((cpu, h) => {
      const start = t0 + ((t.fromHour ?? 0) + h) * 3_600_000;
      for (const [kind, size, actual] of [
        ["vcpu", t.vcpu, cpu],
        ["memory", t.memoryGiB, t.memory[h]!],
      ] as const) {
        const cost = dec(size).times(rate[kind]).toString();
        rows.push({
          identity_line_item_id: `li-${rows.length + 1}`,
          bill_billing_period_start_date: iso(t0),
          bill_billing_period_end_date: iso(t0 + hours * 3_600_000),
          line_item_line_item_type: "Usage",
          line_item_usage_start_date: iso(start),
          line_item_usage_end_date: iso(start + 3_600_000),
          line_item_product_code: product,
          line_item_usage_type: kind === "vcpu" ? "USE1-Fargate-vCPU-Hours:perCPU" : "USE1-Fargate-GB-Hours",
          line_item_resource_id: arn,
          line_item_usage_amount: String(size),
          line_item_unblended_cost: cost,
          pricing_public_on_demand_cost: cost,
          product_region_code: "us-east-1",
          pricing_unit: kind === "vcpu" ? "hours" : "GB-Hours",
          resource_tags: tags,
          split_line_item_reserved_usage: String(size),
          split_line_item_actual_usage: String(actual),
          split_line_item_split_usage: typeof actual === "number" ? String(Math.max(size, actual)) : String(size),
          split_line_item_split_cost: cost,
          split_line_item_unused_cost: "0",
          split_line_item_public_on_demand_split_cost: cost,
          split_line_item_parent_resource_id: "",
        });
      }
    });
  }
  rows.forEach((r, i) => options.edit?.(r, i));
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [header.join(","), ...rows.map((r) => header.map((h) => quote(r[h] ?? "")).join(","))].join("\n") + "\n";
}

const nine = (v: number) => Array.from({ length: 9 }, () => v);
/**
 * The tasks of __fixtures__/cur2-split-fargate.csv (splitBillCsv(SPLIT_FIXTURE_TASKS, { periodHours: 10 })): shop/api,
 * two 1 vCPU / 2 GiB tasks for 10 hours using 0.2 vCPU / 0.5 GiB but for one hour each (0.3 / 0.6 and 0.4 / 0.8), and
 * shop/worker, one task for 2 hours whose first vCPU row has an actual usage of "abc" (line 42).
 */
export const SPLIT_FIXTURE_TASKS: SplitTask[] = [
  { id: "a", cluster: "shop", service: "api", vcpu: 1, memoryGiB: 2, cpu: [...nine(0.2), 0.3], memory: [...nine(0.5), 0.6] },
  { id: "b", cluster: "shop", service: "api", vcpu: 1, memoryGiB: 2, cpu: [...nine(0.2), 0.4], memory: [...nine(0.5), 0.8] },
  { id: "c", cluster: "shop", service: "worker", vcpu: 1, memoryGiB: 2, cpu: ["abc", 0.2], memory: [0.5, 0.5] },
];
