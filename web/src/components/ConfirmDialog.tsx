// A modal confirmation for a choice that cannot be undone or carries a risk (deleting an extract,
// withdrawing a chart, switching off disclosure control). It opens on Cancel, so Enter does no
// harm; Escape cancels unless the work is under way; a failure is shown and the choice offered again.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import './confirm-dialog.css';

export function ConfirmDialog({ title, children, confirmLabel, busyLabel, onConfirm, onClose }: {
  title: ReactNode;
  /** What the choice does, read out with the title. */
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  /** Does the work; the caller closes the dialog when it succeeds. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    cancel.current?.focus();
    return () => d?.close();
  }, []);
  const confirm = async () => {
    setBusy(true);
    setError('');
    try {
      await onConfirm();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-description`}>{children}</div>
      <p className="confirm-dialog-error" role="alert">
        {error}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-danger" onClick={confirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose} disabled={busy} ref={cancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
