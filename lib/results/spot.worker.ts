/// <reference lib="webworker" />
import { fargateCatalog } from "@/lib/catalog";
import type { Scenario } from "@/lib/scenario/schema";
import { buildSpotView } from "./view";

/** The "savings by Spot share" series off the main thread: eleven estimates, tens of ms at hundreds of workloads. */
self.onmessage = (event: MessageEvent<{ id: number; scenario: Scenario }>) => {
  const { id, scenario } = event.data;
  let view = null;
  try {
    view = buildSpotView(scenario, fargateCatalog);
  } catch {
    /* the chart is left out; the estimate itself never depends on it */
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage({ id, view });
};
