import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileMessages } from '../../../../core/text/ingest-messages.ts';
import { MAX_HEADER_BYTES } from '../../../../core/files/header-limit.ts';
import { readFile } from '../../../../web/src/pages/upload/read-file.ts';

const file = (content: BlobPart, name = 'extract.csv') => new File([content], name);

describe('readFile', () => {
  it('refuses an Excel workbook, an empty file, a header with no rows and a file with no separator, in the server’s words', async () => {
    expect(await readFile(file(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'extract.xlsx'))).toMatchObject({ kind: 'refused', message: fileMessages.spreadsheet() });
    expect(await readFile(file(''))).toMatchObject({ kind: 'refused', message: fileMessages.empty() });
    expect(await readFile(file('a,b\n'))).toMatchObject({ kind: 'refused', message: fileMessages.headerOnly() });
    expect(await readFile(file('just one column\nvalue\n'))).toMatchObject({ kind: 'refused', message: fileMessages.notDelimited() });
  });

  it('shows the first 20 rows of a small file and checks all of them', async () => {
    const state = await readFile(file(readFileSync('sample-data/messy/outpatients-messy.csv')));
    if (state.kind !== 'ready') throw new Error(`not ready: ${state.kind}`);
    expect(state.preview.rows).toHaveLength(20);
    expect(state.preview.more).toBe(true);
    expect(state.checked.rows).toHaveLength(60);
    expect(state.checked.more).toBe(false);
  });

  it('reads a header row longer than 64 KB to its end in a file over 2 MB, and shows the rows after it', async () => {
    const extra = Array.from({ length: 3500 }, (_, i) => `local_extra_field_${String(i).padStart(4, '0')}`);
    const header = ['appointment_id', 'patient_id', 'appointment_date', 'treatment_function_code', 'attendance_status', ...extra].join(',');
    const row = (i: number) => [`ID-${i}`, `P-${i}`, '2025-04-01', '110', '5', ...extra.map(() => 'x')].join(',');
    const big = `${header}\n${Array.from({ length: 400 }, (_, i) => row(i)).join('\n')}\n`;
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const state = await readFile(file(big));
    if (state.kind !== 'ready') throw new Error(`not ready: ${state.kind} ${state.kind === 'refused' ? state.message : ''}`);
    expect(state.head.truncated).toBe(true);
    expect(state.preview.headers).toHaveLength(3505);
    expect(state.preview.rows[0][0]).toBe('ID-0');
  });

  it('refuses a file whose first line is longer than 1 MiB, in the server’s words', async () => {
    for (const size of [1.5, 3]) {
      const content = `a,${'b'.repeat(size * 1024 * 1024)}\n1,2\n`;
      expect(await readFile(file(content)), `${size} MB`).toMatchObject({ kind: 'refused', message: fileMessages.headerTooLong(MAX_HEADER_BYTES) });
    }
  });

  it('reads only the head of a file over 2 MB, and says the check covers the first rows', async () => {
    const rows = Array.from({ length: 80_000 }, (_, i) => `ID-${i},P-${i},2025-04-01,110,5`);
    const big = `appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status\n${rows.join('\n')}\n`;
    const state = await readFile(file(big));
    if (state.kind !== 'ready') throw new Error(`not ready: ${state.kind}`);
    expect(state.head.truncated).toBe(true);
    expect(state.checked.rows).toHaveLength(20);
    expect(state.checked.more).toBe(true);
  });
});
