"use client";

import { memo } from "react";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { buttonClass, primaryButtonClass } from "@/components/ui/fields";

/** The title and the page's actions: copy the share link, export CSV, the theme. */
export const CalculatorHeader = memo(function CalculatorHeader({
  shareable,
  canExport,
  complete,
  onCopyLink,
  onExportCsv,
}: {
  shareable: boolean;
  canExport: boolean;
  /** Every workload is valid (else the export would leave some out). */
  complete: boolean;
  onCopyLink: () => void;
  onExportCsv: () => void;
}) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Fargate Estimator</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">What your containers cost on AWS Fargate, and whether ECS on EC2 is cheaper.</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={primaryButtonClass}
          onClick={onCopyLink}
          disabled={!shareable}
          title={shareable ? undefined : "Fix the highlighted fields to share this scenario"}
        >
          Copy share link
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={onExportCsv}
          disabled={!canExport}
          title={complete ? undefined : "Fix the highlighted fields to export every workload"}
        >
          Export CSV
        </button>
        <ThemeToggle />
      </div>
    </header>
  );
});
