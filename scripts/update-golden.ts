/**
 * Regenerate the golden files (test/golden): every golden scenario priced by the current engine, written as the
 * CLI's JSON and CSV, plus the Spot series and the large scenarios' totals. Run after a deliberate change to the
 * billing rules or the output format, then review `git diff test/golden` like any other change:
 *
 *   npm run golden:update
 *
 * Files of scenarios no longer listed are removed. test/golden/golden.test.ts fails until the goldens match.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESTIMATES_DIR, renderAll } from "@/test/golden/render";

const root = path.resolve(import.meta.dirname, "..");
const files = renderAll();
mkdirSync(path.join(root, ESTIMATES_DIR), { recursive: true });
let changed = 0;
let removed = 0;
for (const [file, content] of files) {
  const full = path.join(root, file);
  let before: string | undefined;
  try {
    before = readFileSync(full, "utf8");
  } catch {
    before = undefined;
  }
  if (before === content) continue;
  writeFileSync(full, content);
  changed++;
}
for (const name of readdirSync(path.join(root, ESTIMATES_DIR))) {
  if (files.has(`${ESTIMATES_DIR}/${name}`)) continue;
  rmSync(path.join(root, ESTIMATES_DIR, name));
  removed++;
}
const bytes = [...files.values()].reduce((n, c) => n + Buffer.byteLength(c), 0);
console.log(`golden files: ${files.size} (${(bytes / 1e6).toFixed(2)} MB), ${changed} written, ${removed} removed`);
