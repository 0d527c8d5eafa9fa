// The load's three statements, run in a real DuckDB database with the schema and the IMD
// reference tables: a file whose columns come in its own order, with quirky values, becomes
// canonical rows; rows that cannot be loaded get their line in the file and a reason in words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDataset } from '../../../core/datasets/index.ts';
import type { Session } from '../../../db/database.ts';
import { literal } from '../../../db/sql.ts';
import { compileInsert, compileStage, compileVerdict, STAGE, VERDICT } from '../../../pipelines/ingest/compile-load.ts';
import { tempDatabase } from '../../helpers/temp-db.ts';

const outpatients = findDataset('outpatients')!;
// The file's own column order, with a column the dataset does not declare ("clinic_room").
const HEADER = ['sex', 'clinic_room', 'appointment_id', 'patient_id', 'appointment_date', 'treatment_function_code', 'attendance_status', 'ethnic_category', 'lsoa_code', 'age'];
const match = new Map(HEADER.map((name, i) => [name, i] as const).filter(([name]) => name !== 'clinic_room'));

let t: Awaited<ReturnType<typeof tempDatabase>>;
beforeEach(async () => {
  t = await tempDatabase();
});
afterEach(() => t.cleanup());

/** Loads the rows (file lines 2, 3, …) as extract "x-1"; returns what was stored and the verdict. */
async function load(rows: (string | null)[][], chineseGroup: '2001' | '2021' = '2001') {
  const values = rows.map((r) => `(${r.map((v) => (v === null ? 'NULL::VARCHAR' : literal(v))).join(', ')})`).join(', ');
  const source = `(VALUES ${values}) file(${HEADER.map((_, i) => `c${i}`).join(', ')})`;
  const options = { hasRejects: false, chineseGroup };
  return t.db.withSession(async (s: Session) => {
    await s.run(compileStage(outpatients, match, HEADER.length, source, chineseGroup));
    await s.run(compileVerdict(options));
    await s.run(compileInsert(outpatients, options), { extract_id: 'x-1' });
    const stored = await s.all<Record<string, unknown>>(`SELECT appointment_id, sex, age, ethnic_category, ethnic_group, lsoa_code, imd_decile, imd_edition,
      appointment_date::VARCHAR AS appointment_date, attendance_status, source_row, dq_flags, extract_id FROM outpatients ORDER BY source_row`);
    const verdict = await s.all<{ source_row: number; _reasons: string[] }>(`SELECT source_row, _reasons FROM ${VERDICT} ORDER BY source_row`);
    const staged = await s.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${STAGE}`);
    return { stored, verdict, staged: staged[0].n };
  });
}

const row = (over: Partial<Record<(typeof HEADER)[number], string | null>> = {}) => {
  const base: Record<string, string | null> = {
    sex: '1', clinic_room: 'R2', appointment_id: 'A1', patient_id: 'P1', appointment_date: '2025-04-01', treatment_function_code: '110',
    attendance_status: '5', ethnic_category: 'A', lsoa_code: 'E01000001', age: '40',
  };
  return HEADER.map((h) => (h in over ? over[h]! : base[h]));
};

describe('compile-load', () => {
  it('stores canonical values from the file’s own column order and quirky spellings', async () => {
    const { stored, verdict } = await load([
      row({ appointment_id: ' A1 ', sex: 'Female', attendance_status: 'DNA', appointment_date: '01/04/2025', ethnic_category: 'white british', age: '40.0' }),
    ]);
    expect(verdict).toEqual([]);
    expect(stored).toEqual([{
      appointment_id: 'A1', sex: '2', age: 40, ethnic_category: 'A', ethnic_group: 'White', lsoa_code: 'E01000001', imd_decile: 8, imd_edition: 'IoD2025',
      appointment_date: '2025-04-01', attendance_status: '3', source_row: 2, dq_flags: [], extract_id: 'x-1',
    }]);
  });

  it('takes deprivation from IoD2025, then IoD2019 for a 2011-only LSOA', async () => {
    const { stored } = await load([row({ appointment_id: 'A1' }), row({ appointment_id: 'A2', lsoa_code: 'e01000010' }), row({ appointment_id: 'A3', lsoa_code: 'E01999999' })]);
    expect(stored.map((r) => [r.lsoa_code, r.imd_decile, r.imd_edition, r.dq_flags])).toEqual([
      ['E01000001', 8, 'IoD2025', []],
      ['E01000010', 3, 'IoD2019', []],
      // A well-formed code in neither edition: loaded, without a decile, and counted as a data-quality problem.
      ['E01999999', null, null, ['lsoa_code']],
    ]);
  });

  it('quarantines a row missing a required value or holding an unreadable one, naming the column and its line', async () => {
    const { stored, verdict, staged } = await load([
      row({ appointment_id: 'A1' }),
      row({ appointment_id: 'A2', appointment_date: '31/02/2025' }),
      row({ appointment_id: null, treatment_function_code: 'cardio' }),
    ]);
    expect(staged).toBe(3);
    expect(stored.map((r) => r.appointment_id)).toEqual(['A1']);
    expect(verdict.map((v) => v.source_row)).toEqual([3, 4]);
    expect(verdict[0]._reasons).toHaveLength(1);
    expect(verdict[0]._reasons[0]).toMatch(/^appointment_date: /);
    expect(verdict[0]._reasons[0]).toContain('31/02/2025');
    expect(verdict[1]._reasons.map((r) => r.split(':')[0]).sort()).toEqual(['appointment_id', 'treatment_function_code']);
  });

  it('loads a row whose optional values cannot be read, with those columns blank and flagged', async () => {
    const { stored, verdict } = await load([row({ age: '36.6', sex: 'robot', lsoa_code: 'not an area', ethnic_category: 'Martian' })]);
    expect(verdict).toEqual([]);
    const [r] = stored;
    expect([r.age, r.lsoa_code, r.imd_decile]).toEqual([null, null, null]);
    // Sex that cannot be read is stored as "not known"; ethnicity is kept as written and counted as invalid.
    expect(r.sex).toBe('X');
    expect([r.ethnic_category, r.ethnic_group]).toEqual(['Martian', 'Invalid']);
    expect((r.dq_flags as string[]).sort()).toEqual(['age', 'ethnic_category', 'lsoa_code', 'sex']);
  });

  it('tells a blank ethnic category (Missing) from not stated and not known', async () => {
    const { stored } = await load([
      row({ appointment_id: 'A1', ethnic_category: null }),
      row({ appointment_id: 'A2', ethnic_category: '' }),
      row({ appointment_id: 'A3', ethnic_category: 'Z' }),
      row({ appointment_id: 'A4', ethnic_category: 'Unknown' }),
    ]);
    expect(stored.map((r) => [r.ethnic_category, r.ethnic_group])).toEqual([[null, 'Missing'], [null, 'Missing'], ['Z', 'Not stated'], ['99', 'Not known']]);
  });

  it('puts Chinese (R) under Other in the 2001 grouping and under Asian in the 2021 census grouping', async () => {
    const old = await load([row({ ethnic_category: 'Chinese' })], '2001');
    expect(old.stored[0]).toMatchObject({ ethnic_category: 'R', ethnic_group: 'Other ethnic group' });
    t.cleanup();
    t = await tempDatabase();
    const census = await load([row({ ethnic_category: 'R' })], '2021');
    expect(census.stored[0]).toMatchObject({ ethnic_category: 'R', ethnic_group: 'Asian or Asian British' });
  });
});
