/**
 * CSV reading shared by the offline parsers: papaparse does the CSV grammar; this adds the physical line number
 * of every record (for "line 7: ..." messages), limits, and number parsing. Never throws.
 */
import Papa from "papaparse";
import { fail, ok, type Result } from "@/lib/core";

export interface CsvRow {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
}

/** The rows, or the errors (each naming its line). */
export type CsvRead = Result<CsvRow[], string[]>;

/** Browsers hold the whole file as a string: refuse more than this (about 50 MB). */
export const MAX_CSV_CHARS = 50_000_000;
export const MAX_CSV_ROWS = 1_000_000;
/** At most this many line errors are listed; the rest are counted. */
export const MAX_LISTED_ERRORS = 10;

export function readCsv(text: unknown, options: { delimiters?: string[] } = {}): CsvRead {
  if (typeof text !== "string") return fail(["The file is not text."]);
  if (text.length > MAX_CSV_CHARS) return fail([`The file is larger than ${MAX_CSV_CHARS / 1_000_000} MB.`]);
  const input = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  if (input.trim() === "") return fail(["The file is empty."]);

  const rows: CsvRow[] = [];
  const errors: string[] = [];
  let line = 1;
  let cursor = 0;
  let tooMany = false;
  try {
    Papa.parse<string[]>(input, {
      delimiter: options.delimiters && options.delimiters.length === 1 ? options.delimiters[0] : "",
      delimitersToGuess: options.delimiters ?? [",", "\t", ";"],
      newline: "\n",
      skipEmptyLines: true,
      step: (result, parser) => {
        const startLine = line;
        const end = typeof result.meta.cursor === "number" ? result.meta.cursor : input.length;
        for (let i = cursor; i < end; i++) if (input.charCodeAt(i) === 10) line++;
        cursor = end;
        for (const e of result.errors) {
          if (e.type === "Delimiter") continue;
          if (e.code === "MissingQuotes") errors.push(`line ${startLine}: a quoted field is never closed (missing ")`);
          else if (e.code === "InvalidQuotes") errors.push(`line ${startLine}: a quote (") inside a field is not escaped as ""`);
          else errors.push(`line ${startLine}: ${e.message}`);
        }
        const cells = Array.isArray(result.data) ? result.data.map((c) => (typeof c === "string" ? c : String(c ?? ""))) : [];
        if (cells.every((c) => c.trim() === "")) return;
        rows.push({ line: startLine, cells });
        if (rows.length > MAX_CSV_ROWS) {
          tooMany = true;
          parser.abort();
        }
      },
    });
  } catch {
    return fail(["The file could not be read as CSV."]);
  }
  if (tooMany) return fail([`The file has more than ${MAX_CSV_ROWS.toLocaleString("en-US")} rows.`]);
  if (errors.length) return fail(capErrors(errors));
  if (rows.length === 0) return fail(["The file is empty."]);
  return ok(rows);
}

export function capErrors(errors: string[]): string[] {
  if (errors.length <= MAX_LISTED_ERRORS) return errors;
  return [...errors.slice(0, MAX_LISTED_ERRORS), `... and ${errors.length - MAX_LISTED_ERRORS} more problems.`];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** "14.0", "2.988E-04", " 30 %" -> number; "" -> null (no value); anything else -> "invalid". */
export function parseNumberCell(cell: string | undefined): number | null | "invalid" {
  if (cell === undefined) return null;
  let s = cell.trim();
  if (s === "") return null;
  if (s.endsWith("%")) s = s.slice(0, -1).trim();
  if (!NUMBER.test(s)) return "invalid";
  const n = Number(s);
  return Number.isFinite(n) ? n : "invalid";
}

/** Cell text shortened for messages, so a huge or binary cell never floods the UI. */
export function quote(cell: string): string {
  const oneLine = cell.replace(/\s+/g, " ").trim();
  return `'${oneLine.length > 40 ? `${oneLine.slice(0, 40)}...` : oneLine}'`;
}
