// Confirms turning disclosure control off: it shows every small count, unrounded, to everyone —
// viewers, exports, reports and new publications included — so it is never one click away.
import { useEffect, useRef, useState } from 'react';

export function DisclosureOffDialog({ onConfirm, onClose }: { onConfirm: () => Promise<void>; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // A risky choice: start on Cancel, so Enter does no harm.
    cancel.current?.focus();
    return () => d?.close();
  }, []);
  const confirm = async () => {
    setBusy(true);
    await onConfirm();
  };
  return (
    <dialog
      ref={dialog}
      className="settings-dialog"
      aria-labelledby="disclosure-off-title"
      aria-describedby="disclosure-off-description"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id="disclosure-off-title">Turn off disclosure control?</h2>
      <div id="disclosure-off-description">
        <p>
          Every count becomes visible <strong>unrounded, including counts of 1 to 7</strong>, to <strong>everyone who can sign in — viewers too</strong> — and in
          every CSV, chart, report and newly published chart. Small numbers can identify patients.
        </p>
        <p>Use it only for internal analysis on a server that nobody else uses. The change is recorded in the audit log.</p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-danger" onClick={confirm} disabled={busy}>
          {busy ? 'Turning off…' : 'Turn off disclosure control'}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose} disabled={busy} ref={cancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
