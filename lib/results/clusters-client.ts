import { latestOnly, workerClient } from "@/lib/browser";
import { answerClusters, clustersFromWire, type Clusters, type ClustersReply, type ClustersRequest } from "./clusters";

const worker = workerClient<ClustersRequest, ClustersReply>({
  start: () => new Worker(new URL("./clusters.worker.ts", import.meta.url), { type: "module" }),
  failed: () => ({ error: "The EC2 estimate stopped unexpectedly." }),
  // Where workers are unavailable (vitest, old browsers): the same computation in the page, its code and the price
  // snapshots loaded on first use.
  fallback: async (request) => {
    const [{ ec2Catalog }, { extrasCatalog }, { fargateCatalog }] = await Promise.all([
      import("@/lib/catalog/ec2"),
      import("@/lib/catalog/extras"),
      import("@/lib/catalog/fargate"),
    ]);
    return answerClusters(request, fargateCatalog, ec2Catalog, extrasCatalog);
  },
});

// Started as soon as the calculator's code loads, in the browser: the worker fetches and evaluates its code and price
// snapshots while the page hydrates, not after (its first request comes from an effect once the calculator has rendered).
if (typeof window !== "undefined" && typeof Worker !== "undefined") worker.start?.();

/** The cluster estimates, or why there are none (the error's words). */
export type ClustersAnswer = { clusters: Clusters; error?: undefined } | { error: string; clusters?: undefined };

const latest = latestOnly((request: ClustersRequest) => worker.run(request));

/**
 * The ECS-on-EC2 and ECS Managed Instances estimates of a validated scenario, computed in a Web Worker (where workers
 * are unavailable, in the page), their decimals exact (clustersToWire). Only the latest request is answered: one asked
 * for while a newer request was made resolves to undefined (dropped), and requests superseded before the worker was
 * free are never run.
 */
export async function clustersInBackground(request: ClustersRequest): Promise<ClustersAnswer | undefined> {
  const reply = await latest(request);
  if (reply === undefined) return undefined;
  return reply.wire !== undefined ? { clusters: clustersFromWire(reply.wire) } : { error: reply.error };
}
