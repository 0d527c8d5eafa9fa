// A server killed with SIGKILL in the middle of loading an upload: on restart the database opens,
// holds no trace of the half-loaded extract, removes the upload's leftover copy, and the same file then
// uploads cleanly.
import { mkdtempSync, openAsBlob, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeOutpatientsCsv } from '../../bench/make-outpatients-csv.ts';
import { Database } from '../../db/database.ts';
import { freePort, type ParityServer, startParityServer } from '../helpers/parity-server.ts';
import { runCli } from '../helpers/run-cli.ts';

const ROWS = 1_000_000;
const dir = mkdtempSync(join(tmpdir(), 'parity-kill-'));
const db = join(dir, 'parity.duckdb');
const servers: ParityServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function start(port: number): Promise<ParityServer> {
  const server = await startParityServer(db, { PARITY_TRACE: '1' }, port);
  servers.push(server);
  return server;
}

const upload = async (url: string, path: string) => {
  const form = new FormData();
  form.set('dataset', 'outpatients');
  form.set('file', await openAsBlob(path), 'big.csv');
  return fetch(`${url}/api/extracts`, { method: 'POST', body: form });
};

describe('a server killed mid-upload', () => {
  it('restarts with the database as it was, and the same file then loads whole', async () => {
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status\nX1,P1,2025-04-01,110,5\n');
    expect((await runCli(['ingest', small, '--dataset', 'outpatients', '--db', db])).code).toBe(0);
    const big = join(dir, 'big.csv');
    await makeOutpatientsCsv(big, ROWS);

    const port = await freePort();
    const first = await start(port);
    const pending = upload(first.url, big).catch((error: Error) => error);
    // Kill once the rows are staged, i.e. while the load transaction is writing.
    for (let i = 0; i < 600 && !first.stderr().includes('ingest stage:'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(first.stderr()).toContain('ingest stage:');
    expect(first.stderr()).not.toContain('ingest quarantine:');
    await first.stop('SIGKILL');
    expect(await pending).toBeInstanceOf(Error);
    // The killed server's copy of the upload (patient-level rows) is still on disk…
    const scratch = `${db}.uploads`;
    expect(readdirSync(scratch).filter((f) => f.startsWith('parity-upload-'))).toHaveLength(1);

    const second = await start(port);
    // …until the next start removes it.
    expect(readdirSync(scratch)).toEqual([]);
    expect(second.stderr()).toContain('Removed 1 file(s) left by an upload that was interrupted.');
    const extracts = (await (await fetch(`${second.url}/api/extracts`)).json()) as { fileName: string; status: string }[];
    expect(extracts.map((e) => [e.fileName, e.status])).toEqual([['small.csv', 'loaded']]);
    const again = await upload(second.url, big);
    expect(again.status).toBe(201);
    expect(readdirSync(scratch)).toEqual([]);
    expect(await again.json()).toMatchObject({ status: 'loaded', rowsRead: ROWS, rowsLoaded: ROWS, rowsQuarantined: 0 });
    await second.stop();

    const check = await Database.open(db);
    try {
      const rows = await check.all<{ extract_id: string; n: number }>(`SELECT extract_id, count(*)::INTEGER AS n FROM outpatients GROUP BY 1 ORDER BY n`);
      const loaded = await check.all<{ id: string }>(`SELECT id FROM extracts WHERE status = 'loaded' ORDER BY rows_loaded`);
      expect(rows.map((r) => r.n)).toEqual([1, ROWS]);
      expect(rows.map((r) => r.extract_id)).toEqual(loaded.map((e) => e.id));
    } finally {
      check.close();
    }
  }, 240_000);
});
