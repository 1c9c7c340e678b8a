import type { FargateCatalog } from "@/lib/catalog";
import { BillAccumulator } from "./accumulate";
import { readCsvBill, textStreamFromWeb } from "./csv";
import { readParquetBill } from "./parquet";
import { sniff } from "./sniff";
import type { Reconciliation } from "./types";

/**
 * Reconciles a File or Blob in the browser (a Web Worker): CSV streams from file.stream() (gzip through
 * DecompressionStream) into papaparse; Parquet is read by row group from file slices. onProgress gets 0..1.
 */
export async function reconcileBlob(
  file: Blob,
  fileName: string,
  catalog: FargateCatalog,
  onProgress: (share: number) => void = () => {},
): Promise<Reconciliation> {
  const acc = new BillAccumulator(fileName, catalog);
  const kind = sniff(new Uint8Array(await file.slice(0, 4).arrayBuffer()), fileName);
  if (kind === "parquet") {
    await readParquetBill({ byteLength: file.size, slice: (start, end) => file.slice(start, end).arrayBuffer() }, acc, onProgress);
    return acc.finish();
  }
  let read = 0;
  // Progress counts the file's own bytes (compressed for gzip), as they are read.
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      read += chunk.byteLength;
      onProgress(file.size ? Math.min(1, read / file.size) : 1);
      controller.enqueue(chunk);
    },
  });
  let bytes: ReadableStream<Uint8Array> = file.stream().pipeThrough(counter);
  if (kind === "gzip") bytes = bytes.pipeThrough(new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>);
  const text = bytes.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>);
  await readCsvBill(textStreamFromWeb(text), acc, kind === "gzip" ? (e) => `${fileName} is not a valid gzip file (${e.message}).` : undefined);
  return acc.finish();
}
