/**
 * Hostile and damaged bills (issue 19 items 2, 3, 6, 8, 10): each is refused quickly with one sentence naming the
 * file, never read as a valid $0 answer, and never allowed to take unbounded time or memory.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { BillAccumulator, GROUP_BOUNDS, numberOutOfBounds } from "./accumulate";
import { reconcileBlob } from "./browser";
import { BillError } from "./columns";
import { CSV_BOUNDS, readCsvBill, type TextStream } from "./csv";
import { reconcileFile } from "./node";
import { billView } from "./view";
import { fixture, loopingParquet, reconcileCsvText, withFooter } from "./test-helpers";
import { parquetWriteBuffer } from "hyparquet-writer";
import { checkHybridRuns, checkRunsAtMost } from "./parquet-guard";

const CUR2 = readFileSync(fixture("cur2-fargate.csv"), "utf8");
const LINES = CUR2.split("\n");
/** The CUR 2.0 fixture with its first data row's unblended cost (0.04048) replaced. */
const withCost = (cost: string) => [LINES[0], LINES[1]!.replace(",0.04048,0.04048,", `,0.04048,${cost},`), ...LINES.slice(2)].join("\n");
const withQuantity = (q: string) => [LINES[0], LINES[1]!.replace(",1,0.04048,", `,${q},0.04048,`), ...LINES.slice(2)].join("\n");

async function errorOf(read: Promise<unknown>): Promise<string> {
  try {
    await read;
  } catch (e) {
    expect(e).toBeInstanceOf(BillError);
    return (e as Error).message;
  }
  throw new Error("expected a BillError");
}

describe("item 2: every number read from a bill is bounded before any arithmetic", () => {
  it("refuses huge and tiny exponents and long digit strings, naming the line and the column", async () => {
    // 1e9999 has a 4-digit exponent (the syntax allows it) but would be a 10,000-digit integer in every sum.
    for (const cost of ["1e9999", "1e-9999", "1e21", "9".repeat(41), `0.${"0".repeat(40)}1`]) {
      const t0 = Date.now();
      expect(await errorOf(reconcileCsvText(withCost(cost)))).toMatch(
        /^bill\.csv, line 2: line_item_unblended_cost is "[^"]+", out of the bounds of a bill's numbers \(.+\); the file may be damaged\.$/,
      );
      expect(Date.now() - t0).toBeLessThan(2000);
    }
    expect(await errorOf(reconcileCsvText(withQuantity("1e9999")))).toMatch(/^bill\.csv, line 2: line_item_usage_amount is "1e9999", out of the bounds/);
  });

  it("reads what real bills write: float residue, long rates, plain zeros", async () => {
    // -1.1102230246251565e-16 is the kind of residue AWS's float sums leave in CUR cost columns: 17 digits, 1e-16.
    for (const ok of ["-1.1102230246251565e-16", "0.0000000000000000000000000000000000000001", "123456789012345678901", "0e9999", "0.000"]) {
      expect(numberOutOfBounds(ok)).toBeNull();
    }
    expect(numberOutOfBounds("1234567890123456789012")).toBe("it is 1e21 or more");
    expect(numberOutOfBounds("1e-41")).toBe("it is below 1e-40 (and not zero)");
    expect(numberOutOfBounds(`1.${"2".repeat(40)}`)).toBe("it has more than 40 significant digits");
    expect(numberOutOfBounds("1".padEnd(101, "0"))).toBe("it is longer than 100 characters");
    // A bounded value still adds exactly: 0.04048 -> 0.04048 + 1e-40 - 0.04048 = the fixture's total + 1e-40.
    const r = await reconcileCsvText(withCost("0.0404800000000000000000000000000000000001"));
    expect(r.totals.effectiveCost).toBe("0.2250486250000000000000000000000000000001");
  });
});

/** A CSV stream of `count` chunks from `make`, counting how many the reader pulled. */
function countedStream(count: number, make: (i: number) => string) {
  const stats = { pulled: 0 };
  const stream = Readable.from(
    (function* () {
      for (let i = 0; i < count; i++) {
        stats.pulled++;
        yield make(i);
      }
    })(),
  );
  return { stream: stream as unknown as TextStream, stats };
}

