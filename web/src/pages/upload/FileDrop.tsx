// A drop zone for a CSV file that is also an ordinary, keyboard-operable file input.
import { useRef, useState, type DragEvent } from 'react';
import { formatBytes } from './format.ts';

export function FileDrop({ file, onFile, disabled = false }: { file: File | null; onFile: (file: File) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const over = (event: DragEvent) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    const dropped = event.dataTransfer.files[0];
    if (!dropped) return;
    // Show the dropped file in the input too, so the two ways of choosing agree.
    if (input.current) {
      try {
        input.current.files = event.dataTransfer.files;
      } catch {
        /* older browsers: the page still has the file */
      }
    }
    onFile(dropped);
  };
  return (
    <div
      className={`drop-zone${dragging ? ' is-dragging' : ''}${file ? ' has-file' : ''}`}
      onDragOver={over}
      onDragEnter={over}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <svg className="drop-icon" width="40" height="40" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6zm4 18H6V4h7v5h5v11zM8 13h3v5h2v-5h3l-4-4-4 4z" />
      </svg>
      <p className="drop-title">{dragging ? 'Drop the file to preview it' : 'Drag a CSV file here, or choose one'}</p>
      <div className="field">
        <label htmlFor="upload-file">CSV file</label>
        <input
          ref={input}
          id="upload-file"
          name="file"
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          aria-describedby="upload-file-hint"
          disabled={disabled}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) onFile(chosen);
          }}
        />
        <span id="upload-file-hint" className="hint">
          Comma-, semicolon-, tab- or pipe-separated, with a header row; UTF-8 or Windows-1252 (Excel's "CSV").
        </span>
      </div>
      {file && (
        <p className="drop-chosen">
          Chosen: <strong>{file.name}</strong> ({formatBytes(file.size)})
        </p>
      )}
    </div>
  );
}
