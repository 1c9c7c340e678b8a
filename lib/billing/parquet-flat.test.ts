/**
 * The flat-column Parquet decoder (./parquet-flat.ts) against hyparquet: the same cells on the fixture and on generated
 * files (nulls, dictionary and plain pages, version 1 and 2 pages, several pages per chunk, Snappy or not, every kind it
 * reads), whole reconciliations identical, other columns still read by hyparquet, damage one sentence.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parquetMetadata, parquetRead, parquetSchema, type FileMetaData, type PageHeader, type SchemaElement } from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import { ByteWriter, parquetWriteBuffer, type ColumnSource } from "hyparquet-writer";
import { writePageHeader } from "hyparquet-writer/src/datapage.js";
import { writeMetadata } from "hyparquet-writer/src/metadata.js";
import { snappyCompress } from "hyparquet-writer/src/snappy.js";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { BillAccumulator, type Cell } from "./accumulate";
import { BillError } from "./columns";
import { readParquetBill, type ByteSource } from "./parquet";
import { FlatChunk, flatKind, hybrid, NodeBuffer } from "./parquet-flat";
import { fixture, loopingParquet } from "./test-helpers";

const source = (bytes: Uint8Array): ByteSource => ({
  byteLength: bytes.byteLength,
  slice: (start, end) => bytes.slice(start, end).buffer as ArrayBuffer,
});

/** The rows readParquetBill feeds (copied), and the columns it read. */
async function rowsFed(bytes: Uint8Array, flatDecoder = true): Promise<{ columns: string[]; rows: Cell[][] }> {
  const rows: Cell[][] = [];
  let columns: string[] = [];
  const acc = {
    fileName: "t.parquet",
    rowNoun: "line",
    header: (c: readonly string[]) => (columns = [...c]),
    row: (values: readonly Cell[]) => rows.push([...values]),
  } as unknown as BillAccumulator;
  await readParquetBill(source(bytes), acc, undefined, { flatDecoder });
  return { columns, rows };
}

/** hyparquet's rows of the same columns. */
async function hyparquetRows(bytes: Uint8Array, columns: string[]): Promise<Cell[][]> {
  let rows: Cell[][] = [];
  await parquetRead({ file: bytes.slice().buffer as ArrayBuffer, columns, onComplete: (r) => (rows = r as Cell[][]) });
  return rows;
}

/** Every chunk of these columns is one the flat decoder reads (FlatChunk.open is not null): hyparquet is not what is tested. */
function allFlat(bytes: Uint8Array, columns: string[]) {
  const buf = bytes.slice().buffer as ArrayBuffer;
  const meta = parquetMetadata(buf);
  const elements = new Map(parquetSchema(meta).children.map((c) => [c.element.name, c.element]));
  let rowStart = 0;
  for (const g of meta.row_groups) {
    for (const col of g.columns) {
      const m = col.meta_data!;
      const name = m.path_in_schema[0]!;
      if (!columns.includes(name)) continue;
      const e = elements.get(name)!;
      const start = Number(m.dictionary_page_offset ?? m.data_page_offset);
      const chunk = buf.slice(start, start + Number(m.total_compressed_size));
      const levels = { maxDef: e.repetition_type === "OPTIONAL" ? 1 : 0, maxRep: 0 };
      expect(FlatChunk.open(chunk, m, flatKind(e)!, levels, Number(g.num_rows), rowStart), name).not.toBeNull();
    }
    rowStart += Number(g.num_rows);
  }
}

async function sameAsHyparquet(bytes: Uint8Array, flat = true): Promise<Cell[][]> {
  const { columns, rows } = await rowsFed(bytes);
  if (flat) allFlat(bytes, columns);
  expect(rows).toStrictEqual(await hyparquetRows(bytes, columns));
  return rows;
}

const reconcile = async (bytes: Uint8Array, flatDecoder: boolean) => {
  const acc = new BillAccumulator("bill.parquet", fargateCatalog, { savingsPlan: true });
  await readParquetBill(source(bytes), acc, undefined, { flatDecoder });
  return acc.finish();
};

