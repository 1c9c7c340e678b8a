import { beforeEach, describe, expect, it } from "vitest";
import type { Draft } from "@/lib/scenario/draft";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import { migrateLegacy, sanitize, useSavedStore } from "./saved-store";
import { useScenarioStore } from "./scenario-store";
import { useUndoStore } from "./undo-store";

const draft = (name: string): Draft => ({ ...(DEFAULT_SCENARIO as Draft), name });

beforeEach(() => {
  useSavedStore.setState({ scenarios: [], currentId: null, storageFailed: false });
  useUndoStore.setState({ offer: null });
});

describe("migrateLegacy: the version-2 single scenario becomes the list", () => {
  it("keeps the draft as typed (unfinished edits included) and its link", () => {
    const old = { draft: { ...draft("old"), workloads: [{ name: "api", vcpu: "0.", memoryGiB: 2 }] }, link: "v2.abc" };
    const moved = JSON.parse(migrateLegacy(JSON.stringify(old), 1000)!);
    expect(moved.version).toBe(1);
    expect(moved.state.scenarios).toHaveLength(1);
    expect(moved.state.scenarios[0]).toMatchObject({ draft: old.draft, link: "v2.abc", savedAt: 1000 });
  });
  it.each([[null], [""], ["not json"], ['{"draft":{"name":"x"}}'], ["[]"]])("ignores what is not one (%s)", (raw) => expect(migrateLegacy(raw, 0)).toBeNull());
});

describe("sanitize", () => {
  it("keeps well-formed entries and drops the rest", () => {
    const ok = { id: "a", draft: draft("a"), link: 5, savedAt: "x" };
    expect(sanitize({ scenarios: [ok, { id: 1 }, null, { id: "b" }] })).toEqual({ scenarios: [{ ...ok, link: null, savedAt: 0 }] });
    expect(sanitize("garbage")).toEqual({ scenarios: [] });
  });
});

describe("useSavedStore", () => {
  it("saveCurrent creates the first entry, then updates it", () => {
    const s = useSavedStore.getState();
    s.saveCurrent(draft("one"), null, 1);
    s.saveCurrent(draft("one, edited"), "v2.x", 2);
    const { scenarios, currentId } = useSavedStore.getState();
    expect(scenarios).toHaveLength(1);
    expect(scenarios[0]).toMatchObject({ id: currentId, link: "v2.x", savedAt: 2, draft: { name: "one, edited" } });
  });

  it("create, rename, duplicate (unique name, not opened), remove and restore in place", () => {
    const s = useSavedStore.getState();
    const a = s.create(draft("a"), null, 1);
    const b = s.create(draft("b"), "v2.b", 2);
    expect(useSavedStore.getState().currentId).toBe(b);
    s.rename(a, "alpha");
    const c = s.duplicate(a, 3)!;
    const c2 = s.duplicate(a, 4)!;
    let names = useSavedStore.getState().scenarios.map((e) => e.draft.name);
    expect(names).toEqual(["alpha", "alpha copy 2", "alpha copy", "b"]);
    expect(useSavedStore.getState().scenarios.find((e) => e.id === c)!.link).toBeNull();
    expect(useSavedStore.getState().currentId).toBe(b);
    const removed = s.remove(c2)!;
    expect(removed.index).toBe(1);
    names = useSavedStore.getState().scenarios.map((e) => e.draft.name);
    expect(names).toEqual(["alpha", "alpha copy", "b"]);
    s.restore(removed.entry, removed.index);
    s.restore(removed.entry, removed.index); // twice is once
    expect(useSavedStore.getState().scenarios.map((e) => e.draft.name)).toEqual(["alpha", "alpha copy 2", "alpha copy", "b"]);
    expect(s.remove("nope")).toBeNull();
    s.remove(b);
    expect(useSavedStore.getState().currentId).toBeNull();
    // Without this tab's memory of what it had open, the entry saved last is picked.
    expect(s.pickCurrent()?.draft.name).toBe("alpha copy 2");
  });
});

describe("scenario store: destructive actions offer undo", () => {
  beforeEach(() => useScenarioStore.getState().replace(draft("mine")));

  it("remove a workload, then undo", () => {
    const s = useScenarioStore.getState();
    s.addWorkload();
    s.removeWorkload(1);
    expect(useScenarioStore.getState().draft.workloads).toHaveLength(1);
    expect(useUndoStore.getState().offer?.label).toBe("Removed workload “workload”.");
    expect(useUndoStore.getState().undo()).toBe(true);
    expect(useScenarioStore.getState().draft.workloads.map((w) => w.name)).toEqual(["api", "workload"]);
    expect(useUndoStore.getState().offer).toBeNull();
  });

  it("replace by import and clear, then undo each", () => {
    const s = useScenarioStore.getState();
    s.replaceWorkloads([{ name: "web", vcpu: 1, memoryGiB: 2, tasks: 1 }], "Replaced.");
    expect(useScenarioStore.getState().draft.workloads.map((w) => w.name)).toEqual(["web"]);
    useUndoStore.getState().undo();
    expect(useScenarioStore.getState().draft.workloads.map((w) => w.name)).toEqual(["api"]);
    s.update({ name: "edited" });
    useScenarioStore.getState().clear();
    expect(useScenarioStore.getState().draft.name).toBe("My scenario");
    expect(useUndoStore.getState().offer?.label).toBe("Cleared “edited”: the default scenario is shown.");
    useUndoStore.getState().undo();
    expect(useScenarioStore.getState().draft.name).toBe("edited");
  });

  it("a confirmation without restore has nothing to undo", () => {
    useUndoStore.getState().push({ label: "Already there." });
    expect(useUndoStore.getState().undo()).toBe(false);
  });
});