describe("item 6: a row is at most 1 MiB, a gzip at most 200 characters per compressed byte", () => {
  it("refuses a 32 MiB line after reading about 1 MiB of it, not the whole line (no quadratic re-scan)", async () => {
    const header = LINES[0]!;
    // 512 chunks of 64 KiB: the header, then one line that never ends.
    const { stream, stats } = countedStream(512, (i) => (i === 0 ? `${header}\n` : "x".repeat(65_536)));
    const acc = new BillAccumulator("long.csv", fargateCatalog);
    expect(await errorOf(readCsvBill(stream, acc))).toBe(
      "long.csv: the row from line 2 is longer than 1 MiB (1,048,576 characters), which no bill row is; the file may be damaged (an unterminated quote?) or not a bill export.",
    );
    // 1 MiB is 16 chunks of 64 KiB; the stream's read-ahead may add a few. The whole line is 511 chunks.
    expect(stats.pulled).toBeLessThan(40);
  });

  it("a row of quoted line breaks counts as one row; rows just under the bound are read", async () => {
    const quoted = `"${"a\n".repeat(600_000)}"`; // 1.2 M characters in one quoted cell
    const text = [LINES[0], LINES[1]!.replace(",us-east-1,8CESGAFWKAJ98PME,", `,us-east-1,${quoted},`), ...LINES.slice(2)].join("\n");
    expect(await errorOf(reconcileCsvText(text, "bill.csv", 65_536))).toMatch(/^bill\.csv: the row from line 2 is longer than 1 MiB/);
    // 900,000 characters of description in one row: under the bound, and the totals are the fixture's (0.225048625).
    const long = [LINES[0], LINES[1]!.replace("AWS Fargate - vCPU - US East (N. Virginia)", "d".repeat(900_000)), ...LINES.slice(2)].join("\n");
    expect((await reconcileCsvText(long, "bill.csv", 65_536)).totals.effectiveCost).toBe("0.225048625");
  });

  it("refuses a gzip bomb early: 16 MiB of line breaks under a real header, from a 16 KB gzip", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bill-"));
    const file = path.join(dir, "bomb.csv.gz");
    writeFileSync(file, gzipSync(Buffer.concat([Buffer.from(`${LINES[0]}\n`), Buffer.alloc(16 << 20, 10)])));
    // Before the bound this read 16 MiB of blank lines and answered "No Fargate usage" ($0).
    expect(await errorOf(reconcileFile(file, fargateCatalog, "bomb.csv.gz"))).toMatch(
      /^bomb\.csv\.gz decompresses to more than 200 times its compressed size \([\d,]+ characters from [\d,]+ bytes\), which no bill export does; it is refused as a possible decompression bomb\.$/,
    );
    // The browser path (DecompressionStream) refuses it the same way.
    expect(await errorOf(reconcileBlob(new Blob([readFileSync(file)]), "bomb.csv.gz", fargateCatalog))).toMatch(
      /^bomb\.csv\.gz decompresses to more than 200 times its compressed size/,
    );
    // The fixture's own gzip (12,256 characters from 2,061 bytes, about 6 to 1) is read.
    expect((await reconcileFile(fixture("cur2-fargate.csv.gz"), fargateCatalog)).totals.effectiveCost).toBe("0.225048625");
    expect(CSV_BOUNDS.maxGzipRatio).toBe(200);
  });
});

