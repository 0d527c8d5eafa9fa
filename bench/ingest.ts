// Our ingest of an outpatients extract against DuckDB's own read of the same file, in the same
// run: `CREATE TABLE … AS SELECT * FROM read_csv(…)`. Prints medians and the ratio, of wall-clock
// time and of the process's CPU time (steadier when other work shares the machine).
//   npm run bench:ingest [-- --rows 1000000 --runs 5]
//   npm run bench:ingest -- --rows 10000000 --runs 1 --memory   (peak memory of a CLI ingest)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../db/database.ts';
import { literal } from '../db/sql.ts';
import { ensureSchema } from '../db/schema.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { makeOutpatientsCsv } from './make-outpatients-csv.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '5' }, memory: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'parity-bench-'));
const csv = join(dir, `outpatients-${rows}.csv`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => (ms / 1000).toFixed(2) + ' s';

interface Timing {
  wall: number;
  cpu: number;
}

const since = (start: number, cpu: NodeJS.CpuUsage): Timing => {
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
};

async function timeBaseline(run: number): Promise<Timing> {
  const db = await Database.open(join(dir, `baseline-${run}.duckdb`));
  const start = performance.now();
  const cpu = process.cpuUsage();
  await db.run(`CREATE TABLE t AS SELECT * FROM read_csv(${literal(csv)})`);
  const elapsed = since(start, cpu);
  db.close();
  return elapsed;
}

async function timeParity(run: number): Promise<Timing> {
  const db = await Database.open(join(dir, `parity-${run}.duckdb`));
  await ensureSchema(db);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const summary = await ingestFile(db, { path: csv, dataset: 'outpatients' }, { maxBytes: Number.MAX_SAFE_INTEGER, chineseGroup: '2001' });
  const elapsed = since(start, cpu);
  db.close();
  if (summary.status !== 'loaded' || summary.rowsRead !== rows) throw new Error(`unexpected ingest result: ${JSON.stringify(summary).slice(0, 300)}`);
  return elapsed;
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
    process.stderr.write(`run ${run + 1}: duckdb read_csv ${seconds(b.wall)} (cpu ${seconds(b.cpu)}), parity ingest ${seconds(p.wall)} (cpu ${seconds(p.cpu)})\n`);
  }
  const [wall, cpu] = [(t: Timing) => t.wall, (t: Timing) => t.cpu].map((f) => [median(baseline.map(f)), median(parity.map(f))]);
  console.log(`rows ${rows} | runs ${runs} | duckdb read_csv median ${seconds(wall[0])} | parity ingest median ${seconds(wall[1])} | ratio ${(wall[1] / wall[0]).toFixed(2)}x (target <= 2x)`);
  console.log(`cpu time medians: duckdb read_csv ${seconds(cpu[0])} | parity ingest ${seconds(cpu[1])} | ratio ${(cpu[1] / cpu[0]).toFixed(2)}x`);

  if (values.memory) {
    const db = join(dir, 'memory.duckdb');
    const bin = join(import.meta.dirname, '..', 'bin', 'parity.js');
    const out = execFileSync('/usr/bin/env', ['bash', '-c', `command time -f '%M' node ${bin} ingest ${csv} --dataset outpatients --db ${db} --json 2>&1 >/dev/null | tail -1`], { encoding: 'utf8' });
    console.log(`peak memory of 'parity ingest' on ${rows} rows: ${(Number(out.trim()) / 1024).toFixed(0)} MB (target < 2048 MB)`);
  }
} finally {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
