"use client";

import { memo } from "react";
import { useScenarioStore } from "@/lib/store";

/** The store's notice (a link that could not be read, a scenario opened, ...), until dismissed. */
export const NoticeBar = memo(function NoticeBar() {
  const notice = useScenarioStore((s) => s.notice);
  const setNotice = useScenarioStore((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div
      role={notice.kind === "error" ? "alert" : "status"}
      data-testid="notice"
      className={`mb-4 flex items-start justify-between gap-3 rounded-md border p-3 text-sm ${notice.kind === "error" ? "border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200" : "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-200"}`}
    >
      <span>{notice.text}</span>
      <button type="button" className="text-xs underline" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
});
