const th = "py-1 pr-3 font-semibold";
const num = "py-1 pr-3 text-right tabular-nums";

/**
 * A table of text and figures with a caption, a header row, a first column of row headers and an optional totals row;
 * the columns listed in `right` are right-aligned figures.
 */
export function DataTable({
  caption,
  head,
  rows,
  foot,
  testId,
  right,
}: {
  caption: string;
  head: string[];
  rows: { key: string; cells: React.ReactNode[] }[];
  foot?: React.ReactNode[];
  testId: string;
  right: ReadonlySet<number>;
}) {
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="pb-2 text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
            {head.map((h, i) => (
              <th key={h} scope="col" className={right.has(i) ? `${th} text-right` : th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-slate-100 dark:border-slate-800">
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="py-1 pr-3 text-left font-normal">
                    {c}
                  </th>
                ) : (
                  <td key={i} className={right.has(i) ? num : "py-1 pr-3"}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {foot ? (
          <tfoot>
            <tr>
              {foot.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="py-1 pr-3 text-left">
                    {c}
                  </th>
                ) : (
                  <td key={i} className={right.has(i) ? `${num} font-semibold` : "py-1 pr-3"}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
