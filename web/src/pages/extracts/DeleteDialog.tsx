// Confirms a deletion, naming the extract and the rows it removes.
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { deleteExtract, type Extract } from '../upload/api.ts';
import { formatCount, formatWhen } from '../upload/format.ts';

export function DeleteDialog({ extract, datasetTitle, onClose, onDeleted }: {
  extract: Extract;
  datasetTitle: string;
  onClose: () => void;
  onDeleted: (extract: Extract) => void;
}) {
  return (
    <ConfirmDialog
      title={`Delete extract ${extract.id}?`}
      confirmLabel={`Delete ${formatCount(extract.rowsLoaded)} rows`}
      busyLabel="Deleting…"
      onClose={onClose}
      onConfirm={async () => {
        await deleteExtract(extract.id);
        onDeleted(extract);
      }}
    >
      <p>
        This removes <strong>{formatCount(extract.rowsLoaded)} loaded rows</strong> of {datasetTitle.toLowerCase()} from{' '}
        <strong>{extract.fileName}</strong> (loaded {formatWhen(extract.uploadedAt)}) and its {formatCount(extract.rowsQuarantined)} quarantined rows. Every
        figure that counted them changes.
      </p>
      <p>The deletion is recorded; to load the file again, upload it.</p>
    </ConfirmDialog>
  );
}
