// `parity user …` against a database file, and against a running server that holds it; and a
// server that refuses to listen beyond this machine while it has no accounts.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PARITY_BIN, runCli } from '../../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'parity-users-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `parity …` with text on standard input. */
function cli(args: string[], stdin = '', env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PARITY_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

function serve(db: string, port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [PARITY_BIN, 'serve', '--port', String(port), '--db', db], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PARITY_LOG_LEVEL: 'warn', ...env },
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not start');
}

const HEADER = 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status';

describe('parity user', () => {
  const db = join(dir, 'parity.duckdb');

  it('adds, lists, changes and removes accounts in the database file; refuses weak passwords and usage errors', async () => {
    expect((await cli(['user', 'add', 'alice', '--role', 'admin', '--password-stdin', '--db', db], 'short\n')).code).toBe(1);
    expect((await cli(['user', 'add', 'alice', '--role', 'root', '--password-stdin', '--db', db], 'a long enough password\n')).code).toBe(2);
    expect((await cli(['user', 'add', 'alice', '--role', 'admin', '--db', db])).stderr).toMatch(/--password-stdin/);
    const added = await cli(['user', 'add', 'Alice', '--role', 'admin', '--password-stdin', '--db', db], 'a long enough password\n');
    expect([added.code, added.stderr]).toEqual([0, expect.stringContaining('Added alice (admin)')]);
    expect((await cli(['user', 'add', 'bob', '--role', 'viewer', '--password-stdin', '--db', db], 'another long password\n')).code).toBe(0);
    expect((await cli(['user', 'add', 'bob', '--role', 'viewer', '--password-stdin', '--db', db], 'another long password\n')).stderr).toMatch(/already an account/);
    expect((await cli(['user', 'role', 'bob', '--role', 'analyst', '--db', db])).code).toBe(0);
    expect((await cli(['user', 'passwd', 'bob', '--password-stdin', '--db', db], 'a third long password\n')).code).toBe(0);
    expect((await cli(['user', 'remove', 'alice', '--db', db])).stderr).toMatch(/only admin/);
    expect((await cli(['user', 'signout', '--all', '--db', db])).stderr).toMatch(/Ended every session/);
    const list = JSON.parse((await cli(['user', 'list', '--json', '--db', db])).stdout);
    expect(list.map((u: { name: string; role: string }) => [u.name, u.role])).toEqual([['alice', 'admin'], ['bob', 'analyst']]);
  });

  it('asks a running server when it holds the database; the server then needs a session', async () => {
    // An extract already loaded means the server skips the sample trust on start.
    const csv = join(dir, 'first.csv');
    writeFileSync(csv, `${HEADER}\nA1,P1,2025-04-01,110,5\n`);
    expect((await runCli(['ingest', csv, '--dataset', 'outpatients', '--db', db])).code).toBe(0);
    const port = await freePort();
    serve(db, port);
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url);
    expect(statSync(`${db}.server.json`).mode & 0o077).toBe(0);

    expect((await fetch(`${url}/api/extracts`)).status).toBe(401);
    const added = await cli(['user', 'add', 'carol', '--role', 'analyst', '--password-stdin', '--db', db], 'carol has a long password\n');
    expect([added.code, added.stderr]).toEqual([0, expect.stringContaining('Added carol')]);
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'carol', password: 'carol has a long password' }) });
    expect(login.status).toBe(200);

    // The CLI's own uploads still go through, under the operating-system user's name.
    const second = join(dir, 'second.csv');
    writeFileSync(second, `${HEADER}\nA2,P2,2025-04-02,110,3\n`);
    const ingest = await runCli(['ingest', second, '--dataset', 'outpatients', '--db', db, '--json']);
    expect([ingest.code, JSON.parse(ingest.stdout).status]).toEqual([0, 'loaded']);

    const users = JSON.parse((await cli(['user', 'list', '--json', '--db', db])).stdout);
    expect(users.map((u: { name: string }) => u.name)).toEqual(['alice', 'bob', 'carol']);
    expect((await cli(['user', 'remove', 'bob', '--db', db])).code).toBe(0);
    // Ending every session through the server signs carol out.
    const cookie = String(login.headers.get('set-cookie')).split(';')[0];
    expect((await fetch(`${url}/api/metrics`, { headers: { cookie } })).status).toBe(200);
    expect((await cli(['user', 'signout', 'carol', '--db', db])).code).toBe(0);
    expect((await fetch(`${url}/api/metrics`, { headers: { cookie } })).status).toBe(401);
  }, 120_000);

  it('refuses to listen on a non-loopback address while no account exists', async () => {
    const empty = join(dir, 'empty.duckdb');
    const server = serve(empty, await freePort(), { HOST: '0.0.0.0' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('npx parity user add NAME --role admin');
  }, 60_000);
});
