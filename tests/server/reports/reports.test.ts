import { describe, expect, it } from 'vitest';
import { htmlToPdf } from '../../../server/reports/pdf.ts';
import { sharedSampleApp } from '../../helpers/sample-app.ts';
import * as messages from '../../../server/messages.ts';
import { errorBody } from '../../helpers/error-body.ts';

const t = sharedSampleApp();
const { get } = t;

describe('board report', () => {
  it('is an A4 document: summary with SPC icons, a chart per breakdown with its sentences, completeness, methods', async () => {
    const res = await get('/reports/board?indicators=op-dna-rate,ae-4-hour&breakdowns=imd_quintile&breakdowns=sex');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('break-inside:avoid');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<h2 id="h-summary">Summary</h2>');
    expect(html.match(/<svg class="icon"/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('<section class="indicator" id="op-dna-rate"');
    expect(html).toContain('<section class="indicator" id="ae-4-hour"');
    // 2 indicators × (2 breakdowns + overall trend + gap trend) + the completeness chart.
    expect(html.match(/<figure class="chart"/g)).toHaveLength(9);
    expect(html).toMatch(/the intervals do not overlap|No clear difference/);
    expect(html).toContain('Ethnicity recording completeness');
    expect(html).toContain('Methods and data notes');
    expect(html).toContain('Open Government Licence v3.0');
  });

  it('saves a template and builds the report from it', async () => {
    const saved = await t.app.inject({ method: 'POST', url: '/api/report-templates', payload: { name: 'Quarterly board', indicators: ['rtt-over-18-weeks'], breakdowns: ['ethnic_group'] } });
    expect(saved.statusCode).toBe(201);
    expect((await get('/api/report-templates')).json().templates).toMatchObject([{ name: 'Quarterly board', indicators: ['rtt-over-18-weeks'], breakdowns: ['ethnic_group'] }]);
    const res = await get('/reports/board?template=Quarterly%20board');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('id="rtt-over-18-weeks"');
    expect(res.body).not.toContain('id="op-dna-rate"');
    expect(res.body).toContain('<option value="Quarterly board" selected>');

    const form = await t.app.inject({ method: 'POST', url: '/api/report-templates', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=From+the+page&indicators=op-dna-rate&breakdowns=sex' });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe('/reports/board?template=From%20the%20page');
    expect((await t.app.inject({ method: 'DELETE', url: '/api/report-templates/From%20the%20page' })).statusCode).toBe(200);
  });

  it.each([
    ['/reports/board?indicators=no-such-indicator', 400, 'invalid_indicator'],
    ['/reports/board?breakdowns=postcode', 400, 'invalid_request'],
    ['/reports/board?from=2026-01-01&to=2025-01-01', 400, 'invalid_date'],
    ['/reports/board?template=Nobody', 404, 'not_found'],
    ['/api/reports/board.pdf?indicators=no-such-indicator', 400, 'invalid_indicator'],
  ])('%s → %i %s', async (url, status, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('says plainly when the server has no Chromium for PDFs, and points to Print → Save as PDF', async () => {
    await expect(htmlToPdf('<p>x</p>', '/nonexistent/chromium')).rejects.toMatchObject({
      status: 503,
      ...errorBody(messages.pdfUnavailable('/nonexistent/chromium')),
    });
  });
});

describe('annual-report pack', () => {
  it('has every statement indicator by IMD quintile, ethnicity, age and sex, the data-quality section and a CSV appendix', async () => {
    const res = await get('/reports/annual');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const sections = html.match(/<section class="indicator" id="[^"]+"/g) ?? [];
    expect(sections.length).toBe(28);
    expect(html).toContain('Data quality: unknown and not-stated demographics');
    expect(html).toContain('href="/api/reports/annual.csv"');
    for (const by of ['by IMD quintile', 'by ethnic group', 'by age group', 'by sex']) expect(html).toContain(by);

    const csv = await get('/api/reports/annual.csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^metric,breakdown,group,label,numerator,denominator,value,lower_95,upper_95/);
    const breakdowns = new Set(lines.slice(1).map((l) => l.split(',')[1]));
    expect([...breakdowns].sort()).toEqual(expect.arrayContaining(['age_band_broad', 'ethnic_group', 'imd_quintile', 'sex']));
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(28);
  });
});
