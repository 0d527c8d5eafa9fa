// What the browser pays for the overview: the JavaScript the page `/` actually requests (sum of
// gzip sizes) and the time from navigation to the first tile drawn, median of N cold loads in
// headless Chromium. Also the time to the first chart on an indicator page, for comparison.
//   npm run bench:web [-- --runs 5 --db /tmp/parity-bench-web/parity.duckdb]
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, db: { type: 'string', default: '/tmp/parity-bench-web/parity.duckdb' } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

mkdirSync(dirname(values.db), { recursive: true });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['bin/parity.js', 'serve', '--port', String(port), '--db', values.db], { stdio: ['ignore', 'ignore', 'pipe'] });
let serverLog = '';
server.stderr?.on('data', (d: Buffer) => (serverLog += d.toString()));
process.on('exit', () => server.kill('SIGTERM'));
const deadline = Date.now() + 180_000;
for (;;) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    // starting (the first start of a fresh database loads the sample, ~15 s)
  }
  if (Date.now() > deadline || server.exitCode !== null) throw new Error(`server did not start:\n${serverLog.slice(-2000)}`);
  await new Promise((r) => setTimeout(r, 250));
}
// Warm the server's own caches once so the figures measure the browser, not the first query.
await fetch(`${base}/api/overview`);

const browser: Browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function load(path: string, selector: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Plain strings, not functions: the page must not depend on how this script was compiled.
  await page.addInitScript(`new MutationObserver(() => {
    if (window.__firstDrawn === undefined && document.querySelector(${JSON.stringify(selector)})) window.__firstDrawn = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true });`);
  const scripts: { url: string; raw: number; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(response.body().then((body) => void scripts.push({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length })));
  });
  await page.goto(`${base}${path}`);
  await page.waitForFunction('window.__firstDrawn !== undefined', null, { timeout: 60_000 });
  const firstDrawn = (await page.evaluate('window.__firstDrawn')) as number;
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  return { firstDrawn, scripts };
}

const overview = [];
const indicator = [];
for (let i = 0; i < runs; i++) {
  overview.push(await load('/', '.tile'));
  indicator.push(await load('/indicators/op-dna-rate', '.chart-canvas[data-state="drawn"] svg'));
}
await browser.close();
server.kill('SIGTERM');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const first = overview[0].scripts.sort((a, b) => b.gzip - a.gzip);
console.log(`JavaScript requested by / (cold load): ${first.length} files, ${kb(first.reduce((s, x) => s + x.raw, 0))} raw, ${kb(first.reduce((s, x) => s + x.gzip, 0))} gzip`);
for (const s of first) console.log(`  ${s.url.padEnd(48)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} gzip`);
const ind = indicator[0].scripts;
console.log(`JavaScript requested by /indicators/op-dna-rate: ${ind.length} files, ${kb(ind.reduce((s, x) => s + x.gzip, 0))} gzip`);
console.log(`Navigation → first overview tile drawn: median ${median(overview.map((o) => o.firstDrawn)).toFixed(0)} ms over ${runs} cold loads (${overview.map((o) => o.firstDrawn.toFixed(0)).join(', ')})`);
console.log(`Navigation → first chart drawn on an indicator page: median ${median(indicator.map((o) => o.firstDrawn)).toFixed(0)} ms (${indicator.map((o) => o.firstDrawn.toFixed(0)).join(', ')})`);
