// Step 4: the proposed column mapping, editable, with saved mappings and what will not be read.
import type { Dataset, SavedMapping } from './api.ts';
import { MappingTable } from './MappingTable.tsx';
import { mappingForServer, missingRequired, sharedHeaders, timeBeside, unmatchedHeaders, type Mapping, type Times } from './match-columns.ts';
import type { Preview } from './parse-preview.ts';
import { SavedMappings } from './SavedMappings.tsx';

export function MappingStep({ dataset, preview, mapping, times, effective, saved, chosenMapping, onChooseMapping, onSavedMapping, onEdit, onEditTime }: {
  dataset: Dataset;
  preview: Preview;
  /** The headers chosen here. */
  mapping: Mapping;
  /** The time headers of date-time columns whose date and time are in separate columns. */
  times: Times;
  /** What the server will read: the chosen headers, then names and aliases for the rest. */
  effective: Mapping;
  saved: SavedMapping[];
  chosenMapping: string;
  onChooseMapping: (name: string) => void;
  onSavedMapping: (mapping: SavedMapping) => void;
  onEdit: (column: string, header: string | null) => void;
  onEditTime: (column: string, header: string | null) => void;
}) {
  const missing = missingRequired(dataset.columns, mapping);
  const shared = sharedHeaders({ ...mapping, ...Object.fromEntries(Object.entries(times).map(([c, h]) => [`${c} (time)`, h])) });
  const unused = unmatchedHeaders(preview.headers, effective, times);
  const dateTimes = dataset.columns.filter((c) => c.kind === 'datetime' && mapping[c.name]);
  const combined = dateTimes.filter((c) => times[c.name]);
  // A date-time column read from a header that holds a date only: every time would read 00:00.
  const dateOnly = dateTimes
    .filter((c) => !times[c.name] && /date/i.test(mapping[c.name]!) && !/time/i.test(mapping[c.name]!))
    .map((c) => ({ column: c.name, date: mapping[c.name]!, time: timeBeside(mapping[c.name]!, unused) }));
  const stillRead = dataset.columns.filter((c) => !mapping[c.name] && effective[c.name]);
  return (
    <section className="panel step" aria-labelledby="step-mapping">
      <h2 id="step-mapping"><span className="step-number">4</span> Match the columns</h2>
      <p>
        Parity matched your headers by name, ignoring case and punctuation, and by the other names trusts use. Change any that are wrong.
      </p>
      <SavedMappings
        dataset={dataset.id}
        saved={saved}
        chosen={chosenMapping}
        current={mappingForServer(mapping, times, saved.find((m) => m.name === chosenMapping && m.dataset === dataset.id)?.columns)}
        onChoose={onChooseMapping}
        onSaved={onSavedMapping}
      />
      {missing.length > 0 && (
        <p className="field-error missing-required" role="alert">
          Required column{missing.length > 1 ? 's' : ''} with no header: {missing.join(', ')}. Choose the header that holds {missing.length > 1 ? 'each' : 'it'} below, or the server will refuse the file.
        </p>
      )}
      {shared.size > 0 && (
        <p className="callout callout-warning" role="status">
          {[...shared].map(([header, cols]) => `"${header}" is chosen for ${cols.join(' and ')}`).join('; ')}. Each header should hold one column.
        </p>
      )}
      {stillRead.length > 0 && (
        <p className="callout callout-warning" role="status">
          {stillRead.map((c) => `"${effective[c.name]}" will still be read as ${c.name}`).join('; ')}: the server matches a header by its name
          even when it is not chosen here. To leave {stillRead.length > 1 ? 'them' : 'it'} out, remove or rename that column in the file.
        </p>
      )}
      {combined.length > 0 && (
        <p className="callout" role="status">
          {combined.map((c) => `${c.name} is read from "${mapping[c.name]}" (date) and "${times[c.name]}" (time)`).join('; ')}: the date and the time are in separate columns, and Parity combines them.
        </p>
      )}
      {dateOnly.map((d) => (
        <p key={d.column} className="callout callout-warning date-only" role="status">
          "{d.date}" looks like a date only: read alone, every {d.column} would be at 00:00.{' '}
          {d.time
            ? <>The time looks to be in "{d.time}". <button type="button" className="link-button" onClick={() => onEditTime(d.column, d.time)}>Combine "{d.date}" and "{d.time}"</button></>
            : <>Choose the column that holds the time under "Time in its own column" below.</>}
        </p>
      ))}
      <MappingTable columns={dataset.columns} headers={preview.headers} mapping={mapping} times={times} firstRow={preview.rows[0]} onChange={onEdit} onChangeTime={onEditTime} />
      <p className="unmatched">
        {unused.length
          ? <>Headers not used (ignored on load): {unused.map((h, i) => <span key={i}>{i > 0 && ', '}<q>{h}</q></span>)}.</>
          : 'Every header of the file is used.'}
      </p>
    </section>
  );
}
