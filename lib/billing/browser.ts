import type { FargateCatalog } from "@/lib/catalog";
import { BillAccumulator } from "./accumulate";
import { readCsvBill, textStreamFromWeb } from "./csv";
import { readParquetBill } from "./parquet";
import { sniff } from "./sniff";
import type { Reconciliation } from "./types";

const PIECE_BYTES = 16 * 1024;

/**
 * Reconciles a File or Blob in the browser (a Web Worker): CSV streams from file.stream() (gzip through
 * DecompressionStream) into papaparse; Parquet is read by row group from file slices. onProgress gets 0..1.
 */
export async function reconcileBlob(
  file: Blob,
  fileName: string,
  catalog: FargateCatalog,
  onProgress: (share: number) => void = () => {},
  options: { savingsPlan?: boolean } = {},
): Promise<Reconciliation> {
  const acc = new BillAccumulator(fileName, catalog, options);
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
  // Gzip: compressed bytes reach the decompressor 16 KB at a time and are counted as it takes them, so the
  // decompression-ratio bound (lib/billing/csv.ts) sees what was consumed, not what was read ahead.
  let consumed = 0;
  if (kind === "gzip") {
    bytes = bytes
      .pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            for (let i = 0; i < chunk.byteLength; i += PIECE_BYTES) controller.enqueue(chunk.subarray(i, i + PIECE_BYTES));
          },
        }),
      )
      .pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            consumed += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      )
      .pipeThrough(new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>);
  }
  const text = bytes.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>);
  await readCsvBill(
    textStreamFromWeb(text),
    acc,
    kind === "gzip" ? { describeStreamError: (e) => `${fileName} is not a valid gzip file (${e.message}).`, compressedBytes: () => consumed } : {},
  );
  return acc.finish();
}
