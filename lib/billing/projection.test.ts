/**
 * Issue 20 item 5: the fast paths read the same bill as the full ones. The CSV scanner (only the needed fields become
 * strings) against papaparse splitting every field, as the reader did before; the Parquet reader's column projection
 * against a read of every column. Results are compared whole (every sum, group, line and note), so a difference in
 * any cell read shows.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { parquetReadObjects } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { env } from "@/lib/env";
import { BillAccumulator, type Cell } from "./accumulate";
import { BillError, columnsToRead, neededIndexes } from "./columns";
import { CsvScanner, QUOTE_PROBLEMS } from "./csv";
import { readParquetBill } from "./parquet";
import { fixture, reconcileCsvText } from "./test-helpers";
import type { Reconciliation } from "./types";

const runs = env.fcRuns ?? 200;
const CSV_FIXTURES = ["cur2-fargate.csv", "cur-legacy-fargate.csv", "focus-1.0-sample-fargate.csv"];

/** The full path: papaparse splits every field of every row (the reader before issue 20), blank rows skipped. */
function reconcileWithPapa(text: string, fileName = "bill.csv"): Reconciliation {
  const acc = new BillAccumulator(fileName, fargateCatalog);
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  if (parsed.errors.some((e) => e.type === "Quotes")) throw new Error("the reference could not parse the text");
  let first = true;
  for (const row of parsed.data) {
    if (row.length === 1 && row[0] === "") continue;
    if (first) {
      first = false;
      acc.header(row);
    } else acc.row(row);
  }
  return acc.finish();
}

/** Either the reconciliation or the BillError's sentence, so two readers can be compared on any input. */
async function outcome(read: () => Reconciliation | Promise<Reconciliation>): Promise<Reconciliation | string> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof BillError) return e.message;
    throw e;
  }
}

/** Every line of the text with CRLF line ends (quoted line breaks included, as a Windows tool writes them). */
const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");
/** Every field quoted, quotes doubled, as some tools write every CSV. */
function quoteAll(text: string): string {
  const rows = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data;
  return `${rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n")}\n`;
}