describe("item 10: a CSV that did not parse cleanly is an error, never a $0 answer", () => {
  it("an unterminated quote", async () => {
    // A last row opens a quote that never closes (a file cut short): papaparse reads the rest as one cell.
    const rows = CUR2.trimEnd().split("\n");
    const text = `${rows.join("\n")}\nli-9999,"2026-09-01T00:00:00Z/2026-09-01T01:00:00Z,2026-09-01T00:00:00Z,2026`;
    expect(await errorOf(reconcileCsvText(text))).toBe(
      `bill.csv, line ${rows.length + 1}: a quoted field is never closed (an unterminated quote); the file is damaged or was cut short, so it is not read.`,
    );
    // Mid-file, the quote closes at the next quote character and the text after it is the damage named.
    const mid = [...LINES.slice(0, 3), LINES[3]!.replace(",AmazonECS,", ',"AmazonECS,'), ...LINES.slice(4)].join("\n");
    expect(await errorOf(reconcileCsvText(mid))).toMatch(/^bill\.csv, line 4: a quoted field has text after its closing quote;/);
  });

  it("text after a closing quote; blank lines are still skipped", async () => {
    const text = [LINES[0], LINES[1]!.replace(",AmazonECS,", ',"AmazonECS"x,'), ...LINES.slice(2)].join("\n");
    expect(await errorOf(reconcileCsvText(text))).toMatch(/^bill\.csv, line 2: a quoted field has text after its closing quote;/);
    const blank = ["", LINES[0], "", LINES[1], "", "", ...LINES.slice(2)].join("\n");
    expect((await reconcileCsvText(blank)).totals.effectiveCost).toBe("0.225048625");
  });
});

describe("item 8: groups are capped (the 200 largest by paid cost, the rest one line) and the output says so", () => {
  it("6,000 distinct services: 5,000 tracked, 200 listed, the rest summed exactly", async () => {
    const header =
      "line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,pricing_public_on_demand_cost,product_region_code,line_item_resource_id,resource_tags";
    // Service s<i> (i = 1..6000) ran 1 vCPU-hour that cost i/1000 USD (list the same), in ascending order of cost.
    const rows = Array.from(
      { length: 6000 },
      (_, k) =>
        `Usage,AmazonECS,USE1-Fargate-vCPU-Hours:perCPU,1,${(k + 1) / 1000},${(k + 1) / 1000},us-east-1,arn:aws:ecs:us-east-1:1:task/c/t${k},"{""aws_ecs_serviceName"":""s${k + 1}""}"`,
    );
    const r = await reconcileCsvText([header, ...rows].join("\n"), "many.csv", 65_536);
    // Total: sum of i/1000 for i = 1..6000 = 6000 x 6001 / 2 / 1000 = 18003.
    expect(r.totals.effectiveCost).toBe("18003");
    expect(r.groups).toHaveLength(200);
    // Tracked: s1..s5000 (the first 5,000 seen); listed: the 200 largest of those, s5000 down to s4801.
    expect(r.groups[0]!.service).toBe("s5000");
    expect(r.groups[199]!.service).toBe("s4801");
    // Listed: (4801 + 5000) x 200 / 2 / 1000 = 980.1; the other line: 18003 - 980.1 = 17022.9 over 5,800 rows.
    expect(r.groupsOther).toEqual({ groups: 4800, untracked: true, rows: 5800, listCost: "17022.9", effectiveCost: "17022.9" });
    expect(r.notes.some((n) => n.startsWith("Groups: the 200 largest cluster/service groups by paid cost are listed; more than 4,800 others"))).toBe(true);
    // The view's groups table ends with the other line and its total is the whole bill's.
    const view = billView(r);
    expect(view.groups.at(-1)!.name).toBe("(more than 4,800 other groups)");
    expect(view.groupsTotal.effectiveCost).toBe("18003.00");
  });

  it("1,500 distinct outside-the-meter lines: 1,000 kept, the rest one (other) line, the total exact", async () => {
    const header =
      "line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,pricing_public_on_demand_cost,product_region_code";
    // NAT usage type n<k> (k = 0..1499) cost 0.01 each: 1,500 x 0.01 = 15; the (other) line holds 500 x 0.01 = 5.
    const rows = Array.from({ length: 1500 }, (_, k) => `Usage,AmazonVPC,NatGateway-n${k},1,0.01,0.01,us-east-1`);
    const r = await reconcileCsvText([header, ...rows].join("\n"));
    expect(r.outsideFargate).toHaveLength(1001);
    expect(r.totals.outsideFargate).toBe("15");
    expect(r.outsideFargate.find((o) => o.product === "(other)")!.cost).toBe("5");
    expect(r.notes).toContain('A table reached 1,000 distinct lines; further lines are summed in its "(other)" line.');
  });

  it("a bill under the bounds has no other line (old output unchanged)", async () => {
    const r = await reconcileCsvText(CUR2);
    expect(r.groupsOther).toBeUndefined();
    expect(GROUP_BOUNDS).toEqual({ tracked: 5000, listed: 200, resources: 200_000, tableKeys: 1000 });
  });
});

