/**
 * A page-by-page decoder for the flat columns a bill's Parquet file holds (issue 20 item 5): top-level, not repeated,
 * no children; strings (BYTE_ARRAY, UTF8 or unannotated), DOUBLE, FLOAT, INT32, INT64 and INT64 timestamps; PLAIN and
 * dictionary (PLAIN_DICTIONARY / RLE_DICTIONARY) pages, version 1 and 2, UNCOMPRESSED or SNAPPY. Cells are what
 * hyparquet gives for the same column (strings, numbers, bigints, Dates, null for a null), so the accumulator sees the
 * same rows; anything else (nested columns, other encodings or codecs) is left to hyparquet (./parquet.ts).
 *
 * One page is decoded at a time, when the rows reach it, so memory holds a row group's compressed column chunks and
 * one decoded page per column, not whole decoded row groups. Each page is decompressed once, and checked as it is
 * decoded: every count read from the file is checked against the page before anything is allocated or repeated (the
 * page header's claims by ./parquet-guard.ts's walkChunk; level and dictionary-index runs, lengths and indices here),
 * so a hostile file is a ParquetDamage sentence, never a huge allocation or a loop.
 */
import { snappyUncompress, type ColumnMetaData, type PageHeader, type SchemaElement } from "hyparquet";
import type { Cell } from "./accumulate";
import { ParquetDamage, walkChunk, type Levels } from "./parquet-guard";

const damaged = (what: string): never => {
  throw new ParquetDamage(what);
};

/** FlatChunk.mode: where a page's cells are read from. */
export const CELLS = 0;
export const NUMBERS = 1;
export const TEXT = 2;
export type CellMode = typeof CELLS | typeof NUMBERS | typeof TEXT;

/** How a column's physical values become cells, as hyparquet's convert() makes them. */
export type FlatKind = "string" | "number" | "bigint" | "millis" | "micros" | "nanos";

/** The kind of a top-level leaf column this decoder reads, or null (hyparquet reads it). */
export function flatKind(e: SchemaElement): FlatKind | null {
  if (e.num_children || e.repetition_type === "REPEATED") return null;
  const ctype = e.converted_type;
  const ltype = e.logical_type;
  switch (e.type) {
    case "BYTE_ARRAY":
      return (ctype === undefined || ctype === "UTF8") && (ltype === undefined || ltype.type === "STRING") ? "string" : null;
    case "DOUBLE":
    case "FLOAT":
    case "INT32":
      return ctype === undefined && ltype === undefined ? "number" : null;
    case "INT64":
      if (ctype === "TIMESTAMP_MILLIS") return "millis";
      if (ctype === "TIMESTAMP_MICROS") return "micros";
      if (ctype !== undefined) return null;
      if (ltype === undefined) return "bigint";
      if (ltype.type === "TIMESTAMP") return ltype.unit === "MILLIS" ? "millis" : ltype.unit === "MICROS" ? "micros" : "nanos";
      return null;
    default:
      return null;
  }
}

const CODECS = new Set(["UNCOMPRESSED", "SNAPPY"]);
const DATA_ENCODINGS = new Set(["PLAIN", "PLAIN_DICTIONARY", "RLE_DICTIONARY"]);
const isDictionary = (encoding: string) => encoding === "PLAIN_DICTIONARY" || encoding === "RLE_DICTIONARY";

/**
 * Where pages are decompressed, reused from page to page for one file's read (and its pages of nulls): a page's cells never refer to it
 * (strings and numbers are copied out), so no decompressed page is left for the garbage collector (each was a buffer
 * outside V8's heap, reclaimed only after a full collection: tens of MB at a time).
 */
export class PageBuffer {
  private bytes = new Uint8Array(0);
  /** `size` bytes (at most a page's 64 MiB, which the page header's check bounds). */
  get(size: number): Uint8Array {
    if (this.bytes.length < size) this.bytes = new Uint8Array(Math.max(size, Math.min(2 * this.bytes.length, 64 << 20)));
    return this.bytes.subarray(0, size);
  }

