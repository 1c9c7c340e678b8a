import { describe, expect, it } from "vitest";
import { importWorkload } from "./import";

import { podWithLabels } from "../../e2e/perf";

/** How the time grows with the key count is measured by `npm run bench` (yamlImport20k, yamlKeysRatio), not gated here. */
describe("YAML import is linear in the key count (issue 10 item 9)", () => {
  it("a 40,000-key Pod imports (the quadratic duplicate-key check took 7.9 s; how long it takes now is a timing)", () => {
    const r = importWorkload(podWithLabels(40_000));
    expect(r.ok).toBe(true);
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
