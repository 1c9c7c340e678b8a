"use client";

import { memo } from "react";
import { goTo, PLACES } from "./go-to";

/**
 * The newcomer's path (issue 24 item 4), right under the title: the estimate on this screen is step 1; the services
 * beside the tasks, the real bill and right-sizing are the next steps, each one click (or Tab and Enter) away. Saved
 * scenarios, below the calculator, are reached here too. Links moved by script (the URL hash holds share links).
 */
const STEPS = [
  { label: "Add networking and shared services", selector: PLACES.services, open: true, testId: "step-services" },
  { label: "Compare with your bill", selector: PLACES.bill, open: false, testId: "step-bill" },
  { label: "Right-size from real usage", selector: PLACES.rightsizing, open: true, testId: "step-rightsizing" },
] as const;

const link =
  "inline-flex min-h-6 items-center rounded text-sky-800 underline decoration-sky-800/40 underline-offset-2 hover:decoration-sky-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:text-sky-300 dark:decoration-sky-300/40";

export const NextSteps = memo(function NextSteps() {
  return (
    <nav aria-label="Next steps" data-print="hide" data-testid="next-steps" className="mt-3 text-sm">
      <ol className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <li className="inline-flex min-h-6 items-center font-semibold" aria-current="step">
          <span
            aria-hidden="true"
            className="mr-1.5 inline-flex size-5 items-center justify-center rounded-full bg-sky-700 text-xs text-white dark:bg-sky-300 dark:text-sky-950"
          >
            1
          </span>
          Estimate the compute
        </li>
        {STEPS.map((s, i) => (
          <li key={s.testId} className="inline-flex items-center">
            <span
              aria-hidden="true"
              className="mr-1.5 inline-flex size-5 items-center justify-center rounded-full border border-slate-400 text-xs text-slate-700 dark:border-slate-500 dark:text-slate-300"
            >
              {i + 2}
            </span>
            <a
              href="#"
              className={link}
              data-testid={s.testId}
              onClick={(e) => {
                e.preventDefault();
                goTo(s.selector, { open: s.open });
              }}
            >
              {s.label}
            </a>
          </li>
        ))}
        <li className="inline-flex items-center text-slate-600 sm:ml-auto dark:text-slate-400">
          <a
            href="#"
            className={link}
            data-testid="step-saved"
            onClick={(e) => {
              e.preventDefault();
              goTo(PLACES.saved, { open: true });
            }}
          >
            Saved scenarios
          </a>
        </li>
      </ol>
    </nav>
  );
});
