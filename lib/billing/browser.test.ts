import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { reconcileBlob } from "./browser";
import { reconcileFile } from "./node";
import { fixture } from "./test-helpers";

// The browser path (Blob.stream, DecompressionStream, TextDecoderStream, hyparquet on Blob slices) gives the same
// reconciliation as the Node path for every fixture.
describe.each(["focus-1.0-sample-fargate.csv", "cur2-fargate.csv", "cur2-fargate.csv.gz", "cur2-fargate.parquet", "cur-legacy-fargate.csv.gz"])(
  "browser reader on %s",
  (name) => {
    it("matches the Node reader and reports progress up to 1", async () => {
      const shares: number[] = [];
      const blob = new Blob([readFileSync(fixture(name))]);
      const viaBlob = await reconcileBlob(blob, name, fargateCatalog, (s) => shares.push(s));
      const viaNode = await reconcileFile(fixture(name), fargateCatalog, name);
      expect(viaBlob).toEqual(viaNode);
      expect(shares.at(-1)).toBe(1);
    });
  },
);

it("a damaged gzip file is one sentence naming it", async () => {
  const gz = readFileSync(fixture("cur2-fargate.csv.gz"));
  await expect(reconcileBlob(new Blob([gz.subarray(0, 200)]), "cut.csv.gz", fargateCatalog)).rejects.toThrow(/^cut\.csv\.gz is not a valid gzip file/);
});

it("a ZIP archive is refused with what to do", async () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
  await expect(reconcileBlob(new Blob([zip]), "bill.zip", fargateCatalog)).rejects.toThrow(
    "bill.zip is a ZIP archive: unzip it and use the CSV inside, or export with GZIP or Parquet compression.",
  );
});
