// The analyst view on a server with accounts: an analyst turns on "Show unsuppressed figures",
// sees the banner and a count that viewers see withheld, keeps the view on reload, and still
// downloads a CSV with that count withheld; a viewer has no toggle, and a link asking for the
// view shows the disclosure-controlled figures with a note.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownResult } from '../../core/contracts/results.ts';
import { formatCount } from '../../core/text/format.ts';
import { closeBrowser, openDataTables, pageOn, screenshot, screenshotDir, seriousAxeViolations, submitSignIn, waitForCharts } from './helpers.ts';

const PAGE = '/indicators/op-dna-rate?by=ethnic_category';
const TOGGLE = 'Show unsuppressed figures (on screen only)';

describe('unsuppressed figures for analysts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-unsuppressed-'));
  const db = join(dir, 'parity.duckdb');
  let server: ChildProcess | null = null;
  let url = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const cli = (args: string[], input?: string) => {
      const run = spawnSync(process.execPath, ['bin/parity.js', ...args], { input, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`parity ${args.join(' ')} failed: ${run.stderr}`);
    };
    // Outpatients of a small sample trust: enough for most groups, few enough that some are withheld.
    cli(['sample', '--out', join(dir, 'sample'), '--patients', '3000', '--seed', '11']);
    cli(['ingest', join(dir, 'sample', 'outpatients.csv'), '--dataset', 'outpatients', '--db', db]);
    cli(['user', 'add', 'ana', '--role', 'analyst', '--password-stdin', '--db', db], 'ana has a long password\n');
    cli(['user', 'add', 'vic', '--role', 'viewer', '--password-stdin', '--db', db], 'vic has a long password\n');
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['bin/parity.js', 'serve', '--port', String(port), '--db', db], { stdio: 'ignore', env: { ...process.env, HOST: '127.0.0.1' } });
    for (let i = 0; i < 240; i++) {
      if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the server with accounts did not start');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
    await closeBrowser();
  });

  const signedIn = async (name: string, password: string) => {
    const { context, page, errors } = await pageOn(url);
    contexts.push(context);
    await page.goto('/login');
    await submitSignIn(page, name, password);
    await page.waitForURL(/\/$/);
    return { page, errors };
  };

  const breakdown = async (page: Page, view = '') => (await page.request.get(`/api/metrics/op-dna-rate/breakdown?by=ethnic_category${view}`)).json() as Promise<BreakdownResult>;
  const firstChart = (page: Page) => page.locator('figure.chart').first();
  const tableRow = async (page: Page, label: string) =>
    (await firstChart(page).locator('.chart-table tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).innerText()).replace(/\s+/g, ' ');

  it('shows an analyst the withheld count on screen behind a banner, and keeps it out of the CSV', async () => {
    const { page, errors } = await signedIn('ana', 'ana has a long password');
    const disclosed = await breakdown(page);
    const unsuppressed = await breakdown(page, '&view=unsuppressed');
    // A group viewers see withheld whose true count is small.
    const withheld = disclosed.rows.filter((r) => r.suppressed).map((r) => unsuppressed.rows.find((u) => u.group === r.group)!);
    const small = withheld.find((r) => r.numerator !== null && r.numerator >= 1 && r.numerator <= 7)!;
    expect(small, 'a withheld group with a count of 1 to 7').toBeDefined();

    await page.goto(PAGE);
    await waitForCharts(page, 3);
    await openDataTables(page);
    const toggle = page.getByLabel(TOGGLE);
    expect(await toggle.isChecked()).toBe(false);
    expect(await tableRow(page, small.label)).toMatch(/\*/);

    await toggle.check();
    await page.waitForURL(/view=unsuppressed/);
    const banner = page.getByRole('region', { name: 'Unsuppressed figures: on screen only' });
    await banner.waitFor();
    const bannerText = await banner.innerText();
    expect(bannerText).toContain('Do not copy these figures into reports');
    expect(bannerText).toContain('still apply disclosure control');
    await waitForCharts(page, 3);
    await openDataTables(page);
    await expect.poll(() => tableRow(page, small.label)).toContain(`${formatCount(small.numerator)} ${formatCount(small.denominator)}`);
    expect(await tableRow(page, small.label)).not.toMatch(/\*/);
    expect(await page.locator('.meta').innerText()).toContain('Not applied — analyst view, not for sharing');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'unsuppressed-analyst');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${screenshotDir}/unsuppressed-analyst-top.png` });

    // Reloading keeps the view.
    await page.reload();
    await banner.waitFor();
    expect(await page.getByLabel(TOGGLE).isChecked()).toBe(true);
    await waitForCharts(page, 3);

    // The CSV of the chart is the disclosure-controlled one.
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), firstChart(page).getByRole('button', { name: 'Download data (CSV)' }).click()]);
    const lines = readFileSync((await file.path())!, 'utf8').trim().split(/\r\n/).map((l) => l.split(','));
    const header = lines[0];
    const line = lines.find((l) => l[header.indexOf('group')] === small.group)!;
    expect(line[header.indexOf('numerator')]).toBe('');
    expect(line[header.indexOf('suppressed')]).toBe('true');
    expect(lines.slice(1).every((l) => l[header.indexOf('disclosure')] === disclosed.disclosure)).toBe(true);
    expect(await firstChart(page).innerText()).toContain('use disclosure-controlled figures, not the ones on screen');
    expect(errors).toEqual([]);
  });

  it('shows an analyst exact completeness counts, and saves the chart and CSV with disclosure control', async () => {
    const { page, errors } = await signedIn('ana', 'ana has a long password');
    const query = 'dataset=outpatients&field=ethnicity&by=specialty';
    const disclosed = (await (await page.request.get(`/api/completeness?${query}`)).json()) as { groups: { label: string; notKnown: number | null; notStated: number | null }[] };
    const withheld = disclosed.groups.find((g) => g.notKnown === null || g.notStated === null)!;
    expect(withheld, 'a specialty with a withheld count').toBeDefined();

    await page.goto(`/completeness?${query}&view=unsuppressed`);
    await page.getByRole('region', { name: 'Unsuppressed figures: on screen only' }).waitFor();
    expect(await page.getByLabel(TOGGLE).isChecked()).toBe(true);
    await waitForCharts(page, 3);
    const byGroup = page.locator('figure.chart').nth(2);
    // The image comes from the server, which always applies the disclosure profile.
    const chartRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/charts/')) chartRequests.push(r.url());
    });
    const [image] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), byGroup.getByRole('button', { name: 'Download SVG' }).click()]);
    const svg = readFileSync((await image.path())!, 'utf8');
    expect(image.suggestedFilename()).toMatch(/^outpatients_ethnicity-completeness_by-specialty_.*\.svg$/);
    expect(svg).toContain('Disclosure control: NHS secondary-use');
    expect(svg).not.toContain('Not applied');
    expect(chartRequests).toHaveLength(1);
    expect(chartRequests[0]).not.toContain('view=');
    expect(await byGroup.getByRole('status').innerText()).toMatch(/^Downloaded /);

    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), byGroup.getByRole('button', { name: 'Download data (CSV)' }).click()]);
    const lines = readFileSync((await file.path())!, 'utf8').trim().split(/\r\n/);
    const header = lines[0].split(',');
    const line = lines.find((l) => l.startsWith(`${withheld.label},`) || l.startsWith(`"${withheld.label}",`))!;
    const cells = line.slice(line.indexOf(withheld.label) + withheld.label.length).split(',');
    const at = (column: string) => cells[header.indexOf(column)];
    expect([at('not_stated'), at('not_known')]).toContain('');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('gives a viewer no toggle, and answers a link asking for the view with the usual figures and a note', async () => {
    const { page, errors } = await signedIn('vic', 'vic has a long password');
    const disclosed = await breakdown(page);
    const withheld = disclosed.rows.find((r) => r.suppressed)!;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${PAGE}&view=unsuppressed`);
    await waitForCharts(page, 3);
    await page.getByText('This link asks for unsuppressed figures').waitFor();
    expect(await page.getByLabel(TOGGLE).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Unsuppressed figures: on screen only' }).count()).toBe(0);
    await openDataTables(page);
    expect(await tableRow(page, withheld.label)).toMatch(/\*/);
    expect(requests.filter((r) => r.includes('/api/') && r.includes('view=unsuppressed'))).toEqual([]);
    expect((await page.request.get('/api/metrics/op-dna-rate/breakdown?by=ethnic_category&view=unsuppressed')).status()).toBe(403);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