  private levelBytes = new Uint8Array(0);
  private indexInts = new Int32Array(0);
  /** Room for n definition levels / dictionary indices (n is at most a row group's rows, checked against the page header). */
  levels(n: number): Uint8Array {
    if (this.levelBytes.length < n) this.levelBytes = new Uint8Array(n);
    return this.levelBytes;
  }
  indices(n: number): Int32Array {
    if (this.indexInts.length < n) this.indexInts = new Int32Array(n);
    return this.indexInts;
  }

  private cellArray: Cell[] = [];
  private doubleArray = new Float64Array(0);
  private startInts = new Int32Array(0);
  private endInts = new Int32Array(0);
  /**
   * Room for a page's n cells, reused from page to page of one column (each column has its own PageBuffer): no new
   * array per page. An array per page lived as long as its page's rows were read, long enough to be moved to V8's old
   * generation, so each page's array (and every number boxed in it) stayed until the next full collection.
   */
  cells(n: number): Cell[] {
    if (this.cellArray.length < n) this.cellArray = new Array<Cell>(n).fill(null);
    return this.cellArray;
  }
  /** Room for a page's n numbers, reused (no boxed number per value). */
  doubles(n: number): Float64Array {
    if (this.doubleArray.length < n) this.doubleArray = new Float64Array(n);
    return this.doubleArray;
  }
  /** Where each of a page's n strings starts and ends in its page's bytes (start -1: null), reused. */
  spans(n: number): [Int32Array, Int32Array] {
    if (this.startInts.length < n) [this.startInts, this.endInts] = [new Int32Array(n), new Int32Array(n)];
    return [this.startInts, this.endInts];
  }

  private allNull: null[] = [];
  /** At least n nulls, shared by the read's all-null pages (read only; n is at most a row group's rows). */
  nulls(n: number): readonly null[] {
    if (this.allNull.length < n) this.allNull = new Array<null>(n).fill(null);
    return this.allNull;
  }
}

interface Page {
  header: PageHeader;
  /** Where its bytes start in the chunk. */
  at: number;
  /** Rows (= values: a flat column) of a data page; 0 for a dictionary page. */
  rows: number;
}

/**
 * One column chunk of a row group, read page by page: `data` holds the cells of rows [from, until). Build it with
 * FlatChunk.open (null when a page is of a kind this decoder does not read), then call advance(r) whenever the rows
 * reach `until`.
 */
export class FlatChunk {
  data: ArrayLike<Cell> = [];
  /**
   * How the current page's cells are read (the row loop branches on it, so each read is of one kind of array):
   * CELLS `data[k]`, NUMBERS `nums[k]` (a page of numbers, unboxed), TEXT `textAt(k)`: a page of plain strings
   * (task ARNs, each row its own) keeps its bytes and each string's place, and a row's string is made as the row is
   * read, so it lives as long as the row needs it (or the accumulator keeps it), not as long as the page.
   */
  mode: CellMode = CELLS;
  nums: Float64Array = new Float64Array(0);
  private textBytes: Uint8Array = new Uint8Array(0);
  /** The same bytes as a Node Buffer, when there is one (NodeBuffer). */
  private textBuffer: NodeBufferView | null = null;
  private starts: Int32Array = new Int32Array(0);
  private ends: Int32Array = new Int32Array(0);
  from: number;
  until: number;
  private next = 0;
  private dictionary: ArrayLike<Cell> | null = null;
  private readonly bytes: Uint8Array;

  private constructor(
    buffer: ArrayBuffer,
    private readonly pages: Page[],
    private readonly kind: FlatKind,
    private readonly codec: string,
    private readonly type: string,
    private readonly maxDef: number,
    rowStart: number,
    private readonly scratch: PageBuffer,
    begin: number,
    end: number,
  ) {
    this.bytes = new Uint8Array(buffer, begin, end - begin);
    this.from = this.until = rowStart;
  }

