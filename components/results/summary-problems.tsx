"use client";

import { buttonClass } from "@/components/ui/fields";
import { formatUsd } from "@/lib/core";
import type { Glance } from "@/lib/results";
import { useScenarioStore } from "@/lib/store";

const smallButton = `${buttonClass} px-2 py-1 text-xs print:hidden`;

/**
 * Under the summary bar, laid over the page: the workloads left out, settings with a problem, the one-click fix for
 * Spot in a region without Spot prices, and (when the headline is out of date) the figures without the left-out work.
 */
export function SummaryProblems({ g }: { g: Glance }) {
  const updateWorkload = useScenarioStore((s) => s.updateWorkload);
  const stale = g.state === "stale";
  return (
    <div role="status" data-testid="summary-problems" className="absolute inset-x-0 top-full print:static">
      {g.leftOutText || g.settingsProblems.length || g.spotFix ? (
        <div className="space-y-1 border-b border-amber-300 bg-amber-50 px-4 py-1.5 text-xs text-amber-900 shadow-sm sm:text-sm dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200 print:border-0 print:bg-transparent print:px-0 print:shadow-none">
          {g.spotFix ? (
            <p className="flex flex-wrap items-center gap-2" data-testid="spot-fix">
              <span>{g.spotFix.text}</span>
              <button type="button" className={smallButton} onClick={() => g.spotFix!.indices.forEach((i) => updateWorkload(i, { spotPercent: 0 }))}>
                Set Spot share to 0 for {g.spotFix.names.join(", ")}
              </button>
            </p>
          ) : null}
          {g.leftOutText ? <p data-testid="left-out">{g.leftOutText}</p> : null}
          {g.settingsProblems.map((m) => (
            <p key={m}>{m}</p>
          ))}
          {stale ? (
            <p className="hidden text-slate-800 sm:block dark:text-slate-200">
              The figures above are the last complete estimate, from before the change.
              {g.without ? (
                <span data-testid="without">
                  {" "}
                  Without {g.leftOut.length === 1 ? "it" : "them"}: Fargate {formatUsd(g.without.fargate)}
                  {g.without.ec2 !== null ? `, EC2 ${formatUsd(g.without.ec2)}` : ""}.
                </span>
              ) : null}
            </p>
          ) : null}
          {g.state === "empty" ? <p className="text-slate-800 dark:text-slate-200">Fix the highlighted fields to see an estimate.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
