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

/** Bounds on CSV input (README, Security). A bill row is a few KB; an export compresses about 10-50 to 1. */
export const CSV_BOUNDS = {
  /** Characters one row may span (quoted line breaks included): 1 MiB. */
  maxRowChars: 1 << 20,
  /** Decompressed characters per compressed byte read, once more than 1 MiB is out: a gzip bomb is refused early. */
  maxGzipRatio: 200,
  /** Pieces papaparse gets at a time, so a row that spans pieces is re-scanned a bounded number of times. */
  pieceChars: 1 << 16,
} as const;

export interface CsvReadOptions {
  /** The sentence for a stream error (a broken gzip); default: "could not be read as CSV". */
  describeStreamError?: (e: Error) => string;
  /** For a gzip file: how many compressed bytes have been read so far (the ratio bound). */
  compressedBytes?: () => number;
}

type Listener = (arg?: unknown) => void;

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: "a quoted field is never closed (an unterminated quote)",
  InvalidQuotes: "a quoted field has text after its closing quote",
};

/**
 * Streams CSV text through papaparse into the accumulator, one row at a time: the file is never one string in memory.
 * The first row is the header; a BillError (unknown format, missing column, bad number) stops the parse, and so does a
 * row papaparse could not parse cleanly (an unterminated quote is a damaged file, never a short one). The input is
 * bounded as it arrives: a row longer than CSV_BOUNDS.maxRowChars, or (gzip) more than CSV_BOUNDS.maxGzipRatio
 * characters per compressed byte, is refused before papaparse sees more of it.
 */
export function readCsvBill(input: TextStream, acc: BillAccumulator, options: CsvReadOptions = {}): Promise<void> {
  const { describeStreamError, compressedBytes } = options;
  return new Promise((resolve, reject) => {
    let first = true;
    let failed = false;
    let parser: Papa.Parser | null = null;
    // Characters handed to papaparse, and where the last complete row ended (papaparse's absolute cursor).
    let fed = 0;
    let rowEnd = 0;
    const stop = (e: unknown) => {
      if (failed) return;
      failed = true;
      parser?.abort();
      input.pause();
      reject(e);
    };
    // Rows papaparse has handed over, blank ones and the header included: the current row's line, the next row's line - 1.
    let rowsSeen = 0;
    const wrapped = new Map<Listener, Listener>();
    const bounded: TextStream = {
      readable: true,
      read: () => input.read(),
      pause: () => input.pause(),
      resume: () => input.resume(),
      removeListener: (event, listener) => input.removeListener?.(event, wrapped.get(listener) ?? listener),
      on: (event, listener) => {
        if (event !== "data") return input.on(event, listener);
        const w: Listener = (chunk) => {
          const text = typeof chunk === "string" ? chunk : String(chunk);
          for (let i = 0; i < text.length; i += CSV_BOUNDS.pieceChars) {
            if (failed) return;
            const compressed = compressedBytes?.();
            if (compressed !== undefined && fed > CSV_BOUNDS.maxRowChars && fed > CSV_BOUNDS.maxGzipRatio * compressed) {
              return stop(
                new BillError(
                  `${acc.fileName} decompresses to more than ${CSV_BOUNDS.maxGzipRatio} times its compressed size (${fed.toLocaleString("en-US")} characters from ${compressed.toLocaleString("en-US")} bytes), which no bill export does; it is refused as a possible decompression bomb.`,
                ),
              );
            }
            if (fed - rowEnd > CSV_BOUNDS.maxRowChars) {
              return stop(
                new BillError(
                  `${acc.fileName}: the row from line ${rowsSeen + 1} is longer than 1 MiB (${CSV_BOUNDS.maxRowChars.toLocaleString("en-US")} characters), which no bill row is; the file may be damaged (an unterminated quote?) or not a bill export.`,
                ),
              );
            }
            const piece = text.length > CSV_BOUNDS.pieceChars ? text.slice(i, i + CSV_BOUNDS.pieceChars) : text;
            fed += piece.length;
            listener(piece);
          }
        };
        wrapped.set(listener, w);
        return input.on(event, w);
      },
    };
    Papa.parse<string[]>(bounded as unknown as NodeJS.ReadableStream, {
      header: false,
      // Blank lines reach step (and move the cursor the row bound counts from); they are skipped here.
      skipEmptyLines: false,
      step: (result, p) => {
        parser = p;
        if (failed) return;
        rowEnd = result.meta.cursor;
        rowsSeen++;
        if (result.data.length === 1 && result.data[0] === "" && !result.errors.some((e) => e.type === "Quotes")) return;
        try {
          // Quote errors are damage; a delimiter guess (papaparse's "Delimiter" warning) is not: bills are comma-separated.
          const problem = result.errors.find((e) => e.type === "Quotes");
          if (problem) {
            const what = QUOTE_PROBLEMS[problem.code] ?? problem.message;
            throw new BillError(`${acc.fileName}, line ${rowsSeen}: ${what}; the file is damaged or was cut short, so it is not read.`);
          }
          if (first) {
            first = false;
            acc.header(result.data);
          } else {
            acc.row(result.data);
          }
        } catch (e) {
          stop(e);
        }
      },
      complete: () => {
        if (failed) return;
        if (first) reject(new BillError(`${acc.fileName} is empty: it has no header row.`));
        else resolve();
      },
      error: (e: Error) => {
        stop(new BillError(describeStreamError ? describeStreamError(e) : `${acc.fileName} could not be read as CSV: ${e.message}`));
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
