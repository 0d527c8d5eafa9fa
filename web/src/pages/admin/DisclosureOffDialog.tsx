// Confirms turning disclosure control off: it shows every small count, unrounded, to everyone —
// viewers, exports, reports and new publications included — so it is never one click away.
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';

export function DisclosureOffDialog({ onConfirm, onClose }: { onConfirm: () => Promise<void>; onClose: () => void }) {
  return (
    <ConfirmDialog title="Turn off disclosure control?" confirmLabel="Turn off disclosure control" busyLabel="Turning off…" onConfirm={onConfirm} onClose={onClose}>
      <p>
        Every count becomes visible <strong>unrounded, including counts of 1 to 7</strong>, to <strong>everyone who can sign in — viewers too</strong> — and in
        every CSV, chart, report and newly published chart. Small numbers can identify patients.
      </p>
      <p>Use it only for internal analysis on a server that nobody else uses. The change is recorded in the audit log.</p>
    </ConfirmDialog>
  );
}