describe("item 3: a Parquet file's claims are checked before anything is allocated or decoded", () => {
  const PARQUET = new Uint8Array(readFileSync(fixture("cur2-fargate.parquet")));
  const read = (bytes: Uint8Array, name = "bill.parquet") => reconcileBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]), name, fargateCatalog);

  it("the footer rewritten unchanged reads as the fixture (the helper itself)", async () => {
    expect((await read(withFooter(PARQUET, () => {}))).totals.effectiveCost).toBe("0.225048625");
  });

  it("row groups declaring 2e9 rows in a 16 KB file", async () => {
    const lying = withFooter(PARQUET, (m) => {
      m.row_groups[0]!.num_rows = 2_000_000_000n;
      m.num_rows = m.row_groups.reduce((t, g) => t + g.num_rows, 0n);
    });
    expect(await errorOf(read(lying))).toMatch(
      /^bill\.parquet is a damaged Parquet file: row group 1 declares 2,000,000,000 rows in [\d,]+ bytes; it is not read\.$/,
    );
    // Row counts that do not add up.
    const sum = withFooter(PARQUET, (m) => {
      m.num_rows += 1n;
    });
    expect(await errorOf(read(sum))).toMatch(
      /^bill\.parquet is a damaged Parquet file: its footer declares 26 rows but its row groups add up to 25; it is not read\.$/,
    );
  });

  it("a page offset of 2^40 is an error, not 0 rows and $0", async () => {
    const far = withFooter(PARQUET, (m) => {
      const meta = m.row_groups[0]!.columns.find((c) => c.meta_data!.path_in_schema[0] === "line_item_unblended_cost")!.meta_data!;
      meta.data_page_offset = 2n ** 40n;
      meta.dictionary_page_offset = undefined;
    });
    expect(await errorOf(read(far))).toMatch(
      /^bill\.parquet is a damaged Parquet file: column line_item_unblended_cost of row group 1 claims bytes 1099511627776-\d+, outside the file's \d+ bytes of data; it is not read\.$/,
    );
  });

  it("schema elements without a name: one sentence, not a TypeError", async () => {
    const nameless = withFooter(PARQUET, (m) => {
      // (Statistics dropped: the footer writer looks their columns up by name.)
      for (const g of m.row_groups) for (const c of g.columns) c.meta_data!.statistics = undefined;
      m.schema[3]!.name = "";
      m.schema[4]!.name = "";
    });
    expect(await errorOf(read(nameless))).toBe("bill.parquet is a damaged Parquet file: schema element 4 has no name; it is not read.");
  });

  it("one flipped bit that made hyparquet's level decoder loop for ever is refused before decoding", async () => {
    // Byte 7050, bit 4 of the fixture: a version 2 page of the third row group whose level data now claims more bytes
    // than the page; hyparquet 1.31.5 then decodes runs past the levels without end (checked: no answer in 15 s).
    const flipped = PARQUET.slice();
    flipped[7050]! ^= 1 << 4;
    expect(await errorOf(read(flipped))).toBe(
      "bill.parquet is a damaged Parquet file: rows 21-25: a page's level data is larger than the page; it is not read.",
    );
  });

  it.each(["UNCOMPRESSED", "SNAPPY"] as const)(
    "a dictionary-index run of 2^30 - 1 in a %s page is refused before decoding (it ended the whole process: V8's array length limit)",
    async (codec) => {
      // loopingParquet: line_item_usage_type's first page (1,000 values) starts its indices with an RLE run of
      // 2^30 - 1 = 1,073,741,823 repeats; hyparquet would write them into a growing array (fatal at ~198 million).
      expect(await errorOf(read(loopingParquet(codec)))).toBe(
        "bill.parquet is a damaged Parquet file: rows 1-1000: a run-length run repeats a value past the page's 1000 values; it is not read.",
      );
    },
  );

  it("dictionary-index runs: at most the page's values (checkRunsAtMost)", () => {
    // Width 2, 10 values: an RLE run of 10 (header 20, one value byte) is exact; 11 (header 22) is one too many.
    expect(() => checkRunsAtMost(new Uint8Array([20, 3]), { i: 0 }, 2, 2, 10)).not.toThrow();
    expect(() => checkRunsAtMost(new Uint8Array([22, 3]), { i: 0 }, 2, 2, 10)).toThrow("a run-length run repeats a value past the page's 10 values");
    // Fewer values than the page (nulls in a version 1 page) end at the section's end: accepted.
    expect(() => checkRunsAtMost(new Uint8Array([8, 3]), { i: 0 }, 2, 2, 10)).not.toThrow();
    // Bit-packed: 2 groups of 8 = 16 values for 10 is more than the 7 of padding a group allows (10 + 7 = 17: accepted).
    expect(() => checkRunsAtMost(new Uint8Array([5, 0, 0, 0, 0]), { i: 0 }, 5, 2, 10)).not.toThrow();
    expect(() => checkRunsAtMost(new Uint8Array([7, 0, 0, 0, 0, 0, 0]), { i: 0 }, 7, 2, 10)).toThrow("a bit-packed run holds more values than the page's 10");
  });

  it("a run-length run past its page's values is refused (checkHybridRuns)", () => {
    // Width 1, 10 values: an RLE run of 8 (header 16) then one of 2^20 - 1 (header fe ff 7f) overflows the page.
    expect(() => checkHybridRuns(new Uint8Array([16, 1, 0xfe, 0xff, 0x7f, 1]), { i: 0 }, 6, 1, 10)).toThrow(
      "a run-length run repeats a value past the page's 10 values",
    );
    // 8 + 2 = 10: exact, accepted; a bit-packed group of 8 may pad past the count.
    expect(() => checkHybridRuns(new Uint8Array([16, 1, 4, 0]), { i: 0 }, 4, 1, 10)).not.toThrow();
    expect(() => checkHybridRuns(new Uint8Array([3, 0xff]), { i: 0 }, 2, 1, 5)).not.toThrow();
    // A run header that never ends, an empty run, a run past the section's bytes.
    expect(() => checkHybridRuns(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), { i: 0 }, 6, 1, 10)).toThrow(
      "a level run header is longer than 5 bytes",
    );
    expect(() => checkHybridRuns(new Uint8Array([0, 1]), { i: 0 }, 2, 1, 10)).toThrow("a run-length run is empty");
    expect(() => checkHybridRuns(new Uint8Array([5, 0xff]), { i: 0 }, 2, 8, 16)).toThrow("a level run runs past its page");
  });

  it("hyparquet errors inside a row group are one sentence naming the rows", async () => {
    const bytes = withFooter(PARQUET, (m) => {
      const meta = m.row_groups[0]!.columns.find((c) => c.meta_data!.path_in_schema[0] === "line_item_unblended_cost")!.meta_data!;
      meta.codec = "BROTLI";
    });
    expect(await errorOf(read(bytes))).toMatch(/^bill\.parquet is a damaged Parquet file: rows 1-10 cannot be decoded \(.+\); it is not read\.$/);
  });
});

