// A plain accessible table: a caption, column headers, numeric columns right-aligned.
import type { ReactNode } from 'react';

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** The first column names the row: rendered as a row header. */
  rowHeader?: boolean;
}

export function DataTable<T>({ caption, columns, rows, rowKey, rowClass }: {
  caption: ReactNode;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  rowClass?: (row: T) => string | undefined;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={typeof caption === 'string' ? caption : 'Data table'}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={rowKey(row, r)} className={rowClass?.(row)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
