import { describe, expect, it } from "vitest";
import { importWorkload } from "./import";

/** A Pod with `n` labels: each label a key of one mapping, the shape that made YAML import quadratic. */
export const podWithLabels = (n: number) =>
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  labels:\n" +
  Array.from({ length: n }, (_, i) => `    k${i}: v`).join("\n") +
  "\nspec:\n  containers:\n    - name: app\n      image: x\n      resources:\n        requests:\n          cpu: 500m\n          memory: 1Gi\n";

describe("YAML import is linear in the key count (issue 10 item 9)", () => {
  it("a 40,000-key Pod imports in well under the 7.9 s the quadratic duplicate-key check took", () => {
    const text = podWithLabels(40_000);
    const t0 = performance.now();
    const r = importWorkload(text);
    const ms = performance.now() - t0;
    expect(r.ok).toBe(true);
    // Linear parsing of 0.6 MB takes a few hundred ms here even on a busy machine; quadratic took 7.9 s (42 s busy).
    expect(ms).toBeLessThan(6_000);
  });

  it("four times the keys costs about four times the time, not sixteen", () => {
    const time = (n: number) => {
      const text = podWithLabels(n);
      importWorkload(text); // warm-up
      const t0 = performance.now();
      for (let i = 0; i < 2; i++) importWorkload(text);
      return performance.now() - t0;
    };
    const small = time(5_000);
    const large = time(20_000);
    expect(large / small).toBeLessThan(9);
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