/**
 * The file (written UNCOMPRESSED by hyparquet-writer: version 2 pages) with its data pages rewritten: the pages for
 * which `v1(k)` holds (k counts a chunk's data pages) as version 1 pages, every page compressed with `codec`.
 */
function rewritePages(bytes: Uint8Array, codec: "UNCOMPRESSED" | "SNAPPY", v1: (k: number) => boolean): Uint8Array {
  const buf = bytes.slice().buffer as ArrayBuffer;
  const meta: FileMetaData = parquetMetadata(buf);
  const optional = new Map(meta.schema.map((e) => [e.name, e.repetition_type === "OPTIONAL"]));
  const out = new ByteWriter();
  out.appendBytes(new Uint8Array([0x50, 0x41, 0x52, 0x31]));
  const pack = (b: Uint8Array) => (codec === "SNAPPY" ? snappyCompress(b) : b);
  for (const g of meta.row_groups) {
    for (const col of g.columns) {
      const m = col.meta_data!;
      expect(m.codec).toBe("UNCOMPRESSED");
      const reader = { view: new DataView(buf), offset: Number(m.dictionary_page_offset ?? m.data_page_offset) };
      const end = reader.offset + Number(m.total_compressed_size);
      const chunkStart = out.offset;
      let dataStart: number | undefined;
      let k = 0;
      let full = 0;
      while (reader.offset < end) {
        const h: PageHeader = parquetHeader(reader);
        const body = new Uint8Array(buf, reader.offset, h.compressed_page_size);
        reader.offset += h.compressed_page_size;
        const at = out.offset;
        let header: PageHeader;
        let data: Uint8Array;
        if (h.type === "DICTIONARY_PAGE") {
          data = pack(body);
          header = { ...h, compressed_page_size: data.length };
        } else {
          dataStart ??= at;
          const v2 = h.data_page_header_v2!;
          const levels = body.subarray(0, v2.repetition_levels_byte_length + v2.definition_levels_byte_length);
          const values = body.subarray(levels.length);
          if (v1(k++)) {
            const page = new ByteWriter();
            if (optional.get(m.path_in_schema[0]!)) {
              page.appendUint32(levels.length);
              page.appendBytes(levels);
            }
            page.appendBytes(values);
            const plainPage = new Uint8Array(page.getBuffer());
            data = pack(plainPage);
            header = {
              type: "DATA_PAGE",
              uncompressed_page_size: plainPage.length,
              compressed_page_size: data.length,
              data_page_header: { num_values: v2.num_values, encoding: v2.encoding, definition_level_encoding: "RLE", repetition_level_encoding: "RLE" },
            };
          } else {
            const packed = pack(values);
            data = new Uint8Array(levels.length + packed.length);
            data.set(levels);
            data.set(packed, levels.length);
            header = { ...h, compressed_page_size: data.length, data_page_header_v2: { ...v2, is_compressed: codec !== "UNCOMPRESSED" } };
          }
        }
        writePageHeader(out, header);
        full += out.offset - at - data.length + header.uncompressed_page_size;
        out.appendBytes(data);
      }
      m.dictionary_page_offset = m.dictionary_page_offset !== undefined ? BigInt(chunkStart) : undefined;
      m.data_page_offset = BigInt(dataStart ?? chunkStart);
      m.total_compressed_size = BigInt(out.offset - chunkStart);
      m.total_uncompressed_size = BigInt(full);
      m.codec = codec;
      col.file_offset = BigInt(chunkStart);
      col.offset_index_offset = col.offset_index_length = col.column_index_offset = col.column_index_length = undefined;
    }
  }
  const footerStart = out.offset;
  writeMetadata(out, meta);
  out.appendUint32(out.offset - footerStart);
  out.appendBytes(new Uint8Array([0x50, 0x41, 0x52, 0x31]));
  return new Uint8Array(out.getBuffer());
}

