import { parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import { BillError, columnsToRead, detectFormat } from "./columns";
import type { BillAccumulator, Cell } from "./accumulate";
import { checkMetadata, guardedSource, ParquetDamage } from "./parquet-guard";

/** Random access to the file's bytes (a File's slices in the browser, a file handle in Node). */
export interface ByteSource {
  byteLength: number;
  slice(start: number, end?: number): ArrayBuffer | Promise<ArrayBuffer>;
}

/**
 * Reads a Parquet bill (CUR 2.0's default format) one row group at a time, only the columns the reconciliation
 * uses, with hyparquet. What the footer and the page headers claim is checked first (./parquet-guard.ts); a file that
 * cannot be read is one sentence naming it, never a partial answer. onProgress gets the share of rows read (0..1).
 */
export async function readParquetBill(file: ByteSource, acc: BillAccumulator, onProgress?: (share: number) => void): Promise<void> {
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
  const position = new Map(columns.map((c, i) => [c, i]));
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const size = rowEnd - rowStart;
    // Column-wise: each column's decoded pages as hyparquet emits them (onChunk), then one reused row array per row,
    // so no row objects are built for the whole group (hyparquet's onComplete would build one array per row).
    const pieces: { rowStart: number; data: ArrayLike<Cell> }[][] = columns.map(() => []);
    try {
      await parquetRead({
        file: source,
        metadata,
        columns,
        rowStart,
        rowEnd,
        onChunk: (chunk) => {
          const at = position.get(chunk.columnName);
          if (at !== undefined) pieces[at]!.push({ rowStart: chunk.rowStart, data: chunk.columnData as ArrayLike<Cell> });
        },
      });
    } catch (e) {
      if (e instanceof BillError) throw e;
      if (e instanceof ParquetDamage) throw damaged(`rows ${rowStart + 1}-${rowEnd}: ${e.message}`);
      throw damaged(`rows ${rowStart + 1}-${rowEnd} cannot be decoded (${(e as Error).message})`);
    }
    // Every column must cover the group's rows: fewer means pages were not read (a page offset past the data, say).
    for (const [i, list] of pieces.entries()) {
      list.sort((x, y) => x.rowStart - y.rowStart);
      let covered = rowStart;
      for (const p of list) if (p.rowStart <= covered) covered = Math.max(covered, p.rowStart + p.data.length);
      if (covered < rowEnd) throw damaged(`rows ${rowStart + 1}-${rowEnd} of column ${columns[i]} gave ${covered - rowStart} values instead of ${size}`);
    }
    // Each column's current piece, its first row and the row after it (usually one piece per column and group).
    const cursor = pieces.map(() => 0);
    const data = pieces.map((list) => list[0]?.data ?? []);
    const from = pieces.map((list) => list[0]?.rowStart ?? rowStart);
    const until = pieces.map((list) => (list[0] ? list[0].rowStart + list[0].data.length : rowStart));
    const row: Cell[] = new Array<Cell>(columns.length);
    for (let r = rowStart; r < rowEnd; r++) {
      for (let c = 0; c < columns.length; c++) {
        if (r >= until[c]!) {
          const list = pieces[c]!;
          let k = cursor[c]!;
          while (list[k]!.rowStart + list[k]!.data.length <= r) k++;
          cursor[c] = k;
          data[c] = list[k]!.data;
          from[c] = list[k]!.rowStart;
          until[c] = list[k]!.rowStart + list[k]!.data.length;
        }
        row[c] = data[c]![r - from[c]!];
      }
      acc.row(row);
    }
    pieces.length = 0;
    rowStart = rowEnd;
    onProgress?.(total ? rowStart / total : 1);
  }
}
