// Breakdown endpoints against the equivalent hand-written aggregate SQL, in the same run, on a
// synthetic 10-million-row outpatients table. Prints median and p95 latency and the ratio.
//   npm run bench:query [-- --rows 10000000 --runs 30]
// The database is built once (via the real ingest) and kept in the temp folder for reruns.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { Database } from '../db/database.ts';
import { ensureSchema } from '../db/schema.ts';
import { makeOutpatientsCsv } from './make-outpatients-csv.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000000' }, runs: { type: 'string', default: '30' } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const dir = join(tmpdir(), `parity-bench-query-${rows}`);
const dbPath = join(dir, 'parity.duckdb');

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function prepare(): Promise<void> {
  if (existsSync(dbPath)) return;
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'outpatients.csv');
  process.stderr.write(`building ${rows.toLocaleString()} outpatient rows (once)…\n`);
  await makeOutpatientsCsv(csv, rows);
  const db = await Database.open(dbPath);
  await ensureSchema(db);
  await ingestFile(db, { path: csv, dataset: 'outpatients' }, { maxBytes: Number.MAX_SAFE_INTEGER, chineseGroup: '2001' });
  db.close();
}

/** The aggregate an analyst would write by hand for the same numbers (no intervals, no disclosure). */
const RAW = (group: string) => `
  SELECT ${group} AS g, count(*) FILTER (WHERE attendance_status IN ('3', '7')) AS numerator, count(*) AS denominator
  FROM outpatients
  WHERE appointment_date >= DATE '2025-04-01' AND appointment_date < DATE '2026-04-01' AND attendance_status IN ('5', '6', '3', '7')
  GROUP BY ROLLUP (${group})`;

const CASES = [
  { name: 'by imd_quintile', query: 'by=imd_quintile', raw: RAW('imd_quintile') },
  { name: 'by ethnic_group', query: 'by=ethnic_group', raw: RAW('ethnic_group') },
  { name: 'by age_band', query: 'by=age_band', raw: RAW('age_band') },
  { name: 'by specialty', query: 'by=specialty', raw: RAW('treatment_function_code') },
  { name: 'ethnic_group × imd_quintile', query: 'by=ethnic_group&by2=imd_quintile', raw: RAW('ethnic_group, imd_quintile') },
];

await prepare();
const db = await Database.open(dbPath);
await ensureSchema(db);
const config = loadConfig({}, { dbPath });
const cold = await buildApp({ db, config, cacheResults: false });
const warm = await buildApp({ db, config });

console.log(`Breakdown latency on ${rows.toLocaleString()} outpatient rows, ${runs} runs each, period 2025-04-01 to 2026-03-31\n`);
console.log('case                           | raw SQL p50 | endpoint p50 | endpoint p95 | ratio p50 | cached p50');
for (const c of CASES) {
  const url = `/api/metrics/op-dna-rate/breakdown?${c.query}&from=2025-04-01&to=2026-03-31`;
  const raw: number[] = [];
  const endpoint: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate so drift on a noisy machine hits both sides alike.
    let t = performance.now();
    await db.all(c.raw);
    raw.push(performance.now() - t);
    t = performance.now();
    const response = await cold.inject(url);
    endpoint.push(performance.now() - t);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    t = performance.now();
    await warm.inject(url);
    cached.push(performance.now() - t);
  }
  const ratio = quantile(endpoint, 0.5) / quantile(raw, 0.5);
  console.log(
    `${c.name.padEnd(30)} | ${ms(quantile(raw, 0.5)).padStart(11)} | ${ms(quantile(endpoint, 0.5)).padStart(12)} | ${ms(quantile(endpoint, 0.95)).padStart(12)} | ${ratio.toFixed(2).padStart(8)}× | ${ms(quantile(cached, 0.5)).padStart(10)}`,
  );
}
// A page's four breakdowns: four requests, or one request answered from one scan.
{
  const page = ['imd_quintile', 'ethnic_group', 'age_band_broad', 'sex'];
  const period = '&from=2025-04-01&to=2026-03-31';
  const separate: number[] = [];
  const combined: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    for (const by of page) await cold.inject(`/api/metrics/op-dna-rate/breakdown?by=${by}${period}`);
    separate.push(performance.now() - t);
    t = performance.now();
    const response = await cold.inject(`/api/metrics/op-dna-rate/breakdowns?by=${page.join(',')}${period}`);
    combined.push(performance.now() - t);
    if (response.statusCode !== 200) throw new Error(response.body);
  }
  console.log(`\nA page of four breakdowns (${page.join(', ')}): four requests p50 ${ms(quantile(separate, 0.5))}, one request (one scan) p50 ${ms(quantile(combined, 0.5))} — ${(quantile(separate, 0.5) / quantile(combined, 0.5)).toFixed(2)}× faster`);
}
await cold.close();
await warm.close();
db.close();