describe("the CSV scanner reads what papaparse reads", () => {
  for (const name of CSV_FIXTURES) {
    const text = readFileSync(fixture(name), "utf8");
    const variants: [string, string][] = [
      ["as written", text],
      ["CRLF line ends", crlf(text)],
      ["a byte-order mark", `\uFEFF${text}`],
      ["every field quoted", quoteAll(text)],
      ["every field quoted, CRLF, a byte-order mark", `\uFEFF${crlf(quoteAll(text))}`],
      ["no final line end, blank lines between rows", `\n${text.trimEnd().split("\n").join("\n\n")}`],
    ];
    for (const [what, variant] of variants) {
      it(`${name}, ${what}: the same reconciliation in chunks of 1, 7, 64 and 65,536 characters`, async () => {
        const expected = reconcileWithPapa(variant);
        expect(expected.bill.rows).toBeGreaterThan(0);
        for (const chunk of [1, 7, 64, 65_536]) expect(await reconcileCsvText(variant, "bill.csv", chunk)).toEqual(expected);
      });
    }
  }

  it("quoted commas, doubled quotes and line breaks inside the fields it reads", async () => {
    const lines = readFileSync(fixture("cur2-fargate.csv"), "utf8").trimEnd().split("\n");
    // resource_tags with a comma and an escaped quote in a value; a description over three lines; a quoted ARN.
    const edited = lines.map((l, i) =>
      i === 0
        ? l
        : l
            .replace("AWS Fargate - vCPU - US East (N. Virginia)", '"AWS Fargate, vCPU\nUS East\r\n(N. ""Virginia"")"')
            .replace(/arn:aws:ecs:[^,]+/, (arn) => `"${arn}"`),
    );
    const text = `${edited.join("\n")}\n`;
    const expected = reconcileWithPapa(text);
    expect(expected.groups.length).toBeGreaterThan(0);
    for (const chunk of [1, 5, 64]) expect(await reconcileCsvText(text, "bill.csv", chunk)).toEqual(expected);
  });

  it("CR-only line ends (old Mac tools)", async () => {
    const text = readFileSync(fixture("cur2-fargate.csv"), "utf8").replace(/\n/g, "\r");
    expect(await reconcileCsvText(text, "bill.csv", 64)).toEqual(reconcileWithPapa(text));
  });

  it("hands the sink only the wanted columns, each a plain string; the rest are skipped", () => {
    const got: (string | undefined)[][] = [];
    const scanner = new CsvScanner({ header: () => [1, 3], row: (v) => got.push([...v]) }, "x.csv");
    scanner.push('a,b,c,d,e\r\n1,"two, ""2""",3,"fo\nur",5,6\r\n\r\n,,\r\n"x","y"\r\nlast,row,,"q"');
    scanner.end();
    expect(got).toEqual([
      [undefined, 'two, "2"', undefined, "fo\nur"],
      [undefined, "", undefined, undefined],
      [undefined, "y", undefined, undefined],
      [undefined, "row", undefined, "q"],
    ]);
    // Rows seen: the header, three data rows, one blank line, the last row.
    expect(scanner.rowsSeen).toBe(6);
  });

  it("steps over the columns past the last wanted one from quoted field to quoted field, in any chunks", () => {
    // Column 1 is the last wanted; the rest hold quoted commas, line breaks, "" and spaces after a closing quote, and
    // quotes inside unquoted fields (text, as papaparse reads them).
    const text = 'a,b,c,d,e\n1,x,"p, q","multi\nline ""quoted""" ,z\n2,y,ab"c,"d,e",f"\n3,"w",plain,tail,"last, quoted"\r\n4,v,,,\n5,u,"","",""';
    for (const chunk of [1, 2, 3, 5, 8, 64, 1_000]) {
      const got: (string | undefined)[][] = [];
      const scanner = new CsvScanner({ header: () => [0, 1], row: (v) => got.push([...v]) }, "x.csv");
      for (let i = 0; i < text.length; i += chunk) scanner.push(text.slice(i, i + chunk));
      scanner.end();
      expect(got).toEqual([
        ["1", "x"],
        ["2", "y"],
        ["3", "w"],
        ["4", "v"],
        ["5", "u"],
      ]);
      // The header, five rows (the quoted line break is inside row 1).
      expect(scanner.rowsSeen).toBe(6);
    }
    // Damage past the last wanted column is still found, on its line.
    for (const [bad, problem] of [
      ['a,b,c\n1,2,3\n4,5,"open\n', QUOTE_PROBLEMS.missing],
      ['a,b,c\n1,2,3\n4,5,"closed" then text\n6,7,8\n', QUOTE_PROBLEMS.invalid],
    ] as const) {
      const scanner = new CsvScanner({ header: () => [0], row: () => {} }, "x.csv");
      expect(() => {
        scanner.push(bad);
        scanner.end();
      }).toThrow(`x.csv, line 3: ${problem}`);
    }
  });

  // Random bills: random cells (commas, quotes, CR and LF inside), quoted as a CSV writer quotes them, under each
  // format's header with a random extra column; LF or CRLF; read in random chunk sizes.
  it("holds over random rows, quoted as writers quote them, in random chunks", async () => {
    const headers = CSV_FIXTURES.map((n) => readFileSync(fixture(n), "utf8").split("\n")[0]!.replace(/\r$/, ""));
    const rows = CSV_FIXTURES.map((n) => readFileSync(fixture(n), "utf8").trimEnd().split("\n").slice(1));
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom("", "1.5", "0.04048", '{"aws:ecs:serviceName":"web,api"}', "a\nb", 'say "hi"', "x\r\ny", " padded ", "NULL"),
    );
    const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 40 }), cell), { maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 300 }),
        async (format, edits, windows, chunk) => {
          // Real rows of the format with random cells put in (a field index modulo the row's length), plus extra.
          const base = rows[format]!.map((r) => [...Papa.parse<string[]>(r, { header: false }).data[0]!, "extra"]);
          for (const [row, field, value] of edits) {
            const r = base[row % base.length]!;
            r[field % r.length] = value;
          }
          let text = `${headers[format]},extra_column\n${base.map((r) => r.map(quote).join(",")).join("\n")}\n`;
          if (windows) text = text.replace(/\n/g, "\r\n");
          const expected = await outcome(() => reconcileWithPapa(text));
          expect(await outcome(() => reconcileCsvText(text, "bill.csv", chunk))).toEqual(expected);
        },
      ),
      { numRuns: Math.min(runs, 150) },
    );
  });
});

