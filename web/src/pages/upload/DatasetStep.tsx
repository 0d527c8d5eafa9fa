// Step 1: which dataset the file holds, what that dataset needs, and whether the file replaces
// an extract loaded before.
import type { Dataset, Extract } from './api.ts';
import { DatasetInfo } from './DatasetInfo.tsx';
import { formatCount, formatWhen, plural } from './format.ts';

export function DatasetStep({ datasets, datasetId, replace, extracts, disabled, onDataset, onReplace }: {
  datasets: Dataset[];
  datasetId: string;
  replace: string;
  /** The extracts loaded so far; undefined while loading, null when they could not be listed. */
  extracts: Extract[] | null | undefined;
  disabled: boolean;
  onDataset: (id: string) => void;
  onReplace: (id: string) => void;
}) {
  const dataset = datasets.find((d) => d.id === datasetId) ?? null;
  const loadedOfDataset = (extracts ?? []).filter((e) => e.dataset === datasetId && e.status === 'loaded');
  const replaceTarget = loadedOfDataset.find((e) => e.id === replace) ?? null;
  return (
    <section className="panel step" aria-labelledby="step-dataset">
      <h2 id="step-dataset"><span className="step-number">1</span> Choose the dataset</h2>
      <div className="field">
        <label htmlFor="upload-dataset">Dataset</label>
        <select id="upload-dataset" value={datasetId} onChange={(event) => onDataset(event.target.value)} disabled={disabled}>
          <option value="">Choose a dataset…</option>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title} ({d.id})
            </option>
          ))}
        </select>
      </div>
      {datasetId && !dataset && <p className="field-error" role="alert">There is no dataset "{datasetId}". Choose one from the list.</p>}
      {dataset && <DatasetInfo dataset={dataset} />}
      {dataset && (
        <div className="field replace-field">
          <label htmlFor="upload-replace">Replace an existing extract</label>
          <select
            id="upload-replace"
            value={replaceTarget?.id ?? ''}
            onChange={(event) => onReplace(event.target.value)}
            aria-describedby="upload-replace-hint"
            disabled={disabled}
          >
            <option value="">No — load as a new extract</option>
            {loadedOfDataset.map((e) => (
              <option key={e.id} value={e.id}>
                {e.fileName} — {e.id}, loaded {formatWhen(e.uploadedAt)} ({plural(e.rowsLoaded, 'row')})
              </option>
            ))}
          </select>
          <span id="upload-replace-hint" className="hint">
            {replaceTarget
              ? `On upload, the ${formatCount(replaceTarget.rowsLoaded)} rows of ${replaceTarget.fileName} are removed and the new file's rows loaded, in one step.`
              : loadedOfDataset.length
                ? 'To correct an extract you loaded before, choose it here: its rows are swapped for the new file’s in one step, so nothing is counted twice.'
                : extracts === null
                  ? 'The loaded extracts could not be listed, so none can be chosen for replacement.'
                  : 'No extract of this dataset is loaded yet.'}
          </span>
          {replace && !replaceTarget && extracts !== undefined && extracts !== null && (
            <p className="field-error" role="alert">
              Extract {replace} is not a loaded {dataset.id} extract (it may have been replaced or deleted); this file will be loaded as a new extract.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
