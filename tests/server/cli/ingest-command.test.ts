import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../../db/database.ts';
import { ensureSchema } from '../../../db/schema.ts';
import { fileMessages } from '../../../core/text/ingest-messages.ts';
import { makeOutpatientsCsv } from '../../../bench/make-outpatients-csv.ts';
import { PARITY_BIN, runCli } from '../../helpers/run-cli.ts';

const HEADER = 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parity-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function tableCounts(dbPath: string) {
  const db = await Database.open(dbPath);
  try {
    return (await db.all<{ rows: number; extracts: number }>(
      `SELECT (SELECT count(*) FROM outpatients)::INT AS rows, (SELECT count(*) FROM extracts)::INT AS extracts`,
    ))[0];
  } finally {
    db.close();
  }
}

describe('parity ingest', () => {
  it('prints the JSON summary and exits 0 when loaded, 0 for a duplicate, 1 when refused and 2 for a usage error', async () => {
    const db = join(dir, 'exit-codes.duckdb');
    const good = join(dir, 'good.csv');
    writeFileSync(good, `${HEADER}\nA1,P1,2025-04-01,110,5\nA2,,2025-04-01,110,5\n`);
    const loaded = await runCli(['ingest', good, '--dataset', 'outpatients', '--db', db, '--json']);
    expect(loaded.code).toBe(0);
    const summary = JSON.parse(loaded.stdout);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 1, rowsQuarantined: 1, fileError: null });
    expect(summary.errors).toEqual([{ row: 3, column: 'patient_id', message: 'missing (required)' }]);

    const again = await runCli(['ingest', good, '--dataset', 'outpatients', '--db', db, '--json']);
    expect([again.code, JSON.parse(again.stdout).status]).toEqual([0, 'duplicate']);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    const refused = await runCli(['ingest', bad, '--dataset', 'outpatients', '--db', db, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ status: 'rejected', extractId: null });

    expect((await runCli(['ingest', good, '--dataset', 'nonsense', '--db', db])).code).toBe(2);
    expect((await runCli(['ingest', '--db', db])).code).toBe(2);
  });

  it('names the columns it ignored, in words and in the JSON summary', async () => {
    const db = join(dir, 'ignored.duckdb');
    const file = join(dir, 'with-names.csv');
    writeFileSync(file, `${HEADER},NHS Number,Patient Name\nA1,P1,2025-04-01,110,5,943 476 5919,Jane Doe\nA2,,2025-04-01,110,5,401 023 2137,John Smith\n`);
    const words = await runCli(['ingest', file, '--dataset', 'outpatients', '--db', db]);
    expect(words.code).toBe(0);
    expect(words.stdout).toContain('Ignored (not columns of outpatients; not loaded, not kept in the quarantine): "NHS Number", "Patient Name"');
    const again = await runCli(['ingest', file, '--dataset', 'outpatients', '--db', db, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'duplicate', ignoredColumns: ['NHS Number', 'Patient Name'] });
  });

  it('prints in words the lines it skipped and how it read the file: a report preamble, an ECDS file with no admitted flag', async () => {
    const db = join(dir, 'words.duckdb');
    const fixtures = join(import.meta.dirname, '../../fixtures/real-layouts');
    const report = await runCli(['ingest', join(fixtures, 'pas-report-preamble.csv'), '--dataset', 'outpatients', '--db', db]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('24 rows read, 23 loaded, 1 quarantined.');
    expect(report.stdout).toContain('  row 22: row: ');
    expect(report.stdout).toContain('Skipped, not data rows (not counted as read): 4 lines of report title above the header, 2 blank lines, 1 line of report footer.');
    expect(report.stdout).toMatch(/^IMD decile: 23 rows from IoD2025/m);
    const ecds = await runCli(['ingest', join(fixtures, 'ecds-discharge-destination.csv'), '--dataset', 'ae_attendances', '--db', db]);
    expect(ecds.code).toBe(0);
    expect(ecds.stdout).toContain('How the file was read:\n  - decision_to_admit_datetime: combined from "EC_Decision_To_Admit_Date" (date) and "EC_Decision_To_Admit_Time" (time).');
    expect(ecds.stdout).toMatch(/^ {2}- admitted: the file has no admitted column, .*: 18 yes, 18 no, 4 not known/m);
  });

  it('says to raise PARITY_MEMORY_LIMIT, naming its value, and exits 1 when the load runs out of memory', async () => {
    const db = join(dir, 'small-memory.duckdb');
    const file = join(dir, 'small-memory.csv');
    writeFileSync(file, `${HEADER}\nA1,P1,2025-04-01,110,5\n`);
    // The database and its reference tables made with the usual budget; the load then gets 8 MB.
    const made = await Database.open(db);
    await ensureSchema(made);
    made.close();
    for (const args of [['--json'], []]) {
      const result = await runCli(['ingest', file, '--dataset', 'outpatients', '--db', db, ...args], { PARITY_MEMORY_LIMIT: '8MB' });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(fileMessages.outOfMemory('8MB'));
      expect(result.stdout).toBe('');
    }
    expect(await tableCounts(db)).toEqual({ rows: 0, extracts: 0 });
  });

  it('applies a saved column mapping from a file', async () => {
    const db = join(dir, 'mapping.duckdb');
    const file = join(dir, 'own-layout.csv');
    writeFileSync(file, 'Ref,Who,When,Spec,Outcome\nA1,P1,2025-04-01,110,5\n');
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ columns: { appointment_id: 'Ref', patient_id: 'Who', appointment_date: 'When', treatment_function_code: 'Spec', attendance_status: 'Outcome' } }));
    const result = await runCli(['ingest', file, '--dataset', 'outpatients', '--db', db, '--mapping', mapping, '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'loaded', rowsLoaded: 1 });
  });

  it('leaves the database as it was when killed mid-load, and the same file then loads cleanly', async () => {
    const db = join(dir, 'killed.duckdb');
    const csv = join(dir, 'large.csv');
    await makeOutpatientsCsv(csv, 300_000);
    const child = spawn(process.execPath, [PARITY_BIN, 'ingest', csv, '--dataset', 'outpatients', '--db', db, '--json'], {
      env: { ...process.env, PARITY_TRACE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Kill as soon as the load is inside its transaction (after the verdict, during the insert).
    let stderr = '';
    const closed = new Promise((resolve) => child.on('close', resolve));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('ingest verdict')) child.kill('SIGKILL');
    });
    await closed;
    expect(stderr).toContain('ingest verdict');
    expect(stderr).not.toContain('ingest summary');
    expect(await tableCounts(db)).toEqual({ rows: 0, extracts: 0 });

    const retry = await runCli(['ingest', csv, '--dataset', 'outpatients', '--db', db, '--json']);
    expect(JSON.parse(retry.stdout)).toMatchObject({ status: 'loaded', rowsRead: 300_000, rowsLoaded: 300_000 });
    expect(await tableCounts(db)).toEqual({ rows: 300_000, extracts: 1 });
  }, 180_000);
});
