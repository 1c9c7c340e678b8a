import { create } from "zustand";
import { persist, type PersistStorage } from "zustand/middleware";
import type { Draft } from "@/lib/scenario";

/**
 * The scenarios this browser keeps, by name, in localStorage (zustand `persist`). Each entry holds the draft as typed
 * (unfinished edits included) and the share link last written for it, so opening that link again in this browser
 * opens the entry with its newer edits instead of a copy. Nothing is ever dropped to make room: when localStorage is
 * full, the write fails, `storageFailed` says so on the page, and the entries already stored stay as they were.
 */
export interface SavedScenario {
  id: string;
  draft: Draft;
  /** The share token last written to the address bar for this entry; null while it has never been valid. */
  link: string | null;
  /** Milliseconds since the epoch of the last save. */
  savedAt: number;
}

/**
 * Where the list is kept (issue 19, item 1): an index of ids under INDEX_KEY and each entry under its own key
 * (ENTRY_PREFIX + id), so one big entry costs only its own key and a failed write never touches the others.
 */
export const INDEX_KEY = "fargate-estimator:saved-index";
export const ENTRY_PREFIX = "fargate-estimator:saved:";
/** Stored text the page could not read is moved here (+ a number), never deleted: the person is told and can download it. */
export const UNREADABLE_PREFIX = "fargate-estimator:unreadable:";
/** Where the list was kept before, as one JSON text: read, moved into the index and entries, then removed. */
export const SAVED_KEY = "fargate-estimator:scenarios";
/** Where version 2 of the app kept its single scenario; read once and moved into the list. */
export const LEGACY_KEY = "fargate-estimator:draft:v2";
/**
 * The most one entry may take in localStorage (its JSON), about a fifth of what a browser gives a site (5 million
 * characters in Chrome and Firefox): a scenario from the longest share link the page opens fits, and four such
 * entries still leave room. A larger one is not stored (the page says so); the others stay as they are.
 */
export const MAX_ENTRY_CHARS = 1_000_000;
const VERSION = 1;

/** Every key the saved list uses (another tab changing one of them means: read the list again). */
export const isSavedKey = (key: string | null) => key !== null && (key === INDEX_KEY || key === SAVED_KEY || key.startsWith(ENTRY_PREFIX));

/** Why an entry is not (or not in its latest form) in localStorage. */
export interface NotStored {
  reason: "too-large" | "full";
  /** The entry's size as JSON, in characters. */
  chars: number;
}

/** What localStorage holds, shared by every tab. Which entry a tab has open is the tab's own (sessionStorage). */
interface PersistedState {
  scenarios: SavedScenario[];
  /** Only as read (never written): the keys of stored text that could not be read. */
  unreadable?: string[];
}

/** Per tab, so two tabs never fight over "the open one" (and a reload reopens what this tab had open). */
export const CURRENT_KEY = "fargate-estimator:open-scenario";

function remember(id: string | null) {
  try {
    if (id === null) window.sessionStorage.removeItem(CURRENT_KEY);
    else window.sessionStorage.setItem(CURRENT_KEY, id);
  } catch {
    /* no session storage: a reload opens the entry saved last */
  }
}

function remembered(): string | null {
  try {
    return window.sessionStorage.getItem(CURRENT_KEY);
  } catch {
    return null;
  }
}

interface SavedState extends PersistedState {
  /** The entry on screen in this tab. */
  currentId: string | null;
  /** True once a write to localStorage failed (full or disabled): the page says so, the share link still works. */
  storageFailed: boolean;
  /** The entries whose latest form is not stored (too large, or storage full), by id: the page names them. */
  notStored: Record<string, NotStored>;
  /** Keys holding stored text that could not be read (kept aside, never deleted): the page says so. */
  unreadable: string[];
  /** The text kept aside under `unreadable`, as one download; then `dropUnreadable` removes it. */
  readUnreadable: () => string;
  dropUnreadable: () => void;
  /** Saves the draft into the current entry, creating one when there is none. */
  saveCurrent: (draft: Draft, link: string | null, now?: number) => void;
  /** Adds an entry and makes it the current one; returns its id. */
  create: (draft: Draft, link: string | null, now?: number) => string;
  setCurrent: (id: string | null) => void;
  /** After loading: the entry this tab had open (sessionStorage), else the one saved last; null when the list is empty. */
  pickCurrent: () => SavedScenario | null;
  rename: (id: string, name: string) => void;
  /** Adds a copy right after the entry (not opened); returns the copy's id, or null when there is no such entry. */
  duplicate: (id: string, now?: number) => string | null;
  /** Removes an entry; returns it and its position so it can be put back (undo). */
  remove: (id: string) => { entry: SavedScenario; index: number } | null;
  /** Puts a removed entry back where it was. */
  restore: (entry: SavedScenario, index: number) => void;
}

