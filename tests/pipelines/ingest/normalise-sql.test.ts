// Each column kind's SQL, run in a real in-memory DuckDB on the quirky values trusts' exports
// hold: what is loaded is the canonical value, and what cannot be read is NULL (so it is
// quarantined or counted as a data-quality problem), never a wrong value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../../../core/datasets/dataset-schema.ts';
import { findDataset } from '../../../core/datasets/index.ts';
import { Database } from '../../../db/database.ts';
import { literal } from '../../../db/sql.ts';
import { normaliseSql } from '../../../pipelines/ingest/normalise-sql.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

const column = (kind: ColumnSpec['kind'], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ name: 'v', kind, required: false, description: 'test', aliases: [], rejectInvalid: false, dateTimePairs: [], ...extra });

/** The canonical value of each raw text as DuckDB computes it, as text (null when unreadable). */
async function normalise(spec: ColumnSpec, values: (string | null)[]): Promise<(string | null)[]> {
  const rows = values.map((v, i) => `(${i}, ${v === null ? 'NULL' : literal(v)}::VARCHAR)`).join(', ');
  const answer = await db.withSession((s) =>
    s.all<{ out: string | null }>(`SELECT CAST((${normaliseSql(spec, 'v')}) AS VARCHAR) AS out FROM (VALUES ${rows}) t(i, v) ORDER BY i`),
  );
  return answer.map((r) => r.out);
}

describe('normaliseSql', () => {
  it('reads whole numbers written by Excel as 12.0, refuses fractions, words and out-of-range ages', async () => {
    expect(await normalise(column('integer'), ['12', '+7', '-3', '0012', '12.0', '12.000', 'twelve', ''])).toEqual(['12', '7', '-3', '12', '12', '12', null, null]);
    // Never rounded: 36.6 completed weeks of gestation are not 37.
    expect(await normalise(column('integer'), ['36.6', '12.5', '.5', '1e3', '1_000', '2147483648'])).toEqual([null, null, null, null, null, null]);
    expect(await normalise(column('integer', { min: 0, max: 120 }), ['0', '120', '121', '-1'])).toEqual(['0', '120', null, null]);
  });

  it('reads numbers with thousands separators', async () => {
    expect(await normalise(column('number'), ['1,234.5', '0.25', '1e3', 'n/a'])).toEqual(['1234.5', '0.25', '1000.0', null]);
  });

  it('reads ISO and UK day-first dates, and refuses impossible or unbelievable ones', async () => {
    const dates = ['2025-04-01', '01/04/2025', '1/4/2025', '01-04-2025', '01.04.2025', '2025-04-01 09:30:00', '2025-02-30', '31/02/2025', '1899-12-31', '3025-01-01', 'soon'];
    expect(await normalise(column('date'), dates)).toEqual(['2025-04-01', '2025-04-01', '2025-04-01', '2025-04-01', '2025-04-01', '2025-04-01', null, null, null, null, null]);
  });

  it('reads date-times with fractional seconds and a zone suffix', async () => {
    expect(await normalise(column('datetime'), ['2025-04-01T09:30:15.123Z', '2025-04-01 09:30', '01/04/2025 09:30', '2025-04-01T09:30:00+01:00', 'later']))
      .toEqual(['2025-04-01 09:30:15', '2025-04-01 09:30:00', '2025-04-01 09:30:00', '2025-04-01 09:30:00', null]);
  });

  it('reads yes/no in its many spellings', async () => {
    expect(await normalise(column('boolean'), ['Y', 'N', 'yes', 'No', '1', '0', 'TRUE', 'f', 'maybe'])).toEqual(['true', 'false', 'true', 'false', 'true', 'false', 'true', 'false', null]);
  });

  it('maps sex codes and words to the Data Dictionary codes, unknowns to X', async () => {
    expect(await normalise(column('sex'), ['1', '2', 'M', 'female', 'Woman', 'I', '9', 'U', 'Not Known', 'x', 'other'])).toEqual(['1', '2', '1', '2', '2', '9', '9', 'X', 'X', 'X', null]);
  });

  it('reads ethnic category codes in any case and the categories by name', async () => {
    expect(await normalise(column('ethnic_category'), ['A', 'a', 'White - British', 'Indian', 'Z', 'Not stated', 'Martian'])).toEqual(['A', 'A', 'A', 'H', 'Z', 'Z', null]);
  });

  it('reads a code column by code, label or synonym, ignoring case and punctuation', async () => {
    const status = findDataset('outpatients')!.columns.find((c) => c.name === 'attendance_status')!;
    expect(await normalise(status, ['5', '3', 'DNA', 'd.n.a.', 'Attended', '42'])).toEqual(['5', '3', '3', '3', '5', null]);
  });

  it('upper-cases LSOA, treatment function, ICD-10 and OPCS-4 codes and drops their dots', async () => {
    // Welsh LSOAs and Scottish data zones are read (and marked outside England on load), not refused.
    expect(await normalise(column('lsoa_code'), ['E01000001', 'e01000001', 'W01000001', 's01006506', 'E0100001', 'N01000001'])).toEqual(['E01000001', 'E01000001', 'W01000001', 'S01006506', null, null]);
    expect(await normalise(column('treatment_function'), ['110', 'x01', '11', 'ABC'])).toEqual(['110', 'X01', null, null]);
    expect(await normalise(column('icd10'), ['C50.9', 'c509', 'C5', '50.9'])).toEqual(['C509', 'C509', null, null]);
    expect(await normalise(column('opcs4'), ['W37.1', 'w371', 'W3A'])).toEqual(['W371', 'W371', null]);
  });

  it('keeps identifiers and free text as written', async () => {
    expect(await normalise(column('id'), ['A-001', "O'Brien; DROP TABLE x"])).toEqual(['A-001', "O'Brien; DROP TABLE x"]);
    expect(await normalise(column('text'), ['Any  text'])).toEqual(['Any  text']);
  });
});

