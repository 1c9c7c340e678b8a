import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { Scenario } from "@/lib/scenario/schema";
import { spotInBackground } from "./spot-client";
import { buildSpotView } from "./view";

describe("spotInBackground", () => {
  it("without Web Workers, computes the same series in the page", async () => {
    expect(typeof Worker).toBe("undefined"); // node: the fallback path
    const s = Scenario.parse({ version: 1, name: "s", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }] });
    const v = await spotInBackground(s);
    expect(v).toEqual(buildSpotView(s, fargateCatalog));
    expect(v!.points).toHaveLength(11);
  });
});