let counter = 0;
const newId = (now: number) => `${now.toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export const displayName = (s: SavedScenario) => (s.draft.name ?? "").trim() || "Untitled scenario";

function uniqueName(base: string, scenarios: SavedScenario[]): string {
  const names = new Set(scenarios.map((s) => (s.draft.name ?? "").trim()));
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base} ${i}`)) return `${base} ${i}`;
}

const isDraft = (d: unknown): d is Draft => typeof d === "object" && d !== null && Array.isArray((d as { workloads?: unknown }).workloads);

/** The single scenario version 2 kept (`{ draft, link }`) as the persisted list, or null when there is none. */
export function migrateLegacy(raw: string | null, now: number): string | null {
  if (!raw) return null;
  try {
    const old = JSON.parse(raw) as { draft?: unknown; link?: unknown };
    if (!old || !isDraft(old.draft)) return null;
    const entry: SavedScenario = { id: newId(now), draft: old.draft, link: typeof old.link === "string" ? old.link : null, savedAt: now };
    const state: PersistedState = { scenarios: [entry] };
    return JSON.stringify({ state, version: VERSION });
  } catch {
    return null;
  }
}

/** Keeps only well-formed entries from whatever was stored (another tab, an older build, a hand edit). */
export function sanitize(persisted: unknown): PersistedState {
  const p = (typeof persisted === "object" && persisted !== null ? persisted : {}) as Partial<PersistedState>;
  const scenarios = (Array.isArray(p.scenarios) ? p.scenarios : []).filter(
    (s): s is SavedScenario => typeof s === "object" && s !== null && typeof s.id === "string" && isDraft(s.draft),
  );
  // Well-formed entries keep their identity (the storage skips rewriting an entry it has just read).
  const fixed = scenarios.map((s) =>
    (s.link === null || typeof s.link === "string") && Number.isFinite(s.savedAt)
      ? s
      : { ...s, link: typeof s.link === "string" ? s.link : null, savedAt: Number.isFinite(s.savedAt) ? s.savedAt : 0 },
  );
  return { scenarios: fixed };
}

/** Parses stored text; undefined when it is not JSON. */
function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

const isEntry = (e: unknown): e is SavedScenario => sanitize({ scenarios: [e] }).scenarios.length === 1;

/**
 * The storage of the list: one key per entry and an index (see INDEX_KEY). Never throws (disabled storage reads as
 * empty); never deletes what it cannot read (moved under UNREADABLE_PREFIX, or left where it is when there is no room
 * to move it, and listed in `unreadable`); never drops an entry to make room. Entries are written only when they
 * changed (by object identity: the store replaces an entry's object on each change).
 */
