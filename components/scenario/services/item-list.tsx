"use client";

import { useRef } from "react";
import { buttonClass } from "@/components/ui/fields";
import { useFocusAdded } from "@/components/ui/use-focus-added";

/**
 * A service kind with any number of items (load balancers, file systems): one card of fields per item, each with its
 * Remove button, then the Add button. `fields` renders an item's fields with `set` patching that item; `testId(i)`
 * names its card.
 */
export function ItemList<T extends { name: string }>({
  items,
  onChange,
  fields,
  fresh,
  what,
  testId,
  addTestId,
}: {
  items: T[];
  onChange: (items: T[]) => void;
  fields: (item: T, i: number, set: (patch: Partial<T>) => void) => React.ReactNode;
  /** The item "+ Add" appends, given how many there are. */
  fresh: (count: number) => T;
  /** The kind in words: "load balancer" ("+ Add load balancer", "Remove load balancer web"). */
  what: string;
  testId: (i: number) => string;
  addTestId?: string;
}) {
  // Keyboard: "+ Add" moves focus to the new item's first field; "Remove" back to "+ Add" (never lost to the page).
  const focusAdded = useFocusAdded(items.length, (i) => document.querySelector(`[data-testid="${testId(i)}"]`));
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <>
      {items.map((item, i) => (
        <div key={i} className="grid grid-cols-1 gap-3 rounded-md bg-slate-50 p-2 sm:col-span-2 sm:grid-cols-2 dark:bg-slate-800/60" data-testid={testId(i)}>
          {fields(item, i, (patch) => onChange(items.map((it, j) => (j === i ? { ...it, ...patch } : it))))}
          <div className="flex items-end justify-end">
            <button
              type="button"
              className={buttonClass}
              onClick={() => {
                onChange(items.filter((_, j) => j !== i));
                addButton.current?.focus();
              }}
              aria-label={`Remove ${what} ${item.name}`}
            >
              Remove
            </button>
          </div>
        </div>
      ))}
      <div className="sm:col-span-2">
        <button
          ref={addButton}
          type="button"
          className={buttonClass}
          data-testid={addTestId}
          onClick={() => {
            focusAdded();
            onChange([...items, fresh(items.length)]);
          }}
        >
          + Add {what}
        </button>
      </div>
    </>
  );
}
