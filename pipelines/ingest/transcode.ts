import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/**
 * Rewrites a Windows-1252 file as UTF-8. DuckDB's latin-1 reader gets bytes 0x80–0x9F wrong
 * (€, curly quotes, dashes), so the conversion is done here, by the platform's own decoder.
 */
export async function transcodeToUtf8(from: string, to: string): Promise<void> {
  const decoder = new TextDecoder('windows-1252');
  const toUtf8 = new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
  await pipeline(createReadStream(from), toUtf8, createWriteStream(to));
}
