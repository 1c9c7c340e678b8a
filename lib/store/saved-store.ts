import { create } from "zustand";
import { createJSONStorage, persist, type StateStorage } from "zustand/middleware";
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

export const SAVED_KEY = "fargate-estimator:scenarios";
/** Where version 2 of the app kept its single scenario; read once and moved into the list. */
export const LEGACY_KEY = "fargate-estimator:draft:v2";
/** Stored text above this is taken as damaged (localStorage holds about 5 MB per site). */
const MAX_STORED_CHARS = 4_000_000;
const VERSION = 1;

/** What localStorage holds, shared by every tab. Which entry a tab has open is the tab's own (sessionStorage). */
interface PersistedState {
  scenarios: SavedScenario[];
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
  if (!raw || raw.length > MAX_STORED_CHARS) return null;
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
  const fixed = scenarios.map((s) => ({ ...s, link: typeof s.link === "string" ? s.link : null, savedAt: Number.isFinite(s.savedAt) ? s.savedAt : 0 }));
  return { scenarios: fixed };
}

/**
 * localStorage that never throws: disabled storage (some private modes throw on access) reads as empty and a full
 * one fails the write quietly, flagging `storageFailed`. The first read moves the version-2 single scenario over.
 */
const safeStorage: StateStorage = {
  getItem: (name) => {
    try {
      const raw = window.localStorage.getItem(name);
      if (raw !== null) return raw.length > MAX_STORED_CHARS ? null : raw;
      return migrateLegacy(window.localStorage.getItem(LEGACY_KEY), Date.now());
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      window.localStorage.setItem(name, value);
      window.localStorage.removeItem(LEGACY_KEY);
    } catch {
      if (!useSavedStore.getState().storageFailed) useSavedStore.setState({ storageFailed: true });
    }
  },
  removeItem: (name) => {
    try {
      window.localStorage.removeItem(name);
    } catch {
      /* nothing to do */
    }
  },
};

export const useSavedStore = create<SavedState>()(
  persist(
    (set, get) => ({
      scenarios: [],
      currentId: null,
      storageFailed: false,
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
      storage: createJSONStorage(() => safeStorage),
      // Loaded when the calculator mounts (after the server-rendered default), never during server rendering.
      skipHydration: true,
      partialize: (s): PersistedState => ({ scenarios: s.scenarios }),
      merge: (persisted, current) => ({ ...current, ...sanitize(persisted) }),
    },
  ),
);
