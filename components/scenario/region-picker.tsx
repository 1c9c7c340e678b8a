"use client";

import { lazy, Suspense } from "react";

export interface RegionOption {
  code: string;
  name: string;
  group: string;
}

type Props = { regions: RegionOption[]; value: string; onChange: (code: string) => void; error?: string };

// The combobox's code loads beside the page, not in its first-load scripts: the server renders it in full (the
// fallback, a read-only field, shows only if the client renders it before the code arrives).
const RegionCombobox = lazy(() => import("./region-combobox").then((m) => ({ default: m.RegionCombobox })));

/** The same label, field and hint as the combobox (no layout shift), read-only until its code arrives. */
function RegionFallback({ value }: Props) {
  return (
    <label className="block text-sm font-medium">
      Region
      <input readOnly className="mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm dark:border-slate-600" value={value} />
      <span className="mt-1 block text-xs font-normal">&nbsp;</span>
    </label>
  );
}

/** The region: one searchable control (see RegionCombobox). */
export function RegionPicker(props: Props) {
  return (
    <Suspense fallback={<RegionFallback {...props} />}>
      <RegionCombobox {...props} />
    </Suspense>
  );
}