  /**
   * The chunk at [begin, end) of `buffer`, its pages walked and their headers checked; null when a page is of a kind
   * hyparquet must read (an encoding, a page type or level encoding this decoder does not know).
   */
  static open(
    buffer: ArrayBuffer,
    meta: ColumnMetaData,
    kind: FlatKind,
    levels: Levels,
    rows: number,
    rowStart: number,
    scratch: PageBuffer = new PageBuffer(),
    begin = 0,
    end = buffer.byteLength,
  ): FlatChunk | null {
    if (!CODECS.has(meta.codec) || levels.maxRep !== 0 || levels.maxDef > 1) return null;
    const pages: Page[] = [];
    let supported = true;
    walkChunk(buffer, begin, end, { rows, levels }, (header, from) => {
      const at = from - begin;
      if (header.type === "DICTIONARY_PAGE") {
        const enc = header.dictionary_page_header?.encoding;
        if (enc !== "PLAIN" && enc !== "PLAIN_DICTIONARY") supported = false;
        pages.push({ header, at, rows: 0 });
      } else if (header.type === "DATA_PAGE" && header.data_page_header) {
        const h = header.data_page_header;
        if (!DATA_ENCODINGS.has(h.encoding) || (levels.maxDef && h.definition_level_encoding !== "RLE")) supported = false;
        pages.push({ header, at, rows: h.num_values });
      } else if (header.type === "DATA_PAGE_V2" && header.data_page_header_v2) {
        if (!DATA_ENCODINGS.has(header.data_page_header_v2.encoding)) supported = false;
        pages.push({ header, at, rows: header.data_page_header_v2.num_values });
      } else {
        supported = false;
      }
    });
    return supported ? new FlatChunk(buffer, pages, kind, meta.codec, meta.type, levels.maxDef, rowStart, scratch, begin, end) : null;
  }

  /** The rows the chunk's data pages hold (a flat column: one value per row). */
  get rows(): number {
    let n = 0;
    for (const p of this.pages) n += p.rows;
    return n;
  }

  /** The string (or null) of the current page's k-th row, when `mode` is TEXT. */
  textAt(k: number): Cell {
    const at = this.starts[k]!;
    if (at < 0) return null;
    const b = this.textBuffer;
    const bytes = this.textBytes;
    // A text that starts with a byte-order mark (EF BB BF) goes to TextDecoder, which drops it (Buffer keeps it).
    if (!b || (bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf)) return utf8(bytes, at, this.ends[k]!);
    return b.utf8Slice ? b.utf8Slice(at, this.ends[k]!) : b.toString("utf8", at, this.ends[k]!);
  }

  /** Decodes pages until one holds row r (r >= until). */
  advance(r: number): void {
    while (r >= this.until) {
      const page = this.pages[this.next++];
      if (!page) damaged("a column chunk ends before its row group's rows");
      if (page!.header.type === "DICTIONARY_PAGE") {
        this.readDictionary(page!);
        continue;
      }
      this.data = this.readData(page!);
      this.from = this.until;
      this.until += page!.rows;
    }
  }

  private decompress(at: number, end: number, size: number, compressed: boolean): Uint8Array {
    if (end > this.bytes.length) damaged("a page runs past its column chunk");
    if (!compressed || this.codec === "UNCOMPRESSED") return this.bytes.subarray(at, end);
    if (!(size >= 0)) damaged("a page declares a negative size");
    const out = this.scratch.get(size);
    try {
      snappyUncompress(this.bytes.subarray(at, end), out);
    } catch (e) {
      damaged(`a page cannot be decompressed (${(e as Error).message})`);
    }
    return out;
  }

  private readDictionary(page: Page) {
    const h = page.header;
    const bytes = this.decompress(page.at, page.at + h.compressed_page_size, h.uncompressed_page_size, true);
    // Its own array (the pages' cells refer to its values for the whole chunk).
    this.dictionary = plain(bytes, 0, bytes.length, this.type, this.kind, h.dictionary_page_header!.num_values, undefined, null);
  }