describe("issue 20 item 5: a row group is read column-wise (no row objects for the whole group), with the same answer", () => {
  it("70,000 rows in one row group: every row counted, the total exact", async () => {
    const n = 70_000;
    const str = (name: string, v: string) => ({ name, type: "STRING" as const, data: Array.from({ length: n }, () => v) });
    // Row i costs (i mod 100) / 100 USD: 700 rounds of 0 + 0.01 + ... + 0.99 = 700 x 49.5 = 34650.
    const cost = Array.from({ length: n }, (_, i) => (i % 100) / 100);
    const bytes = parquetWriteBuffer({
      rowGroupSize: n,
      columnData: [
        str("line_item_line_item_type", "Usage"),
        str("line_item_product_code", "AmazonECS"),
        str("line_item_usage_type", "USE1-Fargate-vCPU-Hours:perCPU"),
        { name: "line_item_usage_amount", type: "DOUBLE", data: Array.from({ length: n }, (_, i) => i + 1) },
        { name: "line_item_unblended_cost", type: "DOUBLE", data: cost },
        { name: "pricing_public_on_demand_cost", type: "DOUBLE", data: cost },
        str("product_region_code", "us-east-1"),
      ],
    });
    const shares: number[] = [];
    const r = await reconcileBlob(new Blob([bytes]), "big.parquet", fargateCatalog, (s) => shares.push(s));
    expect(r.bill.rows).toBe(n);
    expect(r.totals.effectiveCost).toBe("34650");
    expect(shares).toEqual([1]);
  });
});