const N = 1000;
const at = (i: number) => Date.UTC(2026, 8, 1) + (i % 48) * 3_600_000;
/** Every kind the decoder reads, with nulls, repeated values (dictionary pages) and unique ones (plain pages). */
function everyKind(n = N): ColumnSource[] {
  return [
    { name: "type", type: "STRING", data: Array.from({ length: n }, (_, i) => (i % 7 === 3 ? null : ["Usage", "Tax", "Credit"][i % 3]!)) },
    { name: "resource", type: "STRING", encoding: "PLAIN", data: Array.from({ length: n }, (_, i) => (i % 5 ? `arn:aws:ecs:task/é-${i}` : null)) },
    { name: "usage", type: "STRING", encoding: "RLE_DICTIONARY", data: Array.from({ length: n }, (_, i) => `USE1-Fargate-${i % 300}`) },
    { name: "amount", type: "DOUBLE", data: Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : i / 8)) },
    { name: "cost", type: "DOUBLE", nullable: false, data: Array.from({ length: n }, (_, i) => (i % 4) * 0.25) },
    { name: "f32", type: "FLOAT", data: Array.from({ length: n }, (_, i) => i / 4) },
    { name: "i32", type: "INT32", data: Array.from({ length: n }, (_, i) => (i % 9 ? i - 500 : null)) },
    { name: "i64", type: "INT64", data: Array.from({ length: n }, (_, i) => BigInt(i) * 3_000_000_000n - 7n) },
    { name: "start", type: "TIMESTAMP", data: Array.from({ length: n }, (_, i) => (i % 13 ? new Date(at(i)) : null)) },
    { name: "end", type: "TIMESTAMP", encoding: "PLAIN", data: Array.from({ length: n }, (_, i) => new Date(at(i) + 3_600_000 + i)) },
  ];
}

