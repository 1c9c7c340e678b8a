/**
 * What a Parquet file claims, checked before hyparquet believes it (issue 19 item 3). hyparquet allocates what the
 * metadata and page headers declare and its run-length decoder repeats a run as many times as the run says, so a
 * lying footer or one flipped bit could ask for gigabytes or billions of iterations. Here, before any decoding:
 * - the footer: every schema element is named, the row counts add up, every column chunk lies inside the file, and a
 *   row group declares at most one row per byte of its column chunks (a bill row takes tens of bytes);
 * - each column chunk as its bytes arrive: the page headers chain to the chunk's end, every page fits, declares at most
 *   64 MiB uncompressed and no more values than its row group has rows, the run-length / bit-packed level runs add up
 *   to the page's value count, and the runs of dictionary indices (and RLE booleans) hold no more values than the page
 *   (a run past it is how the decoder was made to loop, or to grow one array past what V8 allows, which ends the
 *   whole process, worker or not). Snappy pages are decompressed here to check their runs (bounded: at most 64 MiB).
 * Other codecs hyparquet cannot read, so nothing of them is decoded.
 */
import { snappyUncompress, type ColumnMetaData, type FileMetaData, type PageHeader, type SchemaElement } from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import type { ByteSource } from "./parquet";

export const PARQUET_BOUNDS = {
  /** A page's declared uncompressed size. */
  maxPageBytes: 64 << 20,
  /** Rows a row group may declare per byte of its column chunks. */
  maxRowsPerByte: 1,
} as const;

/** Damage found by a check: the caller wraps it into the one sentence naming the file. */
export class ParquetDamage extends Error {}

const damaged = (what: string): never => {
  throw new ParquetDamage(what);
};
/** A name from the file, safe to print: control and non-ASCII bytes as "?", at most 60 characters. */
export const printable = (name: string) => name.replace(/[^\x20-\x7e]/g, "?").slice(0, 60);

/** Where a column chunk's bytes are, as hyparquet computes it. */
export function chunkRange(meta: ColumnMetaData): { start: number; end: number } {
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  return { start, end: start + Number(meta.total_compressed_size) };
}

export interface Levels {
  maxDef: number;
  maxRep: number;
}

/** The footer's claims against the file's size; returns each leaf column's level maxima by its dotted path. */
export function checkMetadata(metadata: FileMetaData, fileSize: number): Map<string, Levels> {
  const schema = metadata.schema;
  if (!Array.isArray(schema) || schema.length === 0) damaged("its schema is empty");
  schema.forEach((e: SchemaElement, i) => {
    if (typeof e?.name !== "string" || (i > 0 && !e.name)) damaged(`schema element ${i + 1} has no name`);
    if (e.num_children !== undefined && (!Number.isInteger(e.num_children) || e.num_children < 0 || e.num_children >= schema.length)) {
      damaged(`schema element ${i + 1} declares ${String(e.num_children)} children`);
    }
  });
  // Walk the flattened schema tree: each leaf's path and its maximum definition and repetition levels.
  const levels = new Map<string, Levels>();
  let next = 1;
  const walk = (path: string[], def: number, rep: number, depth: number) => {
    if (depth > 32) damaged("its schema nests deeper than 32 levels");
    const e = schema[next++] ?? damaged("its schema declares more elements than it has");
    const p = [...path, e.name];
    const d = def + (e.repetition_type && e.repetition_type !== "REQUIRED" ? 1 : 0);
    const r = rep + (e.repetition_type === "REPEATED" ? 1 : 0);
    if (e.num_children) for (let c = 0; c < e.num_children; c++) walk(p, d, r, depth + 1);
    else levels.set(p.join("\u0000"), { maxDef: d, maxRep: r });
  };
  for (let c = 0; c < (schema[0]!.num_children ?? 0); c++) walk([], 0, 0, 0);

  const dataEnd = fileSize - 8 - Number(metadata.metadata_length ?? 0);
  let rows = 0n;
  metadata.row_groups.forEach((g, gi) => {
    const n = BigInt(g.num_rows);
    if (n < 0n) damaged(`row group ${gi + 1} declares ${n} rows`);
    rows += n;
    let bytes = 0;
    for (const col of g.columns) {
      const meta = col.meta_data ?? damaged(`a column chunk of row group ${gi + 1} has no metadata`);
      const { start, end } = chunkRange(meta);
      const name = printable(meta.path_in_schema?.join(".") ?? "?");
      if (!(start >= 4 && end >= start && end <= dataEnd)) {
        damaged(`column ${name} of row group ${gi + 1} claims bytes ${start}-${end}, outside the file's ${dataEnd} bytes of data`);
      }
      bytes += end - start;
    }
    if (n > BigInt(Math.max(1, bytes) * PARQUET_BOUNDS.maxRowsPerByte)) {
      damaged(`row group ${gi + 1} declares ${n.toLocaleString("en-US")} rows in ${bytes.toLocaleString("en-US")} bytes`);
    }
  });
  if (rows !== BigInt(metadata.num_rows)) damaged(`its footer declares ${metadata.num_rows} rows but its row groups add up to ${rows}`);
  return levels;
}

