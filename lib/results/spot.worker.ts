/// <reference lib="webworker" />
import type { WorkerReply } from "@/lib/browser";
import { fargateCatalog } from "@/lib/catalog/fargate";
import type { Scenario } from "@/lib/scenario";
import { buildSpotView, type SpotView } from "./view";

/** The "savings by Spot share" series off the main thread: eleven estimates, tens of ms at hundreds of workloads. */
self.onmessage = (event: MessageEvent<{ id: number; scenario: Scenario }>) => {
  const { id, scenario } = event.data;
  let view: SpotView | null = null;
  try {
    view = buildSpotView(scenario, fargateCatalog);
  } catch {
    /* the chart is left out; the estimate itself never depends on it */
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage({ id, result: view } satisfies WorkerReply<SpotView | null>);
};
