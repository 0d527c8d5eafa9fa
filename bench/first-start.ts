// First start as a user meets it: `npm start` (the web build, then `parity serve`) on an empty
// database, timed from the command to the first overview answered — the server generates the
// sample trust, loads every dataset and precomputes the overview. Prints each part from the
// server's own log lines (generation, each load), and the median over the runs.
//   npm run bench:first-start [-- --runs 3] [-- --no-build]   (--no-build: `parity serve` alone)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'no-build': { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const root = join(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => (ms / 1000).toFixed(1) + ' s';

/** Resolves once the server answers /api/overview (computed at start, so this waits for it). */
async function waitForOverview(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/overview`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops the server this run started, by its process id, and waits for it to exit. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // `npm start` runs the server in its own process group: signal the group so no server is left.
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

interface Run {
  total: number;
  /** Log line → milliseconds since the command started, as the server printed them. */
  marks: [number, string][];
}

async function firstStart(): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'parity-first-start-'));
  const port = await freePort();
  const [command, args] = values['no-build'] ? [process.execPath, ['bin/parity.js', 'serve']] : ['npm', ['start', '--silent']];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), PARITY_DB: join(dir, 'parity.duckdb'), PARITY_LOG_LEVEL: 'warn' },
  });
  const marks: [number, string][] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => marks.push([performance.now() - started, line]));
  try {
    await waitForOverview(`http://127.0.0.1:${port}`, child);
    return { total: performance.now() - started, marks };
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

const totals: number[] = [];
for (let run = 0; run < runs; run++) {
  const { total, marks } = await firstStart();
  totals.push(total);
  process.stderr.write(`run ${run + 1}: ${seconds(total)} to the first overview\n`);
  for (const [at, line] of marks) process.stderr.write(`  ${seconds(at).padStart(7)}  ${line}\n`);
}
console.log(`first start (${values['no-build'] ? 'parity serve' : 'npm start'}, empty database) | runs ${runs} | median ${seconds(median(totals))} | min ${seconds(Math.min(...totals))} | max ${seconds(Math.max(...totals))} (target < 30 s)`);
