// A real `parity serve` in a child process, on a free loopback port, with its own database — for
// tests that need what `inject` cannot give: a killed process, a second process, a browser.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PARITY_BIN } from './run-cli.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ParityServer {
  url: string;
  child: ChildProcess;
  /** What the server has written to stderr so far. */
  stderr: () => string;
  /** Stops the server (SIGTERM: a clean stop; SIGKILL: a crash) and waits for it to exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Starts `parity serve` on `db` and resolves once /api/health answers. */
export async function startParityServer(db: string, env: Record<string, string> = {}, port?: number): Promise<ParityServer> {
  port ??= await freePort();
  const child = spawn(process.execPath, [PARITY_BIN, 'serve', '--port', String(port), '--db', db], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HOST: '127.0.0.1', PARITY_LOG_LEVEL: 'warn', ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child, stderr: () => stderr, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop('SIGKILL');
  throw new Error(`the server did not start: ${stderr}`);
}

/** Runs `parity ARGS --db DB` to completion; throws with its stderr if it fails. */
export function parityCli(db: string, args: string[], input?: string): string {
  const run = spawnSync(process.execPath, [PARITY_BIN, ...args, '--db', db], { input, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`parity ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

export interface Account {
  name: string;
  role: 'viewer' | 'analyst' | 'admin';
  password: string;
}

export interface ServerWithAccounts extends ParityServer {
  db: string;
  /** Stops the server and deletes its folder. */
  close: () => Promise<void>;
}

/**
 * A server on a fresh database holding one small extract (so the first start does not load the
 * whole sample trust) and the given accounts, as an administrator would set it up with the CLI.
 */
export async function serverWithAccounts(accounts: Account[], options: { extract?: string; env?: Record<string, string> } = {}): Promise<ServerWithAccounts> {
  const dir = mkdtempSync(join(tmpdir(), 'parity-accounts-'));
  const db = join(dir, 'parity.duckdb');
  parityCli(db, ['ingest', options.extract ?? 'sample-data/messy/outpatients-messy.csv', '--dataset', 'outpatients']);
  for (const account of accounts) parityCli(db, ['user', 'add', account.name, '--role', account.role, '--password-stdin'], `${account.password}\n`);
  const server = await startParityServer(db, options.env);
  return {
    ...server,
    db,
    close: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
