import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/database.ts';
import { ingestFile } from '../../../../pipelines/ingest/ingest.ts';
import { grainMessages } from '../../../../core/text/grain-messages.ts';
import { tempDatabase, writeFixture } from '../../../helpers/temp-db.ts';

const OPTIONS = { maxBytes: 10 * 1024 * 1024, chineseGroup: '2001' as const };
let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(async () => ({ db, dir, cleanup } = await tempDatabase()));
afterEach(() => cleanup());

// E01000007 is in both lists: IoD2019 decile 3 (quintile 2), IoD2025 decile 2 (quintile 1).
const rows = (lsoaHeader: string, extra = '') =>
  [`appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status,${lsoaHeader}${extra ? `,${extra}` : ''}`,
    `A1,P1,2025-04-01,110,5,E01000007${extra ? ',3' : ''}`, `A2,P2,2025-04-01,110,5,E01000007${extra ? ',2' : ''}`, `A3,P3,2025-04-01,110,5,${extra ? ',7' : ''}`].join('\n');
const deciles = () => db.all(`SELECT appointment_id AS id, imd_decile AS d, imd_edition AS e FROM outpatients ORDER BY 1`);

describe('the IMD decile of a patient-level extract', () => {
  it('comes from IoD2019 when the header names 2011 LSOAs, and from IoD2025 when it names 2021 ones', async () => {
    const eleven = await ingestFile(db, { path: writeFixture(dir, 'a.csv', rows('LSOA11')), dataset: 'outpatients' }, OPTIONS);
    expect(eleven.imd).toMatchObject({ lsoaVintage: '2011', vintageBasis: grainMessages.vintageFromHeader('LSOA11', '2011'), rows: { IoD2019: 2, noLsoa: 1 } });
    expect(await deciles()).toEqual([{ id: 'A1', d: 3, e: 'IoD2019' }, { id: 'A2', d: 3, e: 'IoD2019' }, { id: 'A3', d: null, e: null }]);
    await db.run(`DELETE FROM outpatients`);
    const csv21 = rows('Der_Postcode_LSOA_2021_Code').replaceAll('A1,P1', 'B1,P1').replaceAll('A2,P2', 'B2,P2').replaceAll('A3,P3', 'B3,P3');
    const twentyOne = await ingestFile(db, { path: writeFixture(dir, 'b.csv', csv21), dataset: 'outpatients', mapping: { lsoa_code: 'Der_Postcode_LSOA_2021_Code' } }, OPTIONS);
    expect(twentyOne.imd).toMatchObject({ lsoaVintage: '2021', rows: { IoD2025: 2 } });
    expect((await deciles()).map((r) => (r as { d: number | null }).d)).toEqual([2, 2, null]);
  });

  it('keeps the derived decile over a supplied one, names the supplied column\'s edition and counts the disagreements', async () => {
    const summary = await ingestFile(db, { path: writeFixture(dir, 'c.csv', rows('lsoa11cd', 'IMD_2019_Decile')), dataset: 'outpatients' }, OPTIONS);
    expect(summary.imd?.supplied).toEqual({
      header: 'IMD_2019_Decile', edition: 'IoD2019', agree: 1, disagree: 1,
      message: grainMessages.suppliedImd('IMD_2019_Decile', 'IoD2019', 1, 1, 'decile'),
    });
    // A2 supplied 2, the LSOA gives 3 (IoD2019): 3 is kept. A3 has no LSOA: its supplied 7 is used, and says so.
    expect(await deciles()).toEqual([{ id: 'A1', d: 3, e: 'IoD2019' }, { id: 'A2', d: 3, e: 'IoD2019' }, { id: 'A3', d: 7, e: 'supplied' }]);
    expect(summary.imd?.rows).toMatchObject({ IoD2019: 2, supplied: 1 });
  });
});
