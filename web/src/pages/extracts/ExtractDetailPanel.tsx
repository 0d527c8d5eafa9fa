// One extract: where it came from, what was loaded, and its quarantined rows with their reasons.
import { ErrorState, Loading } from '../../components/Status.tsx';
import { Link } from '../../router.tsx';
import { ExtractDetail, urls, type Extract } from '../upload/api.ts';
import { formatCount, formatPeriod, formatWhen } from '../upload/format.ts';
import { useRequest } from '../upload/use-request.ts';

export function ExtractDetailPanel({ id, datasetTitle, onDelete }: { id: string; datasetTitle: (id: string) => string; onDelete: ((e: Extract) => void) | null }) {
  const detail = useRequest(urls.extract(id), ExtractDetail);
  if (detail.status === 'loading') return <Loading what={`extract ${id}`} />;
  if (detail.status === 'error') return <ErrorState error={detail.error} retry={detail.reload} what="extract" />;
  const e = detail.data;
  const headers = [...new Set(e.quarantine.flatMap((q) => Object.keys(q.values)))];
  const mapping = Object.entries(e.columnMapping);
  const dq = Object.entries(e.dataQuality);
  return (
    <section className="panel extract-detail" aria-labelledby="extract-title">
      <h2 id="extract-title" tabIndex={-1}>
        {e.fileName} <span className="extract-id">{e.id}</span>
      </h2>
      <dl className="meta">
        <div><dt>Dataset</dt><dd>{datasetTitle(e.dataset)}</dd></div>
        <div><dt>Uploaded</dt><dd>{formatWhen(e.uploadedAt)} ({UPLOADED_BY[e.uploadedBy] ?? `by ${e.uploadedBy}`})</dd></div>
        <div><dt>Status</dt><dd><StatusTag status={e.status} /></dd></div>
        <div><dt>Period</dt><dd>{formatPeriod(e.periodFrom, e.periodTo)}</dd></div>
        <div><dt>Rows read</dt><dd>{formatCount(e.rowsRead)}</dd></div>
        <div><dt>Rows loaded</dt><dd>{formatCount(e.rowsLoaded)}</dd></div>
        <div><dt>Rows quarantined</dt><dd>{formatCount(e.rowsQuarantined)}</dd></div>
        <div><dt>File</dt><dd>{e.encoding.toUpperCase()}, “{e.delimiter === '\t' ? 'tab' : e.delimiter}” separated</dd></div>
      </dl>
      {e.replaces && <p>Replaces extract <Link href={urls.extractPage(e.replaces)}>{e.replaces}</Link>.</p>}
      {dq.length > 0 && (
        <p>
          Data-quality findings (rows loaded, value flagged):{' '}
          {dq.map(([c, n], i) => <span key={c}>{i > 0 && ', '}<code>{c}</code> {formatCount(n)}</span>)}.
        </p>
      )}
      {mapping.length > 0 && (
        <details className="disclosure">
          <summary>Column mapping used</summary>
          <ul className="column-list">
            {mapping.map(([column, header]) => <li key={column}><code>{column}</code> ← “{header}”</li>)}
          </ul>
        </details>
      )}
      <div className="detail-actions">
        {e.rowsQuarantined > 0 && (
          <a className="button button-secondary" href={urls.quarantineCsv(e.id)} download>
            Download the {formatCount(e.rowsQuarantined)} quarantined rows (CSV)
          </a>
        )}
        {e.status === 'loaded' && (
          <>
            <Link className="button button-secondary" href={`/upload?dataset=${encodeURIComponent(e.dataset)}&replace=${encodeURIComponent(e.id)}`}>
              Replace with a corrected file
            </Link>
            {onDelete ? (
              <button type="button" className="button button-danger" onClick={() => onDelete(e)}>
                Delete this extract
              </button>
            ) : (
              <p className="hint">Deleting an extract needs the admin role.</p>
            )}
          </>
        )}
      </div>
      <h3>Quarantined rows</h3>
      {e.quarantine.length === 0 ? (
        <p>No row of this extract was quarantined: every row read was loaded.</p>
      ) : (
        <div className="table-wrap quarantine-wrap" tabIndex={0} role="region" aria-labelledby="quarantine-caption">
          <table className="data-table quarantine-table">
            <caption id="quarantine-caption">
              {e.quarantine.length < e.rowsQuarantined
                ? `The first ${e.quarantine.length} of ${formatCount(e.rowsQuarantined)} quarantined rows (the CSV has them all)`
                : `All ${formatCount(e.rowsQuarantined)} quarantined rows, with the reasons`}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">Row</th>
                <th scope="col">Why it was not loaded</th>
                {headers.map((h) => <th key={h} scope="col">{h}</th>)}
              </tr>
            </thead>
            <tbody>
              {e.quarantine.map((q) => (
                <tr key={q.row}>
                  <th scope="row" className="num">{q.row}</th>
                  <td className="reasons">
                    {q.reasons.length === 1 ? q.reasons[0] : <ul>{q.reasons.map((r, i) => <li key={i}>{r}</li>)}</ul>}
                  </td>
                  {headers.map((h) => (
                    <td key={h}>{q.values[h] === null || q.values[h] === undefined || q.values[h] === '' ? <span className="cell-blank">(blank)</span> : q.values[h]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const UPLOADED_BY: Record<string, string> = { web: 'in the browser', cli: 'from the command line' };

const STATUS_LABELS: Record<string, string> = { loaded: 'Loaded', replaced: 'Replaced', deleted: 'Deleted' };
export function StatusTag({ status }: { status: string }) {
  return <span className={`tag status-tag status-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}
