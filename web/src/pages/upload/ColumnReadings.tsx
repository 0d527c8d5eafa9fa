// What Parity understood of the file, column by column: values read as written, recoded (a word
// for a code, a day-first date), missing, unreadable. A column the file lacks says so.
import type { IngestSummary } from './api.ts';
import { formatCount } from './format.ts';

export function ColumnReadings({ columns }: { columns: IngestSummary['columns'] }) {
  if (columns.length === 0) return null;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="readings-caption">
      <table className="data-table" data-testid="column-readings">
        <caption id="readings-caption">How each column was read</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">From header</th>
            <th scope="col" className="num">Recognised</th>
            <th scope="col" className="num">Recoded</th>
            <th scope="col" className="num">Missing</th>
            <th scope="col" className="num">Unreadable</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.column} className={c.unreadable > 0 ? 'row-warning' : undefined}>
              <th scope="row"><code>{c.column}</code></th>
              <td>{c.header === null ? <em>not in the file</em> : <code>{c.header}</code>}</td>
              <td className="num">{formatCount(c.recognised)}</td>
              <td className="num">{formatCount(c.recoded)}</td>
              <td className="num">{formatCount(c.missing)}</td>
              <td className="num">{formatCount(c.unreadable)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rows set aside, the grain the file was read at, where the IMD deciles came from, and the indicators it cannot support. */
export function LoadNotes({ summary }: { summary: IngestSummary }) {
  return (
    <>
      {summary.notComputable.length > 0 && (
        <div className="callout callout-warning" role="alert" data-testid="not-computable-list">
          <p><strong>{summary.notComputable.length === 1 ? 'One indicator' : `${summary.notComputable.length} indicators`} cannot be computed from this extract</strong> and will show why instead of a figure:</p>
          <ul>
            {summary.notComputable.map((n) => (
              <li key={n.metric}><strong>{n.title}</strong>: {n.reason}. {n.fix}</li>
            ))}
          </ul>
        </div>
      )}
      {summary.grain && <p data-testid="grain">{summary.grain.message}</p>}
      {summary.setAside.length > 0 && (
        <ul data-testid="set-aside">
          {summary.setAside.map((s) => <li key={s.reason}>{s.message}</li>)}
        </ul>
      )}
      {summary.imd && (
        <p data-testid="imd-report">
          {summary.imd.message}
          {summary.imd.supplied && <> {summary.imd.supplied.message}</>}
        </p>
      )}
    </>
  );
}