describe("issue 20, bad input: one sentence naming the file, nothing half-read", () => {
  it("a truncated Parquet footer; a gzip cut short; columns named __proto__ and constructor are plain columns", async () => {
    const parquet = new Uint8Array(readFileSync(fixture("cur2-fargate.parquet")));
    expect(await errorOf(reconcileBlob(new Blob([parquet.subarray(0, parquet.length - 100)]), "cut.parquet", fargateCatalog))).toMatch(
      /^cut\.parquet is not a readable Parquet file \(.+\)\.$/,
    );
    const gz = readFileSync(fixture("cur2-fargate.csv.gz"));
    expect(await errorOf(reconcileBlob(new Blob([gz.subarray(0, gz.length - 10)]), "cut.csv.gz", fargateCatalog))).toMatch(
      /^cut\.csv\.gz is not a valid gzip file/,
    );
    const n = 3;
    const col = (name: string, v: string) => ({ name, type: "STRING" as const, data: Array.from({ length: n }, () => v) });
    const bytes = parquetWriteBuffer({
      columnData: [
        col("__proto__", "x"),
        col("line_item_line_item_type", "Usage"),
        col("line_item_product_code", "AmazonECS"),
        col("line_item_usage_type", "USE1-Fargate-GB-Hours"),
        { name: "line_item_usage_amount", type: "DOUBLE", data: [1, 2, 3] },
        { name: "line_item_unblended_cost", type: "DOUBLE", data: [0.25, 0.5, 0.75] },
        { name: "pricing_public_on_demand_cost", type: "DOUBLE", data: [0.25, 0.5, 0.75] },
        col("product_region_code", "us-east-1"),
        col("constructor", "y"),
      ],
    });
    // 0.25 + 0.5 + 0.75 = 1.5
    expect((await reconcileBlob(new Blob([bytes]), "proto.parquet", fargateCatalog)).totals.effectiveCost).toBe("1.5");
    const csv = `__proto__,${LINES[0]},constructor\n${LINES.slice(1)
      .filter((l) => l)
      .map((l) => `x,${l},y`)
      .join("\n")}`;
    expect((await reconcileCsvText(csv)).totals.effectiveCost).toBe("0.225048625");
  });
});