/** Reads an unsigned LEB128 varint of at most 5 bytes (a 32-bit value), as the hybrid run headers are. */
function varint(bytes: Uint8Array, at: { i: number }, end: number): number {
  let result = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (at.i >= end) damaged("a level run runs past its page");
    const b = bytes[at.i++]!;
    result += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) {
      if (result > 0x7fffffff) damaged("a level run header is out of range");
      return result;
    }
  }
  return damaged("a level run header is longer than 5 bytes");
}

/**
 * Walks one run-length / bit-packed hybrid section of `count` values at `width` bits without decoding it: the runs
 * must add up to the count (a bit-packed run may pad to its group of 8) and stay inside [at.i, end).
 */
export function checkHybridRuns(bytes: Uint8Array, at: { i: number }, end: number, width: number, count: number): void {
  let seen = 0;
  while (seen < count) {
    const header = varint(bytes, at, end);
    if (header & 1) {
      const groups = Math.floor(header / 2);
      if (groups === 0) damaged("a bit-packed run is empty");
      seen += groups * 8;
      at.i += groups * width;
      if (seen > count + 7) damaged("a bit-packed run holds more values than its page");
    } else {
      const run = Math.floor(header / 2);
      if (run === 0) damaged("a run-length run is empty");
      seen += run;
      at.i += (width + 7) >> 3;
      if (seen > count) damaged(`a run-length run repeats a value past the page's ${count} values`);
    }
    if (at.i > end) damaged("a level run runs past its page");
  }
}

/**
 * Walks a hybrid section whose value count is only bounded (dictionary indices: the page's values less its nulls,
 * which a version 1 page only states through its levels): the runs may hold at most `count` values (a bit-packed run
 * may pad to its group of 8) and stay inside [at.i, end). Cost: one step per run header, each at least a byte.
 */
export function checkRunsAtMost(bytes: Uint8Array, at: { i: number }, end: number, width: number, count: number): void {
  let seen = 0;
  while (seen < count && at.i < end) {
    const header = varint(bytes, at, end);
    if (header & 1) {
      const groups = Math.floor(header / 2);
      seen += groups * 8;
      at.i += groups * width;
      if (seen > count + 7) damaged(`a bit-packed run holds more values than the page's ${count}`);
    } else {
      seen += Math.floor(header / 2);
      at.i += (width + 7) >> 3;
      if (seen > count) damaged(`a run-length run repeats a value past the page's ${count} values`);
    }
  }
}

/** The value section of a data page, as hyparquet decodes it: dictionary indices and RLE booleans are hybrid runs. */
function checkValues(bytes: Uint8Array, from: number, end: number, encoding: string, type: string | undefined, count: number, v1: boolean) {
  if (encoding === "RLE" && type === "BOOLEAN") {
    // A 4-byte length, then runs of 1-bit values.
    if (from + 4 > end) damaged("a page's boolean values run past the page");
    const len = bytes[from]! | (bytes[from + 1]! << 8) | (bytes[from + 2]! << 16) | (bytes[from + 3]! << 24);
    if (len < 0 || from + 4 + len > end) damaged("a page's boolean values run past the page");
    checkRunsAtMost(bytes, { i: from + 4 }, from + 4 + len, 1, count);
  } else if (encoding === "RLE_DICTIONARY" || encoding === "PLAIN_DICTIONARY" || encoding === "RLE") {
    if (from >= end) return;
    const width = bytes[from]!;
    if (width > 32) damaged(`a page's dictionary indices declare ${width} bits`);
    // A version 1 page with 0-bit indices is all zeros: hyparquet reads nothing after the width.
    if (width === 0 && v1) return;
    checkRunsAtMost(bytes, { i: from + 1 }, end, width, count);
  }
}

