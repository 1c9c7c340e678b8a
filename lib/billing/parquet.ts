import { parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import { BillError, columnsToRead, detectFormat } from "./columns";
import type { BillAccumulator, Cell } from "./accumulate";

/** Random access to the file's bytes (a File's slices in the browser, a file handle in Node). */
export interface ByteSource {
  byteLength: number;
  slice(start: number, end?: number): ArrayBuffer | Promise<ArrayBuffer>;
}

/**
 * Reads a Parquet bill (CUR 2.0's default format) one row group at a time, only the columns the reconciliation
 * uses, with hyparquet. onProgress gets the share of rows read so far (0..1).
 */
export async function readParquetBill(file: ByteSource, acc: BillAccumulator, onProgress?: (share: number) => void): Promise<void> {
  let metadata;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    throw new BillError(`${acc.fileName} is not a readable Parquet file (${(e as Error).message}).`);
  }
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const format = detectFormat(names);
  const columns = format ? columnsToRead(format, names) : names;
  acc.rowNoun = "row";
  acc.header(columns);
  const total = Number(metadata.num_rows);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    try {
      await parquetRead({
        file,
        metadata,
        columns,
        rowStart,
        rowEnd,
        onComplete: (rows: Cell[][]) => {
          for (const r of rows) acc.row(r);
        },
      });
    } catch (e) {
      if (e instanceof BillError) throw e;
      throw new BillError(`${acc.fileName}: rows ${rowStart + 1}-${rowEnd} could not be read (${(e as Error).message}).`);
    }
    rowStart = rowEnd;
    onProgress?.(total ? rowStart / total : 1);
  }
}
