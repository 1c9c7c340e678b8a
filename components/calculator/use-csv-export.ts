"use client";

import { useCallback, useEffect, useRef } from "react";
import type { ResultsView } from "@/lib/results";
import type { Scenario } from "@/lib/scenario";
import { useColumnsStore } from "@/lib/store";

/** Downloads the estimate on screen as CSV (the CSV code loads on first use) and says so through `setStatus`. */
export function useCsvExport(shownView: ResultsView | null, scenario: Scenario | null, setStatus: (s: string) => void) {
  const { managedInstances: showMi, ec2: showEc2 } = useColumnsStore();
  // The EC2 and Managed Instances figures come from a worker: a click while they are on their way exports them once
  // they are there (never the last input's beside this one's Fargate figures), a few seconds at most.
  const latest = useRef({ view: shownView, scenario });
  useEffect(() => {
    latest.current = { view: shownView, scenario };
  }, [shownView, scenario]);
  return useCallback(async () => {
    const waitingFor = (v: ResultsView | null) => v !== null && Boolean(v.totals.updating || v.totals.ec2Pricing || v.totals.managedInstancesPricing);
    for (let waited = 0; waitingFor(latest.current.view) && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const { view, scenario } = latest.current;
    if (!view) return;
    // Still on their way after that: the CSV has the Fargate side only, and says so below.
    const clusters = !waitingFor(view);
    const { csvFileName, estimateToCsv } = await import("@/lib/export/csv");
    const csv = estimateToCsv({
      scenario: scenario ?? undefined,
      fargate: view.estimate,
      ...(clusters && showMi && view.managedInstances ? { managedInstances: view.managedInstances } : {}),
      ...(clusters && showEc2 && view.ec2 ? { ec2: view.ec2 } : {}),
    });
    const blob = new Blob([csv], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = csvFileName(view.estimate.scenario.name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(a.href);
    setStatus(`Exported ${a.download}${clusters ? "" : " (Fargate only: the EC2 and Managed Instances figures were still being priced)"}.`);
  }, [setStatus, showMi, showEc2]);
}
