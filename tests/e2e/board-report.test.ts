// The board report as a board member gets it: printed to A4 with no chart split across pages,
// exported as a PDF by the server, and a chart fetched as a PNG.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, open, screenshot, screenshotDir, serverUrl } from './helpers.ts';

afterAll(async () => {
  await closeBrowser();
});

/** A4 with the report's @page margins (14 mm sides, 14 mm top, 16 mm bottom), in CSS pixels. */
const MM = 96 / 25.4;
const PAGE_CONTENT = { width: Math.floor((210 - 28) * MM), height: Math.floor((297 - 30) * MM) };

describe('board report', () => {
  it('prints to A4 with every chart whole on one page', async () => {
    const tracked = await newPage({ width: PAGE_CONTENT.width, height: PAGE_CONTENT.height });
    const { page } = tracked;
    await open(tracked, '/reports/board?indicators=op-dna-rate,rtt-over-18-weeks,ae-4-hour&breakdowns=imd_quintile,ethnic_group,sex');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready);
    expect(await page.locator('.controls').isVisible()).toBe(false);
    const figures = await page.evaluate(() =>
      [...document.querySelectorAll('figure.chart')].map((f) => ({
        chart: f.getAttribute('data-chart'),
        title: f.querySelector('svg title')?.textContent ?? '',
        height: f.getBoundingClientRect().height,
        width: f.getBoundingClientRect().width,
        breakInside: getComputedStyle(f).breakInside,
      })),
    );
    // 3 indicators × (3 breakdowns + trend + gap trend) + ethnicity completeness.
    expect(figures.length).toBe(16);
    for (const f of figures) {
      expect(f.breakInside, f.title).toBe('avoid');
      // A block that avoids breaks and fits in one page's content box is never split by Chromium.
      expect(f.height, `${f.title} is ${Math.round(f.height)} px tall`).toBeLessThanOrEqual(PAGE_CONTENT.height);
      expect(f.width, f.title).toBeLessThanOrEqual(PAGE_CONTENT.width + 1);
    }
    expect(tracked.outsideRequests).toEqual([]);
    expect(tracked.consoleErrors).toEqual([]);
    await screenshot(page, 'board-report-print');
    await tracked.close();
  });

  it('is exported as a PDF by the server, several A4 pages long', async () => {
    const response = await fetch(`${serverUrl()}/api/reports/board.pdf?indicators=op-dna-rate,rtt-over-18-weeks&breakdowns=imd_quintile,ethnic_group`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(5);
    // Every page is A4: 595 × 842 points.
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) expect([w, h]).toEqual([595, 842]);
    mkdirSync(screenshotDir, { recursive: true });
    writeFileSync(`${screenshotDir}/board-report.pdf`, pdf);
  });

  it('shows the annual-report pack with the data-quality section', async () => {
    const tracked = await newPage({ width: 900 });
    await open(tracked, '/reports/annual');
    const text = await tracked.page.locator('main').innerText();
    expect(text).toContain('Data quality: unknown and not-stated demographics');
    expect(await tracked.page.locator('section.indicator').count()).toBe(28);
    await tracked.page.locator('section.summary').screenshot({ path: `${screenshotDir}/annual-pack-summary.png` });
    await tracked.close();
  });
});

describe('charts for papers', () => {
  it('serves a chart as a PNG of the requested size, and a published chart page for an iframe', async () => {
    const png = Buffer.from(await (await fetch(`${serverUrl()}/api/charts/op-dna-rate.png?by=imd_quintile&width=800&height=520&scale=2`)).arrayBuffer());
    expect(png.readUInt32BE(16)).toBe(1600);
    expect(png.readUInt32BE(20)).toBe(1040);
    mkdirSync(screenshotDir, { recursive: true });
    writeFileSync(`${screenshotDir}/chart-op-dna-rate-imd@2x.png`, png);

    const published = await fetch(`${serverUrl()}/api/published`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ metric: 'rtt-over-18-weeks', by: 'ethnic_group', publishedBy: 'Company secretary' }) });
    expect(published.status).toBe(201);
    const { url } = (await published.json()) as { url: string };
    const tracked = await newPage({ width: 860 });
    await open(tracked, url);
    expect(await tracked.page.locator('svg title').first().textContent()).toBe('Open RTT pathways waiting over 18 weeks by ethnic group');
    expect(tracked.outsideRequests).toEqual([]);
    expect(tracked.consoleErrors).toEqual([]);
    await screenshot(tracked.page, 'published-chart');
    await tracked.close();
  });
});
