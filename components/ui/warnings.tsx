/**
 * Notes under a result or on a card; renders nothing when there are none. Two looks, so a person can tell them
 * apart without reading: "info" (how something is billed: a sky-blue box with an "i") and "warning" (a risk or
 * something left out: an amber box with a "!"). Each says in words which it is, not only by colour.
 */
export type NoteTone = "info" | "warning";

const LOOK: Record<NoteTone, { box: string; badge: string; icon: string; label: string }> = {
  info: {
    box: "border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100",
    badge: "bg-sky-700 text-white dark:bg-sky-300 dark:text-sky-950",
    icon: "i",
    label: "Note",
  },
  warning: {
    box: "border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-600 dark:bg-amber-950/60 dark:text-amber-100",
    badge: "bg-amber-600 text-white dark:bg-amber-400 dark:text-amber-950",
    icon: "!",
    label: "Warning",
  },
};

export function Warnings({ items, max, tone = "warning", testId }: { items: readonly string[] | undefined; max?: number; tone?: NoteTone; testId?: string }) {
  if (!items?.length) return null;
  const shown = [...new Set(items)].slice(0, max);
  const look = LOOK[tone];
  return (
    <div className={`mt-2 flex gap-2 rounded-md border p-2 text-xs ${look.box}`} data-tone={tone} data-testid={testId}>
      <span aria-hidden="true" className={`mt-px inline-flex size-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold ${look.badge}`}>
        {look.icon}
      </span>
      <div className="min-w-0">
        <p className="sr-only">{shown.length === 1 ? look.label : `${look.label}s`}</p>
        <ul className={`space-y-1 ${shown.length > 1 ? "list-disc pl-4" : ""}`}>
          {shown.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Informational notes: the same list in the "info" look. */
export function Notes(props: { items: readonly string[] | undefined; max?: number; testId?: string }) {
  return <Warnings {...props} tone="info" />;
}
