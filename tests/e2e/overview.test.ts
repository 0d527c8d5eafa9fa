import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewResult } from '../../core/contracts/results.ts';
import { stripScale } from '../../core/charts/strip-scale.ts';
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

  it('draws each strip on one axis from 0, or says beside it that the axis is zoomed, and explains the dashed line there', async () => {
    const drawn = overview.tiles.filter((t) => t.core20 && !t.core20.suppressed && t.rest && !t.rest.suppressed && t.core20.lower !== null && !t.overall.suppressed && t.overall.value !== null);
    expect(drawn.length).toBeGreaterThan(3);
    const seen = { zero: 0, zoomed: 0 };
    for (const tile of drawn) {
      const card = tracked.page.locator(`#tile-${tile.metric.id}`);
      const strip = card.locator('svg.interval-strip');
      const legend = card.locator(`#${await strip.getAttribute('aria-describedby')}`);
      const key = (await legend.innerText()).replace(/\s+/g, ' ');
      // The dashed line is explained next to the strip, not only under "How to read this page".
      expect(key, tile.metric.id).toContain(`Dashed line: trust overall, ${formatValue(tile.overall.value, tile.metric)}`);
      const ticks = await strip.locator('text').allTextContents();
      const scale = stripScale([tile.core20!.value, tile.core20!.lower, tile.core20!.upper, tile.rest!.value, tile.rest!.lower, tile.rest!.upper, tile.overall.value], { share: tile.metric.unit === '%' })!;
      expect(ticks.length, tile.metric.id).toBe(scale.ticks.length);
      if (scale.zeroBased) {
        expect(ticks[0]).toMatch(/^0%?$/);
        expect(key).not.toContain('Zoomed axis');
        seen.zero += 1;
      } else {
        expect(key).toContain(`Zoomed axis, ${ticks[0]} to ${ticks.at(-1)}: it does not start at 0`);
        seen.zoomed += 1;
      }
      // Both groups and the dashed trust overall lie inside the one axis.
      const box = await strip.evaluate((svg) => {
        const axis = svg.querySelector('line')!;
        const xs = [...svg.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
        const dashed = svg.querySelector('line[stroke-dasharray]');
        return { from: Number(axis.getAttribute('x1')), to: Number(axis.getAttribute('x2')), xs: [...xs, Number(dashed?.getAttribute('x1'))] };
      });
      for (const x of box.xs) {
        expect(x, tile.metric.id).toBeGreaterThanOrEqual(box.from - 0.01);
        expect(x, tile.metric.id).toBeLessThanOrEqual(box.to + 0.01);
      }
    }
    // The sample trust has both kinds: rates and wide-apart shares from 0, near-equal shares zoomed.
    expect(seen.zero).toBeGreaterThan(0);
    expect(seen.zoomed).toBeGreaterThan(0);
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
