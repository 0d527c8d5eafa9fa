// Our ingest of an outpatients extract against DuckDB's own read of the same file, in the same
// run: `CREATE TABLE … AS SELECT * FROM read_csv(…)`. Prints medians and the ratio.
//   npm run bench:ingest [-- --rows 1000000 --runs 5]
//   npm run bench:ingest -- --rows 10000000 --runs 1 --memory   (peak memory of a CLI ingest)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Database, literal } from '../server/db/database.ts';
import { ensureSchema } from '../server/db/schema.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { makeOutpatientsCsv } from './make-outpatients-csv.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '5' }, memory: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'parity-bench-'));
const csv = join(dir, `outpatients-${rows}.csv`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => (ms / 1000).toFixed(2) + ' s';

async function timeBaseline(run: number): Promise<number> {
  const db = await Database.open(join(dir, `baseline-${run}.duckdb`));
  const start = performance.now();
  await db.run(`CREATE TABLE t AS SELECT * FROM read_csv(${literal(csv)})`);
  const elapsed = performance.now() - start;
  db.close();
  return elapsed;
}

async function timeParity(run: number): Promise<number> {
  const db = await Database.open(join(dir, `parity-${run}.duckdb`));
  await ensureSchema(db);
  const start = performance.now();
  const summary = await ingestFile(db, { path: csv, dataset: 'outpatients' }, { maxBytes: Number.MAX_SAFE_INTEGER, chineseGroup: '2001' });
  const elapsed = performance.now() - start;
  db.close();
  if (summary.status !== 'loaded' || summary.rowsRead !== rows) throw new Error(`unexpected ingest result: ${JSON.stringify(summary).slice(0, 300)}`);
  return elapsed;
}

try {
  process.stderr.write(`Writing ${rows.toLocaleString()} outpatient rows…\n`);
  await makeOutpatientsCsv(csv, rows);
  process.stderr.write(`File: ${(statSync(csv).size / 1048576).toFixed(0)} MB\n`);
  const baseline: number[] = [];
  const parity: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate the order so neither side always gets the warmer page cache.
    if (run % 2 === 0) {
      baseline.push(await timeBaseline(run));
      parity.push(await timeParity(run));
    } else {
      parity.push(await timeParity(run));
      baseline.push(await timeBaseline(run));
    }
    process.stderr.write(`run ${run + 1}: duckdb read_csv ${seconds(baseline.at(-1)!)}, parity ingest ${seconds(parity.at(-1)!)}\n`);
  }
  const ratio = median(parity) / median(baseline);
  console.log(`rows ${rows} | runs ${runs} | duckdb read_csv median ${seconds(median(baseline))} | parity ingest median ${seconds(median(parity))} | ratio ${ratio.toFixed(2)}x (target <= 2x)`);

  if (values.memory) {
    const db = join(dir, 'memory.duckdb');
    const bin = join(import.meta.dirname, '..', 'bin', 'parity.js');
    const out = execFileSync('/usr/bin/env', ['bash', '-c', `command time -f '%M' node ${bin} ingest ${csv} --dataset outpatients --db ${db} --json 2>&1 >/dev/null | tail -1`], { encoding: 'utf8' });
    console.log(`peak memory of 'parity ingest' on ${rows} rows: ${(Number(out.trim()) / 1024).toFixed(0)} MB (target < 2048 MB)`);
  }
} finally {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
