/**
 * `npm run --silent reconcile -- BILL [--scenario FILE] [--format json|table|csv]`: what Fargate cost on a real
 * AWS bill (FOCUS, CUR 2.0, legacy CUR), compared with a scenario. Exit 0 on success; 2 on invalid input.
 */
import { runReconcileCli } from "./lib/reconcile-cli";

runReconcileCli(process.argv.slice(2)).then(
  (result) => {
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    process.exitCode = result.code;
  },
  (e) => {
    process.stderr.write(`Unexpected error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
