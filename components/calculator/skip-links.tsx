"use client";

import { goTo, PLACES } from "./go-to";

/**
 * Skip links (issue 24 item 6): the first thing Tab reaches, shown only while focused. Each moves focus to a part of
 * the page (the workloads, the services, the results, the bill) instead of the ~22 Tabs it took to get there. Focus
 * is moved by script: the page's URL hash holds share links, so the links never change it.
 */
const TARGETS = [
  { label: "Skip to the workloads", selector: PLACES.workloads },
  { label: "Skip to networking and shared services", selector: PLACES.services },
  { label: "Skip to the results", selector: PLACES.results },
  { label: "Skip to your bill", selector: PLACES.bill },
  { label: "Skip to right-sizing", selector: PLACES.rightsizing },
] as const;

export function SkipLinks() {
  return (
    <nav
      aria-label="Skip to"
      data-print="hide"
      className="sr-only focus-within:not-sr-only focus-within:fixed focus-within:top-2 focus-within:left-2 focus-within:z-50 focus-within:rounded-md focus-within:border focus-within:border-slate-300 focus-within:bg-white focus-within:p-2 focus-within:shadow-lg dark:focus-within:border-slate-600 dark:focus-within:bg-slate-900"
    >
      <ul className="flex flex-col gap-1 text-sm sm:flex-row sm:gap-3">
        {TARGETS.map((t) => (
          <li key={t.label}>
            <a
              href="#"
              className="inline-block rounded px-2 py-1.5 text-sky-800 underline focus:outline-none focus:ring-2 focus:ring-sky-600 dark:text-sky-300"
              onClick={(e) => {
                e.preventDefault();
                goTo(t.selector);
              }}
            >
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
