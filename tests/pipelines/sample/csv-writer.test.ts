import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvWriter, escapeCsv } from '../../../pipelines/sample/csv-writer.ts';

describe('escapeCsv', () => {
  it('quotes a field holding a comma, a quote or a line break and doubles the quotes', () => {
    expect(escapeCsv('Heartlands Hospital, Bordesley Green')).toBe('"Heartlands Hospital, Bordesley Green"');
    expect(escapeCsv('Good Hope "Ward 5"')).toBe('"Good Hope ""Ward 5"""');
    expect(escapeCsv('two\nlines')).toBe('"two\nlines"');
  });

  it('leaves plain text and numbers alone and writes null as an empty field', () => {
    expect(escapeCsv('White - British')).toBe('White - British');
    expect(escapeCsv(42)).toBe('42');
    expect(escapeCsv(null)).toBe('');
  });
});

describe('CsvWriter', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('streams many rows to the final file name and leaves no partial file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parity-csv-'));
    dirs.push(dir);
    const writer = CsvWriter.open(join(dir, 'out.csv'), ['id', 'site']);
    for (let i = 0; i < 50_000; i++) {
      const pending = writer.row([i, i % 2 ? 'Café, £3' : 'RRK02']);
      if (pending) await pending;
    }
    await writer.close();
    expect(await readdir(dir)).toEqual(['out.csv']);
    const lines = (await readFile(join(dir, 'out.csv'), 'utf8')).split('\n');
    expect(lines[0]).toBe('id,site');
    expect(lines[2]).toBe('1,"Café, £3"');
    expect(lines.length).toBe(50_002);
    expect(writer.rows).toBe(50_000);
  });

  it('refuses a row with the wrong number of cells', () => {
    const writer = CsvWriter.open(join(tmpdir(), `parity-csv-refuse-${process.pid}.csv`), ['a', 'b']);
    expect(() => writer.row(['only one'])).toThrow(/expected 2/);
    return writer.close().then(() => rm(writer.path, { force: true }));
  });
});
