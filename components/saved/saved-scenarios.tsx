"use client";

import { useId, useState } from "react";
import { notStoredSentence } from "@/components/saved/not-stored";
import { buttonClass } from "@/components/ui/fields";
import { displayName, type SavedScenario, useSavedStore, useScenarioStore, useUndoStore } from "@/lib/store";

const smallButton = `${buttonClass} !px-2 !py-1 text-xs`;

function savedAtText(ms: number): string {
  if (!ms) return "";
  try {
    return new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  } catch {
    return "";
  }
}

/** One entry: its name (opens it), when it was saved, and rename / duplicate / delete. */
function SavedRow({ entry, current, onOpen, onDelete }: { entry: SavedScenario; current: boolean; onOpen: () => void; onDelete: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const inputId = useId();
  const name = displayName(entry);
  const rename = (text: string) => {
    const next = text.trim() || name;
    if (current) useScenarioStore.getState().update({ name: next });
    useSavedStore.getState().rename(entry.id, next);
    setEditing(null);
  };
  return (
    <li className="flex flex-wrap items-center gap-2 py-1.5" data-testid="saved-entry">
      {editing !== null ? (
        <form
          className="flex flex-1 flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            rename(editing);
          }}
        >
          <label htmlFor={inputId} className="sr-only">
            New name for {name}
          </label>
          <input
            id={inputId}
            autoFocus
            value={editing}
            maxLength={120}
            onChange={(e) => setEditing(e.target.value)}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950"
          />
          <button type="submit" className={smallButton}>
            Save name
          </button>
          <button type="button" className={smallButton} onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <button
            type="button"
            onClick={onOpen}
            aria-current={current ? "true" : undefined}
            className={`min-w-0 basis-full truncate text-left text-sm sm:basis-auto sm:flex-1 underline-offset-2 hover:underline ${current ? "font-semibold" : "text-sky-800 dark:text-sky-300"}`}
          >
            {name} {current ? <span className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">(open)</span> : null}
          </button>
          <span className="text-xs text-slate-600 dark:text-slate-400">{savedAtText(entry.savedAt)}</span>
          <button type="button" className={smallButton} onClick={() => setEditing(name)} aria-label={`Rename ${name}`}>
            Rename
          </button>
          <button type="button" className={smallButton} onClick={() => useSavedStore.getState().duplicate(entry.id)} aria-label={`Duplicate ${name}`}>
            Duplicate
          </button>
          <button type="button" className={smallButton} onClick={onDelete} aria-label={`Delete ${name}`}>
            Delete
          </button>
        </>
      )}
    </li>
  );
}

/**
 * The scenarios kept in this browser: open, rename, duplicate, delete (with undo), start a new one, clear the one on
 * screen (with undo). Nothing here replaces a scenario without a way back.
 * `part`: the page shows what could not be stored ("problems") at the top, where it is seen, and the list ("list")
 * below the calculator (issue 24 item 4: the calculator comes first); "all" shows both in one place.
 */
export function SavedScenarios({ onOpen, onNew, part = "all" }: { onOpen: (id: string) => void; onNew: () => void; part?: "problems" | "list" | "all" }) {
  const scenarios = useSavedStore((s) => s.scenarios);
  const currentId = useSavedStore((s) => s.currentId);
  const storageFailed = useSavedStore((s) => s.storageFailed);
  const notStored = useSavedStore((s) => s.notStored);
  const unreadable = useSavedStore((s) => s.unreadable);
  const unsaved = scenarios.filter((e) => notStored[e.id]);
  const clear = useScenarioStore((s) => s.clear);

  const remove = (entry: SavedScenario) => {
    const wasCurrent = entry.id === currentId;
    if (wasCurrent) {
      const next = scenarios.filter((s) => s.id !== entry.id).sort((a, b) => b.savedAt - a.savedAt)[0];
      if (next) onOpen(next.id);
      else onNew();
    }
    const removed = useSavedStore.getState().remove(entry.id);
    if (!removed) return;
    useUndoStore.getState().push({
      label: `Deleted “${displayName(entry)}”.`,
      restore: () => {
        useSavedStore.getState().restore(removed.entry, removed.index);
        if (wasCurrent) onOpen(removed.entry.id);
      },
    });
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([useSavedStore.getState().readUnreadable()], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "unreadable-saved-scenarios.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <>
      {part !== "list" && (unsaved.length || unreadable.length) ? (
        <div
          role="alert"
          className="mb-4 space-y-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 print:hidden dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          data-testid="storage-problems"
        >
          {unsaved.map((e) => (
            <p key={e.id}>{notStoredSentence(displayName(e), notStored[e.id]!)}</p>
          ))}
          {unreadable.length ? (
            <div className="flex flex-wrap items-center gap-2">
              <p className="basis-full">
                Some saved scenarios could not be read (the data this browser kept for them is damaged). Nothing was deleted: it is kept aside in this browser.
                Download it to keep a copy, or delete it once you no longer need it.
              </p>
              <button type="button" className={smallButton} onClick={download}>
                Download the unreadable data
              </button>
              <button type="button" className={smallButton} onClick={() => useSavedStore.getState().dropUnreadable()}>
                Delete it
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {part === "problems" ? null : (
        <details
          className="mb-4 rounded-lg border border-slate-200 bg-white px-4 py-2 shadow-sm print:hidden dark:border-slate-700 dark:bg-slate-900"
          data-testid="saved-scenarios"
        >
          <summary className="touch-summary cursor-pointer text-sm font-semibold">
            Saved scenarios <span className="font-normal text-slate-600 dark:text-slate-400">({scenarios.length} in this browser)</span>
          </summary>
          {storageFailed ? (
            <p role="alert" className="mt-2 text-sm text-amber-900 dark:text-amber-200">
              This browser did not let the page save (storage full or turned off). Your work stays on screen and in the share link: copy the link to keep it.
            </p>
          ) : null}
          <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800" aria-label="Saved scenarios">
            {scenarios.map((entry) => (
              <SavedRow key={entry.id} entry={entry} current={entry.id === currentId} onOpen={() => onOpen(entry.id)} onDelete={() => remove(entry)} />
            ))}
          </ul>
          <div className="mt-2 flex flex-wrap gap-2 pb-1">
            <button type="button" className={buttonClass} onClick={onNew}>
              New scenario
            </button>
            <button type="button" className={buttonClass} onClick={clear}>
              Clear this scenario
            </button>
          </div>
        </details>
      )}
    </>
  );
}