const usesRuns = (encoding: string) => encoding === "RLE" || encoding === "RLE_DICTIONARY" || encoding === "PLAIN_DICTIONARY";

/** A compressed section as hyparquet will see it; undefined for codecs hyparquet cannot read (it refuses them). */
function uncompressed(bytes: Uint8Array, from: number, end: number, codec: string, size: number): Uint8Array | undefined {
  if (codec === "UNCOMPRESSED") return bytes.subarray(from, end);
  if (codec !== "SNAPPY") return undefined;
  if (!(size >= 0)) damaged("a page declares a negative size");
  const out = new Uint8Array(size);
  try {
    snappyUncompress(bytes.subarray(from, end), out);
  } catch (e) {
    damaged(`a page cannot be decompressed (${(e as Error).message})`);
  }
  return out;
}

const bitWidth = (max: number) => 32 - Math.clz32(max);

/**
 * What a page header claims, checked without its bytes: sizes, at most 64 MiB uncompressed, no more values than its
 * row group has rows (a flat column), and a version 2 page's level data inside the page.
 */
export function checkPageHeader(header: PageHeader, c: { rows: number; levels: Levels }): void {
  const size = header.compressed_page_size;
  const full = header.uncompressed_page_size;
  if (!Number.isInteger(size) || size < 0 || !Number.isInteger(full) || full < 0) damaged("a page declares a negative size");
  if (full > PARQUET_BOUNDS.maxPageBytes) damaged(`a page declares ${full.toLocaleString("en-US")} bytes uncompressed (more than 64 MiB)`);
  const v1 = header.data_page_header;
  const v2 = header.data_page_header_v2;
  const values = v1?.num_values ?? v2?.num_values ?? header.dictionary_page_header?.num_values ?? 0;
  if (!Number.isInteger(values) || values < 0) damaged("a page declares a negative value count");
  if ((v1 || v2) && c.levels.maxRep === 0 && values > c.rows) damaged(`a page declares ${values} values in a row group of ${c.rows} rows`);
  if (header.dictionary_page_header && values > full) damaged(`a dictionary page declares ${values} values in ${full} bytes`);
  if (v2) {
    const levelBytes = v2.definition_levels_byte_length + v2.repetition_levels_byte_length;
    if (!(v2.definition_levels_byte_length >= 0 && v2.repetition_levels_byte_length >= 0 && levelBytes <= size))
      damaged("a page's level data is larger than the page");
  }
}

