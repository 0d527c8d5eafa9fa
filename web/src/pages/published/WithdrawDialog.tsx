// Confirms a withdrawal, naming the chart and saying what happens to it.
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { formatDateTime } from '../../../../core/text/format.ts';
import { withdraw, type PublishedSummary } from './api.ts';

export function WithdrawDialog({ chart, onClose, onWithdrawn }: {
  chart: PublishedSummary;
  onClose: () => void;
  onWithdrawn: (chart: PublishedSummary) => void;
}) {
  return (
    <ConfirmDialog
      title={`Withdraw “${chart.title}”?`}
      confirmLabel="Withdraw this chart"
      busyLabel="Withdrawing…"
      onClose={onClose}
      onConfirm={async () => onWithdrawn(await withdraw(chart.id))}
    >
      <p>
        Published as chart {chart.id} by {chart.publishedBy} on {formatDateTime(chart.publishedAt)}. After withdrawal its page says it
        was withdrawn and when, and its image and data files are no longer served: any board paper or intranet page that embeds it
        shows the notice instead.
      </p>
      <p>A withdrawal cannot be undone; to publish the chart again, publish it from its indicator page (with today's data).</p>
    </ConfirmDialog>
  );
}
