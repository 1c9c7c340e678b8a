import path from "node:path";
import { Readable } from "node:stream";
import { parquetMetadata, type FileMetaData } from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import { ByteWriter, parquetWriteBuffer } from "hyparquet-writer";
import { writeMetadata } from "hyparquet-writer/src/metadata.js";
import { fargateCatalog } from "@/lib/catalog/fargate";
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