  private readData(page: Page): ArrayLike<Cell> {
    const h = page.header;
    const n = page.rows;
    let values: Uint8Array;
    let at: number;
    let defs: Uint8Array | null = null;
    let encoding: string;
    if (h.data_page_header) {
      // Version 1: the whole page is compressed: the definition levels (a 4-byte length, then runs), then the values.
      encoding = h.data_page_header.encoding;
      values = this.decompress(page.at, page.at + h.compressed_page_size, h.uncompressed_page_size, true);
      at = 0;
      if (this.maxDef) {
        if (values.length < 4) damaged("a page's levels run past the page");
        const len = (values[0]! | (values[1]! << 8) | (values[2]! << 16) | (values[3]! << 24)) >>> 0;
        if (4 + len > values.length) damaged("a page's levels run past the page");
        defs = this.scratch.levels(n);
        hybrid(values, 4, 4 + len, 1, defs, n, true);
        at = 4 + len;
      }
    } else {
      // Version 2: levels uncompressed before the (maybe compressed) values.
      const v2 = h.data_page_header_v2!;
      encoding = v2.encoding;
      const levelStart = page.at + v2.repetition_levels_byte_length;
      const levelEnd = levelStart + v2.definition_levels_byte_length;
      if (this.maxDef) {
        defs = this.scratch.levels(n);
        hybrid(this.bytes, levelStart, levelEnd, 1, defs, n, true);
      }
      values = this.decompress(levelEnd, page.at + h.compressed_page_size, h.uncompressed_page_size - (levelEnd - page.at), v2.is_compressed !== false);
      at = 0;
    }
    let present = n;
    if (defs) {
      present = 0;
      for (let i = 0; i < n; i++) if (defs[i] === 1) present++;
      if (present === n) defs = null;
    }
    this.mode = CELLS;
    // A page of nulls only (a column the bill leaves empty): one shared array, nothing decoded.
    if (present === 0) return this.scratch.nulls(n);
    // The present values first, in an array of the page's rows, then spread to their rows from the end, nulls between.
    let cells: Cell[];
    if (isDictionary(encoding)) {
      const dictionary = this.dictionary ?? damaged("a page refers to a dictionary its column chunk does not have");
      cells = lookUp(values, at, present, n, dictionary, !h.data_page_header_v2, this.scratch);
    } else if (this.type === "BYTE_ARRAY") {
      // Plain strings: their places now (checked), their text when each row is read (textAt).
      const [starts, ends] = this.scratch.spans(n);
      spans(values, at, values.length, present, starts, ends);
      if (defs) {
        for (let i = n - 1, v = present - 1; i >= 0; i--) {
          if (defs[i] === 1) [starts[i], ends[i]] = [starts[v]!, ends[v--]!];
          else starts[i] = -1;
        }
      }
      this.textBytes = values;
      this.textBuffer = NodeBuffer ? NodeBuffer.from(values.buffer, values.byteOffset, values.byteLength) : null;
      this.starts = starts;
      this.ends = ends;
      this.mode = TEXT;
      return this.data;
    } else {
      const numbers = !defs && this.kind === "number" && this.type !== "BYTE_ARRAY";
      if (numbers) {
        this.nums = plainNumbers(values, at, values.length, this.type, present, this.scratch.doubles(n));
        this.mode = NUMBERS;
        return this.nums;
      }
      cells = plain(values, at, values.length, this.type, this.kind, present, n, this.scratch);
    }
    if (defs) for (let i = n - 1, v = present - 1; i >= 0; i--) cells[i] = defs[i] === 1 ? cells[v--] : null;
    return cells;
  }
}

/** Where the last varint ended. */
let varintEnd = 0;
/** Reads an unsigned varint of at most 5 bytes (a run header); varintEnd is set past it. */
function varint(bytes: Uint8Array, at: number, end: number): number {
  let result = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (at >= end) damaged("a level run runs past its page");
    const b = bytes[at++]!;
    result += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) {
      if (result > 0x7fffffff) damaged("a level run header is out of range");
      varintEnd = at;
      return result;
    }
  }
  return damaged("a level run header is longer than 5 bytes");
}

/**
 * Decodes `count` values of a run-length / bit-packed hybrid section of `width` bits in [at, end) into out, checking
 * every run against the count and the section before using it (a run may not repeat past the count; a bit-packed run
 * may pad its last group of 8). `strict`: levels, whose runs must fill the count exactly and never be empty.
 */
