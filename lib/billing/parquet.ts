import { parquetMetadataAsync, parquetRead, parquetSchema, type ColumnMetaData, type FileMetaData, type RowGroup } from "hyparquet";
import { BillError, columnsToRead, detectFormat } from "./columns";
import type { BillAccumulator, Cell } from "./accumulate";
import { CELLS, FlatChunk, flatKind, NUMBERS, PageBuffer, type CellMode, type FlatKind } from "./parquet-flat";
import { checkMetadata, chunkRange, guardedSource, ParquetDamage, type Levels } from "./parquet-guard";

/** Random access to the file's bytes (a File's slices in the browser, a file handle in Node). */
export interface ByteSource {
  byteLength: number;
  slice(start: number, end?: number): ArrayBuffer | Promise<ArrayBuffer>;
}

/**
 * Reads a Parquet bill (CUR 2.0's default format) one row group at a time, only the columns the reconciliation
 * uses, with hyparquet. What the footer and the page headers claim is checked first (./parquet-guard.ts); a file that
 * cannot be read is one sentence naming it, never a partial answer. onProgress gets the share of rows read (0..1).
 * Flat columns are decoded page by page by ./parquet-flat.ts, the others by hyparquet (options.flatDecoder: false, for
 * tests: hyparquet decodes every column, as before).
 */
export async function readParquetBill(
  file: ByteSource,
  acc: BillAccumulator,
  onProgress?: (share: number) => void,
  options: { flatDecoder?: boolean } = {},
): Promise<void> {
  const damaged = (what: string) => new BillError(`${acc.fileName} is a damaged Parquet file: ${what}; it is not read.`);
  let metadata;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    throw new BillError(`${acc.fileName} is not a readable Parquet file (${(e as Error).message}).`);
  }
  let names: string[];
  let levels;
  try {
    levels = checkMetadata(metadata, file.byteLength);
    names = parquetSchema(metadata).children.map((c) => c.element.name);
  } catch (e) {
    throw damaged(e instanceof ParquetDamage ? e.message : `its schema cannot be read (${(e as Error).message})`);
  }
  const format = detectFormat(names);
  const columns = format ? columnsToRead(format, names) : names;
  acc.rowNoun = "row";
  acc.header(columns);
  let source: ByteSource;
  try {
    source = guardedSource(file, metadata, levels, columns);
  } catch (e) {
    throw damaged((e as Error).message);
  }
  const total = Number(metadata.num_rows);
  // Each projected column: this file's schema element, when ./parquet-flat.ts can decode it (a flat column of a kind it knows).
  const top = new Map(parquetSchema(metadata).children.map((c) => [c.element.name, c]));
  const kinds = columns.map((c) => {
    const node = top.get(c);
    return options.flatDecoder !== false && node && !node.children.length ? flatKind(node.element) : null;
  });
  // One per column: a column's page (its bytes, its cells) stays while its rows are read, whatever the other columns do.
  const scratch = columns.map(() => new PageBuffer());
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const where = `rows ${rowStart + 1}-${rowEnd}`;
    let feeds: Feed[];
    try {
      feeds = await openGroup(file, source, metadata, group, columns, kinds, levels, rowStart, rowEnd, scratch);
    } catch (e) {
      if (e instanceof BillError) throw e;
      if (e instanceof ParquetDamage) throw damaged(`${where}: ${e.message}`);
      throw damaged(`${where} cannot be decoded (${(e as Error).message})`);
    }
    // Every column must cover the group's rows: fewer means pages were not read (a page offset past the data, say).
    for (const [i, f] of feeds.entries()) {
      if (f.rows < rowEnd - rowStart) throw damaged(`${where} of column ${columns[i]} gave ${f.rows} values instead of ${rowEnd - rowStart}`);
    }
    const row: Cell[] = new Array<Cell>(columns.length);
    const n = columns.length;
    try {
      for (let r = rowStart; r < rowEnd; r++) {
        for (let c = 0; c < n; c++) {
          const f = feeds[c]!;
          if (r >= f.until) f.advance(r);
          const k = r - f.from;
          row[c] = f.mode === CELLS ? f.data[k] : f.mode === NUMBERS ? f.nums[k] : f.textAt(k);
        }
        acc.row(row);
      }
    } catch (e) {
      if (e instanceof BillError) throw e;
      if (e instanceof ParquetDamage) throw damaged(`${where}: ${e.message}`);
      throw damaged(`${where} cannot be decoded (${(e as Error).message})`);
    }
    rowStart = rowEnd;
    onProgress?.(total ? rowStart / total : 1);
  }
}

