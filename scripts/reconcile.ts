/**
 * `npm run --silent reconcile -- BILL [--scenario FILE] [--format json|table|csv] [--time-limit S]`: what Fargate cost
 * on a real AWS bill (FOCUS, CUR 2.0, legacy CUR), compared with a scenario. Exit 0 on success; 2 on invalid input.
 * The bill is read in a worker thread (scripts/lib/reconcile-worker.ts) with a heap cap and a time budget, so a damaged
 * file that would make a decoder loop or allocate without end is stopped with one sentence (exit 2).
 */
import { statSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { budgetMessage, readBudgetMs } from "@/lib/billing";
import { parseCliArgs } from "./lib/args";
import type { CliResult } from "./lib/cli";
import { RECONCILE_OPTIONS, runReconcileCli, timeLimitMs, withoutFlags } from "./lib/reconcile-cli";

/** Heap the reading thread may use (README, Security). */
const HEAP_MB = 1536;

function finish(result: CliResult) {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

function unexpected(e: unknown) {
  process.stderr.write(`Unexpected error: ${(e as Error).message}\n`);
  process.exitCode = 1;
}

/** Runs the CLI in a worker thread with a heap cap, terminated after `ms`. */
function runBounded(argv: string[], bill: string, ms: number) {
  // The worker loads TypeScript through tsx's require hook (a worker does not inherit the ESM loader tsx started with).
  const entry = path.join(__dirname, "lib", "reconcile-worker.ts");
  const worker = new Worker(`require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(entry)});`, {
    eval: true,
    workerData: { argv },
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  });
  let done = false;
  const timer = setTimeout(() => {
    done = true;
    void worker.terminate();
    finish({ code: 2, stdout: "", stderr: `${budgetMessage(bill, ms)}\n` });
  }, ms);
  worker.on("message", (m: { result?: CliResult; error?: string }) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    void worker.terminate();
    if (m.result) finish(m.result);
    else unexpected(new Error(m.error));
  });
  worker.on("error", (e: Error & { code?: string }) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (e.code === "ERR_WORKER_OUT_OF_MEMORY") {
      finish({
        code: 2,
        stdout: "",
        stderr: `${bill} needed more than ${HEAP_MB / 1024} GB of memory to read, so reading it was stopped; the file may be damaged.\n`,
      });
    } else unexpected(e);
  });
}

const argv = process.argv.slice(2);
const args = parseCliArgs(withoutFlags(argv).argv, RECONCILE_OPTIONS);
const bill = args.ok && args.value.positionals.length === 1 ? args.value.positionals[0]! : undefined;
const limit = args.ok ? timeLimitMs(args.value.values["time-limit"]) : undefined;
let size = -1;
try {
  if (bill !== undefined) size = statSync(bill).size;
} catch {
  // Not readable: the CLI itself says so.
}
if (bill === undefined || size < 0 || typeof limit === "string" || argv.includes("--help") || argv.includes("-h")) {
  // Nothing to read (help, a bad argument, a missing file): the CLI answers in this thread.
  runReconcileCli(argv).then(finish, unexpected);
} else {
  runBounded(argv, bill, limit ?? readBudgetMs(size));
}
