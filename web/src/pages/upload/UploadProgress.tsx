// A real progress bar for the upload (XMLHttpRequest upload events), then a note while the
// server checks and loads the rows.
import { formatBytes } from './format.ts';

export function UploadProgress({ fileName, loaded, total, onCancel }: { fileName: string; loaded: number; total: number; onCancel: () => void }) {
  const sent = total > 0 && loaded >= total;
  const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
  return (
    <div className="upload-progress">
      <label htmlFor="upload-progress-bar">
        {sent ? `Sent ${fileName}` : `Sending ${fileName}`}: {percent}% ({formatBytes(loaded)} of {formatBytes(total)})
      </label>
      <progress id="upload-progress-bar" max={total || 1} value={loaded}>
        {percent}%
      </progress>
      <p className="upload-phase" role="status">
        {sent ? (
          <>
            <span className="spinner" aria-hidden="true" /> The server is checking and loading the rows…
          </>
        ) : (
          'Uploading…'
        )}
      </p>
      {!sent && (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel upload
        </button>
      )}
    </div>
  );
}
