// Choose a saved mapping for this dataset, or save the current one under a name.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { saveMapping, type SavedMapping } from './api.ts';
import type { MappingColumns } from '../../../../core/datasets/column-mapping.ts';

const NAME = /^[\w .-]+$/;

export function SavedMappings({ dataset, saved, chosen, current, onChoose, onSaved }: {
  dataset: string;
  saved: SavedMapping[];
  chosen: string;
  current: MappingColumns;
  onChoose: (name: string) => void;
  onSaved: (mapping: SavedMapping) => void;
}) {
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const forDataset = saved.filter((m) => m.dataset === dataset);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100 || !NAME.test(trimmed)) {
      setMessage({ kind: 'error', text: 'Give the mapping a name of up to 100 letters, digits, spaces, dots, dashes or underscores.' });
      return;
    }
    setBusy(true);
    try {
      const mapping = await saveMapping({ name: trimmed, dataset, columns: current });
      setMessage({ kind: 'ok', text: `Saved as "${mapping.name}". Choose it next time under "Saved mapping", or pass --mapping "${mapping.name}" to parity ingest.` });
      setName('');
      onSaved(mapping);
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mapping-tools">
      <div className="mapping-tools-row">
        <div className="field">
          <label htmlFor="saved-mapping">Saved mapping</label>
          <select id="saved-mapping" value={chosen} onChange={(event) => onChoose(event.target.value)} aria-describedby="saved-mapping-hint">
            <option value="">None — match headers by name</option>
            {forDataset.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
          <span id="saved-mapping-hint" className="hint">
            {forDataset.length ? `${forDataset.length} saved for this dataset.` : 'None saved for this dataset yet.'}
          </span>
        </div>
        <form className="save-mapping" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="mapping-name">Save this mapping as…</label>
            <input id="mapping-name" type="text" value={name} maxLength={100} onChange={(event) => setName(event.target.value)} placeholder="e.g. PAS outpatients export" />
          </div>
          <button type="submit" className="button button-secondary" disabled={busy}>
            {busy ? 'Saving…' : 'Save mapping'}
          </button>
        </form>
      </div>
      <p className="form-message" role="status">
        {message?.kind === 'ok' ? message.text : ''}
      </p>
      <p className="form-message is-error" role="alert">
        {message?.kind === 'error' ? message.text : ''}
      </p>
    </div>
  );
}