export function hybrid(bytes: Uint8Array, at: number, end: number, width: number, out: Uint8Array | Int32Array, count: number, strict: boolean): number {
  let seen = 0;
  const valueBytes = (width + 7) >> 3;
  while (seen < count) {
    if (at >= end) damaged(strict ? "a level run runs past its page" : "a page's dictionary indices run past the page");
    const header = varint(bytes, at, end);
    at = varintEnd;
    if (header & 1) {
      const groups = Math.floor(header / 2);
      if (groups === 0 && strict) damaged("a bit-packed run is empty");
      const size = groups * width;
      if (at + size > end) damaged(strict ? "a level run runs past its page" : "a page's dictionary indices run past the page");
      if (seen + groups * 8 > count + 7) damaged(`a bit-packed run holds more values than the page's ${count}`);
      const take = Math.min(groups * 8, count - seen);
      unpack(bytes, at, width, out, seen, take);
      seen += take;
      at += size;
    } else {
      const run = Math.floor(header / 2);
      if (run === 0 && strict) damaged("a run-length run is empty");
      if (seen + run > count) damaged(`a run-length run repeats a value past the page's ${count} values`);
      if (at + valueBytes > end) damaged(strict ? "a level run runs past its page" : "a page's dictionary indices run past the page");
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value += bytes[at + i]! * 2 ** (8 * i);
      at += valueBytes;
      out.fill(value, seen, seen + run);
      seen += run;
    }
  }
  return at;
}

/** `take` values of `width` bits, little-endian bit order, from bytes[at...] into out[seen...]. */
function unpack(bytes: Uint8Array, at: number, width: number, out: Uint8Array | Int32Array, seen: number, take: number) {
  if (width === 0) {
    out.fill(0, seen, seen + take);
    return;
  }
  if (width <= 24) {
    const mask = (1 << width) - 1;
    let buf = 0;
    let bits = 0;
    let p = at;
    for (let k = 0; k < take; k++) {
      while (bits < width) {
        buf |= bytes[p++]! << bits;
        bits += 8;
      }
      out[seen + k] = buf & mask;
      buf >>>= width;
      bits -= width;
    }
    return;
  }
  for (let k = 0; k < take; k++) {
    const bit = k * width;
    let p = at + (bit >>> 3);
    const shift = bit & 7;
    let v = 0;
    let mul = 1;
    for (let got = 0; got < shift + width; got += 8, mul *= 256) v += bytes[p++]! * mul;
    out[seen + k] = Math.floor(v / 2 ** shift) % 2 ** width;
  }
}

/**
 * A data page's `count` dictionary indices (a bit width byte, then hybrid runs) looked up, in an array of `size`
 * (the page's rows); `v1`: a 0-bit width means all zeros.
 */
function lookUp(bytes: Uint8Array, at: number, count: number, size: number, dictionary: ArrayLike<Cell>, v1: boolean, scratch: PageBuffer): Cell[] {
  const cells = scratch.cells(size);
  if (count === 0) return cells;
  if (at >= bytes.length) damaged("a page's dictionary indices run past the page");
  const width = bytes[at]!;
  if (width > 32) damaged(`a page's dictionary indices declare ${width} bits`);
  const index = scratch.indices(count);
  if (width > 0 || !v1) hybrid(bytes, at + 1, bytes.length, width, index, count, false);
  else index.fill(0, 0, count);
  const entries = dictionary.length;
  for (let i = 0; i < count; i++) {
    const k = index[i]!;
    if (k < 0 || k >= entries) damaged(`a dictionary index (${k >>> 0}) is past the dictionary's ${entries} values`);
    cells[i] = dictionary[k];
  }
  return cells;
}

const decoder = new TextDecoder();

/** What textAt() needs of a Node Buffer. */
interface NodeBufferView {
  toString(encoding: "utf8", start: number, end: number): string;
  /** What toString("utf8", start, end) calls, without its argument handling (Buffer.prototype, every Node version). */
  utf8Slice?: (start: number, end: number) => string;
}
/**
 * Node's Buffer, where the reader runs in Node (the CLI, the server), else null (a browser worker): its UTF-8 decoding
 * of a range is about twice as fast as TextDecoder's of a subarray, and gives the same text for every byte sequence,
 * invalid ones included (U+FFFD as the Encoding Standard replaces; parquet-flat.test.ts compares them on random bytes),
 * except a leading byte-order mark, which TextDecoder drops and Buffer keeps: such a text is left to TextDecoder.
 */
