import { parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import { BillError, columnsToRead, detectFormat } from "./columns";
import type { BillAccumulator, Cell } from "./accumulate";
import { checkMetadata, guardedSource, ParquetDamage } from "./parquet-guard";

/** Rows decoded at a time (README, Performance): a row group is read in slices of at most this many rows. */
export const SLICE_ROWS = 65_536;

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
    const groupEnd = rowStart + Number(group.num_rows);
    // The row group's column chunks are fetched once (kept until the group is done) and decoded SLICE_ROWS rows at a
    // time, so memory holds one slice of decoded rows whatever size the writer gave its row groups.
    const fetched = new Map<string, ArrayBuffer | Promise<ArrayBuffer>>();
    const groupSource: ByteSource = {
      byteLength: source.byteLength,
      slice(start, end) {
        const key = `${start}:${end}`;
        let got = fetched.get(key);
        if (got === undefined) fetched.set(key, (got = source.slice(start, end)));
        return got;
      },
    };
    for (let from = rowStart; from < groupEnd; from += SLICE_ROWS) {
      const to = Math.min(groupEnd, from + SLICE_ROWS);
      let read = 0;
      try {
        await parquetRead({
          file: groupSource,
          metadata,
          columns,
          rowStart: from,
          rowEnd: to,
          onComplete: (rows: Cell[][]) => {
            read = rows.length;
            for (const r of rows) acc.row(r);
          },
        });
      } catch (e) {
        if (e instanceof BillError) throw e;
        if (e instanceof ParquetDamage) throw damaged(`rows ${from + 1}-${to}: ${e.message}`);
        throw damaged(`rows ${from + 1}-${to} cannot be decoded (${(e as Error).message})`);
      }
      // Rows short of what the row group declares were not read (a page offset past the data, say): an error.
      if (read !== to - from) throw damaged(`rows ${from + 1}-${to} gave ${read} rows instead of ${to - from}`);
      onProgress?.(total ? to / total : 1);
    }
    rowStart = groupEnd;
  }
}
