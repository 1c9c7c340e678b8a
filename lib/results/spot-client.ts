import { workerClient } from "@/lib/browser";
import type { Scenario } from "@/lib/scenario";
import type { SpotView } from "./view";

const spot = workerClient<{ scenario: Scenario }, SpotView | null>({
  start: () => new Worker(new URL("./spot.worker.ts", import.meta.url), { type: "module" }),
  failed: () => null,
  fallback: async ({ scenario }) => {
    const [{ buildSpotView }, { fargateCatalog }] = await Promise.all([import("./view"), import("@/lib/catalog/fargate")]);
    try {
      return buildSpotView(scenario, fargateCatalog);
    } catch {
      return null;
    }
  },
});

/**
 * The Spot series of a validated scenario, computed in a Web Worker so the page never waits for its eleven estimates;
 * where workers are unavailable, in the page (loaded on first use). Null when it cannot be computed.
 */
export const spotInBackground = (scenario: Scenario): Promise<SpotView | null> => spot.run({ scenario });
