// The whole `parity ingest` process, as a user runs it, against DuckDB's own read of the same file
// in the same run: a new database file, `CREATE TABLE t AS SELECT * FROM read_csv(file)`, closed
// (so its checkpoint counts, as the CLI's does). Prints medians and the ratio, of wall-clock time
// and of CPU time (all threads; steadier when other work shares the machine), and the CLI's peak
// resident memory.
//   npm run bench:ingest [-- --rows 1000000 --runs 5]
//   npm run bench:ingest -- --rows 10000000 --runs 1
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../db/database.ts';
import { literal } from '../db/sql.ts';
import { ensureSchema } from '../db/schema.ts';
import { makeOutpatientsCsv } from './make-outpatients-csv.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '5' } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'parity-bench-'));
const csv = join(dir, `outpatients-${rows}.csv`);
const bin = join(import.meta.dirname, '..', 'bin', 'parity.js');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => (ms / 1000).toFixed(2) + ' s';

interface Timing {
  wall: number;
  cpu: number;
  /** Peak resident memory, MB (the CLI only). */
  peak?: number;
}

async function timeBaseline(run: number): Promise<Timing> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const db = await Database.open(join(dir, `baseline-${run}.duckdb`));
  await db.run(`CREATE TABLE t AS SELECT * FROM read_csv(${literal(csv)})`);
  db.close();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

/** A database as the first start leaves it (every table, no extract): a user loads into one. */
async function parityDatabase(run: number): Promise<string> {
  const path = join(dir, `parity-${run}.duckdb`);
  const db = await Database.open(path);
  await ensureSchema(db);
  db.close();
  return path;
}

/** `parity ingest` in its own process, under /usr/bin/time for its CPU time and peak memory. */
async function timeParity(run: number): Promise<Timing> {
  const db = await parityDatabase(run);
  const usage = join(dir, `usage-${run}.txt`);
  const start = performance.now();
  const out = execFileSync('/usr/bin/time', ['-f', '%U %S %M', '-o', usage, process.execPath, bin, 'ingest', csv, '--dataset', 'outpatients', '--db', db, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, PARITY_MAX_UPLOAD_MB: '1000000' },
    maxBuffer: 64 << 20,
  });
  const wall = performance.now() - start;
  const summary = JSON.parse(out) as { status: string; rowsRead: number };
  if (summary.status !== 'loaded' || summary.rowsRead !== rows) throw new Error(`unexpected ingest result: ${out.slice(0, 300)}`);
  const [user, system, kb] = readFileSync(usage, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: (user + system) * 1000, peak: kb / 1024 };
}

try {
  process.stderr.write(`Writing ${rows.toLocaleString()} outpatient rows…\n`);
  await makeOutpatientsCsv(csv, rows);
  process.stderr.write(`File: ${(statSync(csv).size / 1048576).toFixed(0)} MB\n`);
  const baseline: Timing[] = [];
  const parity: Timing[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate the order so neither side always gets the warmer page cache.
    if (run % 2 === 0) {
      baseline.push(await timeBaseline(run));
      parity.push(await timeParity(run));
    } else {
      parity.push(await timeParity(run));
      baseline.push(await timeBaseline(run));
    }
    const [b, p] = [baseline.at(-1)!, parity.at(-1)!];
    process.stderr.write(
      `run ${run + 1}: duckdb read_csv ${seconds(b.wall)} (cpu ${seconds(b.cpu)}), parity ingest ${seconds(p.wall)} (cpu ${seconds(p.cpu)}, peak ${p.peak!.toFixed(0)} MB)\n`,
    );
    rmSync(join(dir, `baseline-${run}.duckdb`), { force: true });
    rmSync(join(dir, `parity-${run}.duckdb`), { force: true });
  }
  const [wall, cpu] = [(t: Timing) => t.wall, (t: Timing) => t.cpu].map((f) => [median(baseline.map(f)), median(parity.map(f))]);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`rows ${rows} | runs ${runs} | duckdb read_csv median ${seconds(wall[0])} | parity ingest median ${seconds(wall[1])} | ratio ${(wall[1] / wall[0]).toFixed(2)}x (target <= 2x)`);
  console.log(`cpu time medians: duckdb read_csv ${seconds(cpu[0])} | parity ingest ${seconds(cpu[1])} | ratio ${(cpu[1] / cpu[0]).toFixed(2)}x`);
  console.log(`peak memory of 'parity ingest': ${Math.max(...parity.map((p) => p.peak!)).toFixed(0)} MB (target < 2048 MB) | load average at the end ${load}`);
} finally {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
