// `parity backup FILE`: a consistent copy of the database, made with the server stopped or while it
// serves and loads; the copy opens as a Parity database of its own (the restore path).
import { existsSync, mkdtempSync, openAsBlob, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeOutpatientsCsv } from '../../../bench/make-outpatients-csv.ts';
import { Database } from '../../../db/database.ts';
import { type ParityServer, startParityServer } from '../../helpers/parity-server.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { testApp } from '../../helpers/test-app.ts';
import * as messages from '../../../server/messages.ts';
import { errorBody } from '../../helpers/error-body.ts';

const HEADER = 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status';
const dir = mkdtempSync(join(tmpdir(), 'parity-backup-'));
const servers: ParityServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function serve(db: string): Promise<string> {
  const server = await startParityServer(db);
  servers.push(server);
  return server.url;
}

/** Every loaded extract's rows are all there, and there are no rows of any other extract. */
async function checkWhole(path: string): Promise<{ extracts: number; rows: number }> {
  const db = await Database.open(path);
  try {
    const loaded = await db.all<{ id: string; rows_loaded: number }>(`SELECT id, rows_loaded FROM extracts WHERE status = 'loaded' ORDER BY id`);
    const rows = await db.all<{ extract_id: string; n: number }>(`SELECT extract_id, count(*)::INTEGER AS n FROM outpatients GROUP BY 1 ORDER BY 1`);
    expect(rows.map((r) => [r.extract_id, r.n])).toEqual(loaded.map((e) => [e.id, e.rows_loaded]));
    return { extracts: loaded.length, rows: rows.reduce((sum, r) => sum + r.n, 0) };
  } finally {
    db.close();
  }
}

describe('parity backup', () => {
  const db = join(dir, 'parity.duckdb');

  it('copies a database nobody holds, and records who did it', async () => {
    const first = join(dir, 'first.csv');
    writeFileSync(first, `${HEADER}\nA1,P1,2025-04-01,110,5\nA2,P2,2025-04-02,110,3\n`);
    expect((await runCli(['ingest', first, '--dataset', 'outpatients', '--db', db])).code).toBe(0);

    const copy = join(dir, 'copy-1.duckdb');
    const result = await runCli(['backup', copy, '--db', db]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^Backed up \d+ tables \([\d.]+ MB\) to .*copy-1\.duckdb\.$/m);
    expect(await checkWhole(copy)).toEqual({ extracts: 1, rows: 2 });
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);

    const source = await Database.open(db);
    try {
      const audit = await source.all<{ actor: string; target: string }>(`SELECT actor, target FROM audit_log WHERE action = 'database.backup'`);
      expect(audit).toEqual([{ actor: expect.stringMatching(/^cli:/), target: copy }]);
    } finally {
      source.close();
    }
  }, 60_000);

  it('never overwrites a file', async () => {
    const existing = join(dir, 'existing.duckdb');
    writeFileSync(existing, 'not a database');
    const result = await runCli(['backup', existing, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already exists; a backup never overwrites a file');
  });

  it('copies while the server serves and loads, and the copy serves on its own', async () => {
    const url = await serve(db);
    const big = join(dir, 'big.csv');
    await makeOutpatientsCsv(big, 300_000);
    const form = new FormData();
    form.set('dataset', 'outpatients');
    form.set('file', await openAsBlob(big), 'big.csv');
    const uploading = fetch(`${url}/api/extracts`, { method: 'POST', body: form });

    const during = join(dir, 'during.duckdb');
    const result = await runCli(['backup', during, '--db', db]);
    expect(result.code, result.stderr).toBe(0);
    expect((await uploading).status).toBe(201);
    // The upload is in the copy whole or not at all.
    expect([{ extracts: 1, rows: 2 }, { extracts: 2, rows: 300_002 }]).toContainEqual(await checkWhole(during));

    const after = join(dir, 'after.duckdb');
    expect((await runCli(['backup', after, '--db', db])).code).toBe(0);
    expect(await checkWhole(after)).toEqual({ extracts: 2, rows: 300_002 });

    // Restoring is starting Parity on the copy.
    const restored = await serve(after);
    const extracts = (await (await fetch(`${restored}/api/extracts`)).json()) as { fileName: string }[];
    expect(extracts.map((e) => e.fileName).sort()).toEqual(['big.csv', 'first.csv']);
    expect(existsSync(`${db}.uploads`) && readdirSync(`${db}.uploads`)).toEqual([]);
  }, 180_000);

  it('is refused to anything but the local command', async () => {
    const { app, dir: appDir, close } = await testApp();
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/backup',
        headers: { host: 'localhost', origin: 'http://localhost' },
        payload: { path: join(appDir, 'copy.duckdb') },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toEqual(errorBody(messages.backupCliOnly()));
      expect(existsSync(join(appDir, 'copy.duckdb'))).toBe(false);
    } finally {
      await close();
    }
  });
});
