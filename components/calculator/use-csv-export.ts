"use client";

import { useCallback } from "react";
import type { ResultsView } from "@/lib/results";
import type { Scenario } from "@/lib/scenario";
import { useColumnsStore } from "@/lib/store";

/** Downloads the estimate on screen as CSV (the CSV code loads on first use) and says so through `setStatus`. */
export function useCsvExport(view: ResultsView | null, scenario: Scenario | null, setStatus: (s: string) => void) {
  const { managedInstances: showMi, ec2: showEc2 } = useColumnsStore();
  return useCallback(async () => {
    if (!view) return;
    const { csvFileName, estimateToCsv } = await import("@/lib/export/csv");
    const csv = estimateToCsv({
      scenario: scenario ?? undefined,
      fargate: view.estimate,
      ...(showMi && view.managedInstances ? { managedInstances: view.managedInstances } : {}),
      ...(showEc2 && view.ec2 ? { ec2: view.ec2 } : {}),
    });
    const blob = new Blob([csv], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = csvFileName(view.estimate.scenario.name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(a.href);
    setStatus(`Exported ${a.download}.`);
  }, [view, scenario, setStatus, showMi, showEc2]);
}