export function createSavedStorage(storage: () => Storage, onState: (patch: Partial<SavedState>) => void): PersistStorage<PersistedState> {
  /** What this tab last read or wrote for each id. */
  const written = new Map<string, SavedScenario>();
  /** Entries refused as they are now (an unchanged refused entry is not serialized again). */
  const refused = new WeakMap<SavedScenario, NotStored>();
  /** The ids of the index as last read or written (an id leaving it is an entry deleted here: its key is removed). */
  let indexed: string[] = [];
  /** The old one-key list (SAVED_KEY), while it is still to be moved. */
  let oldList: string | null = null;

  const ls = () => {
    try {
      return storage();
    } catch {
      return null;
    }
  };

  /** Moves unreadable text aside (or leaves it where it is when there is no room); returns the key that holds it. */
  function setAside(store: Storage, key: string, raw: string): string {
    const aside = `${UNREADABLE_PREFIX}${Date.now()}-${key}`;
    try {
      store.setItem(aside, raw);
      store.removeItem(key);
      return aside;
    } catch {
      return key;
    }
  }

  function read(): PersistedState {
    const store = ls();
    if (!store) return { scenarios: [] };
    const entries: SavedScenario[] = [];
    const unreadable: string[] = [];
    const seen = new Set<string>();
    /** The entries read from their own keys (the others, from the older forms, are still to be written). */
    const fromKeys = new Set<SavedScenario>();
    const take = (e: unknown, own = false) => {
      const [entry] = sanitize({ scenarios: [e] }).scenarios;
      if (entry && !seen.has(entry.id)) {
        seen.add(entry.id);
        entries.push(entry);
        if (own) fromKeys.add(entry);
      }
    };
    const readEntry = (key: string) => {
      const raw = store.getItem(key);
      if (raw === null) return;
      const entry = parse(raw);
      if (isEntry(entry)) take(entry, true);
      else unreadable.push(setAside(store, key, raw));
    };
    // 1. The index and its entries, in the list's order.
    const indexRaw = store.getItem(INDEX_KEY);
    if (indexRaw !== null) {
      const index = parse(indexRaw) as { ids?: unknown } | undefined;
      if (index && Array.isArray(index.ids)) for (const id of index.ids) if (typeof id === "string") readEntry(ENTRY_PREFIX + id);
      // An unreadable index loses nothing: every entry is found again below.
      if (!(index && Array.isArray(index.ids))) unreadable.push(setAside(store, INDEX_KEY, indexRaw));
    }
    // 2. Entries the index does not list (another tab's write crossed this one's), oldest first.
    const orphans: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(ENTRY_PREFIX) && !seen.has(key.slice(ENTRY_PREFIX.length))) orphans.push(key);
    }
    const before = entries.length;
    for (const key of orphans) readEntry(key);
    entries.push(...entries.splice(before).sort((a, b) => a.savedAt - b.savedAt));
    // 3. The list as the previous version kept it (one key), then version 2's single scenario.
    oldList = store.getItem(SAVED_KEY);
    if (oldList !== null) {
      const old = parse(oldList) as { state?: unknown } | undefined;
      if (old && typeof old === "object" && old.state !== undefined) sanitize(old.state).scenarios.forEach((e) => take(e));
      else {
        unreadable.push(setAside(store, SAVED_KEY, oldList));
        oldList = null;
      }
    } else {
      const legacy = migrateLegacy(store.getItem(LEGACY_KEY), Date.now());
      if (legacy) sanitize((JSON.parse(legacy) as { state: unknown }).state).scenarios.forEach((e) => take(e));
    }
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(UNREADABLE_PREFIX) && !unreadable.includes(key)) unreadable.push(key);
    }
    written.clear();
    for (const e of fromKeys) written.set(e.id, e);
    indexed = [...fromKeys].map((e) => e.id);
    // Returned with the list (merged by `persist`), not set here: a store update now would write the list before it loaded.
    return { scenarios: entries, unreadable: unreadable.sort() };
  }

  /** Whether `storageFailed` was already set (once is enough). */
  let failedOnce = false;
  /** What `notStored` last said (the store is updated only when it changes). */
  let lastNotStored = "{}";
  /** True while writing: `onState` updates the store, which asks to write again. */
  let writing = false;

  function write(state: PersistedState) {
    if (writing) return;
    writing = true;
    try {
      writeNow(state);
    } finally {
      writing = false;
    }
  }

  function writeNow({ scenarios }: PersistedState) {
    const store = ls();
    if (!store) {
      if (!failedOnce) onState({ storageFailed: true });
      failedOnce = true;
      return;
    }
    const notStored: Record<string, NotStored> = {};
    const ids: string[] = [];
    let full = false;
    const put = (e: SavedScenario): boolean => {
      if (written.get(e.id) === e) return true;
      const known = refused.get(e);
      if (known?.reason === "too-large") return false;
      const text = JSON.stringify(e);
      if (text.length > MAX_ENTRY_CHARS) {
        refused.set(e, { reason: "too-large", chars: text.length });
        return false;
      }
      try {
        store.setItem(ENTRY_PREFIX + e.id, text);
        written.set(e.id, e);
        refused.delete(e);
        return true;
      } catch {
        refused.set(e, { reason: "full", chars: text.length });
        full = true;
        return false;
      }
    };
    // First the entries deleted here (not those another tab added meanwhile, which this tab never saw).
    const kept = new Set(scenarios.map((e) => e.id));
    for (const id of indexed)
      if (!kept.has(id)) {
        try {
          store.removeItem(ENTRY_PREFIX + id);
        } catch {
          /* nothing to do */
        }
        written.delete(id);
      }
    let failed = scenarios.filter((e) => !put(e));
    // Moving the old one-key list: its own text may be what leaves no room. Every entry of it is in this list (in
    // memory) and the ones written are safe: drop it and write the rest; if they still do not fit, put it back.
    if (oldList !== null && failed.some((e) => refused.get(e)?.reason === "full")) {
      try {
        store.removeItem(SAVED_KEY);
        failed = failed.filter((e) => !put(e));
        if (failed.some((e) => refused.get(e)?.reason === "full")) store.setItem(SAVED_KEY, oldList);
        else oldList = null;
      } catch {
        /* left as it was: read again at the next load */
      }
    }
    for (const e of failed) notStored[e.id] = refused.get(e)!;
    for (const e of scenarios) if (!notStored[e.id] || written.has(e.id)) ids.push(e.id);
    try {
      store.setItem(INDEX_KEY, JSON.stringify({ version: 2, ids }));
      indexed = ids;
      if (oldList !== null && failed.length === 0) {
        store.removeItem(SAVED_KEY);
        oldList = null;
      }
      store.removeItem(LEGACY_KEY);
    } catch {
      full = true;
    }
    const told = JSON.stringify(notStored);
    if (told !== lastNotStored || (full && !failedOnce)) onState({ notStored, ...(full ? { storageFailed: true } : {}) });
    lastNotStored = told;
    failedOnce ||= full;
  }

  return {
    getItem: () => ({ state: read(), version: VERSION }),
    setItem: (_name, value) => write(value.state),
    removeItem: () => {
      const store = ls();
      try {
        for (const id of indexed) store?.removeItem(ENTRY_PREFIX + id);
        store?.removeItem(INDEX_KEY);
      } catch {
        /* nothing to do */
      }
    },
  };
}

