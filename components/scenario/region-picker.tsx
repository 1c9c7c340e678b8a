"use client";

import { useId, useMemo, useState } from "react";
import { SelectField } from "@/components/ui/fields";

export interface RegionOption {
  code: string;
  name: string;
  group: string;
}

/** Every catalog region, grouped by area, with a filter box (matches code or name). */
export function RegionPicker({ regions, value, onChange, error }: { regions: RegionOption[]; value: string; onChange: (code: string) => void; error?: string }) {
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const groups = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const byGroup = new Map<string, RegionOption[]>();
    for (const r of regions) {
      if (f && !`${r.code} ${r.name} ${r.group}`.toLowerCase().includes(f) && r.code !== value) continue;
      byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
    }
    return [...byGroup.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, rs]) => ({ label, options: rs.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })) }));
  }, [regions, filter, value]);
  const known = regions.some((r) => r.code === value);
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-[10rem_1fr]">
      <div>
        <label htmlFor={filterId} className="block text-sm font-medium">
          Find region
        </label>
        <input
          id={filterId}
          type="search"
          placeholder="e.g. Frankfurt"
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-600 dark:bg-slate-900"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <SelectField
        label="Region"
        value={value}
        onChange={onChange}
        error={error}
        testId="region"
        options={known ? undefined : [{ value, label: `${value} (unknown)` }]}
        groups={groups}
      />
    </div>
  );
}
