import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletenessResult, CompletenessSummary } from '../../core/contracts/results.ts';
import { formatPercent, formatPeriod } from '../../core/text/format.ts';
import { targetVerdict, targetVerdictLabels } from '../../core/text/compare.ts';
import { api, closeBrowser, newPage, open, screenshot, seriousAxeViolations, visibleText, waitForCharts, type TrackedPage } from './helpers.ts';

describe('completeness page', () => {
  let tracked: TrackedPage;
  let result: CompletenessResult;

  beforeAll(async () => {
    result = await api<CompletenessResult>('/api/completeness?dataset=outpatients&field=ethnicity&by=specialty');
    tracked = await newPage();
    await open(tracked, '/completeness');
    await waitForCharts(tracked.page, 3);
  });
  afterAll(async () => {
    await tracked.close();
    await closeBrowser();
  });

  it('shows the valid share and the target the API computed', async () => {
    const text = await visibleText(tracked.page);
    expect(text).toContain(formatPercent(result.overall.validPercent));
    expect(text).toContain(`target ${formatPercent(result.target, 0)}`);
    expect(text).toContain('Not stated');
    expect(text).toContain('Not known');
  });

  it('draws the trend against the target, the stacked months and the specialties worst first', async () => {
    expect(await tracked.page.locator('.chart-canvas[data-state="drawn"] svg').count()).toBe(3);
    expect(await tracked.page.locator('.chart svg .mark-rect.role-mark path').count()).toBeGreaterThan(10);
    const worst = result.groups[0];
    const firstRowHeader = (await tracked.page.locator('section:has(#by-group) tbody th').first().textContent()) ?? '';
    expect(firstRowHeader.trim()).toBe(worst.label);
  });

  it('lists every dataset in the summary', async () => {
    const summary = await api<CompletenessSummary>('/api/completeness/summary');
    expect(await tracked.page.locator('.status-error').count()).toBe(0);
    const table = tracked.page.locator('section:has(#summary-heading) table');
    expect(await table.locator('tbody tr').count()).toBe(summary.rows.length);
    const text = (await table.innerText()).replace(/\s+/g, ' ');
    for (const row of summary.rows.filter((r) => r.validPercent !== null).slice(0, 5)) {
      expect(text).toContain(row.datasetTitle);
      expect(text).toContain(formatPercent(row.validPercent));
      // The row says its period, and the verdict is the CI-gated one the reports give.
      if (row.period) expect(text).toContain(formatPeriod(row.period));
      expect(text).toContain(targetVerdictLabels[targetVerdict(row, summary.target)]);
    }
  });

  it('keeps the chosen field in the URL', async () => {
    await tracked.page.getByRole('radio', { name: 'Sex' }).check();
    await tracked.page.waitForURL(/field=sex/);
    await waitForCharts(tracked.page, 3);
    expect(await visibleText(tracked.page)).toContain('valid sex');
  });

  it('makes no console error or outside request, and has no serious accessibility violations', async () => {
    expect(tracked.consoleErrors).toEqual([]);
    expect(tracked.outsideRequests).toEqual([]);
    expect(await seriousAxeViolations(tracked.page)).toEqual([]);
    await open(tracked, '/completeness');
    await waitForCharts(tracked.page, 3);
    await screenshot(tracked.page, 'completeness-1280');
  });
});
