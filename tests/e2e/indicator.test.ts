import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownResult, Metric } from '../../core/contracts/results.ts';
import { describeGap } from '../../core/text/describe.ts';
import { formatValue } from '../../core/text/format.ts';
import { api, closeBrowser, newPage, open, openDataTables, screenshot, serverUrl, seriousAxeViolations, visibleText, waitForCharts, type TrackedPage } from './helpers.ts';

const id = 'op-dna-rate';

describe('indicator page', () => {
  let tracked: TrackedPage;
  let byEthnicity: BreakdownResult;

  beforeAll(async () => {
    byEthnicity = await api<BreakdownResult>(`/api/metrics/${id}/breakdown?by=ethnic_group`);
    tracked = await newPage();
    await open(tracked, `/indicators/${id}?by=ethnic_group`);
    await waitForCharts(tracked.page, 4);
  });
  afterAll(async () => {
    await tracked.close();
    await closeBrowser();
  });

  it('draws the breakdown, both SPC charts and the heat map as SVG with marks', async () => {
    const drawn = tracked.page.locator('.chart-canvas[data-state="drawn"] svg');
    expect(await drawn.count()).toBeGreaterThanOrEqual(4);
    // The breakdown chart has one point per unsuppressed group.
    const shown = byEthnicity.rows.filter((r) => !r.suppressed && r.value !== null).length;
    const points = await tracked.page.locator('.chart').first().locator('svg .mark-symbol.role-mark path').count();
    expect(points).toBe(shown);
    // The heat map has a cell per pair of groups.
    expect(await tracked.page.locator('section:has(#cross-heading) svg .mark-rect.role-mark path').count()).toBeGreaterThan(4);
  });

  it('shows the figures the API computed in the data table', async () => {
    await openDataTables(tracked.page);
    const text = await visibleText(tracked.page);
    const row = byEthnicity.rows.find((r) => !r.suppressed && r.value !== null)!;
    expect(text).toContain(row.label);
    expect(text).toContain(formatValue(row.value, byEthnicity.metric));
    expect(text).toContain(formatValue(byEthnicity.overall.value, byEthnicity.metric));
  });

  it('describes differences only where the intervals do not overlap', async () => {
    const text = await visibleText(tracked.page);
    for (const row of byEthnicity.rows.filter((r) => r.comparison === 'higher' || r.comparison === 'lower')) {
      expect(text).toContain(`${row.label}: ${formatValue(row.value, byEthnicity.metric)}`);
    }
    if (byEthnicity.rows.some((r) => r.comparison === 'similar')) expect(text).toContain('No clear difference from the trust overall');
  });

  it('shows the deprivation gap with the sign convention, the definition and the disclosure profile', async () => {
    const text = await visibleText(tracked.page);
    expect(text).toContain('Slope index of inequality');
    expect(text).toContain('the modelled difference between the most and the least deprived ends of the whole gradient');
    expect(text).toContain(byEthnicity.metric.definition);
    expect(text).toContain('Disclosure control');
  });

  it('prints the same quintile 1 against quintile 5 sentence on the page, in the chart SVG and in the board report', async () => {
    const byImd = await api<BreakdownResult>(`/api/metrics/${id}/breakdown?by=imd_quintile`);
    const [sentence] = describeGap(byImd);
    // The sample's DNA rate: quintile 1's interval lies above quintile 5's, so a difference is claimed, with its direction.
    expect(sentence).toMatch(/^The most deprived fifth \(IMD quintile 1\) is higher than the least deprived fifth \(quintile 5\), which is worse; the intervals do not overlap\. The gap, most minus least deprived, is \+/);
    const q = (g: string) => byImd.rows.find((r) => r.group === g)!;
    expect(q('1').lower!).toBeGreaterThan(q('5').upper!);

    const onPage = await tracked.page.locator('section:has(#gap-heading) ul.statements li').allInnerTexts();
    expect(onPage[0]).toBe(sentence);
    const svg = await (await fetch(`${serverUrl()}/api/charts/${id}.svg?chart=breakdown&by=imd_quintile`)).text();
    const desc = /<desc id="parity-chart-desc">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
    const unescape = (t: string) => t.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(unescape(desc)).toContain(sentence);
    const board = await tracked.page.context().newPage();
    await board.goto(`${serverUrl()}/reports/board?indicators=${id}&breakdowns=imd_quintile`, { waitUntil: 'networkidle' });
    const reportSentences = await board.locator('ul.narrative li').allInnerTexts();
    expect(reportSentences).toContain(sentence);
    await board.close();
  });

  it('keeps the chosen breakdown in the URL', async () => {
    await tracked.page.getByRole('radio', { name: 'Sex' }).check();
    await tracked.page.waitForURL(/by=sex/);
    await tracked.page.waitForSelector('#breakdown-heading:text("By sex")');
    await waitForCharts(tracked.page, 4);
    expect(tracked.page.url()).toContain('by=sex');
  });

  it('makes no console error or outside request, and has no serious accessibility violations', async () => {
    expect(tracked.consoleErrors).toEqual([]);
    expect(tracked.outsideRequests).toEqual([]);
    expect(await seriousAxeViolations(tracked.page)).toEqual([]);
    await tracked.page.goto(tracked.page.url().replace(/by=sex/, 'by=imd_quintile'), { waitUntil: 'networkidle' });
    await waitForCharts(tracked.page, 4);
    await screenshot(tracked.page, 'indicator-1280');
  });

  it('lists the whole catalogue grouped by domain', async () => {
    const { metrics } = await api<{ metrics: Metric[] }>('/api/metrics');
    const page = await newPage();
    await open(page, '/indicators');
    await page.page.waitForSelector('.catalogue');
    expect(await page.page.locator('.catalogue li').count()).toBe(metrics.length);
    expect(await page.page.getByRole('link', { name: metrics[0].title, exact: true }).count()).toBe(1);
    expect(page.consoleErrors).toEqual([]);
    expect(await seriousAxeViolations(page.page)).toEqual([]);
    await screenshot(page.page, 'indicators-1280');
    await page.close();
  });

  it('says so when the indicator does not exist', async () => {
    const page = await newPage();
    await open(page, '/indicators/no-such-indicator');
    await page.page.waitForSelector('.status-error');
    expect(await visibleText(page.page)).toMatch(/No such indicator|Could not load/);
    await page.close();
  });
});
