import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../../../db/database.ts';
import { ingestFile } from '../../../../pipelines/ingest/ingest.ts';
import { grainMessages } from '../../../../core/text/grain-messages.ts';
import { tempDatabase, writeFixture } from '../../../helpers/temp-db.ts';

const OPTIONS = { maxBytes: 10 * 1024 * 1024, chineseGroup: '2001' as const };
const NOMIS = fileURLToPath(new URL('../../../fixtures/layouts/nomis-lsoa-population-2020.csv', import.meta.url));

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(async () => ({ db, dir, cleanup } = await tempDatabase()));
afterEach(() => cleanup());

const total = async (where = 'true') => (await db.all<{ n: number }>(`SELECT coalesce(sum(population), 0)::INTEGER AS n FROM population WHERE ${where}`))[0].n;

describe('a Nomis population download by LSOA, sex and single year of age', () => {
  it('adds the single-sex, single-year rows up into cells and sets totals aside, so the denominator is the whole population', async () => {
    const summary = await ingestFile(db, { path: NOMIS, dataset: 'population' }, OPTIONS);
    // 3 LSOAs × (Total, Male, Female) × (All Ages, Age 0 … Age 89, Aged 90+) + the local authority's own 182 rows.
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 1010, rowsLoaded: 546, rowsSetAside: 464, rowsQuarantined: 0, errors: [] });
    expect(summary.setAside).toEqual([
      { reason: 'total_row', rows: 282, message: grainMessages.totalRows(282) },
      { reason: 'area_total', rows: 182, message: grainMessages.areaTotals(182) },
    ]);
    expect(summary.grain).toMatchObject({ file: 'population row', stored: 'population cell', rowsStored: 3 * 2 * 19 });
    expect(await total()).toBe(4366);
    expect(await total(`lsoa_code = 'E01000003' AND sex = '1' AND age_band = '90+'`)).toBe(3 + ((90 * 7 + 0 * 5 + 3) % 11));
  });

  it('sets aside the Percent rows a Nomis download holds beside each Value, whichever comes first, so only people are added up', async () => {
    const lines = ['DATE_NAME,GEOGRAPHY_CODE,GENDER_NAME,C_AGE_NAME,MEASURES_NAME,OBS_VALUE,OBS_STATUS_NAME'];
    for (const sex of ['Male', 'Female']) {
      for (let age = 0; age < 5; age++) {
        // The share first, and a whole one: read as a count it would replace the Value row as its duplicate.
        lines.push(`June 2023,E01033769,${sex},Age ${age},Percent,${age + 1}.0,Normal Value`, `June 2023,E01033769,${sex},Age ${age},Value,${20 + age},Normal Value`);
      }
    }
    const summary = await ingestFile(db, { path: writeFixture(dir, 'nomis.csv', lines.join('\n')), dataset: 'population' }, OPTIONS);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 20, rowsLoaded: 10, rowsSetAside: 10, rowsQuarantined: 0 });
    expect(summary.setAside).toEqual([{ reason: 'not_a_count', rows: 10, message: grainMessages.notCounts(10, 'MEASURES_NAME') }]);
    expect(await total()).toBe(2 * (20 + 21 + 22 + 23 + 24));
  });

  it('derives each LSOA\'s quintile from IoD2019 for a 2020 estimate on 2011 LSOAs, and says why', async () => {
    const summary = await ingestFile(db, { path: NOMIS, dataset: 'population' }, OPTIONS);
    expect(summary.imd).toMatchObject({ lsoaVintage: '2011', rows: { IoD2019: 546, IoD2025: 0, supplied: 0, notFound: 0 }, supplied: null });
    expect(summary.imd?.vintageBasis).toBe(grainMessages.vintageFromYear(2020, '2011'));
    // IoD2019 deciles: E01000003 5 (quintile 3), E01000005 3 and E01000007 3 (quintile 2). IoD2025 would give 4, 3 and 1.
    const quintiles = await db.all(`SELECT lsoa_code, any_value(imd_quintile) AS q, any_value(imd_edition) AS edition FROM population GROUP BY lsoa_code ORDER BY lsoa_code`);
    expect(quintiles).toEqual([
      { lsoa_code: 'E01000003', q: 3, edition: 'IoD2019' },
      { lsoa_code: 'E01000005', q: 2, edition: 'IoD2019' },
      { lsoa_code: 'E01000007', q: 2, edition: 'IoD2019' },
    ]);
  });

  it('takes the edition from a header that names the LSOA vintage', async () => {
    const csv = 'year,lsoa21cd,age_band,sex,population\n2020,E01000007,0-4,1,100\n2020,E01000007,0-4,2,90\n';
    const summary = await ingestFile(db, { path: writeFixture(dir, 'p.csv', csv), dataset: 'population' }, OPTIONS);
    expect(summary.imd).toMatchObject({ lsoaVintage: '2021', rows: { IoD2025: 2 } });
    expect(await db.all(`SELECT DISTINCT imd_quintile AS q, imd_edition AS e FROM population`)).toEqual([{ q: 1, e: 'IoD2025' }]);
  });

  it('never lets a supplied quintile override the derived one, and counts where they disagree', async () => {
    const csv = 'year,lsoa11cd,age_band,sex,population,imd_quintile\n2020,E01000007,0-4,1,100,2\n2020,E01000007,5-9,1,90,5\n2020,,10-14,1,80,4\n';
    const summary = await ingestFile(db, { path: writeFixture(dir, 'p.csv', csv), dataset: 'population' }, OPTIONS);
    expect(summary.imd?.supplied).toMatchObject({ header: 'imd_quintile', edition: null, agree: 1, disagree: 1 });
    expect(summary.imd?.rows).toMatchObject({ IoD2019: 2, supplied: 1 });
    const rows = await db.all(`SELECT age_band, imd_quintile AS q, imd_edition AS e FROM population ORDER BY age_band`);
    expect(rows).toEqual([
      { age_band: '0-4', q: 2, e: 'IoD2019' },
      { age_band: '10-14', q: 4, e: 'supplied' },
      { age_band: '5-9', q: 2, e: 'IoD2019' },
    ]);
  });

  it('quarantines a real repeat of one LSOA, sex and age, and a cell already loaded from another extract', async () => {
    const csv = 'year,lsoa_code,age,sex,population\n2020,E01000007,Age 3,Male,10\n2020,E01000007,Age 4,Male,11\n2020,E01000007,Age 4,Male,11\n';
    const first = await ingestFile(db, { path: writeFixture(dir, 'a.csv', csv), dataset: 'population' }, OPTIONS);
    expect(first).toMatchObject({ rowsLoaded: 2, rowsQuarantined: 1, errors: [{ row: 4, column: '(year, lsoa_code, sex, age_band)', message: 'duplicate of row 3 in this file' }] });
    expect(await total()).toBe(21);
    const second = await ingestFile(db, { path: writeFixture(dir, 'b.csv', csv.replace('10\n', '12\n')), dataset: 'population' }, OPTIONS);
    expect(second.status).toBe('rejected');
    expect(await total()).toBe(21);
  });

  it('still loads the plain layout, one row per cell, as before', async () => {
    const csv = 'year,age_band,sex,population,imd_quintile\n2024,0-4,1,1000,1\n2024,0-4,2,950,1\n2024,90+,2,40,5\n';
    const summary = await ingestFile(db, { path: writeFixture(dir, 'p.csv', csv), dataset: 'population' }, OPTIONS);
    expect(summary).toMatchObject({ status: 'loaded', rowsLoaded: 3, rowsSetAside: 0, rowsQuarantined: 0 });
    expect(await total()).toBe(1990);
    expect(await db.all(`SELECT imd_quintile AS q, imd_edition AS e FROM population ORDER BY population`)).toEqual([
      { q: 5, e: 'supplied' }, { q: 1, e: 'supplied' }, { q: 1, e: 'supplied' },
    ]);
  });
});
