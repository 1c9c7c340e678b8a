/**
 * Reading a bill file from disk (CLI and tests; Node only). CSV and gzipped CSV stream through ./csv.ts's scanner
 * (gzip via node:zlib); Parquet is read by row group with hyparquet. The kind is sniffed from the first bytes.
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { asyncBufferFromFile } from "hyparquet";
import type { FargateCatalog } from "@/lib/catalog";
import { BillAccumulator } from "./accumulate";
import { BillError } from "./columns";
import { readCsvBill, type CsvReadOptions, type TextStream } from "./csv";
import { readParquetBill } from "./parquet";
import { sniff } from "./sniff";
import type { Reconciliation } from "./types";

// The Athena SQL (pure; exported here, beside the Node reader, so the page's entry does not carry it).
export { athenaQueryProblems, athenaResult, athenaSql, reconciliationFromAthena, type AthenaQuery, type AthenaRow } from "./athena-sql";

function readHead(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const head = new Uint8Array(4);
    readSync(fd, head, 0, 4, 0);
    return head;
  } finally {
    closeSync(fd);
  }
}

/** Reads and reconciles one bill file. Throws BillError (one sentence naming the file) on bad input. */
export async function reconcileFile(
  path: string,
  catalog: FargateCatalog,
  displayName = path,
  options: { savingsPlan?: boolean } = {},
): Promise<Reconciliation> {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new BillError(`${displayName} is not a file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof BillError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new BillError(code === "ENOENT" ? `${displayName} was not found: check the path.` : `${displayName} cannot be read (${code ?? "error"}).`);
  }
  const acc = new BillAccumulator(displayName, catalog, options);
  if (size === 0) throw new BillError(`${displayName} is empty: it has no header row.`);
  const kind = sniff(readHead(path), displayName);
  if (kind === "parquet") {
    await readParquetBill(await asyncBufferFromFile(path), acc);
    return acc.finish();
  }
  // A gzip file is fed to zlib 16 KB at a time, so the decompression-ratio bound sees compressed bytes as zlib consumes them.
  const raw = createReadStream(path, kind === "gzip" ? { highWaterMark: 16 * 1024 } : {});
  // Decompressed text in 64 KiB pieces (zlib's default is 16 KiB): fewer chunks for the CSV scanner, each still small
  // enough (under 128 KiB) for V8's young generation, where a scavenge frees it (a larger one is a large object, kept
  // until a full collection).
  const gunzip = kind === "gzip" ? createGunzip({ chunkSize: 64 * 1024 }) : null;
  const text = gunzip ? raw.pipe(gunzip) : raw;
  text.setEncoding("utf8");
  // A read error of the file itself; a gzip stream's error is the CSV reader's to report (describeStreamError), after
  // the text that came before it is scanned (damage there is named first).
  const failed = new Promise<never>((_, reject) => {
    raw.on("error", (e) => reject(new BillError(`${displayName} cannot be read (${e.message}).`)));
  });
  try {
    // Scanned a turn after each chunk arrives, so zlib inflates the next on the thread pool meanwhile (two cores).
    const later = (run: () => void) => void setImmediate(run);
    const options: CsvReadOptions = gunzip
      ? { compressedBytes: () => gunzip.bytesWritten, describeStreamError: (e) => `${displayName} is not a valid gzip file (${e.message}).`, later }
      : { later };
    await Promise.race([readCsvBill(text as unknown as TextStream, acc, options), failed]);
  } finally {
    raw.destroy();
    if (text !== raw) text.destroy();
  }
  return acc.finish();
}
