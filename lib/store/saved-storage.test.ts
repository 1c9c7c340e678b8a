import { describe, expect, it } from "vitest";
import type { Draft } from "@/lib/scenario/draft";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import { createSavedStorage, ENTRY_PREFIX, INDEX_KEY, MAX_ENTRY_CHARS, SAVED_KEY, type SavedScenario, UNREADABLE_PREFIX } from "./saved-store";

/** localStorage in memory, with a quota in characters (keys and values, as browsers count it) and a write count. */
class FakeStorage implements Storage {
  readonly map = new Map<string, string>();
  writes = 0;
  constructor(public quota = 5_000_000) {}
  get length() {
    return this.map.size;
  }
  used() {
    let n = 0;
    for (const [k, v] of this.map) n += k.length + v.length;
    return n;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.used() - (this.map.has(k) ? k.length + this.map.get(k)!.length : 0) + k.length + v.length > this.quota)
      throw new DOMException("full", "QuotaExceededError");
    this.writes++;
    this.map.set(k, String(v));
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  clear() {
    this.map.clear();
  }
}

const entry = (id: string, workloads = 1, savedAt = 1): SavedScenario => ({
  id,
  draft: {
    ...(DEFAULT_SCENARIO as Draft),
    name: id,
    workloads: Array.from({ length: workloads }, (_, i) => ({ name: `w${i}`, vcpu: 1, memoryGiB: 2, tasks: 1 })),
  },
  link: `v2.${id}`,
  savedAt,
});
/** The JSON of one workload above is about 50 characters: this many make an entry of about `chars`. */
const workloadsFor = (chars: number) => Math.ceil(chars / 50);

function setup(store: FakeStorage) {
  const state: { notStored?: unknown; unreadable?: string[]; storageFailed?: boolean } = {};
  const storage = createSavedStorage(
    () => store,
    (patch) => Object.assign(state, patch),
  );
  const load = () => {
    const { scenarios, unreadable } = (storage.getItem("x") as { state: { scenarios: SavedScenario[]; unreadable: string[] } }).state;
    state.unreadable = unreadable;
    return scenarios;
  };
  const save = (scenarios: SavedScenario[]) => storage.setItem("x", { state: { scenarios }, version: 1 });
  return { state, load, save };
}

const oldList = (scenarios: SavedScenario[]) => JSON.stringify({ state: { scenarios }, version: 1 });

