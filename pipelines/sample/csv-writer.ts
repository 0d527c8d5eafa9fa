/**
 * Streams CSV rows to disk: UTF-8, comma-separated, `\n` line ends, fields quoted only when they
 * hold a comma, quote or line break. Rows are buffered into ~256 KB chunks and the stream's
 * back-pressure is respected. The file is written under a temporary name and renamed on close,
 * so a reader never sees half a file.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';

export type Cell = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

export function escapeCsv(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CHUNK = 256 * 1024;

export class CsvWriter {
  private readonly stream: WriteStream;
  private readonly tempPath: string;
  private buffer = '';
  private failure: Error | null = null;
  rows = 0;

  private constructor(readonly path: string, private readonly width: number) {
    this.tempPath = `${path}.partial`;
    this.stream = createWriteStream(this.tempPath, { encoding: 'utf8' });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  static open(path: string, header: readonly string[]): CsvWriter {
    const writer = new CsvWriter(path, header.length);
    writer.buffer = `${header.map(escapeCsv).join(',')}\n`;
    return writer;
  }

  /** Adds one row; returns a promise only when the buffer was handed to the stream and it is full. */
  row(cells: readonly Cell[]): Promise<void> | undefined {
    if (cells.length !== this.width) throw new Error(`CSV row for ${this.path} has ${cells.length} cells, expected ${this.width}`);
    let line = escapeCsv(cells[0]);
    for (let i = 1; i < cells.length; i++) line += `,${escapeCsv(cells[i])}`;
    this.buffer += `${line}\n`;
    this.rows++;
    return this.buffer.length >= CHUNK ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunk = this.buffer;
    this.buffer = '';
    if (chunk && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Writes what is left, closes the file and moves it to its final name. */
  async close(): Promise<void> {
    try {
      await this.flush();
      this.stream.end();
      await once(this.stream, 'finish');
      if (this.failure) throw this.failure;
      await rename(this.tempPath, this.path);
    } catch (error) {
      this.stream.destroy();
      await rm(this.tempPath, { force: true });
      throw error;
    }
  }
}
