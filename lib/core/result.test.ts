import { describe, expect, it } from "vitest";
import { fail, ok, type Result } from "./result";

describe("Result: the lib's one success/failure shape", () => {
  it("is { ok, value } or { ok, error }, and nothing else", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail({ path: "workloads.0.vcpu", message: "must be a number" })).toEqual({
      ok: false,
      error: { path: "workloads.0.vcpu", message: "must be a number" },
    });
    expect(Object.keys(ok(null))).toEqual(["ok", "value"]);
    expect(Object.keys(fail("x"))).toEqual(["ok", "error"]);
  });

  it("crosses a Web Worker or JSON unchanged (the importer and the right-sizing reader post it back)", () => {
    const results: Result<{ workloads: string[] }>[] = [ok({ workloads: ["api"] }), fail({ message: "The file is empty." })];
    for (const r of results) {
      expect(structuredClone(r)).toEqual(r);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
  });

  it("narrows on ok", () => {
    const r: Result<number> = Math.PI > 3 ? ok(1) : fail({ message: "never" });
    expect(r.ok ? r.value + 1 : r.error.message).toBe(2);
  });
});
