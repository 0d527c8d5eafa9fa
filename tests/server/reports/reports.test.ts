import { describe, expect, it } from 'vitest';
import { htmlToPdf } from '../../../server/reports/pdf.ts';
import { sharedSampleApp } from '../../helpers/sample-app.ts';
import * as messages from '../../../server/messages.ts';
import { errorBody } from '../../helpers/error-body.ts';

const t = sharedSampleApp();
const { get } = t;

describe('board report', () => {
  it('is an A4 document: page one, small multiples per indicator, completeness, methods', async () => {
    const res = await get('/reports/board?indicators=op-dna-rate,ae-4-hour&breakdowns=imd_quintile&breakdowns=sex');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('break-inside:avoid');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<h2 id="h-summary">What the Board should know</h2>');
    expect(html.match(/<svg class="icon"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('<section class="indicator" id="op-dna-rate"');
    expect(html).toContain('<section class="indicator" id="ae-4-hour"');
    // 2 indicators × (2 breakdowns + overall trend + gap trend), each drawn or as a table.
    expect(html.match(/<figure class="chart small/g)).toHaveLength(8);
    expect(html).toMatch(/No clear difference|Worse than trust overall|Better than trust overall/);
    expect(html).toContain('Ethnicity recording completeness');
    expect(html).toContain('Methods and data notes');
    expect(html).toContain('Open Government Licence v3.0');
    expect(html).toContain('class="site-header"');
  });

  it('gives each chosen indicator one line on page one, grouped by Core20PLUS5 area', async () => {
    const html = (await get('/reports/board?indicators=op-dna-rate,maternity-preterm,rtt-over-18-weeks&breakdowns=imd_quintile')).body;
    const start = html.indexOf('<table class="so-what">');
    const page1 = html.slice(start, html.indexOf('</table>', start));
    const text = (row: string) => row.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    const lines = [...page1.matchAll(/<tr class="line" data-metric="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ id: m[1], text: text(m[2]) }));
    expect(lines.map((l) => l.id).sort()).toEqual(['maternity-preterm', 'op-dna-rate', 'rtt-over-18-weeks']);
    for (const l of lines) {
      expect(l.text, l.id).toMatch(/(Worse|Better|Higher|Lower) for Core20 : [\d.]+% against [\d.]+% for the rest|No clear difference : [\d.]+% against|Not compared/);
      // A small sample's gap can be too coarse after rounding to 5 for SPC to say anything.
      expect(l.text, l.id).toMatch(/Widening|Narrowing|No significant change|Too few months|Counts too small to tell/);
      expect(l.text, l.id).toMatch(/Latest: |Earlier: |No special cause|Too few points for SPC/);
      expect(l.text, l.id).toMatch(/(Meets the target|Below the target|Not clearly different from the target|Not assessed \(small numbers\)) : [\d.]+% of .* records have a valid ethnic category \(target 95%\)/);
    }
    // Maternity is a Core20PLUS5 area; the outpatient and RTT indicators are trust-wide.
    const areas = [...page1.matchAll(/<tr class="area"><th[^>]*>([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(areas).toEqual(['Maternity', 'Across the trust']);
    expect(page1.indexOf('maternity-preterm')).toBeLessThan(page1.indexOf('op-dna-rate'));
    expect(html).toMatch(/<li>Trust overall: /);
  });

  it('never draws a tick or label with more than four decimals, and labels quarterly trends as quarterly', async () => {
    const html = (await get('/reports/board?indicators=cancer-early-stage,rtt-over-65-weeks,op-dna-rate&breakdowns=imd_quintile,age_band_broad,sex')).body;
    const labels = [...html.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThan(50);
    expect(labels.filter((t) => /\d[.,]\d{5,}/.test(t))).toEqual([]);
    const section = html.slice(html.indexOf('id="cancer-early-stage"'));
    const quarterly = section.slice(0, section.indexOf('</section>'));
    expect(quarterly).toMatch(/quarterly values/i);
    expect(quarterly).not.toMatch(/monthly values/i);
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
    for (const by of ['By IMD quintile', 'By ethnic group', 'By age group', 'By sex']) expect(html).toContain(`<h3>${by}</h3>`);
    const labels = [...html.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels.filter((t) => /\d[.,]\d{5,}/.test(t))).toEqual([]);

    const csv = await get('/api/reports/annual.csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^metric,breakdown,group,label,numerator,denominator,value,lower_95,upper_95/);
    const breakdowns = new Set(lines.slice(1).map((l) => l.split(',')[1]));
    expect([...breakdowns].sort()).toEqual(expect.arrayContaining(['age_band_broad', 'ethnic_group', 'imd_quintile', 'sex']));
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(28);
  });
});
