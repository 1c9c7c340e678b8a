/**
 * Uploaded files are read as bytes first: a PNG or a gzip uploaded by mistake gets one plain sentence, never its
 * bytes decoded as text (mojibake) in an error message. Shared by the workload import and the right-sizing uploads.
 */
import { fail, ok, type Result } from "@/lib/core";

/** Well-known binary signatures (magic numbers) and what to call them. */
const SIGNATURES: { bytes: number[]; kind: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], kind: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: "a GIF image" },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: "a PDF document" },
  { bytes: [0x1f, 0x8b], kind: "a gzip archive" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: "a zip archive (or an Excel/Word file)" },
  { bytes: [0x42, 0x5a, 0x68], kind: "a bzip2 archive" },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], kind: "an xz archive" },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: "a zstd archive" },
  { bytes: [0x50, 0x41, 0x52, 0x31], kind: "a Parquet file" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: "a program (ELF)" },
  { bytes: [0x4d, 0x5a], kind: "a program (Windows)" },
];

export type TextFileResult = Result<string>;

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);

/** What kind of binary file this is ("a PNG image"), "a binary file" when it is not text at all, or null for text. */
export function binaryKind(bytes: Uint8Array): string | null {
  const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (known) return known.kind;
  // NUL or other C0 control bytes (but tab, newline, carriage return, form feed) do not occur in JSON, YAML or CSV.
  const head = bytes.subarray(0, 65_536);
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) return "a binary file";
  return null;
}

/**
 * Decodes an uploaded file as UTF-8 text (a leading byte-order mark is dropped), or says in one sentence why it is
 * not text. `expected` names what was wanted ("an ECS task definition (JSON) or Kubernetes YAML").
 */
export function decodeTextFile(bytes: Uint8Array, expected: string): TextFileResult {
  const kind = binaryKind(bytes);
  if (kind) return fail({ message: `This is ${kind}, not a text file: choose ${expected}.` });
  try {
    return ok(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return fail({ message: `This file is not UTF-8 text (it may be binary or in another encoding): choose ${expected}, saved as UTF-8.` });
  }
}
