import { BillError, neededIndexes } from "./columns";
import type { BillAccumulator } from "./accumulate";
import { Memo } from "./memo";

/** What the reader needs from its input: a Node readable stream of text (or a look-alike, ./csv.ts textStreamFromWeb). */
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
} as const;

export interface CsvReadOptions {
  /** The sentence for a stream error (a broken gzip); default: "could not be read as CSV". */
  describeStreamError?: (e: Error) => string;
  /** For a gzip file: how many compressed bytes have been read so far (the ratio bound). */
  compressedBytes?: () => number;
  /**
   * Scan each chunk in a later turn of the event loop (this function: Node's setImmediate), not inside the stream's
   * 'data' event: the gzip stream inflates its next piece on libuv's thread pool only once the 'data' handler has
   * returned, so scanning inside it left one core idle while the other inflated. At most OVERLAP_CHUNKS chunks wait
   * (the stream is paused past that), so memory stays bounded.
   */
  later?: (run: () => void) => void;
}

/** Chunks that may wait to be scanned (CsvReadOptions.later) before the input is paused: 16 of 64 KiB. */
const OVERLAP_CHUNKS = 16;

/** What the scanner hands its rows to: the header's every field, then each data row's wanted fields. */
export interface CsvSink {
  /** The header row, every field; returns the column indexes later rows are read at (the others are skipped). */
  header(fields: string[]): readonly number[];
  /** A data row: the wanted columns' values (undefined past the row's end), other slots undefined. Reused: copy to keep. */
  row(values: readonly (string | undefined)[]): void;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Whitespace as String.prototype.trim() sees it, for the characters allowed between a closing quote and its delimiter. */
const isSpace = (c: number) => c === 32 || c === 9 || c === CR || (c > 127 && /\s/.test(String.fromCharCode(c))) || (c >= 10 && c <= 13);

/**
 * s.slice(start, end) as a string of its own: V8 makes a slice of 13 characters or more a view that keeps the whole
 * buffer (256 KiB of text) alive, so one kept value (a task ARN counted, a map key) would pin its buffer; with 200,000
 * task ARNs that is the whole file. A cons string sliced again is flattened into a new string first, so only it is kept.
 */
function own(s: string, start: number, end: number): string {
  return end - start < 13 ? s.slice(start, end) : (" " + s.slice(start, end)).slice(1);
}

// A quoted field's text with "" as ", remembered: the same tags cell comes back on every row of its service, and the
// one string handed back is then looked up (./accumulate.ts serviceFromTags) without hashing it again.
const UNESCAPED = new Memo<string, string>();
function unescape(raw: string): string {
  return UNESCAPED.get(raw) ?? UNESCAPED.set(raw, raw.replace(/""/g, '"'));
}

/** Why a row's quotes are damage (the words of the one sentence). */
export const QUOTE_PROBLEMS = {
  missing: "a quoted field is never closed (an unterminated quote)",
  invalid: "a quoted field has text after its closing quote",
} as const;

/**
 * A streaming CSV scanner (RFC 4180 as papaparse reads it: double quotes around fields that hold commas, quotes or
 * line breaks; "" is a quote inside one; spaces allowed between a closing quote and its delimiter; LF, CRLF or CR
 * line ends, the kind taken from the first line end; a leading byte-order mark dropped). The header row is split
 * whole; from then on only the columns the sink asked for become strings: the other fields are stepped over, and past
 * the last wanted column a row without quotes is skipped to its line end in one search. Blank lines are skipped (and
 * counted for line numbers). A quote that never closes, or text after a closing quote, is a BillError naming the line;
 * so is an unfinished row longer than CSV_BOUNDS.maxRowChars.
 */
export class CsvScanner {
  /** Rows completed so far, the header and blank lines included: the current row is line rowsSeen + 1. */
  rowsSeen = 0;
  /** Whether the header row has been read. */
  started = false;
  private buf = "";
  private pos = 0;
  /** Scan again once this many characters are buffered: an unfinished row is re-scanned after it at least doubles. */
  private waitFor = 0;
  /** The line-end character (LF; CRLF is LF with the CR dropped; CR alone when the file uses it), 0 until seen. */
  private nl = 0;
  private began = false;
  private want = new Uint8Array(0);
  private wanted: number[] = [];
  private lastWanted = -1;
  private values: (string | undefined)[] = [];
  /** Where the next quote character of buf is at or after (-1: none), for the skip past the last wanted column. */
  private nextQuote = -1;
  private nextQuoteFrom = Infinity;

