import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewResult } from '../../core/contracts/results.ts';
import { formatValue } from '../../core/text/format.ts';
import { api, closeBrowser, newPage, open, screenshot, seriousAxeViolations, visibleText, type TrackedPage } from './helpers.ts';

describe('Core20PLUS5 overview', () => {
  let overview: OverviewResult;
  let tracked: TrackedPage;
  const requested: string[] = [];

  beforeAll(async () => {
    overview = await api<OverviewResult>('/api/overview');
    tracked = await newPage();
    tracked.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await open(tracked, '/');
    await tracked.page.waitForSelector('.tile');
  });
  afterAll(async () => {
    await tracked.close();
    await closeBrowser();
  });

  it('shows one tile per indicator the API returns, in its Core20PLUS5 section', async () => {
    expect(overview.tiles.length).toBeGreaterThan(3);
    expect(await tracked.page.locator('.tile').count()).toBe(overview.tiles.length);
    const headings = await tracked.page.locator('h2').allInnerTexts();
    expect(headings).toContain('Adults — Core20PLUS5 clinical areas');
    expect(headings).toContain('Children and young people');
  });

  it('shows the Core20 and rest values the API computed, with their intervals drawn', async () => {
    const tile = overview.tiles.find((t) => t.core20 && !t.core20.suppressed && t.core20.value !== null && t.rest && t.rest.value !== null)!;
    const card = tracked.page.locator(`#tile-${tile.metric.id}`);
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(formatValue(tile.core20!.value, tile.metric));
    expect(text).toContain(formatValue(tile.rest!.value, tile.metric));
    expect(await card.locator('svg.interval-strip circle').count()).toBe(2);
    expect(text).toMatch(/(Monthly|Quarterly) Q1 − Q5 gap, latest (month|quarter): (Common cause|Special cause|Too few points)|No Q1 − Q5 gap series/);
    // An earlier signal in the window is listed beside a common-cause icon, never hidden by it.
    if (tile.gapVariation === 'common-cause' && (tile.gapSignals ?? []).length > 0) expect(text).toContain('Earlier:');
  });

  it('states the data as-at date and the disclosure profile', async () => {
    const text = await visibleText(tracked.page);
    expect(text).toContain('Data as at');
    expect(text).toContain('Disclosure control');
    expect(text).toMatch(/NHS secondary-use|Threshold 10|None/i);
  });

  it('links each tile to its indicator page', async () => {
    const first = overview.tiles[0];
    const href = await tracked.page.locator(`#tile-${first.metric.id} h3 a`).getAttribute('href');
    expect(href).toBe(`/indicators/${first.metric.id}`);
  });

  it('does not download the chart library, and makes no request to another origin', () => {
    expect(requested.filter((p) => /\/assets\/vega/.test(p))).toEqual([]);
    expect(tracked.outsideRequests).toEqual([]);
    expect(tracked.consoleErrors).toEqual([]);
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousAxeViolations(tracked.page)).toEqual([]);
  });

  it('renders at 1280 px and at tablet width (768 px) without horizontal scrolling', async () => {
    await screenshot(tracked.page, 'overview-1280');
    const tablet = await newPage({ width: 768, height: 1024 });
    await open(tablet, '/');
    await tablet.page.waitForSelector('.tile');
    const overflow = await tablet.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(tablet.page, 'overview-768');
    expect(tablet.consoleErrors).toEqual([]);
    await tablet.close();
  });
});
