// Confirms a withdrawal in a modal <dialog> that names the chart and says what happens to it.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { withdraw, type PublishedSummary } from './api.ts';

export function WithdrawDialog({ chart, onClose, onWithdrawn }: {
  chart: PublishedSummary;
  onClose: () => void;
  onWithdrawn: (chart: PublishedSummary) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // Withdrawal cannot be undone: start on Cancel, so Enter does no harm.
    cancel.current?.focus();
    return () => d?.close();
  }, []);
  const confirm = async () => {
    setBusy(true);
    setError('');
    try {
      onWithdrawn(await withdraw(chart.id));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <dialog
      ref={dialog}
      className="withdraw-dialog"
      aria-labelledby="withdraw-title"
      aria-describedby="withdraw-description"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id="withdraw-title">Withdraw “{chart.title}”?</h2>
      <div id="withdraw-description">
        <p>
          Published as chart {chart.id} by {chart.publishedBy} on {formatDateTime(chart.publishedAt)}. After withdrawal its page says it
          was withdrawn and when, and its image and data files are no longer served: any board paper or intranet page that embeds it
          shows the notice instead.
        </p>
        <p>A withdrawal cannot be undone; to publish the chart again, publish it from its indicator page (with today's data).</p>
      </div>
      <p className="withdraw-error" role="alert">
        {error}
      </p>
      <div className="withdraw-actions">
        <button type="button" className="button withdraw-confirm" onClick={confirm} disabled={busy}>
          {busy ? 'Withdrawing…' : 'Withdraw this chart'}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose} disabled={busy} ref={cancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
