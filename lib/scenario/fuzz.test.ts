import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog";
import { estimateScenario } from "@/lib/pricing/estimate";
import { DEFAULT_SCENARIO } from "./defaults";
import { evaluateDraft, type Draft } from "./draft";
import { parseScenario } from "./parse";

/** Values a hostile or careless file could put in any field. */
const junk = fc.oneof(
  fc.anything(),
  fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1e308, "1", "", null, [], {}, "__proto__"),
  fc.double(),
  fc.string(),
);
const fields = ["name", "platform", "os", "arch", "vcpu", "memoryGiB", "storageGiB", "tasks", "schedule", "spotPercent", "savingsPlan"];

describe("scenario schema fuzzing", () => {
  it("parseScenario never throws, and every rejection is readable", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.json().map((j) => JSON.parse(j) as unknown)), (input) => {
        const r = parseScenario(input, fargateCatalog);
        if (!r.ok) for (const p of r.problems) expect(p.message.length).toBeGreaterThan(3);
      }),
    );
  });

  it("a valid scenario with one field replaced by junk is either priced or refused with a message on that field", () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), junk, (field, value) => {
        const workload = { ...DEFAULT_SCENARIO.workloads[0]!, [field]: value };
        const r = parseScenario({ ...DEFAULT_SCENARIO, workloads: [workload] }, fargateCatalog);
        if (r.ok) {
          expect(() => estimateScenario(r.scenario, fargateCatalog)).not.toThrow();
        } else {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.message.length).toBeGreaterThan(3);
        }
        // The editor's per-field evaluation never throws on the same input either.
        expect(() => evaluateDraft({ ...(DEFAULT_SCENARIO as Draft), workloads: [workload as Draft["workloads"][number]] }, fargateCatalog)).not.toThrow();
      }),
    );
  });

  it("refuses an oversized scenario quickly", () => {
    const workloads = Array.from({ length: 25_000 }, (_, i) => ({ name: `w${i}`, vcpu: 1, memoryGiB: 2 }));
    const t0 = performance.now();
    const r = parseScenario({ workloads }, fargateCatalog);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toBe("At most 20,000 workloads");
  });
});
