// The first rows of the file as the browser read them, with the cells the checks flag.
import type { Mapping } from './match-columns.ts';
import type { Preview } from './parse-preview.ts';
import type { RowProblem } from './preview-schema.ts';

export function PreviewTable({ preview, mapping, problems }: { preview: Preview; mapping: Mapping; problems: RowProblem[] }) {
  const columnOf = new Map<string, string>();
  for (const [column, header] of Object.entries(mapping)) if (header && !columnOf.has(header)) columnOf.set(header, column);
  const byCell = new Map<string, RowProblem>();
  for (const p of problems) {
    const header = mapping[p.column];
    const key = `${p.line}|${header}`;
    const existing = byCell.get(key);
    if (!existing || (existing.severity === 'kept' && p.severity === 'quarantine')) byCell.set(key, p);
  }
  const quarantinedLines = new Set(problems.filter((p) => p.severity === 'quarantine').map((p) => p.line));
  return (
    <div className="table-wrap preview-wrap" tabIndex={0} role="region" aria-labelledby="preview-caption">
      <table className="data-table preview-table">
        <caption id="preview-caption">
          First {preview.rows.length} rows of the file{preview.more ? ' (the file has more)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">Line</th>
            {preview.headers.map((h, i) => (
              <th key={i} scope="col">
                <span className="preview-header">{h || <em>(blank header)</em>}</span>
                <span className={columnOf.has(h) ? 'preview-maps' : 'preview-maps is-unused'}>
                  {columnOf.has(h) ? <>→ {columnOf.get(h)}</> : 'not used'}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => {
            const line = preview.lines[r];
            const quarantined = quarantinedLines.has(line);
            return (
              <tr key={line} className={quarantined ? 'is-quarantined' : undefined}>
                <th scope="row" className="num">
                  {line}
                  {quarantined && <span className="visually-hidden"> (would be quarantined)</span>}
                </th>
                {row.map((cell, c) => {
                  const problem = byCell.get(`${line}|${preview.headers[c]}`);
                  return (
                    <td key={c} className={problem ? `cell-problem cell-${problem.severity}` : undefined} title={problem?.message}>
                      {cell === '' ? <span className="cell-blank">(blank)</span> : cell}
                      {problem && <span className="visually-hidden"> — problem: {problem.message}</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
