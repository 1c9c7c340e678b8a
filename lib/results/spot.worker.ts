/// <reference lib="webworker" />
import type { WorkerReply } from "@/lib/browser/worker-client";
import { fargateCatalog } from "@/lib/catalog";
import type { Scenario } from "@/lib/scenario/schema";
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
