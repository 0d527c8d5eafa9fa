// Step 4: the proposed column mapping, editable, with saved mappings and what will not be read.
import type { Dataset, SavedMapping } from './api.ts';
import { MappingTable } from './MappingTable.tsx';
import { mappingForServer, missingRequired, sharedHeaders, unmatchedHeaders, type Mapping } from './match-columns.ts';
import type { Preview } from './parse-preview.ts';
import { SavedMappings } from './SavedMappings.tsx';

export function MappingStep({ dataset, preview, mapping, effective, saved, chosenMapping, onChooseMapping, onSavedMapping, onEdit }: {
  dataset: Dataset;
  preview: Preview;
  /** The headers chosen here. */
  mapping: Mapping;
  /** What the server will read: the chosen headers, then names and aliases for the rest. */
  effective: Mapping;
  saved: SavedMapping[];
  chosenMapping: string;
  onChooseMapping: (name: string) => void;
  onSavedMapping: (mapping: SavedMapping) => void;
  onEdit: (column: string, header: string | null) => void;
}) {
  const missing = missingRequired(dataset.columns, mapping);
  const shared = sharedHeaders(mapping);
  const unused = unmatchedHeaders(preview.headers, effective);
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
        current={mappingForServer(mapping)}
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
      <MappingTable columns={dataset.columns} headers={preview.headers} mapping={mapping} firstRow={preview.rows[0]} onChange={onEdit} />
      <p className="unmatched">
        {unused.length
          ? <>Headers not used (ignored on load): {unused.map((h, i) => <span key={i}>{i > 0 && ', '}<q>{h}</q></span>)}.</>
          : 'Every header of the file is used.'}
      </p>
    </section>
  );
}
