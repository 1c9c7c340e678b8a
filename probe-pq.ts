import { readFileSync } from "node:fs";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { BillAccumulator } from "@/lib/billing/accumulate";
import { readParquetBill } from "@/lib/billing/parquet";
const src = readFileSync("lib/billing/__fixtures__/cur2-fargate.parquet");
const stats: Record<string, number> = {};
(async () => {
  let seed = Number(process.argv[2] ?? 1);
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let k = 0; k < Number(process.argv[3] ?? 300); k++) {
    const b = Buffer.from(src);
    const pos = 4 + Math.floor(rnd() * (b.length - 8));
    const bit = Math.floor(rnd() * 8);
    b[pos]! ^= 1 << bit;
    process.stderr.write(`${pos} ${bit}\n`);
    const ab = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    const acc = new BillAccumulator("x.parquet", fargateCatalog);
    const t = Date.now();
    try {
      await readParquetBill({ byteLength: ab.byteLength, slice: (s, e) => ab.slice(s, e) }, acc);
      acc.finish();
      stats.ok = (stats.ok ?? 0) + 1;
    } catch (e) {
      const key = (e as Error).name + ": " + (e as Error).message.replace(/\d+/g, "N").slice(0, 90);
      stats[key] = (stats[key] ?? 0) + 1;
    }
    if (Date.now() - t > 1000) console.log("SLOW", pos, bit, Date.now() - t);
  }
  console.log(stats);
})();