/** The text kept aside under `keys`, as one JSON object (key: text); keys gone meanwhile are left out. */
function readAside(storage: () => Storage, keys: string[]): string {
  const out: Record<string, string> = {};
  try {
    for (const key of keys) {
      const raw = storage().getItem(key);
      if (raw !== null) out[key] = raw;
    }
  } catch {
    /* what could be read */
  }
  return JSON.stringify(out);
}

const local = () => window.localStorage;

export const useSavedStore = create<SavedState>()(
  persist(
    (set, get) => ({
      scenarios: [],
      currentId: null,
      storageFailed: false,
      notStored: {},
      unreadable: [],
      readUnreadable: () => readAside(local, get().unreadable),
      dropUnreadable: () => {
        try {
          for (const key of get().unreadable) local().removeItem(key);
        } catch {
          /* nothing to do */
        }
        set({ unreadable: [] });
      },
      saveCurrent: (draft, link, now = Date.now()) => {
        const { scenarios, currentId } = get();
        if (currentId !== null && scenarios.some((s) => s.id === currentId)) {
          set({ scenarios: scenarios.map((s) => (s.id === currentId ? { ...s, draft, link, savedAt: now } : s)) });
        } else get().create(draft, link, now);
      },
      create: (draft, link, now = Date.now()) => {
        const entry: SavedScenario = { id: newId(now), draft, link, savedAt: now };
        set((s) => ({ scenarios: [...s.scenarios, entry], currentId: entry.id }));
        remember(entry.id);
        return entry.id;
      },
      setCurrent: (currentId) => {
        set({ currentId });
        remember(currentId);
      },
      pickCurrent: () => {
        const { scenarios } = get();
        const id = remembered();
        const entry = scenarios.find((s) => s.id === id) ?? [...scenarios].sort((a, b) => b.savedAt - a.savedAt)[0] ?? null;
        get().setCurrent(entry?.id ?? null);
        return entry;
      },
      rename: (id, name) => set((s) => ({ scenarios: s.scenarios.map((e) => (e.id === id ? { ...e, draft: { ...e.draft, name } } : e)) })),
      duplicate: (id, now = Date.now()) => {
        const { scenarios } = get();
        const index = scenarios.findIndex((s) => s.id === id);
        const source = scenarios[index];
        if (!source) return null;
        const copy: SavedScenario = {
          id: newId(now),
          draft: { ...source.draft, name: uniqueName(`${displayName(source)} copy`, scenarios) },
          link: null,
          savedAt: now,
        };
        set({ scenarios: [...scenarios.slice(0, index + 1), copy, ...scenarios.slice(index + 1)] });
        return copy.id;
      },
      remove: (id) => {
        const { scenarios, currentId } = get();
        const index = scenarios.findIndex((s) => s.id === id);
        const entry = scenarios[index];
        if (!entry) return null;
        set({ scenarios: scenarios.filter((s) => s.id !== id), currentId: currentId === id ? null : currentId });
        return { entry, index };
      },
      restore: (entry, index) =>
        set((s) => (s.scenarios.some((e) => e.id === entry.id) ? {} : { scenarios: [...s.scenarios.slice(0, index), entry, ...s.scenarios.slice(index)] })),
    }),
    {
      name: SAVED_KEY,
      version: VERSION,
      storage: createSavedStorage(local, (patch) => useSavedStore.setState(patch)),
      // Loaded when the calculator mounts (after the server-rendered default), never during server rendering.
      skipHydration: true,
      partialize: (s): PersistedState => ({ scenarios: s.scenarios }),
      merge: (persisted, current) => {
        const unreadable = (persisted as PersistedState | undefined)?.unreadable;
        return { ...current, ...sanitize(persisted), unreadable: Array.isArray(unreadable) ? unreadable : [] };
      },
    },
  ),
);
