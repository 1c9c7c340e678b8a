/**
 * One bill read for scripts/bench-bill.ts, in its own process so its peak RSS is its own: prints
 * {"ms", "cpuMs", "maxRssMB", "rows", "effectiveCost"} (cpuMs: user + system CPU time of the read, which other load on
 * the machine inflates far less than the wall-clock ms). The second argument "old" reads with a copy of an earlier reader placed in
 * .bench-old/ (for before/after figures; not committed) when run under tsx; scripts/bench-bill.ts bundles this file for
 * plain `node`, with .bench-old/node.ts in place of lib/billing/node.ts for the old reader.
 */
import { fargateCatalog } from "@/lib/catalog/fargate";
import { reconcileFile } from "@/lib/billing/node";

void (async () => {
  const [file, which] = process.argv.slice(2);
  const read: typeof reconcileFile =
    which === "old"
      ? ((await import(/* @vite-ignore */ `${process.cwd()}/.bench-old/node`)) as { reconcileFile: typeof reconcileFile }).reconcileFile
      : reconcileFile;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await read(file!, fargateCatalog);
  const ms = Math.round(performance.now() - t0);
  const cpu = process.cpuUsage(c0);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), rows: r.bill.rows, effectiveCost: r.totals.effectiveCost })}\n`,
  );
})();
