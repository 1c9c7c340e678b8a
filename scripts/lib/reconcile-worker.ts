/** The reconcile CLI's worker thread (scripts/reconcile.ts starts it): runs the CLI and posts its result. */
import { parentPort, workerData } from "node:worker_threads";
import { runReconcileCli } from "./reconcile-cli";

runReconcileCli((workerData as { argv: string[] }).argv).then(
  (result) => parentPort!.postMessage({ result }),
  (e) => parentPort!.postMessage({ error: (e as Error).message }),
);
