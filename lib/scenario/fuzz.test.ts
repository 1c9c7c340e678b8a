import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { estimateScenario } from "@/lib/pricing/estimate";
import { DEFAULT_SCENARIO } from "./defaults";
import { evaluateDraft, type Draft } from "./draft";
import { FC_RUNS } from "@/test/setup-fast-check";
import { parseScenario } from "./parse";

/** Values a hostile or careless file could put in any field. */
const junk = fc.oneof(fc.anything(), fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1e308, "1", "", null, [], {}, "__proto__"), fc.double(), fc.string());
const fields = ["name", "platform", "os", "arch", "vcpu", "memoryGiB", "storageGiB", "tasks", "schedule", "spotPercent", "savingsPlan"];

describe("scenario schema fuzzing", () => {
  it("parseScenario never throws, and every rejection is readable", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.json().map((j) => JSON.parse(j) as unknown),
        ),
        (input) => {
          const r = parseScenario(input, fargateCatalog);
          if (!r.ok) for (const p of r.error) expect(p.message.length).toBeGreaterThan(3);
        },
      ),
    );
  });

  it("a valid scenario with one field replaced by junk is either priced or refused with a message on that field", () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...fields), junk, (field, value) => {
        const workload = { ...DEFAULT_SCENARIO.workloads[0]!, [field]: value };
        const r = parseScenario({ ...DEFAULT_SCENARIO, workloads: [workload] }, fargateCatalog);
        if (r.ok) {
          expect(() => estimateScenario(r.value, fargateCatalog)).not.toThrow();
        } else {
          expect(r.error.length).toBeGreaterThan(0);
          for (const p of r.error) expect(p.message.length).toBeGreaterThan(3);
          // The refusal is on the field that was replaced (a size rule may name vCPU or memory for either of them).
          const paths = r.error.map((p) => p.path);
          const onField = paths.some((p) => p === `workloads.0.${field}` || p.startsWith(`workloads.0.${field}.`));
          const sizeRule = (field === "vcpu" || field === "memoryGiB") && paths.some((p) => p === "workloads.0.vcpu" || p === "workloads.0.memoryGiB");
          expect(onField || sizeRule, `${field} = ${JSON.stringify(value)}: ${JSON.stringify(r.error)}`).toBe(true);
          refused++;
        }
        // The editor's per-field evaluation never throws on the same input either.
        expect(() => evaluateDraft({ ...(DEFAULT_SCENARIO as Draft), workloads: [workload as Draft["workloads"][number]] }, fargateCatalog)).not.toThrow();
      }),
    );
    // Junk is mostly refused: the path check above ran on most cases.
    expect(refused).toBeGreaterThan(FC_RUNS / 2);
  });

  it("refuses an oversized scenario on its size", () => {
    const workloads = Array.from({ length: 25_000 }, (_, i) => ({ name: `w${i}`, vcpu: 1, memoryGiB: 2 }));
    const r = parseScenario({ workloads }, fargateCatalog);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toBe("At most 20,000 workloads");
  });
});
