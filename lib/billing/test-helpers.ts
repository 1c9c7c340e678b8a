import path from "node:path";
import { Readable } from "node:stream";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { BillAccumulator } from "./accumulate";
import { readCsvBill, type TextStream } from "./csv";
import type { Reconciliation } from "./types";

export const FIXTURES = path.join(__dirname, "__fixtures__");
export const fixture = (name: string) => path.join(FIXTURES, name);

/** Reconciles CSV text through the same streaming reader, in chunks of `chunk` characters. */
export async function reconcileCsvText(text: string, fileName = "bill.csv", chunk = 64): Promise<Reconciliation> {
  const acc = new BillAccumulator(fileName, fargateCatalog);
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += chunk) parts.push(text.slice(i, i + chunk));
  await readCsvBill(Readable.from(parts) as unknown as TextStream, acc);
  return acc.finish();
}
