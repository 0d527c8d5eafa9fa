import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MESSY = join(import.meta.dirname, '../../../sample-data/messy');

describe('the messy demo extracts', () => {
  it('outpatients-messy.csv starts with a UTF-8 byte-order mark and has 60 data rows with Windows line ends', async () => {
    const bytes = await readFile(join(MESSY, 'outpatients-messy.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').split('\r\n').filter(Boolean);
    expect(lines.length).toBe(61);
    expect(lines[0]).toBe('\ufeffAppointment ID,NHS Pseudo ID,Appt Date,TFC,Attendance Status,First or Follow Up,Age,Sex,Ethnicity,LSOA,Site');
  });

  it('outpatients-messy-cp1252.csv is Windows-1252, not UTF-8, and holds £, é and a curly apostrophe', async () => {
    const bytes = await readFile(join(MESSY, 'outpatients-messy-cp1252.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    for (const byte of [0xa3, 0xe9, 0x92]) expect(bytes.includes(byte)).toBe(true);
    // Node 20's one-shot windows-1252 decode treats 0x80–0x9F as latin-1 control characters;
    // the streaming decode maps them properly (0x92 → ’), as the loader's transcoder does.
    const decoder = new TextDecoder('windows-1252');
    const text = decoder.decode(bytes, { stream: true }) + decoder.decode();
    expect(text).toContain('St Mary’s Wing');
    expect(text).toContain('Outpatients (£3 parking)');
  });
});