/** A column's cells for a row group, a piece at a time: `data` holds rows [from, until); advance(r) moves to row r's piece. */
interface Feed {
  data: ArrayLike<Cell>;
  from: number;
  until: number;
  /** The rows its pieces cover from the group's first row. */
  readonly rows: number;
  advance(r: number): void;
  /** Where the current piece's cells are (parquet-flat.ts CellMode): `data`, `nums` or textAt(row - from). */
  readonly mode: CellMode;
  readonly nums: Float64Array;
  textAt(k: number): Cell;
}

/** hyparquet's decoded pieces of a column (onChunk), in row order. */
class Pieces implements Feed {
  data: ArrayLike<Cell> = [];
  readonly mode = CELLS;
  readonly nums = new Float64Array(0);
  textAt(k: number): Cell {
    return this.data[k];
  }
  from: number;
  until: number;
  private k = -1;
  constructor(
    private readonly list: { rowStart: number; data: ArrayLike<Cell> }[],
    private readonly rowStart: number,
  ) {
    list.sort((x, y) => x.rowStart - y.rowStart);
    this.from = this.until = rowStart;
  }
  get rows() {
    let covered = this.rowStart;
    for (const p of this.list) if (p.rowStart <= covered) covered = Math.max(covered, p.rowStart + p.data.length);
    return covered - this.rowStart;
  }
  advance(r: number) {
    while (this.list[this.k + 1] && r >= this.until) {
      const p = this.list[++this.k]!;
      this.data = p.data;
      this.from = p.rowStart;
      this.until = p.rowStart + p.data.length;
    }
  }
}

/**
 * One row group's columns, ready to feed rows: flat columns of a kind ./parquet-flat.ts reads are decoded by it page by
 * page from their chunk's bytes (read here, checked as they are decoded); any other column (nested, another encoding
 * or codec) is decoded whole by hyparquet through the guarded source, as before.
 */
async function openGroup(
  file: ByteSource,
  source: ByteSource,
  metadata: FileMetaData,
  group: RowGroup,
  columns: readonly string[],
  kinds: (FlatKind | null)[],
  levels: Map<string, Levels>,
  rowStart: number,
  rowEnd: number,
  scratch: readonly PageBuffer[],
): Promise<Feed[]> {
  const rows = rowEnd - rowStart;
  // The flat columns' chunks, read in runs of neighbouring chunks (as hyparquet plans its reads: gaps of at most 8 KiB,
  // runs of at most 2 MiB), so a row group is a few reads rather than one per column.
  const wanted: { at: number; meta: ColumnMetaData; kind: FlatKind; levels: Levels; start: number; end: number }[] = [];
  columns.forEach((name, at) => {
    const kind = kinds[at];
    if (!kind) return;
    const chunks = group.columns.filter((c) => c.meta_data?.path_in_schema[0] === name);
    const meta = chunks.length === 1 && chunks[0]!.meta_data!.path_in_schema.length === 1 ? chunks[0]!.meta_data! : null;
    const lv = levels.get(name);
    if (meta && lv) wanted.push({ at, meta, kind, levels: lv, ...chunkRange(meta) });
  });
  wanted.sort((a, b) => a.start - b.start);
  const runs: (typeof wanted)[] = [];
  for (const w of wanted) {
    const run = runs.at(-1);
    if (run && w.start >= run.at(-1)!.end && w.start - run.at(-1)!.end <= 8192 && w.end - run[0]!.start <= 2 << 20) run.push(w);
    else runs.push([w]);
  }
  const feeds: (Feed | null)[] = columns.map(() => null);
  await Promise.all(
    runs.map(async (run) => {
      const from = run[0]!.start;
      const buffer = await file.slice(from, Math.max(...run.map((w) => w.end)));
      for (const w of run) feeds[w.at] = FlatChunk.open(buffer, w.meta, w.kind, w.levels, rows, rowStart, scratch[w.at], w.start - from, w.end - from);
    }),
  );
  const rest = columns.filter((_, i) => !feeds[i]);
  if (rest.length) {
    const position = new Map(columns.map((c, i) => [c, i]));
    const pieces = new Map<number, { rowStart: number; data: ArrayLike<Cell> }[]>(rest.map((c) => [position.get(c)!, []]));
    await parquetRead({
      file: source,
      metadata,
      columns: rest,
      rowStart,
      rowEnd,
      onChunk: (chunk) => {
        const at = position.get(chunk.columnName);
        if (at !== undefined) pieces.get(at)?.push({ rowStart: chunk.rowStart, data: chunk.columnData as ArrayLike<Cell> });
      },
    });
    for (const [at, list] of pieces) feeds[at] = new Pieces(list, rowStart);
  }
  return feeds as Feed[];
}