describe("item 5: resource IDs counted and profiled up to their bounds, kept outside the heap (./resource-ids.ts)", () => {
  it("a group's count stops at 100,000, all groups' at 200,000; the profile's tasks at 20,000 a group; a resource seen again is the same", () => {
    const header = LINES[0]!.split(",");
    const at = (name: string) => header.indexOf(name);
    // The fixture's first row (1 vCPU-hour of service "api"), its resource ID and tags set per row.
    const template = [...LINES[1]!.slice(0, LINES[1]!.indexOf('"')).split(",")];
    template[at("resource_tags")] = "";
    const acc = new BillAccumulator("bill.csv", fargateCatalog);
    acc.header(header);
    const feed = (service: string, from: number, to: number) => {
      const row = [...template];
      row[at("resource_tags")] = `{"aws_ecs_serviceName":"${service}"}`;
      for (let i = from; i < to; i++) {
        row[at("line_item_resource_id")] = `arn:aws:ecs:us-east-1:111122223333:task/shop/${service}-${i.toString(16).padStart(32, "0")}`;
        acc.row(row);
      }
    };
    // api: 150,000 tasks, of which 100,000 are counted (a group's bound); web: 100,000, all counted (200,000 in all);
    // batch: 10,000, none counted (the bound over all groups is reached), every one profiled (20,000 a group, 200,000 in all).
    feed("api", 0, 150_000);
    feed("web", 0, 100_000);
    feed("batch", 0, 10_000);
    // Seen again: the first 10 of api (counted and profiled) and all of batch (profiled only): nothing new.
    feed("api", 0, 10);
    feed("batch", 0, 10_000);
    const r = acc.finish();
    const group = (service: string) => r.groups.find((g) => g.service === service)!;
    expect([group("api").resources, group("web").resources, group("batch").resources]).toEqual([100_000, 100_000, 0]);
    expect([group("api").profile!.tasks, group("web").profile!.tasks, group("batch").profile!.tasks]).toEqual([20_000, 20_000, 10_000]);
    // batch: each task 1 vCPU-hour twice in the same clock hour (2 vCPU-hours a task, 10,000 tasks = 20,000).
    expect(group("batch").profile!.hourly).toEqual([20_000]);
    expect([group("api").rows, group("batch").rows]).toEqual([150_010, 20_000]);
    expect(r.notes).toContain("Tasks: distinct resource IDs are counted up to 200,000 over all groups; later ones are not counted.");
  });
});

describe("item 5: a csv.gz read in Node is scanned while zlib inflates the next piece (readCsvBill's `later`)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gz-overlap-"));
  // The CUR 2.0 fixture's 12 data rows repeated to about 4 MB of text (64 pieces of 64 KiB), every row the same bill.
  const body = LINES.slice(1).filter(Boolean);
  const times = Math.ceil(4_000_000 / body.join("\n").length);
  const big = [LINES[0], ...Array.from({ length: times }, () => body).flat()].join("\n") + "\n";

  it("gives the same answer as the text read in one piece", async () => {
    const file = path.join(dir, "big.csv.gz");
    writeFileSync(file, gzipSync(big));
    const r = await reconcileFile(file, fargateCatalog, "big.csv.gz");
    // The fixture's effective cost, 0.225048625 a copy, times the copies.
    expect(r.bill.rows).toBe(times * body.length);
    expect(r.totals.effectiveCost).toBe((await reconcileCsvText(big)).totals.effectiveCost);
    expect(r.totals.effectiveCost).toBe(String(Math.round(0.225048625 * times * 1e9) / 1e9));
  });

  it("names damage in text that arrived before the gzip stream broke (the first damage in the file's order)", async () => {
    // A bad number on the last full line of a file cut short: the text before the cut arrives, then zlib's error.
    const lines = big.trimEnd().split("\n");
    // The last line holding the fixture's first row's rate and cost (its unblended cost made "oops").
    const at = lines.findLastIndex((l) => l.includes(",0.04048,0.04048,"));
    expect(at).toBeGreaterThan(lines.length - 40);
    lines[at] = lines[at]!.replace(",0.04048,0.04048,", ",0.04048,oops,");
    const damaged = `${lines.join("\n")}\n`;
    expect(damaged).toContain("oops");
    const gz = gzipSync(damaged);
    const file = path.join(dir, "cut.csv.gz");
    writeFileSync(file, gz.subarray(0, gz.length - 8)); // the gzip trailer (CRC and size) cut off: all text, then an error
    expect(await errorOf(reconcileFile(file, fargateCatalog, "cut.csv.gz"))).toBe(
      `cut.csv.gz, line ${at + 1}: line_item_unblended_cost is "oops", which is not a number; the file may be damaged or not a bill export.`,
    );
    // Cut inside the text: zlib's error, named as before.
    writeFileSync(file, gz.subarray(0, gz.length >> 1));
    expect(await errorOf(reconcileFile(file, fargateCatalog, "cut.csv.gz"))).toMatch(/^cut\.csv\.gz is not a valid gzip file \(.+\)\.$/);
  });
});
