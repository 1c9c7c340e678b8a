import Papa from "papaparse";
import { BillError } from "./columns";
import type { BillAccumulator } from "./accumulate";

/** What papaparse's stream reader needs from its input: a Node readable stream of text (or a look-alike). */
export interface TextStream {
  readable: true;
  read: () => unknown;
  on: (event: "data" | "end" | "error", listener: (arg?: unknown) => void) => unknown;
  pause: () => unknown;
  resume: () => unknown;
  removeListener?: (event: string, listener: (arg?: unknown) => void) => unknown;
}

/**
 * Streams CSV text through papaparse into the accumulator, one row at a time: the file is never one string in memory.
 * The first row is the header; a BillError (unknown format, missing column, bad number) stops the parse.
 */
export function readCsvBill(input: TextStream, acc: BillAccumulator, describeStreamError?: (e: Error) => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let first = true;
    let failed = false;
    Papa.parse<string[]>(input as unknown as NodeJS.ReadableStream, {
      header: false,
      skipEmptyLines: true,
      step: (result, parser) => {
        if (failed) return;
        try {
          if (first) {
            first = false;
            acc.header(result.data);
          } else {
            acc.row(result.data);
          }
        } catch (e) {
          failed = true;
          parser.abort();
          reject(e);
        }
      },
      complete: () => {
        if (failed) return;
        if (first) reject(new BillError(`${acc.fileName} is empty: it has no header row.`));
        else resolve();
      },
      error: (e: Error) => {
        if (!failed) reject(new BillError(describeStreamError ? describeStreamError(e) : `${acc.fileName} could not be read as CSV: ${e.message}`));
      },
    });
  });
}

/**
 * A web ReadableStream of text as the Node-style stream papaparse reads (browser and worker: File.stream()
 * piped through DecompressionStream and TextDecoderStream). Honours pause/resume.
 */
export function textStreamFromWeb(stream: ReadableStream<string>): TextStream {
  const listeners: Record<string, ((arg?: unknown) => void)[]> = { data: [], end: [], error: [] };
  let paused = false;
  let wake: (() => void) | null = null;
  let started = false;
  const emit = (event: string, arg?: unknown) => listeners[event]!.slice().forEach((l) => l(arg));
  const pump = async () => {
    const reader = stream.getReader();
    try {
      for (;;) {
        while (paused) await new Promise<void>((r) => (wake = r));
        const { done, value } = await reader.read();
        if (done) break;
        if (value) emit("data", value);
      }
      emit("end");
    } catch (e) {
      emit("error", e);
    }
  };
  const self: TextStream = {
    readable: true,
    read: () => null,
    on: (event, listener) => {
      listeners[event]!.push(listener);
      if (!started && event === "data") {
        started = true;
        // Start after papaparse has attached every listener.
        queueMicrotask(() => void pump());
      }
      return self;
    },
    removeListener: (event, listener) => {
      const list = listeners[event];
      if (list) listeners[event] = list.filter((l) => l !== listener);
      return self;
    },
    pause: () => {
      paused = true;
      return self;
    },
    resume: () => {
      paused = false;
      wake?.();
      wake = null;
      return self;
    },
  };
  return self;
}
