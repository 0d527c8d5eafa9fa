// Load while loading: 50 concurrent connections on the breakdown and overview endpoints for 30 s
// against a real `parity serve` (loopback only, the sample trust loaded), while a 1M-row
// outpatients extract is uploaded, deleted and uploaded again for the whole run. Reports errors
// (must be zero), latency percentiles and requests per second.
//   npm run bench:load [-- --connections 50 --duration 30 --rows 1000000]
import { type ChildProcess, spawn } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { makeOutpatientsCsv } from './make-outpatients-csv.ts';

const { values } = parseArgs({ options: { connections: { type: 'string', default: '50' }, duration: { type: 'string', default: '30' }, rows: { type: 'string', default: '1000000' } } });
const connections = Number(values.connections);
const duration = Number(values.duration);
const rows = Number(values.rows);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not start');
}

const dir = mkdtempSync(join(tmpdir(), 'parity-load-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['bin/parity.js', 'serve', '--port', String(port), '--db', join(dir, 'parity.duckdb')], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, HOST: '127.0.0.1', PARITY_LOG_LEVEL: 'warn' },
});
try {
  process.stderr.write('Starting a server with the sample trust (first start loads it)…\n');
  await waitForHealth(url, server);
  // The overview is precomputed at start; wait for it so the run measures steady state.
  await fetch(`${url}/api/overview`);
  const csv = join(dir, 'upload.csv');
  await makeOutpatientsCsv(csv, rows);

  let running = true;
  const uploads: number[] = [];
  let uploadErrors = 0;
  const uploader = (async () => {
    while (running) {
      const form = new FormData();
      form.set('dataset', 'outpatients');
      form.set('file', await openAsBlob(csv), 'load-test.csv');
      const started = performance.now();
      const response = await fetch(`${url}/api/extracts`, { method: 'POST', body: form });
      const summary = (await response.json()) as { extractId: string; status: string };
      if (response.status !== 201) {
        uploadErrors++;
        continue;
      }
      uploads.push(performance.now() - started);
      const removed = await fetch(`${url}/api/extracts/${summary.extractId}`, { method: 'DELETE' });
      if (!removed.ok) uploadErrors++;
    }
  })();

  const paths = [
    '/api/metrics/op-dna-rate/breakdown?by=imd_quintile',
    '/api/metrics/op-dna-rate/breakdown?by=ethnic_group',
    '/api/metrics/op-dna-rate/breakdown?by=sex&from=2024-04-01&to=2025-03-31',
    '/api/metrics/op-virtual-share/breakdown?by=age_band_broad',
    '/api/overview',
  ];
  process.stderr.write(`Load: ${connections} connections for ${duration} s on ${paths.length} URLs while ${rows.toLocaleString('en-GB')}-row uploads run…\n`);
  const result = await autocannon({ url, connections, duration, requests: paths.map((path) => ({ method: 'GET', path })) });
  running = false;
  await uploader;

  const report = {
    connections,
    durationSeconds: duration,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    uploadsCompleted: uploads.length,
    uploadSeconds: uploads.map((ms) => Math.round(ms / 100) / 10),
    uploadErrors,
  };
  console.log(JSON.stringify(report, null, 2));
  console.log(
    `| ${connections} connections, ${duration} s | ${report.requestsPerSecond} | ${report.latencyMs.p50} ms | ${report.latencyMs.p99} ms | ${report.errors + report.timeouts + report.non2xx} | ${uploads.length} |`,
  );
  if (report.errors + report.timeouts + report.non2xx + uploadErrors > 0) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