describe("the flat-column decoder gives hyparquet's cells", () => {
  it("the CUR 2.0 fixture (Snappy, dictionary and plain pages, nulls): every row the same, the reconciliation identical", async () => {
    const bytes = new Uint8Array(readFileSync(fixture("cur2-fargate.parquet")));
    const rows = await sameAsHyparquet(bytes);
    expect(rows.length).toBe(25);
    const flat = await reconcile(bytes, true);
    expect(flat).toEqual(await reconcile(bytes, false));
    expect(flat.totals.effectiveCost).toBe("0.225048625");
  });

  // 1,000 rows in row groups of 300 (4 groups, the last of 100), pages of ~256 bytes (several per chunk).
  const written = new Uint8Array(parquetWriteBuffer({ columnData: everyKind(), codec: "UNCOMPRESSED", rowGroupSize: 300, pageSize: 256 }));
  it.each([
    ["version 2 pages, uncompressed (as written)", (b: Uint8Array) => b],
    ["version 2 pages, Snappy", (b: Uint8Array) => rewritePages(b, "SNAPPY", () => false)],
    ["version 1 pages, uncompressed", (b: Uint8Array) => rewritePages(b, "UNCOMPRESSED", () => true)],
    ["version 1 pages, Snappy", (b: Uint8Array) => rewritePages(b, "SNAPPY", () => true)],
    ["version 1 and 2 pages alternating in each chunk, Snappy", (b: Uint8Array) => rewritePages(b, "SNAPPY", (k) => k % 2 === 0)],
  ])("every kind, with nulls, dictionary and plain pages: %s", async (_, rewrite) => {
    const bytes = rewrite(written);
    const meta = parquetMetadata(bytes.slice().buffer as ArrayBuffer);
    // The file is what the test means: 4 row groups, several pages per chunk, every column a kind the decoder reads.
    expect(meta.row_groups.length).toBe(4);
    for (const c of parquetSchema(meta).children) expect(flatKind(c.element)).not.toBeNull();
    const rows = await sameAsHyparquet(bytes);
    expect(rows.length).toBe(N);
    // Row 5: "Credit" (5 mod 3 = 2), null resource (5 mod 5 = 0), amount 5/8, cost (5 mod 4) x 0.25, f32 5/4, i32 5 - 500, i64 5 x 3e9 - 7, start hour 5, end hour 6 + 5 ms.
    const columns = (await rowsFed(bytes)).columns;
    const row5 = Object.fromEntries(columns.map((c, i) => [c, rows[5]![i]]));
    expect(columns).toEqual(["type", "resource", "usage", "amount", "cost", "f32", "i32", "i64", "start", "end"]);
    expect(row5).toStrictEqual({
      type: "Credit",
      resource: null,
      usage: "USE1-Fargate-5",
      amount: 0.625,
      cost: 0.25,
      f32: 1.25,
      i32: -495,
      i64: 14_999_999_993n,
      start: new Date(Date.UTC(2026, 8, 1, 5)),
      end: new Date(Date.UTC(2026, 8, 1, 6) + 5),
    });
    expect(row5.start).toEqual(new Date(Date.UTC(2026, 8, 1, 5)));
  });

  it("several pages per chunk really are there, and dictionary and plain pages both", () => {
    const meta = parquetMetadata(written.slice().buffer as ArrayBuffer);
    const chunk = (name: string) => meta.row_groups[0]!.columns.find((c) => c.meta_data!.path_in_schema[0] === name)!.meta_data!;
    expect(chunk("usage").encodings).toContain("RLE_DICTIONARY");
    expect(chunk("resource").encodings).not.toContain("RLE_DICTIONARY");
    const view = { view: new DataView(written.slice().buffer as ArrayBuffer), offset: Number(chunk("resource").data_page_offset) };
    const first = parquetHeader(view);
    // 300 rows of ~24-byte ARNs in pages of ~256 bytes: the first page holds far fewer than the group's 300 rows.
    expect(first.data_page_header_v2!.num_values).toBeLessThan(300);
  });

  it("timestamps in microseconds and nanoseconds and unannotated byte arrays, as hyparquet converts them", async () => {
    const n = 50;
    const schema: SchemaElement[] = [
      { name: "root", num_children: 3 },
      { name: "micros", type: "INT64", repetition_type: "OPTIONAL", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MICROS" } },
      { name: "nanos", type: "INT64", repetition_type: "REQUIRED", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "NANOS" } },
      { name: "raw", type: "BYTE_ARRAY", repetition_type: "OPTIONAL" },
    ];
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        schema,
        columnData: [
          { name: "micros", data: Array.from({ length: n }, (_, i) => (i % 3 ? BigInt(at(i)) * 1000n + 999n : null)) },
          { name: "nanos", data: Array.from({ length: n }, (_, i) => BigInt(at(i)) * 1_000_000n + 123n) },
          { name: "raw", data: Array.from({ length: n }, (_, i) => new TextEncoder().encode(`r${i % 4}`)) },
        ],
      }),
    );
    for (const c of parquetSchema(parquetMetadata(bytes.slice().buffer as ArrayBuffer)).children) expect(flatKind(c.element)).not.toBeNull();
    const rows = await sameAsHyparquet(bytes);
    // 999 microseconds and 123 nanoseconds are below a Date's millisecond: dropped, as hyparquet drops them.
    expect(rows[1]).toStrictEqual([new Date(at(1)), new Date(at(1)), "r1"]);
  });

  it("a bill with nulls read flat and by hyparquet: the same reconciliation, in every page layout", async () => {
    const n = 600;
    const str = (name: string, f: (i: number) => string | null, encoding?: "PLAIN") => ({
      name,
      type: "STRING" as const,
      encoding,
      data: Array.from({ length: n }, (_, i) => f(i)),
    });
    // Rows i: Fargate vCPU usage of 1 vCPU-hour at 0.04048 each, but every 10th a NAT gateway hour at 0.045; costs null on every 50th row (counted as 0).
    const written = new Uint8Array(
      parquetWriteBuffer({
        codec: "UNCOMPRESSED",
        rowGroupSize: 250,
        pageSize: 512,
        columnData: [
          str("line_item_line_item_type", () => "Usage"),
          str("line_item_product_code", (i) => (i % 10 ? "AmazonECS" : "AmazonEC2")),
          str("line_item_usage_type", (i) => (i % 10 ? "USE1-Fargate-vCPU-Hours:perCPU" : "USE1-NatGateway-Hours")),
          str("line_item_resource_id", (i) => (i % 10 ? `arn:aws:ecs:us-east-1:111122223333:task/shop/t${i}` : null), "PLAIN"),
          { name: "line_item_usage_amount", type: "DOUBLE", data: Array.from({ length: n }, () => 1) },
          { name: "line_item_unblended_cost", type: "DOUBLE", data: Array.from({ length: n }, (_, i) => (i % 50 === 7 ? null : i % 10 ? 0.04048 : 0.045)) },
          {
            name: "pricing_public_on_demand_cost",
            type: "DOUBLE",
            data: Array.from({ length: n }, (_, i) => (i % 50 === 7 ? null : i % 10 ? 0.04048 : 0.045)),
          },
          str("product_region_code", () => "us-east-1"),
          { name: "line_item_usage_start_date", type: "TIMESTAMP", data: Array.from({ length: n }, (_, i) => new Date(at(i))) },
          { name: "line_item_usage_end_date", type: "TIMESTAMP", data: Array.from({ length: n }, (_, i) => new Date(at(i) + 3_600_000)) },
          str("resource_tags", (i) => (i % 10 ? `{"aws_ecs_serviceName":"svc-${i % 3}"}` : null)),
        ],
      }),
    );
    const base = await reconcile(written, false);
    // 540 Fargate rows (i mod 10 != 0), 12 of them with a null cost (i mod 50 = 7): 528 x 0.04048 = 21.37344 USD.
    expect(base.usage.reduce((t, u) => t + Number(u.effectiveCost), 0)).toBeCloseTo(21.37344, 10);
    for (const bytes of [written, rewritePages(written, "SNAPPY", () => true), rewritePages(written, "SNAPPY", (k) => k % 2 === 1)]) {
      expect(await reconcile(bytes, true)).toEqual(base);
    }
  });
});

