// Confirms a deletion in a modal <dialog> that names the extract and the rows it removes.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { deleteExtract, type Extract } from '../upload/api.ts';
import { formatCount, formatWhen } from '../upload/format.ts';

export function DeleteDialog({ extract, datasetTitle, onClose, onDeleted }: {
  extract: Extract;
  datasetTitle: string;
  onClose: () => void;
  onDeleted: (extract: Extract) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // A destructive choice: start on Cancel, so Enter does no harm.
    cancel.current?.focus();
    return () => d?.close();
  }, []);
  const confirm = async () => {
    setBusy(true);
    setError('');
    try {
      await deleteExtract(extract.id);
      onDeleted(extract);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-description"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id="delete-title">Delete extract {extract.id}?</h2>
      <div id="delete-description">
        <p>
          This removes <strong>{formatCount(extract.rowsLoaded)} loaded rows</strong> of {datasetTitle.toLowerCase()} from{' '}
          <strong>{extract.fileName}</strong> (loaded {formatWhen(extract.uploadedAt)}) and its {formatCount(extract.rowsQuarantined)} quarantined rows. Every
          figure that counted them changes.
        </p>
        <p>The deletion is recorded; to load the file again, upload it.</p>
      </div>
      <p className="field-error" role="alert">{error}</p>
      <div className="dialog-actions">
        <button type="button" className="button button-danger" onClick={confirm} disabled={busy}>
          {busy ? 'Deleting…' : `Delete ${formatCount(extract.rowsLoaded)} rows`}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose} disabled={busy} ref={cancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
