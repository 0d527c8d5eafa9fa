// What the checks found in the preview rows, before anything is sent: which rows would be
// quarantined and which values would be kept as blanks.
import { useState } from 'react';
import type { RowProblem } from './preview-schema.ts';
import { formatCount, plural } from './format.ts';

const FIRST = 100;
const listLines = (lines: number[]) => (lines.length > 30 ? `${lines.slice(0, 30).join(', ')}, …` : lines.join(', '));

export function ProblemsPanel({ missing, problems, quarantined, rowsChecked, more }: {
  /** Required columns with no header: the server refuses the file whatever the rows hold. */
  missing: string[];
  problems: RowProblem[];
  quarantined: number[];
  rowsChecked: number;
  more: boolean;
}) {
  const [all, setAll] = useState(false);
  const kept = problems.filter((p) => p.severity === 'kept');
  const shown = all ? problems : problems.slice(0, FIRST);
  const keptLines = new Set(kept.map((p) => p.line));
  const scope = more ? `the first ${formatCount(rowsChecked)} rows` : rowsChecked === 1 ? 'the only row' : `all ${formatCount(rowsChecked)} rows`;
  const refused = missing.length > 0 && (
    <p className="check-refused callout callout-warning" role="alert">
      The server would refuse this file: required column{missing.length > 1 ? 's' : ''} {missing.join(', ')} {missing.length > 1 ? 'have' : 'has'} no
      header. Choose {missing.length > 1 ? 'them' : 'it'} in step 4; the rows are checked against the columns that are matched.
    </p>
  );
  if (!problems.length) {
    if (refused) return refused;
    return (
      <p className="check-ok" role="status">
        No problems found in {scope}.{more ? ' The server checks every row when you upload.' : ''}
      </p>
    );
  }
  return (
    <>
      {refused}
      <div className="check-summary" role="status">
        <p>
          In {scope}:{' '}
          {quarantined.length > 0 && (
            <strong>
              {plural(quarantined.length, 'row')} would be quarantined (line{quarantined.length > 1 ? 's' : ''} {listLines(quarantined)})
            </strong>
          )}
          {quarantined.length > 0 && keptLines.size > 0 && '; '}
          {keptLines.size > 0 && <>{plural(keptLines.size, 'row')} would load with a value flagged as a data-quality finding (stored blank, or as written for ethnicity)</>}.
        </p>
        <p className="hint">
          Quarantined rows are not loaded: they are kept with their reason so you can fix them and upload a corrected file
          (choose "Replace an existing extract"). {more ? 'The server checks every row of the file, ' : 'The server '}also quarantines rows already loaded from another extract.
        </p>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="problems-caption">
        <table className="data-table problems-table">
          <caption id="problems-caption">
            These rows would be quarantined or loaded with a value flagged{problems.length > shown.length ? ` (the first ${FIRST} of ${formatCount(problems.length)} problems)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
              <th scope="col">What happens</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={i}>
                <th scope="row" className="num">{p.line}</th>
                <td><code>{p.column}</code></td>
                <td>{p.message}</td>
                <td>
                  {p.severity === 'quarantine'
                    ? <span className="outcome outcome-quarantine">Row quarantined</span>
                    : <span className="outcome outcome-kept">Row loaded; {p.note ?? 'value flagged'}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > FIRST && (
        <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST} only` : `Show all ${formatCount(problems.length)} problems`}
        </button>
      )}
    </>
  );
}
