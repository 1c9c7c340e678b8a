import { describe, expect, it } from "vitest";
import { importWorkload } from "./import";

/** A Pod with `n` labels: each label a key of one mapping, the shape that made YAML import quadratic. */
export const podWithLabels = (n: number) =>
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  labels:\n" +
  Array.from({ length: n }, (_, i) => `    k${i}: v`).join("\n") +
  "\nspec:\n  containers:\n    - name: app\n      image: x\n      resources:\n        requests:\n          cpu: 500m\n          memory: 1Gi\n";

describe("YAML import is linear in the key count (issue 10 item 9)", () => {
  it("a 40,000-key Pod imports (the quadratic duplicate-key check took 7.9 s; how long it takes now is a timing)", () => {
    const r = importWorkload(podWithLabels(40_000));
    expect(r.ok).toBe(true);
  });

  it("four times the keys costs about four times the time, not sixteen", () => {
    // A ratio of two timings on the same machine, each the fastest of five runs: load slows both alike, and a spike
    // (another process, a GC) lands in one run, not in the fastest. Linear measures about 4; quadratic 16.
    const time = (n: number) => {
      const text = podWithLabels(n);
      importWorkload(text); // warm-up
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        importWorkload(text);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const small = time(5_000);
    const large = time(20_000);
    expect(large / small).toBeLessThan(10);
  });

  it("still refuses a key given twice in one mapping, naming the key and its line", () => {
    const r = importWorkload("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers: []\n");
    expect(r).toEqual({
      ok: false,
      error: {
        message:
          'The file is not valid YAML: the key "name" appears twice in one mapping at line 5; expected an ECS task definition (JSON) or Kubernetes manifests (YAML or JSON).',
      },
    });
    const second = importWorkload("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: []}\n---\nkind: Pod\nkind: Pod\n");
    expect(second.ok ? "" : second.error.message).toMatch(/^The file is not valid YAML \(document 2\): the key "kind" appears twice in one mapping at line 7;/);
    // The same key in two different mappings, and the YAML merge key "<<" repeated, are fine.
    const ok = importWorkload("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {name: x}\nspec:\n  containers:\n    - name: app\n      image: x\n");
    expect(ok.ok).toBe(true);
  });
});