  constructor(
    private readonly sink: CsvSink,
    private readonly fileName: string,
  ) {}

  /** Appends text and reads every row it completes. */
  push(chunk: string): void {
    if (!chunk) return;
    if (!this.began) {
      this.began = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buf = this.pos === 0 ? this.buf + chunk : this.buf.slice(this.pos) + chunk;
    this.pos = 0;
    this.nextQuoteFrom = Infinity;
    if (this.buf.length < this.waitFor && this.buf.length <= CSV_BOUNDS.maxRowChars) return;
    this.scan(false);
    if (this.buf.length - this.pos > CSV_BOUNDS.maxRowChars) {
      throw new BillError(
        `${this.fileName}: the row from line ${this.rowsSeen + 1} is longer than 1 MiB (${CSV_BOUNDS.maxRowChars.toLocaleString("en-US")} characters), which no bill row is; the file may be damaged (an unterminated quote?) or not a bill export.`,
      );
    }
  }

  /** The end of the text: reads the last row (which may lack its line end). */
  end(): void {
    this.scan(true);
    this.buf = "";
    this.pos = 0;
  }

  private damage(what: string): never {
    throw new BillError(`${this.fileName}, line ${this.rowsSeen + 1}: ${what}; the file is damaged or was cut short, so it is not read.`);
  }

  private scan(eof: boolean) {
    const s = this.buf;
    const len = s.length;
    if (!this.nl) {
      const at = s.search(/[\r\n]/);
      if (at < 0 && !eof) return;
      // CR alone only when the first line end is a CR not followed by LF (old Mac files); CRLF and LF read as LF.
      this.nl = at >= 0 && s.charCodeAt(at) === CR && at + 1 < len && s.charCodeAt(at + 1) !== LF ? CR : LF;
    }
    let p = this.pos;
    while (p < len) {
      const next = this.row(s, p, len, eof);
      if (next < 0) break;
      p = next;
    }
    this.pos = p;
    // The next push's buffer starts with the unfinished row (len - p characters): scan it again once the buffer holds
    // at least twice that, so a long row is re-scanned a few times, not on every chunk. (This was len + (len - p),
    // which skipped every other 64 KiB chunk of an ordinary file and scanned buffers of 130 KB: V8 large objects, each
    // kept until a full collection.)
    this.waitFor = p < len ? 2 * (len - p) : 0;
  }

  /** The quote position at or after p in s (-1: none), searched at most once per buffer position range. */
  private quoteFrom(s: string, p: number): number {
    if (p < this.nextQuoteFrom || (this.nextQuote >= 0 && this.nextQuote < p)) {
      this.nextQuote = s.indexOf('"', p);
      this.nextQuoteFrom = p;
    }
    return this.nextQuote;
  }

  /**
   * Steps over the rest of a row from p (a field start past the last wanted column) to the next row's start, or -1 when
   * the row is not complete yet. Only quotes matter: unquoted text up to the line end holds no line end of the row, so
   * the walk goes from a quoted field (a quote at a field start) to the next, checking each as the field-by-field read
   * does (an unterminated quote, text after a closing quote), and the row ends at the first line end outside them.
   * A quote inside an unquoted field is text, as in the field-by-field read.
   */
  private skipRest(s: string, p: number, len: number, eof: boolean): number {
    const nl = this.nl;
    const nlChar = nl === LF ? "\n" : "\r";
    let fieldStart = p;
    let end = -2;
    for (;;) {
      if (end < p && end !== -1) end = s.indexOf(nlChar, p);
      if (end < 0 && !eof) return -1;
      const stop = end < 0 ? len : end;
      let q = this.quoteFrom(s, p);
      // Quotes inside unquoted fields are text.
      while (q >= 0 && q < stop && q !== fieldStart && s.charCodeAt(q - 1) !== COMMA) q = this.quoteFrom(s, q + 1);
      if (q < 0 || q > stop) return end < 0 ? len : end + 1;
      let c = q + 1;
      let a: number;
      for (;;) {
        c = s.indexOf('"', c);
        if (c < 0) {
          if (!eof) return -1;
          this.damage(QUOTE_PROBLEMS.missing);
        }
        if (c + 1 >= len && !eof) return -1;
        if (c + 1 < len && s.charCodeAt(c + 1) === QUOTE) {
          c += 2;
          continue;
        }
        a = c + 1;
        while (a < len && s.charCodeAt(a) !== nl && isSpace(s.charCodeAt(a))) a++;
        if (a >= len && !eof) return -1;
        if (a >= len ? a === c + 1 : s.charCodeAt(a) === COMMA || s.charCodeAt(a) === nl) break;
        this.damage(QUOTE_PROBLEMS.invalid);
      }
      if (a >= len) return len;
      if (s.charCodeAt(a) === nl) return a + 1;
      p = fieldStart = a + 1;
      // A quoted field may hold line ends: search the line end again past it.
      if (end < p) end = -2;
    }
  }

  /** Reads the row starting at p: returns where the next row starts, or -1 when the row is not complete yet. */
  private row(s: string, p: number, len: number, eof: boolean): number {
    const nl = this.nl;
    let c = s.charCodeAt(p);
    // A blank line (LF, CRLF or CR).
    if (c === nl) {
      this.rowsSeen++;
      return p + 1;
    }
    if (c === CR && nl === LF) {
      if (p + 1 >= len && !eof) return -1;
      if (p + 1 < len && s.charCodeAt(p + 1) === LF) {
        this.rowsSeen++;
        return p + 2;
      }
    }
    const header = !this.started;
    const fields: string[] | null = header ? [] : null;
    const want = this.want;
    const values = this.values;
    const last = this.lastWanted;
    if (!header) for (const i of this.wanted) values[i] = undefined;
    const nlChar = nl === LF ? "\n" : "\r";
    let lineEnd = -1;
    let f = 0;
    let skipTried = false;
    let blank = false;
    for (;;) {
      if (!header && f > last && !skipTried) {
        // Past the last wanted column: without a quote before the line end, the row ends there; with one, the rest is
        // walked from quoted field to quoted field (the fields between need no search of their own).
        skipTried = true;
        if (f > 0) {
          const next = this.skipRest(s, p, len, eof);
          if (next < 0) return -1;
          p = next;
          break;
        }
        const end = s.indexOf(nlChar, p);
        if (end < 0 && !eof) return -1;
        const stop = end < 0 ? len : end;
        const q = this.quoteFrom(s, p);
        if (q < 0 || q > stop) {
          p = end < 0 ? len : end + 1;
          break;
        }
      }
      c = p < len ? s.charCodeAt(p) : -1;
      if (c === QUOTE) {
        let q = p + 1;
        let escaped = false;
        let a: number;
        for (;;) {
          q = s.indexOf('"', q);
          if (q < 0) {
            if (!eof) return -1;
            this.damage(QUOTE_PROBLEMS.missing);
          }
          if (q + 1 >= len && !eof) return -1;
          if (q + 1 < len && s.charCodeAt(q + 1) === QUOTE) {
            escaped = true;
            q += 2;
            continue;
          }
          a = q + 1;
          while (a < len && s.charCodeAt(a) !== nl && isSpace(s.charCodeAt(a))) a++;
          if (a >= len && !eof) return -1;
          if (a >= len ? a === q + 1 : s.charCodeAt(a) === COMMA || s.charCodeAt(a) === nl) break;
          this.damage(QUOTE_PROBLEMS.invalid);
        }
        if (header || want[f]) {
          const raw = own(s, p + 1, q);
          const value = escaped ? unescape(raw) : raw;
          if (fields) fields.push(value);
          else values[f] = value;
        }
        if (f === 0 && q === p + 1) blank = true;
        if (a >= len) {
          p = len;
          break;
        }
        p = a + 1;
        if (s.charCodeAt(a) === nl) break;
        blank = false;
        f++;
      } else {
        // The field ends at the next comma or the line end, whichever is first (two memchr-like searches, the line
        // end's once per line: no quote can hide one, as this field is not quoted).
        if (lineEnd < p) {
          lineEnd = s.indexOf(nlChar, p);
          if (lineEnd < 0) lineEnd = len;
        }
        let a = s.indexOf(",", p);
        if (a < 0 || a > lineEnd) a = lineEnd;
        if (a >= len && !eof) return -1;
        if (header || want[f]) {
          // CRLF: the CR is the line end's, not the field's.
          const end = a < len && nl === LF && a > p && s.charCodeAt(a) === LF && s.charCodeAt(a - 1) === CR ? a - 1 : a;
          const value = own(s, p, end);
          if (fields) fields.push(value);
          else values[f] = value;
        }
        if (a >= len) {
          p = len;
          break;
        }
        p = a + 1;
        if (s.charCodeAt(a) === nl) break;
        f++;
      }
    }
    this.rowsSeen++;
    // One empty quoted field ("") is a blank line, as an empty line is.
    if (f === 0 && blank) return p;
    if (fields) {
      this.started = true;
      const wanted = [...new Set(this.sink.header(fields))].filter((i) => Number.isInteger(i) && i >= 0).sort((x, y) => x - y);
      this.wanted = wanted;
      this.lastWanted = wanted.length ? wanted[wanted.length - 1]! : -1;
      this.want = new Uint8Array(this.lastWanted + 1);
      for (const i of wanted) this.want[i] = 1;
      this.values = new Array<string | undefined>(Math.max(2, this.lastWanted + 1)).fill(undefined);
      return p;
    }
    this.sink.row(values);
    return p;
  }
}
/**
 * Streams CSV text into the accumulator row by row (CsvScanner): the file is never one string in memory, and only the
 * columns the reconciliation reads (./columns.ts neededIndexes) become strings. The first row is the header; a
 * BillError (unknown format, missing column, bad number, damaged quotes, an overlong row) stops the read. Gzip input is
 * bounded as it arrives: more than CSV_BOUNDS.maxGzipRatio characters per compressed byte is refused.
 */
export function readCsvBill(input: TextStream, acc: BillAccumulator, options: CsvReadOptions = {}): Promise<void> {
  const { describeStreamError, compressedBytes, later } = options;
  return new Promise((resolve, reject) => {
    let failed = false;
    let fed = 0;
    /** Chunks waiting for the scanner (with `later`), whether a turn is scheduled, whether we paused the input. */
    const waiting: string[] = [];
    let scheduled = false;
    let pausedHere = false;
    let ended = false;
    const scanner = new CsvScanner(
      {
        header: (fields) => neededIndexes(acc.header(fields)),
        row: (values) => acc.row(values),
      },
      acc.fileName,
    );
    const stop = (e: unknown) => {
      if (failed) return;
      failed = true;
      input.pause();
      input.removeListener?.("data", onData);
      reject(e);
    };
    const onData = (chunk?: unknown) => {
      if (failed) return;
      const text = typeof chunk === "string" ? chunk : String(chunk);
      const compressed = compressedBytes?.();
      if (compressed !== undefined && fed > CSV_BOUNDS.maxRowChars && fed > CSV_BOUNDS.maxGzipRatio * compressed) {
        return stop(
          new BillError(
            `${acc.fileName} decompresses to more than ${CSV_BOUNDS.maxGzipRatio} times its compressed size (${fed.toLocaleString("en-US")} characters from ${compressed.toLocaleString("en-US")} bytes), which no bill export does; it is refused as a possible decompression bomb.`,
          ),
        );
      }
      fed += text.length;
      if (!later) return scan(text);
      waiting.push(text);
      if (waiting.length >= OVERLAP_CHUNKS && !pausedHere) {
        pausedHere = true;
        input.pause();
      }
      if (!scheduled) {
        scheduled = true;
        later(scanWaiting);
      }
    };
    /** One chunk into the scanner; its damage stops the read. */
    const scan = (text: string) => {
      try {
        scanner.push(text);
      } catch (e) {
        stop(e);
      }
    };
    /** The chunks waiting (with `later`), in order, until one is damaged. */
    const scanAllWaiting = () => {
      for (let i = 0; i < waiting.length && !failed; i++) scan(waiting[i]!);
      waiting.length = 0;
    };
    /** A turn of `later`: the waiting chunks; then the input again, or the end. */
    const scanWaiting = () => {
      scheduled = false;
      scanAllWaiting();
      if (failed) return;
      if (ended) return finish();
      if (pausedHere) {
        pausedHere = false;
        input.resume();
      }
    };
    const finish = () => {
      if (failed) return;
      try {
        scanner.end();
      } catch (e) {
        return stop(e);
      }
      if (!scanner.started) stop(new BillError(`${acc.fileName} is empty: it has no header row.`));
      else resolve();
    };
    input.on("data", onData);
    input.on("end", () => {
      if (failed) return;
      ended = true;
      // Chunks still waiting are scanned first (their turn calls finish()).
      if (!scheduled) finish();
    });
    input.on("error", (e?: unknown) => {
      // Text that arrived before the error is scanned first: damage in it is named, as when each chunk was scanned on
      // arrival.
      scanAllWaiting();
      const err = e instanceof Error ? e : new Error(String(e));
      stop(new BillError(describeStreamError ? describeStreamError(err) : `${acc.fileName} could not be read as CSV: ${err.message}`));
    });
  });
}

/**
 * A web ReadableStream of text as the Node-style stream readCsvBill reads (browser and worker: File.stream()
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
        // Start after the reader has attached every listener.
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