function checkPage(bytes: Uint8Array, header: PageHeader, at: number, c: ChunkCheck) {
  const { codec, levels: lv } = c;
  const size = header.compressed_page_size;
  const full = header.uncompressed_page_size;
  const v1 = header.data_page_header;
  const v2 = header.data_page_header_v2;
  const values = v1?.num_values ?? v2?.num_values ?? 0;
  if (v2) {
    const levelBytes = v2.definition_levels_byte_length + v2.repetition_levels_byte_length;
    // Version 2 pages keep their levels uncompressed: check their runs here.
    const rep = { i: at };
    if (lv.maxRep) checkHybridRuns(bytes, rep, at + v2.repetition_levels_byte_length, bitWidth(lv.maxRep), values);
    const def = { i: at + v2.repetition_levels_byte_length };
    if (lv.maxDef) checkHybridRuns(bytes, def, at + levelBytes, bitWidth(lv.maxDef), values);
    if (usesRuns(v2.encoding)) {
      const nonNull = values - (Number.isInteger(v2.num_nulls) && v2.num_nulls >= 0 ? Math.min(v2.num_nulls, values) : 0);
      const data = uncompressed(bytes, at + levelBytes, at + size, v2.is_compressed === false ? "UNCOMPRESSED" : codec, full - levelBytes);
      if (data) checkValues(data, 0, data.length, v2.encoding, c.type, nonNull, false);
    }
  } else if (v1 && (lv.maxRep || lv.maxDef || usesRuns(v1.encoding))) {
    // Version 1: the whole page is compressed; levels (a 4-byte length, then runs), then the values.
    const page = uncompressed(bytes, at, at + size, codec, full);
    if (!page) return;
    const at2 = { i: 0 };
    for (const max of [lv.maxRep, lv.maxDef]) {
      if (!max) continue;
      if (at2.i + 4 > page.length) damaged("a page's levels run past the page");
      const len = page[at2.i]! | (page[at2.i + 1]! << 8) | (page[at2.i + 2]! << 16) | (page[at2.i + 3]! << 24);
      at2.i += 4;
      if (len < 0 || at2.i + len > page.length) damaged("a page's levels run past the page");
      const sectionEnd = at2.i + len;
      checkHybridRuns(page, at2, sectionEnd, bitWidth(max), values);
      at2.i = sectionEnd;
    }
    checkValues(page, at2.i, page.length, v1.encoding, c.type, values, true);
  }
}

/**
 * Walks a column chunk's page headers in `buffer` from `offset` to `stop`: each header must parse, make sense
 * (checkPageHeader) and its page fit inside the chunk; a chunk has at most one page per row (and a dictionary page).
 * Calls onPage with each header and where its page's bytes start.
 */
export function walkChunk(
  buffer: ArrayBuffer,
  offset: number,
  stop: number,
  c: { rows: number; levels: Levels },
  onPage: (header: PageHeader, at: number) => void,
): void {
  const reader = { view: new DataView(buffer), offset };
  let pages = 0;
  while (reader.offset < stop) {
    if (++pages > c.rows + 2) damaged("a column chunk has more pages than rows");
    let header: PageHeader;
    try {
      header = parquetHeader(reader);
    } catch (e) {
      damaged(`a page header cannot be read (${(e as Error).message})`);
    }
    const at = reader.offset;
    checkPageHeader(header!, c);
    onPage(header!, at);
    reader.offset = at + header!.compressed_page_size;
    if (reader.offset > stop) damaged("a page runs past its column chunk");
  }
}

interface ChunkCheck {
  start: number;
  end: number;
  codec: string;
  type: string | undefined;
  rows: number;
  levels: Levels;
  done: boolean;
}

/**
 * The file as hyparquet should read it: each column chunk's pages are checked (checkPage) when its bytes are first
 * sliced, before hyparquet decodes them.
 */
export function guardedSource(file: ByteSource, metadata: FileMetaData, levels: Map<string, Levels>, columns: readonly string[]): ByteSource {
  const wanted = new Set(columns);
  const chunks: ChunkCheck[] = [];
  for (const g of metadata.row_groups) {
    for (const col of g.columns) {
      const meta = col.meta_data!;
      if (!wanted.has(meta.path_in_schema[0]!)) continue;
      const lv = levels.get(meta.path_in_schema.join("\u0000")) ?? damaged(`column ${printable(meta.path_in_schema.join("."))} is not in the schema`);
      chunks.push({ ...chunkRange(meta), codec: meta.codec, type: meta.type, rows: Number(g.num_rows), levels: lv, done: false });
    }
  }
  const check = (buffer: ArrayBuffer, start: number) => {
    const bytes = new Uint8Array(buffer);
    const end = start + bytes.byteLength;
    for (const c of chunks) {
      if (c.done || c.start < start || c.end > end) continue;
      c.done = true;
      walkChunk(buffer, c.start - start, c.end - start, c, (header, at) => checkPage(bytes, header, at, c));
    }
  };
  return {
    byteLength: file.byteLength,
    slice(start, end) {
      const got = file.slice(start, end);
      if (got instanceof ArrayBuffer) {
        check(got, start);
        return got;
      }
      return got.then((b) => {
        check(b, start);
        return b;
      });
    },
  };
}
