import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileMessages } from '../../core/text/ingest-messages.ts';
import { headBytesWanted, headerTooLong, MAX_HEADER_BYTES } from '../../core/files/header-limit.ts';

export type Encoding = 'utf-8' | 'windows-1252';

export interface FileFacts {
  bytes: number;
  sha256: string;
  encoding: Encoding;
  /** The start of the file, decoded, for the header and the delimiter: the whole header row and 64 KB more. */
  head: string;
  /** True when the file may hold an empty line (DuckDB skips those; the load then finds where they are). */
  mayHaveEmptyLines: boolean;
}

const EMPTY_LINE = [Buffer.from('\n\n'), Buffer.from('\n\r\n')];

/** A whole-file refusal: nothing is loaded and the message says what to fix. */
export class FileRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileRefusal';
  }
}

function refuseBinaryHead(head: Buffer): void {
  if (head.length === 0) return;
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw new FileRefusal(fileMessages.spreadsheet());
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw new FileRefusal(fileMessages.spreadsheet());
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) throw new FileRefusal(fileMessages.utf16());
  const nulls = head.subarray(0, 4096).filter((b) => b === 0).length;
  if (nulls > 0) throw new FileRefusal(nulls > 16 && head.length > 1 && (head[1] === 0 || head[0] === 0) ? fileMessages.utf16() : fileMessages.binary());
}

/** How many bytes at the end of `chunk` start a UTF-8 character that the next chunk completes. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * Reads the file once: size, SHA-256, whether it is valid UTF-8 (else it is read as Windows-1252,
 * the encoding Excel uses for "CSV" on English Windows), and the decoded head.
 */
export async function inspectFile(path: string, maxBytes: number): Promise<FileFacts> {
  const { size } = await stat(path);
  if (size > maxBytes) throw new FileRefusal(fileMessages.tooLarge(size, maxBytes));

  const hash = createHash('sha256');
  let validUtf8 = true;
  // Checked chunk by chunk (isUtf8 is several times faster than a fatal TextDecoder); a character
  // cut by a chunk boundary is carried over to the next chunk.
  let carry = Buffer.alloc(0);
  let head = Buffer.alloc(0);
  let headDone = false;
  let mayHaveEmptyLines = false;
  let tail = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (!mayHaveEmptyLines) {
      // A native search per chunk, and across the chunk boundary.
      const seam = Buffer.concat([tail, chunk.subarray(0, 2)]);
      mayHaveEmptyLines = EMPTY_LINE.some((e) => chunk.includes(e) || seam.includes(e));
      tail = Buffer.from(chunk.subarray(Math.max(chunk.length - 2, 0)));
    }
    if (!headDone) {
      // The header row to its line end, however far that is (up to the cap), then 64 KB more.
      head = Buffer.concat([head, chunk]);
      refuseBinaryHead(head);
      const wanted = headBytesWanted(head);
      if (head.length >= wanted) {
        head = Buffer.from(head.subarray(0, wanted));
        headDone = true;
        if (headerTooLong(head)) throw new FileRefusal(fileMessages.headerTooLong(MAX_HEADER_BYTES));
      }
    }
    if (validUtf8) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const tail = incompleteTail(bytes);
      validUtf8 = isUtf8(bytes.subarray(0, bytes.length - tail));
      carry = Buffer.from(bytes.subarray(bytes.length - tail));
    }
  }
  if (carry.length) validUtf8 = false; // the file ends inside a character
  if (headerTooLong(head)) throw new FileRefusal(fileMessages.headerTooLong(MAX_HEADER_BYTES));
  if (head.toString('latin1').trim() === '' || head.toString('utf8').replace(/^\uFEFF/, '').trim() === '')
    throw new FileRefusal(fileMessages.empty());

  const encoding: Encoding = validUtf8 ? 'utf-8' : 'windows-1252';
  // The head may end inside a multi-byte character: decode leniently, only whole lines are used.
  // `stream: true` also sidesteps a Node 20 bug where a one-shot windows-1252 decode maps
  // bytes 0x80–0x9F (€, curly quotes) to control characters.
  const text = new TextDecoder(encoding).decode(head, { stream: true }).replace(/^\uFEFF/, '');
  return { bytes: size, sha256: hash.digest('hex'), encoding, head: text, mayHaveEmptyLines };
}
