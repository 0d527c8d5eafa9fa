// The sample trust's synthetic England benchmarks on the indicator page and the overview: the
// figure, its interval and the verdict the API computed, in words beside the chart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownResult } from '../../core/contracts/results.ts';
import { formatInterval, formatValue } from '../../core/text/format.ts';
import { api, closeBrowser, newPage, open, visibleText, waitForCharts, type TrackedPage } from './helpers.ts';

const id = 'maternity-smoking-delivery';

describe('benchmarks on the indicator page', () => {
  let tracked: TrackedPage;
  let result: BreakdownResult;

  beforeAll(async () => {
    result = await api<BreakdownResult>(`/api/metrics/${id}/breakdown?by=imd_decile`);
    tracked = await newPage();
    await open(tracked, `/indicators/${id}?by=imd_decile`);
    await waitForCharts(tracked.page, 1);
  });
  afterAll(async () => {
    await tracked.close();
    await closeBrowser();
  });

  it("says England's value, its interval and the trust's verdict as the API computed them", async () => {
    const england = result.benchmarks!.find((b) => b.areaCode === 'E92000001')!;
    expect(england.value).not.toBeNull();
    const item = tracked.page.locator('[data-testid="benchmarks"] li[data-area="E92000001"]').first();
    expect(await item.getAttribute('data-comparison')).toBe(england.comparison);
    const text = await item.innerText();
    expect(text).toContain(formatValue(england.value, result.metric));
    expect(text).toContain(formatInterval(england.lower, england.upper, result.metric));
    expect(text).toContain(england.comparison === 'not compared' ? 'Not compared' : england.comparison);
  });

  it("draws England's line and band, and its deciles beside the trust's", async () => {
    const chart = tracked.page.locator('.chart').first();
    expect(await chart.locator('svg .mark-rect.role-mark path').count()).toBeGreaterThanOrEqual(1);
    const text = await visibleText(tracked.page);
    expect(text).toContain("The trust's gradient beside England's");
  });
});

describe('benchmarks on the overview', () => {
  it('says how the trust compares with England on the tile', async () => {
    const tracked = await newPage();
    try {
      await open(tracked, '/');
      const tile = tracked.page.locator(`#tile-${id} .tile-england`);
      expect(await tile.innerText()).toMatch(/^Compared with England: (better|similar|worse|not compared)/);
    } finally {
      await tracked.close();
    }
  });
});