describe("saved scenarios in localStorage (issue 19, item 1: saved work wiped by big links)", () => {
  it("the previous one-key list loads unchanged, even above the old 4,000,000-character limit, and moves to one key per entry", () => {
    const store = new FakeStorage(10_000_000);
    const small = ["a", "b", "c", "d"].map((id, i) => entry(id, 1, i + 1));
    const big = entry("big", workloadsFor(900_000), 9); // with the others' 4 x ~900 characters: the list is ~4.5 M characters
    const bigs = [
      big,
      { ...big, id: "big2", savedAt: 10 },
      { ...big, id: "big3", savedAt: 11 },
      { ...big, id: "big4", savedAt: 12 },
      { ...big, id: "big5", savedAt: 13 },
    ];
    const list = [...small, ...bigs];
    store.setItem(SAVED_KEY, oldList(list));
    expect(store.getItem(SAVED_KEY)!.length).toBeGreaterThan(4_000_000); // the old code read this as damaged, then overwrote it
    const { load, save } = setup(store);
    const loaded = load();
    expect(loaded).toEqual(list);
    save(loaded);
    expect(store.getItem(SAVED_KEY)).toBeNull();
    expect(JSON.parse(store.getItem(INDEX_KEY)!)).toEqual({ version: 2, ids: list.map((e) => e.id) });
    for (const e of list) expect(JSON.parse(store.getItem(ENTRY_PREFIX + e.id)!)).toEqual(e);
    expect(setup(store).load()).toEqual(list);
  });

  it("moving an old list that fills the storage: it is dropped once its entries are safe, never lost", () => {
    const list = ["a", "b", "c"].map((id, i) => entry(id, workloadsFor(300_000), i));
    const text = oldList(list);
    // Room for the old list and a little more: its entries cannot be written beside it.
    const store = new FakeStorage(SAVED_KEY.length + text.length + 1000);
    store.setItem(SAVED_KEY, text);
    const { load, save, state } = setup(store);
    save(load());
    expect(state.notStored ?? {}).toEqual({});
    expect(store.getItem(SAVED_KEY)).toBeNull();
    expect(setup(store).load()).toEqual(list);
  });

  it("an entry too large to keep is refused and named; the others stay, and an unchanged refused entry is not serialized again", () => {
    const store = new FakeStorage();
    const { load, save, state } = setup(store);
    const kept = [entry("a"), entry("b")];
    save(kept);
    const huge = entry("huge", workloadsFor(MAX_ENTRY_CHARS + 10_000));
    const chars = JSON.stringify(huge).length;
    expect(chars).toBeGreaterThan(MAX_ENTRY_CHARS);
    const writes = store.writes;
    save([...kept, huge]);
    expect(state.notStored).toEqual({ huge: { reason: "too-large", chars } });
    expect(store.getItem(ENTRY_PREFIX + "huge")).toBeNull();
    expect(store.writes - writes).toBe(1); // the index alone: a and b are unchanged
    expect(JSON.parse(store.getItem(INDEX_KEY)!).ids).toEqual(["a", "b"]);
    expect(load()).toEqual(kept);
    // An older, smaller form of an entry stays stored when its new form is too large (its older edits are not lost).
    const grown = { ...kept[1]!, draft: huge.draft };
    save([kept[0]!, grown]);
    expect(state.notStored).toEqual({ b: { reason: "too-large", chars: JSON.stringify(grown).length } });
    expect(load()).toEqual(kept);
  });

  it("storage full: the new entry is not stored and named, the others stay; deleting one makes room", () => {
    const first = [entry("a", workloadsFor(400_000)), entry("b", workloadsFor(400_000))];
    const store = new FakeStorage(1_000_000);
    const { load, save, state } = setup(store);
    save(first);
    const extra = entry("c", workloadsFor(400_000));
    save([...first, extra]);
    expect(state.notStored).toEqual({ c: { reason: "full", chars: JSON.stringify(extra).length } });
    expect(load()).toEqual(first);
    save([first[1]!, extra]); // a deleted
    expect(state.notStored).toEqual({});
    expect(store.getItem(ENTRY_PREFIX + "a")).toBeNull();
    expect(load()).toEqual([first[1], extra]);
  });

  it("text that cannot be read is moved aside and reported, never deleted; the readable entries load", () => {
    const store = new FakeStorage();
    const { load, save, state } = setup(store);
    save([entry("a"), entry("b")]);
    store.setItem(ENTRY_PREFIX + "b", '{"id":"b","draft":');
    expect(load()).toEqual([entry("a")]);
    expect(state.unreadable).toHaveLength(1);
    const aside = state.unreadable![0]!;
    expect(aside.startsWith(UNREADABLE_PREFIX)).toBe(true);
    expect(store.getItem(aside)).toBe('{"id":"b","draft":');
    expect(store.getItem(ENTRY_PREFIX + "b")).toBeNull();
    // Reported again at every load until the person deletes it.
    expect(setup(store).load()).toEqual([entry("a")]);
  });

  it("a damaged old list is kept aside (or, with no room to move it, where it is) and reported", () => {
    const store = new FakeStorage();
    store.setItem(SAVED_KEY, '{"state":{"scenarios":[{"id":"a"');
    const { load, state } = setup(store);
    expect(load()).toEqual([]);
    expect(store.getItem(state.unreadable![0]!)).toBe('{"state":{"scenarios":[{"id":"a"');
    const tight = new FakeStorage(SAVED_KEY.length + 40);
    tight.setItem(SAVED_KEY, "not json at all");
    const t = setup(tight);
    expect(t.load()).toEqual([]);
    expect(t.state.unreadable).toEqual([SAVED_KEY]);
    expect(tight.getItem(SAVED_KEY)).toBe("not json at all");
  });

  it("an unreadable index loses nothing: the entries are found by their keys", () => {
    const store = new FakeStorage();
    const { load, save, state } = setup(store);
    const list = [entry("a", 1, 2), entry("b", 1, 1)];
    save(list);
    store.setItem(INDEX_KEY, "garbage");
    expect(load()).toEqual([list[1], list[0]]); // oldest first without an index
    expect(state.unreadable).toHaveLength(1);
  });

  it("an entry another tab added (not in this tab's index) is kept, and deleting here removes only what was deleted here", () => {
    const store = new FakeStorage();
    const tab1 = setup(store);
    const tab2 = setup(store);
    tab1.save([entry("a")]);
    expect(tab2.load()).toEqual([entry("a")]);
    tab2.save([entry("a"), entry("b", 1, 5)]);
    tab1.save([]); // tab 1 deletes a, never having seen b
    expect(store.getItem(ENTRY_PREFIX + "a")).toBeNull();
    expect(setup(store).load()).toEqual([entry("b", 1, 5)]);
  });
});