describe("what the flat decoder does not read, hyparquet still does", () => {
  it("delta and byte-stream-split pages and a list column: the same cells", async () => {
    const n = 300;
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: "type", type: "STRING", data: Array.from({ length: n }, () => "Usage") },
          { name: "i64", type: "INT64", encoding: "DELTA_BINARY_PACKED", data: Array.from({ length: n }, (_, i) => BigInt(i * 3)) },
          { name: "cost", type: "DOUBLE", encoding: "BYTE_STREAM_SPLIT", data: Array.from({ length: n }, (_, i) => i / 4) },
          { name: "resource", type: "STRING", encoding: "DELTA_BYTE_ARRAY", data: Array.from({ length: n }, (_, i) => `task/${i}`) },
          { name: "list", data: Array.from({ length: n }, (_, i) => [i, i + 1]) },
        ],
        pageSize: 256,
      }),
    );
    const rows = await sameAsHyparquet(bytes, false);
    expect(rows[3]).toStrictEqual(["Usage", 9n, 0.75, "task/3", [3, 4]]);
  });
});

describe("the decoder's checks: one sentence, before anything is allocated from a count", () => {
  it("hybrid runs: exact counts, bit-packed widths to 32, and runs past the page refused", () => {
    // Width 3, 8 values bit-packed (header 3 = one group): 0..7 packed LSB first = bytes 0x88 0xc6 0xfa.
    const out = new Int32Array(8);
    expect(hybrid(new Uint8Array([3, 0x88, 0xc6, 0xfa]), 0, 4, 3, out, 8, true)).toBe(4);
    expect([...out]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Width 30: one group of 8 values of 2^30 - 1 - k (30 bytes), through the slow path.
    const w30 = new Uint8Array(31);
    w30[0] = 3;
    let bit = 0;
    for (let k = 0; k < 8; k++) for (let b = 0; b < 30; b++, bit++) if (((2 ** 30 - 1 - k) >> b) & 1) w30[1 + (bit >> 3)]! |= 1 << (bit & 7);
    const big = new Int32Array(8);
    hybrid(w30, 0, 31, 30, big, 8, false);
    expect([...big]).toEqual(Array.from({ length: 8 }, (_, k) => 2 ** 30 - 1 - k));
    // An RLE run of 11 for 10 values (header 22, value byte 1); 2^30 - 1 repeats (varint fe ff ff ff 07): refused.
    expect(() => hybrid(new Uint8Array([22, 1]), 0, 2, 1, new Uint8Array(10), 10, true)).toThrow("a run-length run repeats a value past the page's 10 values");
    expect(() => hybrid(new Uint8Array([0xfe, 0xff, 0xff, 0xff, 0x07, 1]), 0, 6, 1, new Uint8Array(10), 10, false)).toThrow(
      "a run-length run repeats a value past the page's 10 values",
    );
    // Runs that end before the count: levels run past their page.
    expect(() => hybrid(new Uint8Array([8, 1]), 0, 2, 1, new Uint8Array(10), 10, true)).toThrow("a level run runs past its page");
  });

  it.each(["UNCOMPRESSED", "SNAPPY"] as const)(
    "a dictionary-index run of 2^30 - 1 in a version 1 page (%s) is refused before it is repeated",
    async (codec) => {
      // loopingParquet's pages rewritten as version 1 pages (the same bytes after the levels' length).
      let message = "";
      try {
        await reconcile(
          rewritePages(loopingParquet("UNCOMPRESSED"), codec, () => true),
          true,
        );
      } catch (e) {
        expect(e).toBeInstanceOf(BillError);
        message = (e as Error).message;
      }
      expect(message).toBe(
        "bill.parquet is a damaged Parquet file: rows 1-1000: a run-length run repeats a value past the page's 1000 values; it is not read.",
      );
    },
  );

  it("a dictionary index past the dictionary is one sentence naming the rows", async () => {
    // line_item_product_code: two dictionary values, ten rows of each: indices of width 1 in two RLE runs
    // (width byte 1, then header 20 = 10 x 2 and value 0, header 20 and value 1); the second value set to 2 points
    // past the dictionary (hyparquet would give undefined).
    const n = 20;
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        codec: "UNCOMPRESSED",
        columnData: [
          { name: "line_item_line_item_type", type: "STRING", encoding: "PLAIN", data: Array.from({ length: n }, () => "Usage") },
          {
            name: "line_item_product_code",
            type: "STRING",
            encoding: "RLE_DICTIONARY",
            data: Array.from({ length: n }, (_, i) => (i < 10 ? "AmazonECS" : "AmazonEC2")),
          },
          { name: "line_item_usage_type", type: "STRING", data: Array.from({ length: n }, () => "USE1-Fargate-GB-Hours") },
          { name: "line_item_usage_amount", type: "DOUBLE", data: Array.from({ length: n }, (_, i) => i + 1) },
          { name: "line_item_unblended_cost", type: "DOUBLE", data: Array.from({ length: n }, (_, i) => i + 0.5) },
          { name: "pricing_public_on_demand_cost", type: "DOUBLE", data: Array.from({ length: n }, (_, i) => i + 0.5) },
          { name: "product_region_code", type: "STRING", data: Array.from({ length: n }, () => "us-east-1") },
        ],
      }),
    );
    const meta = parquetMetadata(bytes.slice().buffer as ArrayBuffer).row_groups[0]!.columns[1]!.meta_data!;
    const reader = { view: new DataView(bytes.buffer), offset: Number(meta.data_page_offset) };
    const h = parquetHeader(reader);
    const values = reader.offset + h.data_page_header_v2!.definition_levels_byte_length;
    expect([...bytes.subarray(values, values + 5)]).toEqual([1, 20, 0, 20, 1]);
    const bad = bytes.slice();
    bad[values + 4] = 2;
    let message = "";
    try {
      await reconcile(bad, true);
    } catch (e) {
      expect(e).toBeInstanceOf(BillError);
      message = (e as Error).message;
    }
    expect(message).toBe("bill.parquet is a damaged Parquet file: rows 1-20: a dictionary index (2) is past the dictionary's 2 values; it is not read.");
  });
});

