// Quarantined rows stored before the quarantine kept declared columns only are pruned once, when
// the database is next opened: the undeclared columns and broken lines' text leave the file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { ensureSchema } from '../../db/schema.ts';
import { tempDatabase } from '../helpers/temp-db.ts';

let db: Database;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await tempDatabase()));
afterEach(() => cleanup());

const MAPPING = { appointment_id: 'Appt Ref', patient_id: 'patient_id', appointment_date: 'appointment_date', treatment_function_code: 'tfc', attendance_status: 'attendance_status' };

/** An extract and its quarantine as an earlier version stored them: every column of the file, and broken lines whole. */
async function storeOldQuarantine(): Promise<void> {
  await db.run(
    `INSERT INTO extracts VALUES ('outpatients-0a1b2c3d', 'outpatients', 'pas.csv', 'ab', 'cli', current_timestamp::TIMESTAMP, 4, 1, 3, 'loaded',
       NULL, ?, 'utf-8', ',', NULL, NULL, '{}')`,
    [JSON.stringify(MAPPING)],
  );
  const rows: [number, Record<string, string | null>, string][] = [
    [3, { 'Appt Ref': 'OPX-10002', 'NHS Number': '943 476 5919', patient_id: 'PSD-4471903', 'Patient Name': 'Jane Doe', appointment_date: '31/02/2025', tfc: '110', attendance_status: '5', DOB: '14/03/1961', 'patient_id (2)': 'PSD-9990003' }, 'appointment_date: bad'],
    [4, { line: 'OPX-10003,485 777 3456,PSD-4471904,John Smith,2025-04-01,110,5,LS1 4AP' }, 'row: has 8 fields but the header has 9'],
    [5, { 'Appt Ref': 'OPX-10005', patient_id: null, appointment_date: '2025-04-01', tfc: '110', attendance_status: '5', Postcode: 'M13 9PL' }, 'patient_id: missing (required)'],
  ];
  for (const [row, values, reason] of rows) {
    await db.run(`INSERT INTO quarantine VALUES ('outpatients-0a1b2c3d', ?, ?, [?])`, [row, JSON.stringify(values), reason]);
  }
  // A row whose extract is not listed: nothing in it can be matched to a declaration.
  await db.run(`INSERT INTO quarantine VALUES ('outpatients-99999999', 2, ?, ['x: y'])`, [JSON.stringify({ 'NHS Number': '401 023 2137' })]);
  await db.run(`DELETE FROM meta WHERE key = 'quarantine_declared_only'`);
}

const quarantine = async () =>
  (await db.all<{ row: number; raw: string }>(`SELECT source_row AS row, raw_row AS raw FROM quarantine ORDER BY extract_id, source_row`)).map((q) => ({
    row: q.row,
    values: JSON.parse(q.raw),
  }));

describe('pruning an earlier quarantine', () => {
  it('keeps only the declared columns of each stored row and drops the text of broken lines, at the next start', async () => {
    await storeOldQuarantine();
    await ensureSchema(db);
    expect(await quarantine()).toEqual([
      { row: 3, values: { 'Appt Ref': 'OPX-10002', patient_id: 'PSD-4471903', appointment_date: '31/02/2025', tfc: '110', attendance_status: '5' } },
      { row: 4, values: {} },
      { row: 5, values: { 'Appt Ref': 'OPX-10005', patient_id: null, appointment_date: '2025-04-01', tfc: '110', attendance_status: '5' } },
      { row: 2, values: {} },
    ]);
    const text = JSON.stringify(await db.all(`SELECT * FROM quarantine`));
    for (const value of ['943 476 5919', '401 023 2137', 'Jane Doe', 'John Smith', '14/03/1961', 'LS1 4AP', 'M13 9PL', 'PSD-9990003', 'PSD-4471904']) {
      expect(text).not.toContain(value);
    }
  });
});
