"use client";

import { useId, useState } from "react";
import { parseTypedNumber } from "@/lib/core";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 dark:border-slate-600 dark:bg-slate-900 dark:disabled:bg-slate-800 dark:disabled:text-slate-400";
const errorInputClass = "border-red-600 dark:border-red-400";

function FieldMessages({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  return (
    <>
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </>
  );
}

const describedBy = (id: string, error?: string, hint?: string) => (error ? `${id}-error` : hint ? `${id}-hint` : undefined);

export interface NumberFieldProps {
  label: string;
  value: number | string | undefined;
  onChange: (value: number | string) => void;
  error?: string;
  hint?: string;
  /** Suggestions shown by the browser (valid sizes). */
  suggestions?: readonly number[];
  disabled?: boolean;
  step?: number | "any";
  min?: number;
  max?: number;
  testId?: string;
  /** A control shown right of the input, on its line (a unit picker: see UnitSelect). */
  addon?: React.ReactNode;
}

/**
 * A numeric input that never loses what was typed: the text is kept as typed, and the store receives a number
 * when the text is one, or the raw text otherwise (validation then names the problem).
 */
export function NumberField({ label, value, onChange, error, hint, suggestions, disabled, step = "any", min, max, testId, addon }: NumberFieldProps) {
  const id = useId();
  const external = value === undefined ? "" : String(value);
  const [text, setText] = useState(external);
  const [seen, setSeen] = useState(external);
  // Follow outside changes (import, share link, reset) without fighting the user's own typing ("1." stays "1.").
  if (external !== seen) {
    setSeen(external);
    if (!(parseTypedNumber(text) !== null && parseTypedNumber(text) === parseTypedNumber(external))) setText(external);
  }
  const listId = suggestions?.length ? `${id}-list` : undefined;
  const input = (
    <input
      id={id}
      data-testid={testId}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      className={`${inputClass} ${error ? errorInputClass : ""} ${addon ? "mt-0! min-w-0 flex-1" : ""}`}
      value={text}
      disabled={disabled}
      list={listId}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, error, hint)}
      data-min={min}
      data-max={max}
      data-step={step}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        // "1,000" is a thousand (grouping marks are read as such: lib/core parseTypedNumber).
        onChange(parseTypedNumber(t) ?? t);
      }}
    />
  );
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {addon ? (
        <div className="mt-1 flex items-center gap-2">
          {input}
          {addon}
        </div>
      ) : (
        input
      )}
      {listId ? (
        <datalist id={listId}>
          {suggestions!.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

export function SelectField({
  label,
  value,
  options,
  onChange,
  error,
  hint,
  disabled,
  testId,
}: {
  label: string;
  value: string;
  options?: readonly Option[];
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
  testId?: string;
}) {
  const id = useId();
  const renderOption = (o: Option) => (
    <option key={o.value} value={o.value} disabled={o.disabled}>
      {o.label}
    </option>
  );
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {/* autoComplete off, as on the text fields: nothing here is worth autofilling, and Chrome's autofill rescans
          every field without it on each address-bar update (the share link): ~30 ms at 500 workloads. */}
      <select
        id={id}
        data-testid={testId}
        autoComplete="off"
        className={`${inputClass} ${error ? errorInputClass : ""}`}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options?.map(renderOption)}
      </select>
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  error,
  testId,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  testId?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        data-testid={testId}
        type="text"
        autoComplete="off"
        className={`${inputClass} ${error ? errorInputClass : ""}`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessages id={id} error={error} />
    </div>
  );
}

/** A checkbox with its label on the right and an optional hint below. */
export function CheckField({
  label,
  checked,
  onChange,
  hint,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
  hint?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          className="h-4 w-4"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          data-testid={testId}
          aria-describedby={describedBy(id, undefined, hint)}
        />
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
      </div>
      <FieldMessages id={id} hint={hint} />
    </div>
  );
}

/** Related fields under a legend, with an optional hint, in one column (two from the small breakpoint). */
export function FieldGroup({ title, hint, children, testId }: { title: string; hint?: string; children: React.ReactNode; testId?: string }) {
  return (
    <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid={testId}>
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {hint ? <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export const buttonClass =
  "inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700";
export const primaryButtonClass =
  "inline-flex items-center gap-1.5 rounded-md bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-sky-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-50";
