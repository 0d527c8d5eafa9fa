import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ParityServer, startParityServer } from '../../helpers/parity-server.ts';
import { runCli } from '../../helpers/run-cli.ts';

const HEADER = 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status';
const dir = mkdtempSync(join(tmpdir(), 'parity-serving-'));
let server: ParityServer | null = null;
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('parity ingest while parity serve holds the database', () => {
  it('hands the file to the running server instead of writing alongside it', async () => {
    const db = join(dir, 'parity.duckdb');
    const first = join(dir, 'first.csv');
    writeFileSync(first, `${HEADER}\nA1,P1,2025-04-01,110,5\n`);
    // An extract already loaded means the server skips the sample trust on start.
    expect((await runCli(['ingest', first, '--dataset', 'outpatients', '--db', db])).code).toBe(0);

    server = await startParityServer(db);
    const { url } = server;

    const second = join(dir, 'second.csv');
    writeFileSync(second, `${HEADER}\nA2,P2,2025-04-02,110,3\nA3,,2025-04-02,110,5\n`);
    const result = await runCli(['ingest', second, '--dataset', 'outpatients', '--db', db, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'loaded', rowsLoaded: 1, rowsQuarantined: 1 });

    const extracts = (await (await fetch(`${url}/api/extracts`)).json()) as { fileName: string }[];
    expect(extracts.map((e) => e.fileName).sort()).toEqual(['first.csv', 'second.csv']);
    expect(((await (await fetch(`${url}/api/health`)).json()) as { extracts: number }).extracts).toBe(2);
  }, 120_000);
});
