"use client";

import { RegionCombobox } from "./region-combobox";

export interface RegionOption {
  code: string;
  name: string;
  group: string;
}

type Props = { regions: RegionOption[]; value: string; onChange: (code: string) => void; error?: string };

/**
 * The region: one searchable control (see RegionCombobox). It is part of the calculator's chunk, not a chunk of its
 * own: the calculator turns ready (its form enabled) once its chunk has run, and a control still waiting for code of
 * its own at that point would take typing it cannot act on (e2e/whole-bill.spec.ts picks a region right away).
 */
export function RegionPicker(props: Props) {
  return <RegionCombobox {...props} />;
}
