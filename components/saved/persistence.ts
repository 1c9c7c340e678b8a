/**
 * Loading and keeping scenarios in this browser (loaded after the page, outside the first-load budget). A share link
 * never replaces a saved scenario: it opens as a new entry of the saved list (or, when it is the link this browser
 * last wrote for an entry, that entry with its newer edits); a broken link leaves the saved scenario on screen.
 */
import { fargateCatalog } from "@/lib/catalog/fargate";
import { DEFAULT_SCENARIO, type Draft, MAX_PAGE_WORKLOADS, readShareHash, SHARE_PARAM } from "@/lib/scenario";
import { notStoredSentence } from "./not-stored";
import { displayName, isSavedKey, type SavedScenario, useSavedStore, useScenarioStore, useUndoStore } from "@/lib/store";

/** Shared with the calculator: `lastLink` is the share token in the address bar for what is on screen; `loaded`
 * turns true once the first load is done, so nothing is written before it. */
export interface PersistenceRefs {
  loaded: { current: boolean };
  lastLink: { current: string | null };
  /**
   * The default scenario a broken share link left on screen (a first visit: nothing saved to show instead), until the
   * person changes it: it is not saved and the address bar keeps the link the notice talks about.
   */
  held?: { current: Draft | null };
}

/** The share token in a URL hash, or null; the codec's own reader applies its size limit. */
function tokenOf(hash: string): string | null {
  try {
    return new URLSearchParams(hash.replace(/^#/, "")).get(SHARE_PARAM);
  } catch {
    return null;
  }
}

const setHash = (link: string | null) =>
  window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}${link ? `#${SHARE_PARAM}=${link}` : ""}`);

function show(entry: SavedScenario, refs: PersistenceRefs) {
  // An undo offered for the scenario on screen must not act on another one.
  useUndoStore.getState().dismiss();
  useSavedStore.getState().setCurrent(entry.id);
  useScenarioStore.getState().replace(entry.draft);
  refs.lastLink.current = entry.link;
}

/** Keeps the current entry in step with the editor (called after the URL is written, so the entry has its link). */
export function save(draft: Draft, refs: PersistenceRefs) {
  if (!refs.loaded.current || (refs.held?.current && refs.held.current === draft)) return;
  const saved = useSavedStore.getState();
  const current = saved.scenarios.find((s) => s.id === saved.currentId);
  if (current && current.draft === draft && current.link === refs.lastLink.current) return;
  saved.saveCurrent(draft, refs.lastLink.current);
}

/** Saves what is on screen into its entry now (before another scenario takes the editor). */
const flush = (refs: PersistenceRefs) => save(useScenarioStore.getState().draft, refs);

/** Opens a saved entry (from the list): its link goes to the address bar, or none while it has never been valid. */
export function open(id: string, refs: PersistenceRefs) {
  flush(refs);
  const entry = useSavedStore.getState().scenarios.find((s) => s.id === id);
  if (!entry) return;
  show(entry, refs);
  setHash(entry.link);
  useScenarioStore.getState().setNotice(null);
}

/** Starts a new entry from the default scenario; the one on screen stays in the list. */
export function startNew(refs: PersistenceRefs) {
  flush(refs);
  const draft = DEFAULT_SCENARIO as Draft;
  useUndoStore.getState().dismiss();
  useSavedStore.getState().create(draft, null);
  useScenarioStore.getState().replace(draft);
  refs.lastLink.current = null;
  setHash(null);
  useScenarioStore.getState().setNotice(null);
}

/**
 * Opens a scenario made on the page (built from a bill) as a new saved entry beside the others, as a share link does:
 * the scenario on screen is saved first and stays in the list under its name. Offers to undo (the new entry goes, the
 * previous one opens again); returns the undo, so a button beside the action can run it too.
 */
export function openAsNew(draft: Draft, refs: PersistenceRefs): () => void {
  flush(refs);
  const saved = useSavedStore.getState();
  const previous = saved.scenarios.find((s) => s.id === saved.currentId) ?? null;
  const id = saved.create(draft, null);
  useScenarioStore.getState().replace(draft);
  refs.lastLink.current = null;
  setHash(null);
  useScenarioStore.getState().setNotice(null);
  const restore = () => {
    // Back to the previous entry (it was saved just above); the built one is removed. Nothing to go back to: no-op.
    const back = previous && useSavedStore.getState().scenarios.find((s) => s.id === previous.id);
    if (!back) return;
    useSavedStore.getState().remove(id);
    show(back, refs);
    setHash(back.link);
  };
  const name = draft.name || "Untitled scenario";
  useUndoStore.getState().push({
    label: previous
      ? `Opened “${name}” as a new saved scenario; “${displayName(previous)}” is kept under Saved scenarios.`
      : `Opened “${name}” as a new saved scenario.`,
    restore,
  });
  return () => {
    useUndoStore.getState().dismiss();
    restore();
  };
}

function load(hash: string, refs: PersistenceRefs) {
  const { replace, setNotice } = useScenarioStore.getState();
  if (refs.held) refs.held.current = null;
  const saved = useSavedStore.getState();
  const current = saved.scenarios.find((s) => s.id === saved.currentId) ?? saved.pickCurrent();
  const token = tokenOf(hash);
  if (token === null) {
    if (current) show(current, refs);
    return;
  }
  const own = saved.scenarios.find((s) => s.link === token);
  if (own) return show(own, refs);
  const decoded = readShareHash(hash, fargateCatalog, { maxWorkloads: MAX_PAGE_WORKLOADS });
  if (decoded?.ok) {
    const draft = decoded.value.scenario as Draft;
    const others = saved.scenarios.length;
    useUndoStore.getState().dismiss();
    const id = saved.create(draft, token);
    replace(draft);
    refs.lastLink.current = token;
    const notStored = useSavedStore.getState().notStored[id];
    const parts = [
      decoded.value.migratedFrom !== undefined
        ? `This link uses an older format (v${decoded.value.migratedFrom}); it was opened and updated to the current one.`
        : "",
      others
        ? `The shared scenario “${draft.name || "Untitled scenario"}” opened as a new entry; your ${others === 1 ? "saved scenario is" : `${others} saved scenarios are`} kept under Saved scenarios.`
        : "",
      notStored ? notStoredSentence(draft.name || "Untitled scenario", notStored) : "",
    ].filter(Boolean);
    setNotice(parts.length ? { kind: notStored ? "error" : "info", text: parts.join(" ") } : null);
    return;
  }
  const why = `This share link could not be opened: ${decoded?.error.message ?? "it is empty."}`;
  if (current) {
    show(current, refs);
    setNotice({ kind: "error", text: `${why} Your saved scenario “${displayName(current)}” is shown instead; nothing was replaced.` });
  } else {
    replace(DEFAULT_SCENARIO as Draft);
    refs.lastLink.current = null;
    if (refs.held) refs.held.current = useScenarioStore.getState().draft;
    setNotice({ kind: "error", text: `${why} The default scenario is shown instead.` });
  }
}

/** Loads the saved list and the address bar's link, then follows pasted links and other tabs; returns a stop function. */
export function start(refs: PersistenceRefs, onLoaded?: () => void): () => void {
  let live = true;
  Promise.resolve(useSavedStore.persist.rehydrate()).finally(() => {
    if (!live) return;
    load(window.location.hash, refs);
    refs.loaded.current = true;
    onLoaded?.();
  });
  // The event's own URL, not the address bar: a pending update of ours may have rewritten it meanwhile.
  const onHashChange = (e: HashChangeEvent) => {
    const hash = new URL(e.newURL).hash;
    if (tokenOf(hash) !== refs.lastLink.current) {
      flush(refs);
      load(hash, refs);
      window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}${hash}`);
    }
  };
  // Another tab changed the list (opened a link, renamed, deleted): take its list, keep this tab's open entry.
  // Reading never writes back, so two tabs do not echo each other.
  const onStorage = (e: StorageEvent) => {
    if (isSavedKey(e.key) && refs.loaded.current) void useSavedStore.persist.rehydrate();
  };
  // Leaving the page (a tab closed, another address typed, a phone switching apps) must not lose the last edit,
  // which is otherwise saved once typing pauses and the browser is idle.
  const onLeave = () => {
    if (document.visibilityState === "hidden") flush(refs);
  };
  const onPageHide = () => flush(refs);
  window.addEventListener("hashchange", onHashChange);
  window.addEventListener("storage", onStorage);
  window.addEventListener("pagehide", onPageHide);
  document.addEventListener("visibilitychange", onLeave);
  return () => {
    live = false;
    window.removeEventListener("hashchange", onHashChange);
    window.removeEventListener("storage", onStorage);
    window.removeEventListener("pagehide", onPageHide);
    document.removeEventListener("visibilitychange", onLeave);
  };
}
