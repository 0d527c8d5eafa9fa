// Reads a chosen file in the browser: refuses what is not a CSV (with the server's own words),
// else parses the first rows to show and every row of a small file to check.
import { fileMessages } from '../../../../core/text/ingest-messages.ts';
import { headerTooLong, MAX_HEADER_BYTES } from '../../../../core/files/header-limit.ts';
import { readHead, sniffBinary, type DecodedHead } from './decode.ts';
import { parsePreview, PREVIEW_ROWS, type Preview } from './parse-preview.ts';

export type FileState =
  | { kind: 'none' }
  | { kind: 'reading'; file: File }
  | { kind: 'refused'; file: File; message: string }
  /** `preview`: the first rows, shown; `checked`: every row read (the whole of a small file), checked. */
  | { kind: 'ready'; file: File; head: DecodedHead; preview: Preview; checked: Preview };

export async function readFile(file: File): Promise<FileState> {
  const { head, bytes } = await readHead(file);
  if (file.size === 0) return { kind: 'refused', file, message: fileMessages.empty() };
  const binary = sniffBinary(bytes);
  if (binary) return { kind: 'refused', file, message: fileMessages[binary]() };
  if (headerTooLong(bytes)) return { kind: 'refused', file, message: fileMessages.headerTooLong(MAX_HEADER_BYTES) };
  const checked = parsePreview(head, head.truncated ? PREVIEW_ROWS : Infinity);
  if (checked.headers.length === 0) return { kind: 'refused', file, message: fileMessages.empty() };
  if (checked.headers.length < 2) return { kind: 'refused', file, message: fileMessages.notDelimited() };
  if (checked.rows.length === 0) return { kind: 'refused', file, message: fileMessages.headerOnly() };
  const shown = Math.min(PREVIEW_ROWS, checked.rows.length);
  const preview: Preview = {
    ...checked,
    rows: checked.rows.slice(0, shown),
    lines: checked.lines.slice(0, shown),
    ragged: checked.ragged.filter((r) => r.line <= checked.lines[shown - 1]),
    more: checked.more || checked.rows.length > shown,
  };
  return { kind: 'ready', file, head, preview, checked };
}
