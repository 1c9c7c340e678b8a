"use client";

import type { Option } from "./fields";

const unitSelectClass =
  "w-auto shrink-0 rounded-md border border-slate-300 bg-white py-1.5 pr-1 pl-1.5 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-600 dark:bg-slate-900";

/** A compact unit picker beside a number (seconds / minutes, per day / week / month), named by its aria-label. */
export function UnitSelect({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  testId?: string;
}) {
  return (
    <select aria-label={label} data-testid={testId} autoComplete="off" className={unitSelectClass} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