describe('the vocabularies of national and local layouts', () => {
  it('reads HES yyyymmdd dates and SQL Server date-times with up to seven fractional digits', async () => {
    expect(await normalise(column('date'), ['20250401', '2025-04-01 00:00:00.000', '20250231'])).toEqual(['2025-04-01', '2025-04-01', null]);
    expect(await normalise(column('datetime'), ['2025-04-01 14:35:07.1234567', '20250401 14:35', '01/04/2025 14:35'])).toEqual(['2025-04-01 14:35:07', '2025-04-01 14:35:00', '2025-04-01 14:35:00']);
  });

  it('reads PAS and Excel dates with the month as a name, a two-digit year as this century, and refuses impossible ones', async () => {
    expect(await normalise(column('date'), ['01-APR-25', '01-Apr-2025', '1 April 2025', '1 Apr 2025', '31-FEB-2025', '01-Foo-2025']))
      .toEqual(['2025-04-01', '2025-04-01', '2025-04-01', '2025-04-01', null, null]);
    expect(await normalise(column('datetime'), ['01-APR-25 14:35', '01-Apr-2025 14:35:07'])).toEqual(['2025-04-01 14:35:00', '2025-04-01 14:35:07']);
  });

  it('reads a code written with its description, only when the leading code is one of the column\'s', async () => {
    const status = findDataset('outpatients')!.columns.find((c) => c.name === 'attendance_status')!;
    expect(await normalise(status, ['5 - Attended on time', '3: Did not attend', '6 – Arrived late, but seen', 'DNA - no warning', '8 - Rescheduled', 'Moved - by clinic']))
      .toEqual(['5', '3', '6', '3', null, null]);
    expect(await normalise(column('sex'), ['1 - Male', '0 - Not Known', '9 - Indeterminate'])).toEqual(['1', 'X', '9']);
    expect(await normalise(column('ethnic_category'), ['A - White British', 'Z - Not stated', '99 - Not known', 'J - Pakistani'])).toEqual(['A', 'Z', '99', 'J']);
  });

  it('reads ethnicity X as not known, two-character local codes by their national letter, and 2021-census labels', async () => {
    const values = ['X', 'A1', 'ca', 'J2', 'NK', 'NS', 'Q1', 'White: Roma', 'Asian, Asian British or Asian Welsh: Chinese', 'Other ethnic group: Arab', 'Black, Black British, Black Welsh, Caribbean or African: African'];
    expect(await normalise(column('ethnic_category'), values)).toEqual(['99', 'A', 'C', 'J', '99', 'Z', null, 'C', 'R', 'S', 'N']);
  });

  it('reads sex by the Data Dictionary: 0 not known, 9 and Not Specified indeterminate', async () => {
    expect(await normalise(column('sex'), ['0', '9', 'Not Specified', 'Not Known', 'Male'])).toEqual(['X', '9', '9', 'X', '1']);
  });

  it('reads a treatment function written with its name, or as a name alone', async () => {
    const values = ['110 - Trauma & Orthopaedics', '130: Ophthalmology', 'Trauma and Orthopaedics', 'dermatology', 'Orthopaedics', '110 Trauma'];
    expect(await normalise(column('treatment_function'), values)).toEqual(['110', '130', '110', '330', null, null]);
  });

  it('reads a year from Nomis and ONS dates, and an ESP band from ages and ranges within one band', async () => {
    expect(await normalise(column('year', { min: 1900, max: 2100 }), ['2022', 'mid-2022', 'June 2022', '2022-06', '2021/22', 'soon'])).toEqual(['2022', '2022', '2022', '2022', null, null]);
    const bands = column('age_band', { codes: [{ code: '0-4', label: '0-4' }, { code: '90+', label: '90+' }] });
    expect(await normalise(bands, ['0-4', 'Age 47', 'Aged 45 to 49', '45-49', 'Aged 90+', '90 and over', 'Aged 16 to 24', 'Aged 85+', 'All Ages']))
      .toEqual(['0-4', '45-49', '45-49', '45-49', '90+', '90+', null, null, null]);
  });

  it('reads HES infant ages 7001–7007 as 0 when the column says so', async () => {
    expect(await normalise(column('integer', { min: 0, max: 120, synonyms: { '7001': '0', '7007': '0' } }), ['7001', '7007', '7008', '34'])).toEqual(['0', '0', null, '34']);
  });
});
