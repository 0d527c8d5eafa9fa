// db/schema.ts: the tables are created once and again without harm, and a database written by a
// newer Parity is refused before anything in it is changed.
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { NewerSchema, SCHEMA_VERSION, ensureSchema, storedSchemaVersion } from '../../db/schema.ts';
import { tempDatabase } from '../helpers/temp-db.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

async function fresh() {
  const t = await tempDatabase();
  cleanups.push(t.cleanup);
  return t;
}

const tableNames = async (db: Database) =>
  (await db.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables ORDER BY 1`)).map((r) => r.name);

describe('ensureSchema', () => {
  it('creates the bookkeeping, security, publication, dataset and reference tables', async () => {
    const { db } = await fresh();
    const names = await tableNames(db);
    for (const table of ['meta', 'extracts', 'quarantine', 'users', 'sessions', 'audit_log', 'settings', 'published_charts', 'outpatients', 'admissions', 'ref_imd2025', 'ref_esp2013', 'ref_treatment_functions']) {
      expect(names).toContain(table);
    }
    expect(await storedSchemaVersion(db)).toBe(SCHEMA_VERSION);
  });

  it('can run again on a database with data in it, keeping the rows and the data version', async () => {
    const { db } = await fresh();
    await db.run(`INSERT INTO settings VALUES ('disclosure', 'off', 'admin', now()::TIMESTAMP)`);
    await db.run(`UPDATE meta SET value = '7' WHERE key = 'data_version'`);
    const before = await tableNames(db);
    await ensureSchema(db);
    expect(await tableNames(db)).toEqual(before);
    expect(await db.all(`SELECT key, value FROM settings`)).toEqual([{ key: 'disclosure', value: 'off' }]);
    expect(await db.all(`SELECT value FROM meta WHERE key = 'data_version'`)).toEqual([{ value: '7' }]);
    expect(await db.all(`SELECT count(*)::INTEGER AS n FROM ref_esp2013`)).toEqual([{ n: 19 }]);
  });

  it('refuses a database written by a newer Parity, saying so, and leaves it as it was', async () => {
    const { db, path } = await fresh();
    const newer = SCHEMA_VERSION + 1;
    await db.run(`UPDATE meta SET value = ? WHERE key = 'schema_version'`, [String(newer)]);
    await db.run(`DROP TABLE report_templates`);

    const refusal = await ensureSchema(db).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(NewerSchema);
    expect((refusal as Error).message).toContain(`written by a newer version of Parity (schema version ${newer}; this version knows up to ${SCHEMA_VERSION})`);
    expect((refusal as Error).message).toContain(path);
    expect(await storedSchemaVersion(db)).toBe(newer);
    expect(await tableNames(db)).not.toContain('report_templates');
  });

  it('upgrades a version 2 database: A&E attendances gain the discharge destination and decision to admit, rows kept', async () => {
    const { db } = await fresh();
    await db.run(`ALTER TABLE ae_attendances DROP COLUMN discharge_destination`);
    await db.run(`ALTER TABLE ae_attendances DROP COLUMN decision_to_admit_datetime`);
    await db.run(`INSERT INTO ae_attendances (attendance_id, patient_id, arrival_datetime, admitted, extract_id, source_row) VALUES ('AE1', 'P1', TIMESTAMP '2025-04-01 10:00', true, 'x', 2)`);
    await db.run(`UPDATE meta SET value = '2' WHERE key = 'schema_version'`);
    await ensureSchema(db);
    expect(await storedSchemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(await db.all(`SELECT attendance_id, admitted, discharge_destination, decision_to_admit_datetime FROM ae_attendances`)).toEqual([
      { attendance_id: 'AE1', admitted: true, discharge_destination: null, decision_to_admit_datetime: null },
    ]);
  });

  it('opens a new, empty file and records the version it was made with', async () => {
    const { dir } = await fresh();
    const db = await Database.open(`${dir}/empty.duckdb`);
    try {
      expect(await storedSchemaVersion(db)).toBeNull();
      await ensureSchema(db);
      expect(await storedSchemaVersion(db)).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });
});
