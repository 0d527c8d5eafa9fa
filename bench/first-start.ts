// First start as a user meets it: `npm start` (the web build, then `parity serve`) on an empty
// database, timed from the command to the first overview answered — the server generates the
// sample trust, loads every dataset and precomputes the overview. Prints each part from the
// server's own log lines (generation, each load), the median over the runs, and the CPU time of
// all the start's processes (steadier than the clock when other work shares the machine).
//   npm run bench:first-start [-- --runs 3] [-- --no-build]   (--no-build: `parity serve` alone)
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * Stops the server this run started: by the process id it wrote beside the database, so it closes
 * cleanly and npm and /usr/bin/time exit after it (and report its CPU time); the process group if
 * that does not end it.
 */
async function stop(child: ChildProcess, db: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill((JSON.parse(readFileSync(`${db}.server.json`, 'utf8')) as { pid: number }).pid, 'SIGTERM');
  } catch {
    process.kill(-child.pid!, 'SIGTERM');
  }
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

interface Run {
  total: number;
  /** CPU time of every process of the start (npm, the build check, the server), seconds. */
  cpu: number | null;
  /** Log line → milliseconds since the command started, as the server printed them. */
  marks: [number, string][];
}

async function firstStart(): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'parity-first-start-'));
  const port = await freePort();
  const command = values['no-build'] ? [process.execPath, 'bin/parity.js', 'serve'] : ['npm', 'start', '--silent'];
  const usage = join(dir, 'usage.txt');
  const db = join(dir, 'parity.duckdb');
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', usage, ...command], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), PARITY_DB: db, PARITY_LOG_LEVEL: 'warn' },
  });
  const marks: [number, string][] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => marks.push([performance.now() - started, line]));
  try {
    await waitForOverview(`http://127.0.0.1:${port}`, child);
    const total = performance.now() - started;
    await stop(child, db);
    const times = existsSync(usage) ? readFileSync(usage, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : [];
    return { total, cpu: times.length === 2 && times.every(Number.isFinite) ? times[0] + times[1] : null, marks };
  } finally {
    await stop(child, db);
    rmSync(dir, { recursive: true, force: true });
  }
}

const totals: number[] = [];
const cpus: number[] = [];
for (let run = 0; run < runs; run++) {
  const { total, cpu, marks } = await firstStart();
  totals.push(total);
  if (cpu !== null) cpus.push(cpu * 1000);
  process.stderr.write(`run ${run + 1}: ${seconds(total)} to the first overview (cpu ${cpu === null ? '?' : seconds(cpu * 1000)})\n`);
  for (const [at, line] of marks) process.stderr.write(`  ${seconds(at).padStart(7)}  ${line}\n`);
}
console.log(`first start (${values['no-build'] ? 'parity serve' : 'npm start'}, empty database) | runs ${runs} | median ${seconds(median(totals))} | min ${seconds(Math.min(...totals))} | max ${seconds(Math.max(...totals))} (target < 30 s)`);
if (cpus.length) console.log(`cpu time of the start, all processes: median ${seconds(median(cpus))} | load average at the end ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