/** The full path for Parquet: every column of every row read, the rows fed as the CSV reader feeds them. */
async function reconcileParquetFully(bytes: Uint8Array, fileName: string): Promise<Reconciliation> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file })) as Record<string, Cell>[];
  const acc = new BillAccumulator(fileName, fargateCatalog);
  acc.rowNoun = "row";
  const names = Object.keys(rows[0]!);
  acc.header(names);
  for (const r of rows) acc.row(names.map((n) => r[n]));
  return acc.finish();
}

/** Reads through readParquetBill, counting the bytes asked for after the footer (the first slice). */
async function reconcileParquetProjected(bytes: Uint8Array, fileName: string): Promise<{ result: Reconciliation; bytesRead: number }> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let bytesRead = 0;
  let slices = 0;
  const acc = new BillAccumulator(fileName, fargateCatalog);
  await readParquetBill(
    {
      byteLength: file.byteLength,
      slice: (start, end) => {
        if (slices++ > 0) bytesRead += (end ?? file.byteLength) - start;
        return file.slice(start, end);
      },
    },
    acc,
  );
  return { result: acc.finish(), bytesRead };
}

describe("Parquet column projection reads what a read of every column reads", () => {
  it("the CUR 2.0 fixture", async () => {
    const bytes = new Uint8Array(readFileSync(fixture("cur2-fargate.parquet")));
    const { result } = await reconcileParquetProjected(bytes, "bill.parquet");
    expect(result).toEqual(await reconcileParquetFully(bytes, "bill.parquet"));
    expect(result.bill.fargateRows).toBeGreaterThan(0);
  });

  it("the CUR 2.0 CSV fixture written as Parquet with 60 filler columns: the same answer from far fewer bytes", async () => {
    const text = readFileSync(fixture("cur2-fargate.csv"), "utf8");
    const [header, ...rows] = Papa.parse<string[]>(text.trimEnd(), { header: false }).data;
    const numeric = /amount|cost|rate/;
    const columnData = header!.map((name, j) => ({
      name,
      type: numeric.test(name) ? ("DOUBLE" as const) : ("STRING" as const),
      data: rows.map((r) => (r[j] === "" ? null : numeric.test(name) ? Number(r[j]) : r[j]!)),
    }));
    // Filler columns the reconciliation never reads, each a distinct long text per row (what makes a real export big).
    for (let k = 0; k < 60; k++) {
      columnData.push({ name: `product_attribute_${k}`, type: "STRING" as const, data: rows.map((_, i) => `filler ${k} ${i} ${"z".repeat(40 + i)}`) });
    }
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData, codec: "UNCOMPRESSED" }));
    const { result, bytesRead } = await reconcileParquetProjected(bytes, "bill.parquet");
    expect(result).toEqual(await reconcileParquetFully(bytes, "bill.parquet"));
    // The CSV fixture's answer too (the numbers went through doubles and back: the fixture's are short decimals).
    expect(result.totals).toEqual((await reconcileCsvText(text)).totals);
    // Projection: none of the filler columns is read, so well under half the file's bytes are asked for after the footer.
    expect(columnsToRead("cur2", header!).some((c) => c.startsWith("product_attribute_"))).toBe(false);
    expect(bytesRead).toBeLessThan(bytes.byteLength / 2);
  });

  it("neededIndexes lists every mapped column and legacy CUR's service-tag columns, in order", () => {
    const acc = new BillAccumulator("legacy.csv", fargateCatalog);
    const header = readFileSync(fixture("cur-legacy-fargate.csv"), "utf8").split("\n")[0]!.split(",");
    const map = acc.header([...header, "resourceTags/user:ecs:serviceName", "unrelated"]);
    const needed = neededIndexes(map);
    expect(needed).toContain(header.length); // the tag column
    expect(needed).not.toContain(header.length + 1);
    expect(needed).toEqual([...needed].sort((a, b) => a - b));
    for (const i of Object.values(map.index)) if (i >= 0) expect(needed).toContain(i);
    // A list of positions added to the map later (another kind of tag column, say) is read too.
    expect(neededIndexes({ ...map, serviceTagColumns: [], otherTagColumns: [header.length + 1] } as typeof map)).toContain(header.length + 1);
  });
});
