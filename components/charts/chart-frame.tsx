"use client";

import { createContext, Suspense, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { inIdleSteps, useHeldWhileNotLive, useNearViewport } from "@/lib/browser";
import { CHART_THEME_CLASS } from "./theme";

/**
 * A titled chart with a text equivalent (a table) for screen readers and anyone who prefers numbers. The table is
 * always current; the drawing (hidden from assistive technology) is redrawn only while it is within a screen or so of
 * the viewport: far below 500 workloads' tables, redrawing it on each pause in typing cost ~30 ms in tasks React
 * cannot interrupt (recharts' store updates). It catches up as it comes near, before it is in view. It is first drawn
 * only then too: the drawings' code (recharts, ./lazy-drawings.ts) loads when a chart first comes near, so a page whose
 * charts are below the first screens never evaluates it while loading (issue 24 item 7). Until then the area keeps its
 * height, empty, and the table is there.
 */
export function ChartFrame({
  title,
  description,
  children,
  table,
  testId,
}: {
  title: string;
  description: string;
  children: ReactNode;
  table: ReactNode;
  testId?: string;
}) {
  const area = useRef<HTMLDivElement>(null);
  // Until the page is first scrolled, a chart is first drawn only once it is on screen and the results above it have
  // all been there for a while (ChartsSettled, then two seconds for their code to render them): while the page loads
  // they arrive in pieces (the line items, the EC2 cluster) and a chart passes through the viewport before they push
  // it down.
  const scrolled = usePageScrolled();
  const armed = useSettledFor(useContext(ChartsSettled), 2000) || scrolled;
  const near = useNearViewport(area, scrolled ? 800 : 0, false);
  const [seen, setSeen] = useState(false);
  // Still there once the browser is idle, not only on the way through.
  useEffect(() => (near && armed && !seen ? inIdleSteps([() => setSeen(true)]) : undefined), [near, armed, seen]);
  const drawing = useHeldWhileNotLive(children, near);
  return (
    <figure
      className={`${CHART_THEME_CLASS} rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900`}
      data-testid={testId}
    >
      <figcaption>
        <h3 className="text-sm font-semibold">{title}</h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">{description}</p>
      </figcaption>
      <div ref={area} className="mt-2 h-64 w-full overflow-hidden" aria-hidden="true">
        {seen ? <Suspense fallback={null}>{drawing}</Suspense> : null}
      </div>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-slate-700 dark:text-slate-300">Show as table</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </figure>
  );
}

/**
 * False while the results around the charts are still arriving (ResultsPanel: until the EC2 and Managed Instances
 * figures are in): a chart is then drawn only once the page has been scrolled.
 */
export const ChartsSettled = createContext(true);

/** Whether `settled` has been true for `ms` (once true, stays true). */
function useSettledFor(settled: boolean, ms: number): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!settled || done) return;
    const timer = setTimeout(() => setDone(true), ms);
    return () => clearTimeout(timer);
  }, [settled, done, ms]);
  return done;
}

/** Whether the page has been scrolled since it loaded (once true, for every chart). */
let pageScrolled = false;
function usePageScrolled(): boolean {
  const [scrolled, setScrolled] = useState(pageScrolled);
  useEffect(() => {
    if (scrolled) return;
    const onScroll = () => {
      pageScrolled = true;
      setScrolled(true);
    };
    window.addEventListener("scroll", onScroll, { passive: true, once: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, [scrolled]);
  return scrolled;
}

export function DataTable({ columns, rows }: { columns: string[]; rows: (string | number)[][] }) {
  return (
    <table className="w-full text-left tabular-nums">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col" className="pr-3 font-semibold">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((cell, j) => (
              <td key={j} className="pr-3">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
