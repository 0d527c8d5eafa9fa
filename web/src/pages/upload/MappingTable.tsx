// The proposed column mapping as an editable table: one row per dataset column, a select of
// the file's headers for each, required columns marked.
import type { DatasetColumn } from './api.ts';
import type { Mapping, Times } from './match-columns.ts';

export function MappingTable({ columns, headers, mapping, times, firstRow, onChange, onChangeTime }: {
  columns: DatasetColumn[];
  headers: string[];
  mapping: Mapping;
  times: Times;
  firstRow: string[] | undefined;
  onChange: (column: string, header: string | null) => void;
  onChangeTime: (column: string, header: string | null) => void;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="mapping-caption">
      <table className="data-table mapping-table">
        <caption id="mapping-caption">Which header of your file holds each column</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Needed?</th>
            <th scope="col">Header in your file</th>
            <th scope="col">First value</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => {
            const header = mapping[column.name] ?? null;
            const missing = column.required && !header;
            const id = `map-${column.name}`;
            const time = times[column.name] ?? null;
            const first = (h: string | null) => (h && firstRow ? firstRow[headers.indexOf(h)] : undefined);
            const value = time ? [first(header), first(time)].filter((v) => v !== undefined).join(' ') : first(header);
            return (
              <tr key={column.name} className={missing ? 'is-missing' : undefined}>
                <th scope="row">
                  <code>{column.name}</code>
                  <span className="column-description">{column.description}</span>
                </th>
                <td>{column.required ? <span className="tag tag-required">Required</span> : <span className="tag tag-quiet">Optional</span>}</td>
                <td>
                  <label className="visually-hidden" htmlFor={id}>
                    Header in your file for {column.name}
                  </label>
                  <select
                    id={id}
                    value={header ?? ''}
                    aria-invalid={missing || undefined}
                    aria-describedby={missing ? `${id}-error` : undefined}
                    onChange={(event) => onChange(column.name, event.target.value || null)}
                  >
                    <option value="">— not in the file —</option>
                    {headers.map((h, i) => (
                      <option key={i} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                  {missing && (
                    <span id={`${id}-error`} className="field-error">
                      Required: choose the header that holds it
                    </span>
                  )}
                  {column.kind === 'datetime' && (
                    <span className="time-header">
                      <label htmlFor={`${id}-time`}>Time in its own column</label>
                      <select id={`${id}-time`} value={time ?? ''} onChange={(event) => onChangeTime(column.name, event.target.value || null)}>
                        <option value="">— with the date —</option>
                        {headers.map((h, i) => (
                          <option key={i} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    </span>
                  )}
                </td>
                <td className="first-value">{value === undefined ? '' : value === '' ? <span className="cell-blank">(blank)</span> : value}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
