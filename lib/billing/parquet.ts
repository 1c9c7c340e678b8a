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
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let read = 0;
    try {
      await parquetRead({
        file: source,
        metadata,
        columns,
        rowStart,
        rowEnd,
        onComplete: (rows: Cell[][]) => {
          read = rows.length;
          for (const r of rows) acc.row(r);
        },
      });
    } catch (e) {
      if (e instanceof BillError) throw e;
      if (e instanceof ParquetDamage) throw damaged(`rows ${rowStart + 1}-${rowEnd}: ${e.message}`);
      throw damaged(`rows ${rowStart + 1}-${rowEnd} cannot be decoded (${(e as Error).message})`);
    }
    // A row group that yields fewer rows than it declares was not read (a page offset past the data, say).
    if (read !== rowEnd - rowStart) throw damaged(`rows ${rowStart + 1}-${rowEnd} gave ${read} rows instead of ${rowEnd - rowStart}`);
    rowStart = rowEnd;
    onProgress?.(total ? rowStart / total : 1);
  }
}
