/** A list of warnings or notes shown under a result; renders nothing when there are none. */
export function Warnings({ items, max }: { items: readonly string[] | undefined; max?: number }) {
  if (!items?.length) return null;
  const shown = [...new Set(items)].slice(0, max);
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5 text-xs text-amber-800 dark:text-amber-300">
      {shown.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}
