"use client";

import { useId, useMemo, useRef, useState } from "react";
import { searchRegions } from "@/lib/scenario";

import type { RegionOption } from "./region-picker";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-600 dark:bg-slate-900";

const labelOf = (r: RegionOption) => `${r.name} (${r.code})`;

/**
 * One searchable control for the region: an ARIA 1.2 combobox (an input with a list of suggestions). Typing filters
 * by code, name or area ("Frank" finds eu-central-1); Down/Up move through the list, Enter picks, Escape closes and
 * restores the current region; a click picks too. The scenario changes only when a region is picked.
 */
export function RegionCombobox({
  regions,
  value,
  onChange,
  error,
}: {
  regions: RegionOption[];
  value: string;
  onChange: (code: string) => void;
  error?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const current = regions.find((r) => r.code === value);
  const currentText = current ? labelOf(current) : `${value} (unknown)`;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const matches = useMemo(() => searchRegions(regions, query ?? ""), [regions, query]);

  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const pick = (r: RegionOption | undefined) => {
    if (r && r.code !== value) onChange(r.code);
    close();
  };
  const move = (to: number) => {
    const next = Math.max(0, Math.min(matches.length - 1, to));
    setActive(next);
    listRef.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView({ block: "nearest" });
  };
  const describedBy = error ? `${id}-error` : `${id}-hint`;
  const activeOption = open && matches[active] ? `${id}-opt-${active}` : undefined;

  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium">
        Region
      </label>
      <input
        id={id}
        data-testid="region"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        className={`${inputClass} ${error ? "border-red-600 dark:border-red-400" : ""}`}
        value={query ?? currentText}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        // Leaving the field with exactly one match picks it ("Frank" then Tab); otherwise the region stays as it was.
        onBlur={() => (query !== null && query.trim() && matches.length === 1 ? pick(matches[0]) : close())}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            if (!open) {
              setOpen(true);
              setActive(
                Math.max(
                  0,
                  matches.findIndex((r) => r.code === value),
                ),
              );
            } else move(active + 1);
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            if (open) move(active - 1);
          } else if (e.key === "Enter") {
            if (open) {
              e.preventDefault();
              pick(matches[active]);
            }
          } else if (e.key === "Escape") {
            if (open || query !== null) {
              e.preventDefault();
              close();
            }
          } else if (e.key === "Home" && open) {
            e.preventDefault();
            move(0);
          } else if (e.key === "End" && open) {
            e.preventDefault();
            move(matches.length - 1);
          }
        }}
      />
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label="Regions"
        hidden={!open}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900"
      >
        {matches.length === 0 ? (
          <li role="option" aria-disabled="true" aria-selected={false} className="px-2.5 py-1.5 text-slate-600 dark:text-slate-300">
            No region matches “{query}”.
          </li>
        ) : (
          matches.map((r, i) => (
            <li
              key={r.code}
              id={`${id}-opt-${i}`}
              data-index={i}
              role="option"
              aria-selected={i === active}
              className={`flex cursor-pointer justify-between gap-2 px-2.5 py-1.5 ${i === active ? "bg-sky-100 text-sky-950 dark:bg-sky-800 dark:text-white" : ""}`}
              // mousedown, not click: the input's blur would close the list before the click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(r);
              }}
              onMouseMove={() => setActive(i)}
            >
              <span>
                {r.name} <span className="text-slate-600 dark:text-slate-300">({r.code})</span>
              </span>
              <span className="text-xs text-slate-600 dark:text-slate-300">{r.group}</span>
            </li>
          ))
        )}
      </ul>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Type a city, country or code (e.g. Frankfurt), then pick with ↓ and Enter.
        </p>
      )}
    </div>
  );
}