describe("strings read with Node's Buffer where there is one", () => {
  it("decode every byte sequence as TextDecoder does (hyparquet's decoder), invalid UTF-8 included", () => {
    expect(NodeBuffer).not.toBeNull();
    const decoder = new TextDecoder();
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    // Bytes at UTF-8's edges (continuation bytes, overlong and surrogate leads, 0xF5-0xFF) and random ones.
    const edges = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    // What textAt() decides from: Buffer for a text without a leading byte-order mark, TextDecoder for one with it.
    const read = (bytes: Uint8Array) =>
      bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
        ? decoder.decode(bytes)
        : NodeBuffer!.from(bytes.buffer, 0, bytes.length).toString("utf8", 0, bytes.length);
    // TextDecoder drops a leading BOM (hyparquet's text), Buffer would keep it.
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    expect(decoder.decode(bom)).toBe("{}");
    expect(NodeBuffer!.from(bom.buffer, 0, bom.length).toString("utf8", 0, bom.length)).toBe("\ufeff{}");
    expect(read(bom)).toBe("{}");
    for (let i = 0; i < 100_000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(rnd() * 12) }, () =>
        rnd() < 0.5 ? edges[Math.floor(rnd() * edges.length)]! : Math.floor(rnd() * 256),
      );
      // One in eight starts with a byte-order mark.
      if (i % 8 === 0 && bytes.length >= 3) bytes.set([0xef, 0xbb, 0xbf]);
      expect(read(bytes)).toBe(decoder.decode(bytes));
    }
  });
});

