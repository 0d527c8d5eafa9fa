import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileMessages } from '../../../core/text/ingest-messages.ts';
import { readFile } from '../../../web/src/pages/upload/read-file.ts';

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
