// How much of a file is read for its header row and first lines, shared by the server
// (inspect-file.ts) and the browser's preview (web/src/pages/upload/decode.ts). The header is read
// to its first line end however long it is, up to MAX_HEADER_BYTES: a wide extract's header may
// run past the first 64 KB, and a "header" longer than 1 MiB is not a CSV header at all. Pure: no
// Node or DOM imports.

/** What is read beyond the header row: enough lines to detect the separator and see data rows. */
export const AFTER_HEADER_BYTES = 64 * 1024;
/** The longest header row Parity reads (1 MiB; DuckDB's own line limit is twice that). */
export const MAX_HEADER_BYTES = 1024 * 1024;

/** The length in bytes of the first line (before its LF or CR), or -1 when `bytes` has no line end. */
export function headerLength(bytes: Uint8Array): number {
  const lf = bytes.indexOf(0x0a);
  const cr = bytes.indexOf(0x0d);
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
}

/**
 * How many bytes from the start of the file the head needs, given what has been read so far:
 * the header row and AFTER_HEADER_BYTES more, or (no line end yet) up to the cap and a little
 * more, so a header that is too long can be told from one that ends just past the cap.
 */
export function headBytesWanted(read: Uint8Array): number {
  const header = headerLength(read.subarray(0, MAX_HEADER_BYTES + 1));
  return header < 0 ? MAX_HEADER_BYTES + 1 : header + 1 + AFTER_HEADER_BYTES;
}

/** True when the first line is longer than MAX_HEADER_BYTES (given the file's first MAX_HEADER_BYTES + 1 bytes, or all of a shorter file). */
export function headerTooLong(head: Uint8Array): boolean {
  return head.length > MAX_HEADER_BYTES && headerLength(head.subarray(0, MAX_HEADER_BYTES + 1)) < 0;
}
