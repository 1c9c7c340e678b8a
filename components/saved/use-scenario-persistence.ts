"use client";

import { useCallback, useEffect, useRef } from "react";
import { fargateCatalog } from "@/lib/catalog";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import type { Draft } from "@/lib/scenario/draft";
import { readShareHash, SHARE_PARAM } from "@/lib/scenario/url";
import { displayName, SAVED_KEY, useSavedStore, type SavedScenario } from "@/lib/store/saved-store";
import { useScenarioStore } from "@/lib/store/scenario-store";
import { useUndoStore } from "@/lib/store/undo-store";

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

/**
 * Loading and keeping scenarios in this browser. A share link never replaces a saved scenario: it opens as a new
 * entry of the saved list (or, when it is the link this browser last wrote for an entry, that entry with its newer
 * edits); a broken link leaves the saved scenario on screen. `lastLink` is the share token in the address bar for
 * what is on screen; `loaded` turns true once the first load is done, so nothing is written before it.
 */
export function useScenarioPersistence() {
  const replace = useScenarioStore((s) => s.replace);
  const setNotice = useScenarioStore((s) => s.setNotice);
  const loaded = useRef(false);
  const lastLink = useRef<string | null>(null);

  /** Saves what is on screen into its entry now (before another scenario takes the editor). */
  const flush = useCallback(() => {
    if (!loaded.current) return;
    const draft = useScenarioStore.getState().draft;
    const saved = useSavedStore.getState();
    const current = saved.scenarios.find((s) => s.id === saved.currentId);
    if (!current || current.draft !== draft) saved.saveCurrent(draft, lastLink.current);
  }, []);

  const show = useCallback(
    (entry: SavedScenario) => {
      // An undo offered for the scenario on screen must not act on another one.
      useUndoStore.getState().dismiss();
      useSavedStore.getState().setCurrent(entry.id);
      replace(entry.draft);
      lastLink.current = entry.link;
    },
    [replace],
  );

  /** Opens a saved entry (from the list): its link goes to the address bar, or none while it has never been valid. */
  const open = useCallback(
    (id: string) => {
      flush();
      const entry = useSavedStore.getState().scenarios.find((s) => s.id === id);
      if (!entry) return;
      show(entry);
      setHash(entry.link);
      setNotice(null);
    },
    [flush, show, setNotice],
  );

  /** Starts a new entry from the default scenario; the one on screen stays in the list. */
  const startNew = useCallback(() => {
    flush();
    const draft = DEFAULT_SCENARIO as Draft;
    useUndoStore.getState().dismiss();
    useSavedStore.getState().create(draft, null);
    replace(draft);
    lastLink.current = null;
    setHash(null);
    setNotice(null);
  }, [flush, replace, setNotice]);

  useEffect(() => {
    let live = true;
    const load = (hash: string) => {
      const saved = useSavedStore.getState();
      const current = saved.scenarios.find((s) => s.id === saved.currentId) ?? saved.pickCurrent();
      const token = tokenOf(hash);
      if (token === null) {
        if (current) show(current);
        return;
      }
      const own = saved.scenarios.find((s) => s.link === token);
      if (own) {
        show(own);
        return;
      }
      const decoded = readShareHash(hash, fargateCatalog);
      if (decoded?.ok) {
        const draft = decoded.scenario as Draft;
        const others = saved.scenarios.length;
        saved.create(draft, token);
        replace(draft);
        lastLink.current = token;
        const parts = [
          decoded.migratedFrom !== undefined ? `This link uses an older format (v${decoded.migratedFrom}); it was opened and updated to the current one.` : "",
          others ? `The shared scenario “${draft.name || "Untitled scenario"}” opened as a new entry; your ${others === 1 ? "saved scenario is" : `${others} saved scenarios are`} kept under Saved scenarios.` : "",
        ].filter(Boolean);
        setNotice(parts.length ? { kind: "info", text: parts.join(" ") } : null);
      } else {
        const why = `This share link could not be opened: ${decoded?.message ?? "it is empty."}`;
        if (current) {
          show(current);
          setNotice({ kind: "error", text: `${why} Your saved scenario “${displayName(current)}” is shown instead; nothing was replaced.` });
        } else {
          replace(DEFAULT_SCENARIO as Draft);
          lastLink.current = null;
          setNotice({ kind: "error", text: `${why} The default scenario is shown instead.` });
        }
      }
    };
    Promise.resolve(useSavedStore.persist.rehydrate()).finally(() => {
      if (!live) return;
      load(window.location.hash);
      loaded.current = true;
    });
    // The event's own URL, not the address bar: a pending update of ours may have rewritten it meanwhile.
    const onHashChange = (e: HashChangeEvent) => {
      const hash = new URL(e.newURL).hash;
      if (tokenOf(hash) !== lastLink.current) {
        flush();
        load(hash);
        window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}${hash}`);
      }
    };
    // Another tab changed the list (opened a link, renamed, deleted): take its list, keep this tab's open entry.
    // Reading never writes back, so two tabs do not echo each other.
    const onStorage = (e: StorageEvent) => {
      if (e.key === SAVED_KEY && loaded.current) void useSavedStore.persist.rehydrate();
    };
    window.addEventListener("hashchange", onHashChange);
    window.addEventListener("storage", onStorage);
    return () => {
      live = false;
      window.removeEventListener("hashchange", onHashChange);
      window.removeEventListener("storage", onStorage);
    };
  }, [replace, setNotice, show, flush]);

  /** Keeps the current entry in step with the editor (call after the URL is written, so the entry has its link). */
  const save = useCallback((draft: Draft) => {
    if (!loaded.current) return;
    const saved = useSavedStore.getState();
    const current = saved.scenarios.find((s) => s.id === saved.currentId);
    if (current && current.draft === draft && current.link === lastLink.current) return;
    saved.saveCurrent(draft, lastLink.current);
  }, []);

  return { loaded, lastLink, open, startNew, save };
}
