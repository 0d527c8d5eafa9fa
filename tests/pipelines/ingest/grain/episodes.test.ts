import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../../../db/database.ts';
import { ingestFile } from '../../../../pipelines/ingest/ingest.ts';
import { grainMessages } from '../../../../core/text/grain-messages.ts';
import { tempDatabase } from '../../../helpers/temp-db.ts';

const OPTIONS = { maxBytes: 10 * 1024 * 1024, chineseGroup: '2001' as const };
const HES = fileURLToPath(new URL('../../../fixtures/layouts/hes-apc-episodes.csv', import.meta.url));

let db: Database;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await tempDatabase()));
afterEach(() => cleanup());

describe('an HES APC file with one row per episode', () => {
  it('keeps each spell at its first episode and sets the later episodes aside as later episodes', async () => {
    const summary = await ingestFile(db, { path: HES, dataset: 'admissions' }, OPTIONS);
    // 11 episode rows: 5 spells, 5 later episodes, and one episode repeated word for word.
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 11, rowsLoaded: 5, rowsSetAside: 5, rowsQuarantined: 1 });
    expect(summary.rowsRead).toBe(summary.rowsLoaded + summary.rowsSetAside + summary.rowsQuarantined);
    expect(summary.setAside).toEqual([{ reason: 'later_episode', rows: 5, message: grainMessages.laterEpisodes(5, 4) }]);
    expect(summary.grain).toMatchObject({ file: 'consultant episode', stored: 'hospital spell', rowsStored: 5 });
    // Only the real repeat is a duplicate; no later episode is reported as one.
    expect(summary.errors).toEqual([{ row: 9, column: 'spell_id', message: 'duplicate of row 8 in this file' }]);

    const spells = await db.all(`SELECT spell_id, episode_order, admission_date::VARCHAR AS admitted, discharge_date::VARCHAR AS discharged, primary_diagnosis, source_row
      FROM admissions ORDER BY spell_id`);
    expect(spells).toEqual([
      // The first episode's diagnosis; the discharge date from the spell's last episode.
      { spell_id: 'S0001', episode_order: 1, admitted: '2024-05-02', discharged: '2024-05-12', primary_diagnosis: 'J440', source_row: 2 },
      { spell_id: 'S0002', episode_order: 1, admitted: '2024-06-10', discharged: '2024-06-10', primary_diagnosis: 'K359', source_row: 5 },
      // Episode 1 comes after episode 2 in the file: it is still the one kept.
      { spell_id: 'S0003', episode_order: 1, admitted: '2024-07-01', discharged: '2024-07-08', primary_diagnosis: 'I214', source_row: 7 },
      { spell_id: 'S0004', episode_order: 1, admitted: '2024-08-15', discharged: '2024-08-20', primary_diagnosis: 'J440', source_row: 8 },
      // Episode order 99 (not known) sorts after a known first episode.
      { spell_id: 'S0005', episode_order: 1, admitted: '2024-09-01', discharged: '2024-09-02', primary_diagnosis: 'N201', source_row: 12 },
    ]);
  });

  it('counts a spell once however many of its episodes an overlapping second file repeats', async () => {
    await ingestFile(db, { path: HES, dataset: 'admissions' }, OPTIONS);
    const { writeFileSync, readFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const again = join(mkdtempSync(join(tmpdir(), 'parity-hes-')), 'hes-again.csv');
    writeFileSync(again, readFileSync(HES, 'utf8') + '2425|H0006|S0006|E000011|01|2024-10-01|2024-10-02|2024-10-01|21|2024-10-02|300|J440|-|80|2|A|E01000007|RRK02\n');
    const second = await ingestFile(db, { path: again, dataset: 'admissions' }, OPTIONS);
    expect(second).toMatchObject({ status: 'loaded', rowsLoaded: 1, rowsSetAside: 5, rowsQuarantined: 6 });
    expect((await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM admissions`))[0].n).toBe(6);
  });

  it('without an episode order, a repeated spell stays a duplicate', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'parity-hes-')), 'spells.csv');
    writeFileSync(path, 'spell_id,patient_id,admission_date,admission_method\nS1,P1,2024-05-02,21\nS1,P1,2024-05-02,21\n');
    const summary = await ingestFile(db, { path, dataset: 'admissions' }, OPTIONS);
    expect(summary).toMatchObject({ rowsLoaded: 1, rowsSetAside: 0, rowsQuarantined: 1, setAside: [], grain: null });
  });
});
