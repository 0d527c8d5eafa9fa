// Turns the bytes of a chosen file into text for the preview and the checks: UTF-8 (with or without a
// byte-order mark) when the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV" on a UK PC).
// The server makes the same decision on the whole file (pipelines/ingest/inspect-file.ts).

import { headBytesWanted, headerLength, MAX_HEADER_BYTES } from '../../../../core/files/header-limit.ts';

export type Encoding = 'utf-8' | 'windows-1252';

/** How much of a file the browser reads to preview it. */
export const PREVIEW_BYTES = 64 * 1024;

export interface DecodedHead {
  text: string;
  encoding: Encoding;
  hadBom: boolean;
  /** True when the file is longer than the bytes read, so the last line may be cut short. */
  truncated: boolean;
}

/** What the first bytes say about a file that is not a CSV at all (null when it may be one). */
export function sniffBinary(bytes: Uint8Array): 'spreadsheet' | 'utf16' | 'binary' | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'spreadsheet';
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'spreadsheet';
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'utf16';
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) return 'binary';
  return null;
}

/**
 * Decodes the bytes read from a file. The encoding is decided on the first PREVIEW_BYTES: valid
 * UTF-8 there means UTF-8, anything else Windows-1252. `stream: true` lets the bytes end inside a
 * multi-byte character (and sidesteps a Node 20 one-shot windows-1252 decoding bug, for the tests).
 */
export function decodeHead(bytes: Uint8Array, truncated: boolean): DecodedHead {
  let encoding: Encoding = 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, PREVIEW_BYTES), { stream: truncated || bytes.length > PREVIEW_BYTES });
  } catch {
    encoding = 'windows-1252';
  }
  let text = encoding === 'utf-8'
    ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes, { stream: truncated })
    : new TextDecoder('windows-1252').decode(bytes, { stream: true });
  const hadBom = text.charCodeAt(0) === 0xfeff;
  if (hadBom) text = text.slice(1);
  return { text, encoding, hadBom, truncated };
}

/** Files up to this size are read whole, so every row is checked before upload. */
export const FULL_CHECK_BYTES = 2 * 1024 * 1024;

/**
 * Reads and decodes a small file whole, or the start of a larger one: the first PREVIEW_BYTES, or,
 * when the header row runs past them, the header row and PREVIEW_BYTES more (as the server does,
 * pipelines/ingest/header-limit.ts).
 */
export async function readHead(file: Blob): Promise<{ head: DecodedHead; bytes: Uint8Array }> {
  const read = async (length: number) => new Uint8Array(await file.slice(0, length).arrayBuffer());
  let bytes = await read(file.size <= FULL_CHECK_BYTES ? file.size : PREVIEW_BYTES);
  if (bytes.length < file.size && headerLength(bytes) < 0) {
    // A header row longer than PREVIEW_BYTES: read on to its end (up to the cap), and PREVIEW_BYTES more.
    bytes = await read(MAX_HEADER_BYTES + 1);
    if (headerLength(bytes) >= 0) bytes = await read(headBytesWanted(bytes));
  }
  return { head: decodeHead(bytes, file.size > bytes.length), bytes };
}
