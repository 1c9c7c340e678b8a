const th = "py-1 pr-3 font-semibold";
const num = "py-1 pr-3 text-right tabular-nums";

/*
 * Narrower than 42rem (a phone, a narrow column), the table stacks: each row is a block, its row header on a line of
 * its own, then one "Column: value" line per cell (the column's name from data-label, shown by CSS and left out of the
 * accessible name, since the visually hidden header row still names the cells). Nothing scrolls sideways, the caption
 * wraps.
 */
const stackRow = "@max-2xl:block @max-2xl:py-2";
const stackHead = "@max-2xl:block @max-2xl:pr-0 @max-2xl:font-semibold @max-2xl:[overflow-wrap:anywhere]";
const stackCell =
  "@max-2xl:flex @max-2xl:justify-between @max-2xl:gap-3 @max-2xl:py-0.5 @max-2xl:pr-0 @max-2xl:text-right @max-2xl:[overflow-wrap:anywhere] @max-2xl:empty:hidden " +
  "@max-2xl:before:shrink-0 @max-2xl:before:text-left @max-2xl:before:font-normal @max-2xl:before:text-slate-600 @max-2xl:before:content-[attr(data-label)_/_''] dark:before:text-slate-400";

/**
 * A table of text and figures with a caption, a header row, a first column of row headers and an optional totals row;
 * the columns listed in `right` are right-aligned figures. In a box narrower than 42rem the rows stack (see above).
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
    <div className="mt-4 overflow-x-auto @container">
      <table className="w-full text-sm @max-2xl:block" data-testid={testId}>
        <caption className="pb-2 text-left font-medium @max-2xl:block">{caption}</caption>
        <thead className="@max-2xl:sr-only">
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
            {head.map((h, i) => (
              <th key={h} scope="col" className={right.has(i) ? `${th} text-right` : th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="@max-2xl:block">
          {rows.map((r) => (
            <tr key={r.key} className={`border-b border-slate-100 dark:border-slate-800 ${stackRow}`}>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={`py-1 pr-3 text-left font-normal ${stackHead}`}>
                    {c}
                  </th>
                ) : (
                  <td key={i} data-label={head[i]} className={`${right.has(i) ? num : "py-1 pr-3"} ${stackCell}`}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {foot ? (
          <tfoot className="@max-2xl:block">
            <tr className={stackRow}>
              {foot.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={`py-1 pr-3 text-left ${stackHead}`}>
                    {c}
                  </th>
                ) : (
                  <td key={i} data-label={head[i]} className={`${right.has(i) ? `${num} font-semibold` : "py-1 pr-3"} ${stackCell}`}>
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
