// What the chosen dataset is and which columns a file for it must have.
import type { Dataset } from './api.ts';

export function DatasetInfo({ dataset }: { dataset: Dataset }) {
  const required = dataset.columns.filter((c) => c.required);
  const optional = dataset.columns.filter((c) => !c.required);
  return (
    <div className="dataset-info" aria-live="polite">
      <p>
        {dataset.description}
        {/^one row per/i.test(dataset.description) ? ' ' : ` One row per ${dataset.grain}. `}
        A row is identified by <code>{dataset.key.join(' + ')}</code>; a second row with the same {dataset.key.length > 1 ? 'values' : 'value'} is quarantined.
      </p>
      <div className="columns-line">
        <span className="label" id={`required-${dataset.id}`}>Required columns:</span>
        <ul className="chip-list" aria-labelledby={`required-${dataset.id}`}>
          {required.map((c) => (
            <li key={c.name}>
              <code className="column-chip" title={c.description}>{c.name}</code>
            </li>
          ))}
        </ul>
      </div>
      {optional.length > 0 && (
        <details className="disclosure">
          <summary>Optional columns ({optional.length}) and the header names Parity recognises</summary>
          <ul className="column-list">
            {dataset.columns.map((c) => (
              <li key={c.name}>
                <code>{c.name}</code>
                {c.required ? ' (required)' : ''} — {c.description}
                {c.aliases.length > 0 && <span className="hint"> Also recognised: {c.aliases.join(', ')}.</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