export const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): NodeBufferView } }).Buffer ?? null;

/** UTF-8 text as hyparquet decodes it (one TextDecoder; it is faster than String.fromCharCode even on short ASCII). */
const utf8 = (bytes: Uint8Array, start: number, end: number): string => decoder.decode(bytes.subarray(start, end));

/** `count` PLAIN values of a physical type in [at, end), as cells of the column's kind, in an array of `size` (>= count). */
function plain(
  bytes: Uint8Array,
  at: number,
  end: number,
  type: string,
  kind: FlatKind,
  count: number,
  size = count,
  scratch: PageBuffer | null = null,
): Cell[] {
  const short = () => damaged(`a page's ${count} values run past the page`);
  const array = (n: number) => (scratch ? scratch.cells(n) : new Array<Cell>(n));
  if (type === "BYTE_ARRAY") {
    // At least 4 bytes a value: checked before the array is made.
    if (count * 4 > end - at) short();
    const out = array(size);
    for (let i = 0; i < count; i++) {
      if (at + 4 > end) short();
      const len = (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
      at += 4;
      if (at + len > end) short();
      out[i] = utf8(bytes, at, at + len);
      at += len;
    }
    return out;
  }
  const width = type === "DOUBLE" || type === "INT64" ? 8 : 4;
  if (count * width > end - at) short();
  // Read through a DataView (the values may be unaligned) into arrays of V8's heap, not holding the page's bytes.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === "DOUBLE" || type === "FLOAT" || type === "INT32") {
    const out = array(size);
    if (type === "DOUBLE") for (let i = 0; i < count; i++) out[i] = view.getFloat64(at + 8 * i, true);
    else if (type === "FLOAT") for (let i = 0; i < count; i++) out[i] = view.getFloat32(at + 4 * i, true);
    else for (let i = 0; i < count; i++) out[i] = view.getInt32(at + 4 * i, true);
    return out;
  }
  if (kind === "bigint") {
    const out = array(size);
    for (let i = 0; i < count; i++) out[i] = view.getBigInt64(at + 8 * i, true);
    return out;
  }
  const dates = array(size);
  if (kind === "millis") {
    // Number(v) of a signed 64-bit value: high word x 2^32 (exact) plus the low word, rounded once as Number() rounds.
    for (let i = 0; i < count; i++) dates[i] = new Date(view.getInt32(at + 8 * i + 4, true) * 4294967296 + view.getUint32(at + 8 * i, true));
  } else {
    const per = kind === "micros" ? 1000n : 1000000n;
    for (let i = 0; i < count; i++) dates[i] = new Date(Number(view.getBigInt64(at + 8 * i, true) / per));
  }
  return dates;
}

/**
 * The places of `count` PLAIN strings in [at, end) (each a 4-byte length, then its bytes): starts[i] and ends[i],
 * checked against the page as plain() checks them; the text is read later (FlatChunk.textAt).
 */
function spans(bytes: Uint8Array, at: number, end: number, count: number, starts: Int32Array, ends: Int32Array): void {
  const short = () => damaged(`a page's ${count} values run past the page`);
  if (count * 4 > end - at) short();
  for (let i = 0; i < count; i++) {
    if (at + 4 > end) short();
    const len = (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
    at += 4;
    if (at + len > end) short();
    starts[i] = at;
    ends[i] = at + len;
    at += len;
  }
}

/** `count` PLAIN numbers (DOUBLE, FLOAT, INT32) of a page with no nulls, into `out` (reused: no boxed number per value). */
function plainNumbers(bytes: Uint8Array, at: number, end: number, type: string, count: number, out: Float64Array): Float64Array {
  const width = type === "DOUBLE" ? 8 : 4;
  if (count * width > end - at) damaged(`a page's ${count} values run past the page`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === "DOUBLE") for (let i = 0; i < count; i++) out[i] = view.getFloat64(at + 8 * i, true);
  else if (type === "FLOAT") for (let i = 0; i < count; i++) out[i] = view.getFloat32(at + 4 * i, true);
  else for (let i = 0; i < count; i++) out[i] = view.getInt32(at + 4 * i, true);
  return out;
}
