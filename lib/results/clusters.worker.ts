/// <reference lib="webworker" />
import type { WorkerReply } from "@/lib/browser";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { answerClusters, type ClustersReply, type ClustersRequest } from "./clusters";

/**
 * The ECS-on-EC2 and ECS Managed Instances estimates off the main thread (issue 24 item 7): the first of them selects
 * the region's instance types (hundreds of types in exact decimals, a long task in the page); later ones reuse that.
 * The worker keeps its own copy of the EC2 and extras price snapshots; the page never loads the EC2 one.
 */
self.onmessage = (event: MessageEvent<ClustersRequest & { id: number }>) => {
  const { id, ...request } = event.data;
  const result = answerClusters(request, fargateCatalog, ec2Catalog, extrasCatalog);
  (self as unknown as DedicatedWorkerGlobalScope).postMessage({ id, result } satisfies WorkerReply<ClustersReply>);
};
