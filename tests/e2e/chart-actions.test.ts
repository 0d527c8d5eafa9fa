// The toolbar under every chart (download PNG / SVG / data, copy, publish), the /published page,
// and the Reports links: on the shared local-mode server, where the single user may publish.
import { mkdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownResult } from '../../core/contracts/results.ts';
import { formatCount } from '../../core/text/format.ts';
import { serverWithAccounts, type ServerWithAccounts } from '../helpers/parity-server.ts';
import { api, closeBrowser, newPage, open, openDataTables, pageOn, screenshot, screenshotDir, seriousAxeViolations, serverUrl, submitSignIn, waitForCharts, type TrackedPage } from './helpers.ts';

const id = 'op-dna-rate';

/** Clicks a button and waits for the download it starts. */
async function download(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  const path = await file.path();
  return { download: file, bytes: readFileSync(path) };
}

/** The screenshot folder, made if need be (for screenshots of one element). */
function shots(): string {
  mkdirSync(screenshotDir, { recursive: true });
  return screenshotDir;
}

function parseCsv(text: string): string[][] {
  // The CSV has no embedded newlines in these cells; quoted commas are handled.
  return text.trim().split(/\r\n/).map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    cells.push(cell);
    return cells;
  });
}

describe('chart toolbar', () => {
  let tracked: TrackedPage;
  let result: BreakdownResult;
  let publishedUrl = '';

  beforeAll(async () => {
    result = await api<BreakdownResult>(`/api/metrics/${id}/breakdown?by=ethnic_category`);
    tracked = await newPage();
    await open(tracked, `/indicators/${id}?by=ethnic_category`);
    await waitForCharts(tracked.page, 4);
  });
  afterAll(async () => {
    await tracked.close();
    await closeBrowser();
  });

  const firstChart = () => tracked.page.locator('figure.chart').first();

  it('puts a labelled group of buttons under every chart', async () => {
    const { page } = tracked;
    const charts = await page.locator('figure.chart').count();
    expect(charts).toBeGreaterThanOrEqual(4);
    expect(await page.locator('figure.chart [role="group"]').count()).toBe(charts);
    const toolbar = firstChart().getByRole('group', { name: /Save or share: Outpatient did-not-attend rate by ethnic category/ });
    for (const name of ['Download PNG', 'Download SVG', 'Download data (CSV)', 'Copy image', 'Publish']) {
      await expect(toolbar.getByRole('button', { name, exact: true }).isVisible()).resolves.toBe(true);
    }
    await firstChart().locator('.chart-actions').screenshot({ path: `${shots()}/chart-toolbar.png` });
  });

  it('Download PNG saves the server-rendered PNG of the same chart', async () => {
    const { page } = tracked;
    const response = page.waitForResponse((r) => r.url().includes(`/api/charts/${id}.png`));
    const { download: file, bytes } = await download(page, () => firstChart().getByRole('button', { name: 'Download PNG' }).click());
    const answer = await response;
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('image/png');
    const query = new URL(answer.url()).searchParams;
    expect(query.get('by')).toBe('ethnic_category');
    expect(query.get('chart')).toBe('breakdown');
    expect(query.get('from')).toBe(result.period.from);
    expect(query.get('scale')).toBe('2');
    expect(file.suggestedFilename()).toMatch(/^op-dna-rate_by-ethnic-category_.*@2x\.png$/);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // 2×: the PNG is 1600 pixels wide (IHDR width at byte 16).
    expect(bytes.readUInt32BE(16)).toBe(1600);
    await expect(page.getByRole('status').filter({ hasText: `Downloaded ${file.suggestedFilename()}` }).count()).resolves.toBe(1);
  });

  it('Download SVG saves the server-rendered SVG with its title and footnotes', async () => {
    const { download: file, bytes } = await download(tracked.page, () => firstChart().getByRole('button', { name: 'Download SVG' }).click());
    expect(file.suggestedFilename()).toMatch(/\.svg$/);
    const svg = bytes.toString('utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('Outpatient did-not-attend rate by ethnic category');
    expect(svg).toContain('Open Government Licence');
  });

  it('Download data (CSV) saves the figures in the data table, from the keyboard too', async () => {
    const { page } = tracked;
    await openDataTables(page);
    const button = firstChart().getByRole('button', { name: 'Download data (CSV)' });
    await button.focus();
    const { download: file, bytes } = await download(page, () => page.keyboard.press('Enter'));
    expect(file.suggestedFilename()).toBe('outpatient-did-not-attend-rate-by-ethnic-category.csv');
    const rows = parseCsv(bytes.toString('utf8'));
    const header = rows[0];
    expect(header.slice(0, 7)).toEqual(['metric', 'breakdown', 'group', 'label', 'numerator', 'denominator', 'value']);
    expect(rows).toHaveLength(result.rows.length + 2);
    const table = firstChart().locator('.chart-table table');
    const tableText = (await table.innerText()).replace(/\s+/g, ' ');
    for (const row of result.rows) {
      const line = rows.find((r) => r[2] === row.group)!;
      expect(line, row.group).toBeDefined();
      expect(line[3]).toBe(row.label);
      expect(Number(line[4])).toBe(row.numerator);
      expect(Number(line[5])).toBe(row.denominator);
      // The same numbers the table shows.
      const tableRow = (await table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: row.label, exact: true }) }).innerText()).replace(/\s+/g, ' ');
      expect(tableRow).toContain(formatCount(row.numerator));
      expect(tableRow).toContain(formatCount(row.denominator));
    }
    expect(tableText).toContain(formatCount(result.overall.numerator));
    const overall = rows[rows.length - 1];
    expect(overall[2]).toBe('overall');
    expect(Number(overall[4])).toBe(result.overall.numerator);
  });

  it('Copy image puts a PNG on the clipboard, and says to download when the browser cannot', async () => {
    const { page } = tracked;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serverUrl() });
    await firstChart().getByRole('button', { name: 'Copy image' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied the chart as an image' }).waitFor({ timeout: 30_000 });
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => [...item.types]));
    expect(types).toContain('image/png');

    const other = await newPage();
    await other.page.addInitScript(() => {
      delete (window as { ClipboardItem?: unknown }).ClipboardItem;
    });
    await open(other, `/indicators/${id}?by=sex`);
    await waitForCharts(other.page, 1);
    await other.page.locator('figure.chart').first().getByRole('button', { name: 'Copy image' }).click();
    const status = other.page.locator('figure.chart').first().getByRole('status');
    await expect(status.innerText()).resolves.toContain('Use Download PNG instead');
    await other.close();
  });

  it('saves the completeness charts from the server with their title and footnotes, and publishes them', async () => {
    const other = await newPage();
    const serverCharts: string[] = [];
    other.page.on('request', (r) => {
      if (r.url().includes('/api/charts/')) serverCharts.push(r.url());
    });
    await open(other, '/completeness?dataset=outpatients&field=ethnicity');
    await waitForCharts(other.page, 3);
    const months = other.page.locator('figure.chart').nth(1);
    const svg = await download(other.page, () => months.getByRole('button', { name: 'Download SVG' }).click());
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('<title id="parity-chart-title">Outpatient appointments: records without a valid ethnic category, by month</title>');
    expect(text).toContain('Disclosure control: NHS secondary-use');
    expect(svg.download.suggestedFilename()).toMatch(/^outpatients_ethnicity-completeness_by-month_\d{4}-\d{2}_\d{4}-\d{2}\.svg$/);
    const png = await download(other.page, () => months.getByRole('button', { name: 'Download PNG' }).click());
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.download.suggestedFilename()).toMatch(/^outpatients_ethnicity-completeness_by-month_.*@2x\.png$/);
    expect(serverCharts.map((u) => new URL(u).pathname)).toEqual(['/api/charts/completeness.svg', '/api/charts/completeness.png']);
    expect(new URL(serverCharts[1]).searchParams.get('chart')).toBe('completeness-months');

    const trend = other.page.locator('figure.chart').first();
    const posted = other.page.waitForResponse((r) => r.url().endsWith('/api/published') && r.request().method() === 'POST');
    await trend.getByRole('button', { name: 'Publish' }).click();
    const answer = await posted;
    expect(answer.status()).toBe(201);
    expect(JSON.parse(answer.request().postData() ?? '{}')).toMatchObject({ chart: 'completeness-trend', dataset: 'outpatients', field: 'ethnicity' });
    const link = trend.getByLabel('Permanent link');
    await link.waitFor();
    const url = await link.inputValue();
    const page = await (await fetch(url)).text();
    expect(page).toContain('Outpatient appointments: records with a valid ethnic category, by month against the 95% target');

    await open(other, '/published');
    const row = other.page.locator('tbody tr').filter({ hasText: `Chart ${url.split('/').pop()}` });
    await row.waitFor();
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('Completeness: valid share by month, against the target');
    expect(await row.getByRole('link', { name: 'Ethnic category recorded: outpatient appointments' }).getAttribute('href')).toBe('/completeness?dataset=outpatients');
    expect(other.consoleErrors).toEqual([]);
    await other.close();
  });

  it('Publish freezes the chart and shows its permanent link and embed code; the link shows the chart', async () => {
    const { page } = tracked;
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/published') && r.request().method() === 'POST');
    await firstChart().getByRole('button', { name: 'Publish' }).click();
    const answer = await posted;
    expect(answer.status()).toBe(201);
    const sent = JSON.parse(answer.request().postData() ?? '{}') as Record<string, unknown>;
    expect(sent).toMatchObject({ metric: id, chart: 'breakdown', by: 'ethnic_category', from: result.period.from, to: result.period.to });
    const link = firstChart().getByLabel('Permanent link');
    await link.waitFor();
    publishedUrl = await link.inputValue();
    expect(publishedUrl).toMatch(new RegExp(`^${serverUrl()}/published/[0-9a-f]{12}$`));
    const embed = await firstChart().getByLabel('Embed code for a web page or intranet').inputValue();
    expect(embed).toContain(`<iframe src="${publishedUrl}"`);
    expect(embed).toContain('title="Outpatient did-not-attend rate by ethnic category"');
    await expect(firstChart().getByRole('status').innerText()).resolves.toContain('Published');
    await firstChart().screenshot({ path: `${shots()}/chart-published-panel.png` });

    const published = await newPage();
    const response = await published.page.goto(publishedUrl, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    const text = await published.page.locator('body').innerText();
    expect(text).toContain('Outpatient did-not-attend rate by ethnic category');
    expect(await published.page.locator('svg').count()).toBeGreaterThan(0);
    expect(await published.page.locator('svg .mark-symbol path, svg path').count()).toBeGreaterThan(10);
    await screenshot(published.page, 'published-chart-page');
    await published.close();
  });

  it('/published lists the chart with its files; Withdraw asks first, then the chart says it was withdrawn', async () => {
    expect(publishedUrl).not.toBe('');
    const chartId = publishedUrl.split('/').pop()!;
    const list = await newPage();
    await open(list, '/');
    await list.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Published' }).click();
    await list.page.getByRole('heading', { name: 'Published charts', level: 1 }).waitFor();
    const row = list.page.locator('tbody tr').filter({ hasText: `Chart ${chartId}` });
    await row.waitFor();
    const rowText = (await row.innerText()).replace(/\s+/g, ' ');
    expect(rowText).toContain('Outpatient did-not-attend rate by ethnic category');
    expect(rowText).toContain('Outpatient did-not-attend rate');
    expect(rowText).toContain('Ethnic category');
    expect(rowText).toContain('by local');
    expect(rowText).toContain('Published');
    for (const f of ['svg', 'png', 'csv', 'json']) {
      const href = await row.getByRole('link', { name: `${f.toUpperCase()} of chart ${chartId}` }).getAttribute('href');
      expect(href).toBe(`/published/${chartId}.${f}`);
      const file = await fetch(`${serverUrl()}${href}`);
      expect([f, file.status]).toEqual([f, 200]);
    }
    expect(await row.getByRole('link', { name: 'Outpatient did-not-attend rate by ethnic category' }).getAttribute('href')).toBe(`/published/${chartId}`);
    expect(await seriousAxeViolations(list.page)).toEqual([]);
    await screenshot(list.page, 'published-list');

    await row.getByRole('button', { name: /^Withdraw/ }).click();
    const dialog = list.page.getByRole('dialog', { name: /Withdraw/ });
    await dialog.waitFor();
    // Cancel has the focus: Enter does no harm.
    await expect(list.page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    expect(await seriousAxeViolations(list.page)).toEqual([]);
    await screenshot(list.page, 'published-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Withdraw this chart' }).click();
    await list.page.getByRole('status').filter({ hasText: `Withdrew` }).waitFor();
    await expect(row.innerText()).resolves.toMatch(/Withdrawn .* by local/);
    expect(await row.getByRole('button', { name: /^Withdraw/ }).count()).toBe(0);
    expect((await fetch(publishedUrl)).status).toBe(410);
    expect((await fetch(`${publishedUrl}.png`)).status).toBe(410);
    expect(list.consoleErrors).toEqual([]);
    expect(list.outsideRequests).toEqual([]);
    await list.close();
  });

  it('Reports in the menu opens the server\'s board report and annual pack with a full page load', async () => {
    const page = (await newPage()).page;
    await page.goto(`${serverUrl()}/indicators`, { waitUntil: 'networkidle' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    const button = nav.getByRole('button', { name: 'Reports' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: `${shots()}/nav-reports-open.png` });
    expect(await nav.getByRole('link', { name: /Annual-report pack/ }).getAttribute('href')).toBe('/reports/annual');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/reports/board'), nav.getByRole('link', { name: /Board report/ }).click()]);
    expect(response.status()).toBe(200);
    await page.waitForURL('**/reports/board', { timeout: 60_000 });
    // The server's page, not the app: no app root.
    expect(await page.locator('#root').count()).toBe(0);
    await page.context().close();
  });

  it('makes no console error or outside request on the indicator page', () => {
    expect(tracked.consoleErrors).toEqual([]);
    expect(tracked.outsideRequests).toEqual([]);
  });
});

describe('publishing on a server with accounts', () => {
  let server: ServerWithAccounts | null = null;
  let url = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await serverWithAccounts([
      { name: 'ana', role: 'analyst', password: 'ana has a long password' },
      { name: 'vic', role: 'viewer', password: 'vic has a long password' },
    ]);
    url = server.url;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.close();
    await closeBrowser();
  });

  const signedIn = async (name: string) => {
    const { context, page, errors } = await pageOn(url);
    contexts.push(context);
    await page.goto('/login');
    await submitSignIn(page, name, `${name} has a long password`);
    await page.getByText(`Signed in as ${name}`).waitFor();
    return { page, errors };
  };

  it('an analyst publishes and withdraws with the session\'s CSRF token', async () => {
    const { page, errors } = await signedIn('ana');
    await page.goto(`/indicators/${id}?by=sex`);
    await waitForCharts(page, 1);
    const chart = page.locator('figure.chart').first();
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/published') && r.request().method() === 'POST');
    await chart.getByRole('button', { name: 'Publish' }).click();
    const answer = await posted;
    expect(answer.status()).toBe(201);
    expect(answer.request().headers()['x-csrf-token']).toMatch(/\S{16,}/);
    const link = await chart.getByLabel('Permanent link').inputValue();
    const chartId = link.split('/').pop()!;

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Published' }).click();
    const row = page.locator('tbody tr').filter({ hasText: `Chart ${chartId}` });
    await expect.poll(() => row.innerText()).toContain('by ana');
    await row.getByRole('button', { name: /^Withdraw/ }).click();
    const deleted = page.waitForResponse((r) => r.url().endsWith(`/api/published/${chartId}`) && r.request().method() === 'DELETE');
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw this chart' }).click();
    expect((await deleted).status()).toBe(200);
    await expect.poll(() => row.innerText()).toMatch(/Withdrawn .* by ana/);
    expect(errors).toEqual([]);
  });

  it('a viewer sees the toolbar and the published list, but no Publish and no Withdraw', async () => {
    const { page, errors } = await signedIn('vic');
    await page.goto(`/indicators/${id}?by=sex`);
    await waitForCharts(page, 1);
    const chart = page.locator('figure.chart').first();
    await chart.getByRole('button', { name: 'Download PNG' }).waitFor();
    expect(await chart.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    const png = page.waitForResponse((r) => r.url().includes(`/api/charts/${id}.png`));
    await chart.getByRole('button', { name: 'Download PNG' }).click();
    expect((await png).headers()['content-type']).toBe('image/png');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Published' }).click();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByRole('button', { name: /^Withdraw/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
