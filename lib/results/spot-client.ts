import type { Scenario } from "@/lib/scenario/schema";
import type { SpotView } from "./view";

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (v: SpotView | null) => void>();

function startWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    const w = new Worker(new URL("./spot.worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<{ id: number; view: SpotView | null }>) => {
      pending.get(e.data.id)?.(e.data.view);
      pending.delete(e.data.id);
    };
    w.onerror = () => {
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
      worker?.terminate();
      worker = null;
    };
    return w;
  } catch {
    return null;
  }
}

/**
 * The Spot series of a validated scenario, computed in a Web Worker so the page never waits for its eleven estimates;
 * where workers are unavailable, in the page (loaded on first use). Null when it cannot be computed.
 */
export async function spotInBackground(scenario: Scenario): Promise<SpotView | null> {
  worker ??= startWorker();
  if (!worker) {
    const [{ buildSpotView }, { fargateCatalog }] = await Promise.all([import("./view"), import("@/lib/catalog")]);
    try {
      return buildSpotView(scenario, fargateCatalog);
    } catch {
      return null;
    }
  }
  const id = ++nextId;
  const w = worker;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    w.postMessage({ id, scenario });
  });
}