describe("a text that starts with a byte-order mark", () => {
  it("reads as hyparquet reads it (the mark dropped), in plain pages too: the service tag is still found", async () => {
    const n = 40;
    const col = (name: string, f: (i: number) => string) => ({ name, type: "STRING" as const, data: Array.from({ length: n }, (_, i) => f(i)) });
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          col("line_item_line_item_type", () => "Usage"),
          col("line_item_product_code", () => "AmazonECS"),
          col("line_item_usage_type", () => "USE1-Fargate-vCPU-Hours:perCPU"),
          { name: "line_item_usage_amount", type: "DOUBLE", data: Array.from({ length: n }, () => 1) },
          { name: "line_item_unblended_cost", type: "DOUBLE", data: Array.from({ length: n }, () => 0.04048) },
          { name: "pricing_public_on_demand_cost", type: "DOUBLE", data: Array.from({ length: n }, () => 0.04048) },
          col("product_region_code", () => "us-east-1"),
          col("line_item_resource_id", (i) => `arn:aws:ecs:us-east-1:111122223333:task/shop/${String(i).padStart(32, "0")}`),
          // Each row's its own text (plain pages, the strings made as their rows are read), a mark at its start.
          col("resource_tags", (i) => `\uFEFF{"aws_ecs_serviceName":"api","row":"${i}"}`),
        ],
      }),
    );
    const rows = await sameAsHyparquet(bytes);
    expect(rows[0]!.at(-1)).toBe('{"aws_ecs_serviceName":"api","row":"0"}');
    const r = await reconcile(bytes, true);
    // 40 rows of 1 vCPU-hour at 0.04048: 1.6192, all the service "api".
    expect(r.groups.map((g) => [g.service, g.effectiveCost])).toEqual([["api", "1.6192"]]);
  });
});
