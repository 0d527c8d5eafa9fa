// What the server did with the upload: loaded (with its quarantine), duplicate, or refused.
import { forwardRef, useState } from 'react';
import { Link } from '../../router.tsx';
import { urls, type Extract, type IngestSummary } from './api.ts';
import { formatCount, formatWhen, plural } from './format.ts';
import { ColumnReadings, LoadNotes } from './ColumnReadings.tsx';

const FIRST_ERRORS = 10;

export const ResultSummary = forwardRef<HTMLHeadingElement, { summary: IngestSummary; fileName: string; previous: Extract | null }>(
  function ResultSummary({ summary, fileName, previous }, heading) {
    const [all, setAll] = useState(false);
    if (summary.status === 'rejected') {
      return (
        <section className="result result-rejected" aria-labelledby="result-title">
          <h2 id="result-title" ref={heading} tabIndex={-1}>Not loaded: the file was refused</h2>
          <div role="alert">
            <p className="result-lead">Nothing from <strong>{fileName}</strong> was loaded. The server said:</p>
            <p className="file-error">{summary.fileError ?? 'The file could not be read.'}</p>
          </div>
          <p>Fix the file (or the column mapping above) and upload it again.</p>
        </section>
      );
    }
    if (summary.status === 'duplicate') {
      return (
        <section className="result result-duplicate" aria-labelledby="result-title">
          <h2 id="result-title" ref={heading} tabIndex={-1}>Already loaded: nothing changed</h2>
          <div role="status">
            <p className="result-lead">
              This exact file was already loaded as{' '}
              <Link href={urls.extractPage(summary.extractId ?? '')}>{summary.extractId}</Link>
              {previous ? <> ({previous.fileName}, loaded {formatWhen(previous.uploadedAt)})</> : null}, with{' '}
              {plural(summary.rowsLoaded, 'row')} loaded and {formatCount(summary.rowsQuarantined)} quarantined. Loading it again would count the same
              activity twice, so Parity left the data as it was.
            </p>
          </div>
          <p>If the file has been corrected, its content differs and it will load. To swap an earlier extract for a new one, choose it under "Replace an existing extract".</p>
        </section>
      );
    }
    const errors = all ? summary.errors : summary.errors.slice(0, FIRST_ERRORS);
    const dq = Object.entries(summary.dataQuality);
    const id = summary.extractId ?? '';
    return (
      <section className="result result-loaded" aria-labelledby="result-title">
        <h2 id="result-title" ref={heading} tabIndex={-1}>Loaded: {id}</h2>
        <div role="status">
          <p className="result-lead" data-testid="result-counts">
            <strong>
              {formatCount(summary.rowsLoaded)} loaded, {summary.rowsSetAside > 0 && <>{formatCount(summary.rowsSetAside)} set aside, </>}
              {formatCount(summary.rowsQuarantined)} quarantined
            </strong> of{' '}
            {plural(summary.rowsRead, 'row')} read from {fileName}.
          </p>
        </div>
        <dl className="figures result-figures">
          <div><dt>Rows read</dt><dd data-testid="rows-read">{formatCount(summary.rowsRead)}</dd></div>
          <div><dt>Rows loaded</dt><dd data-testid="rows-loaded">{formatCount(summary.rowsLoaded)}</dd></div>
          {summary.rowsSetAside > 0 && <div><dt>Rows set aside</dt><dd data-testid="rows-set-aside">{formatCount(summary.rowsSetAside)}</dd></div>}
          <div><dt>Rows quarantined</dt><dd data-testid="rows-quarantined">{formatCount(summary.rowsQuarantined)}</dd></div>
        </dl>
        <p className="invariant">
          Every row is accounted for: {formatCount(summary.rowsRead)} read = {formatCount(summary.rowsLoaded)} loaded +{' '}
          {summary.rowsSetAside > 0 && <>{formatCount(summary.rowsSetAside)} set aside + </>}
          {formatCount(summary.rowsQuarantined)} quarantined.
          {summary.rowsRead !== summary.rowsLoaded + summary.rowsSetAside + summary.rowsQuarantined && <strong> (These do not add up: report this to the Parity maintainers.)</strong>}
        </p>
        {summary.skippedLines && summary.skippedLines.blank + summary.skippedLines.footer + summary.skippedLines.preamble > 0 && (
          <p data-testid="skipped-lines">
            Not data rows, skipped and not counted above:{' '}
            {[
              summary.skippedLines.preamble > 0 ? `${plural(summary.skippedLines.preamble, 'line')} of report title above the header row` : '',
              summary.skippedLines.blank > 0 ? `${plural(summary.skippedLines.blank, 'blank line')} (empty, or separators only as Excel writes them)` : '',
              summary.skippedLines.footer > 0 ? `${plural(summary.skippedLines.footer, 'line')} of report footer after the last row` : '',
            ].filter(Boolean).join('; ')}.
          </p>
        )}
        {summary.notes && summary.notes.length > 0 && (
          <ul className="read-notes" data-testid="read-notes">
            {summary.notes.map((note, i) => <li key={i}>{note}</li>)}
          </ul>
        )}
        <LoadNotes summary={summary} />
        {summary.replaced && <p>It replaces extract <Link href={urls.extractPage(summary.replaced)}>{summary.replaced}</Link>, whose rows were removed in the same step.</p>}
        {dq.length > 0 && (
          <p>
            Loaded with a value flagged as a data-quality finding (kept, not dropped):{' '}
            {dq.map(([column, n], i) => (
              <span key={column}>{i > 0 && ', '}<code>{column}</code> {formatCount(n)}</span>
            ))}.
          </p>
        )}
        {summary.ignoredColumns.length > 0 && (
          <p data-testid="ignored-columns">
            Ignored {plural(summary.ignoredColumns.length, 'column')} that {summary.dataset} does not use:{' '}
            {summary.ignoredColumns.map((column, i) => (
              <span key={column}>{i > 0 && ', '}<code>{column}</code></span>
            ))}. They were not loaded and are not kept with the quarantined rows.
          </p>
        )}
        {(summary.benchmarkIndicators?.length ?? 0) > 0 && (
          <ul data-testid="benchmark-indicators">
            {summary.benchmarkIndicators!.map((b) => (
              <li key={b.indicatorId} data-linked={b.linkedTo.length > 0}>
                Indicator <code>{b.indicatorId}</code>{b.indicatorName ? ` (${b.indicatorName})` : ''}: {plural(b.rows, 'row')}, {plural(b.areas, 'area')}, {b.periods.join(', ')} —{' '}
                {b.linkedTo.length ? <>shown beside {b.linkedTo.map((id, i) => <span key={id}>{i > 0 && ', '}<code>{id}</code></span>)}</> : 'no Parity indicator uses it: kept, not shown'}.
              </li>
            ))}
          </ul>
        )}
        <ColumnReadings columns={summary.columns} />
        {summary.errors.length > 0 && (
          <>
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="errors-caption">
              <table className="data-table">
                <caption id="errors-caption">
                  Why rows were quarantined{summary.errors.length > errors.length ? ` (first ${errors.length} of ${summary.errors.length})` : ''}
                </caption>
                <thead>
                  <tr><th scope="col" className="num">Row</th><th scope="col">Column</th><th scope="col">Problem</th></tr>
                </thead>
                <tbody>
                  {errors.map((e, i) => (
                    <tr key={i}>
                      <th scope="row" className="num">{e.row}</th>
                      <td><code>{e.column}</code></td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {summary.errors.length > FIRST_ERRORS && (
              <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
                {all ? 'Show the first 10 only' : `Show all ${summary.errors.length} problems listed`}
              </button>
            )}
          </>
        )}
        <ul className="result-actions">
          {summary.rowsQuarantined > 0 && (
            <li><a className="button button-secondary" href={urls.quarantineCsv(id)} download>Download the quarantined rows (CSV)</a></li>
          )}
          <li><Link className="button" href={urls.extractPage(id)}>Open the extract</Link></li>
        </ul>
      </section>
    );
  },
);
