import { BillError } from "./columns";

export type FileKind = "csv" | "gzip" | "parquet";

/** The file's kind from its first bytes: gzip (1f 8b), Parquet ("PAR1"), else CSV text. ZIP is refused clearly. */
export function sniff(head: Uint8Array, fileName: string): FileKind {
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return "parquet";
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new BillError(`${fileName} is a ZIP archive: unzip it and use the CSV inside, or export with GZIP or Parquet compression.`);
  }
  return "csv";
}
