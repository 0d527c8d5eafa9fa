import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { BreakdownResult } from '../../../core/contracts/results.ts';
import { describeGap } from '../../../core/text/describe.ts';
import { assertBalancedXml, pngSize, sharedSampleApp } from '../../helpers/sample-app.ts';

const t = sharedSampleApp();
const { get } = t;

describe('GET /api/charts/:metric.png', () => {
  it.each([
    [640, 480, 1],
    [800, 600, 2],
    [500, 600, 3],
  ])('draws a %i × %i chart at %i× as a PNG of exactly that size', async (width, height, scale) => {
    const res = await get(`/api/charts/op-dna-rate.png?by=imd_quintile&width=${width}&height=${height}&scale=${scale}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(pngSize(res.rawPayload)).toEqual({ width: width * scale, height: height * scale });
  });

  it('takes the height the chart needs when none is asked for, and names the file after the request', async () => {
    const res = await get('/api/charts/op-dna-rate.png?by=ethnic_group&scale=2');
    expect(res.statusCode).toBe(200);
    const size = pngSize(res.rawPayload);
    expect(size.width).toBe(1600);
    expect(size.height).toBeGreaterThan(600);
    expect(res.headers['content-disposition']).toMatch(/filename="op-dna-rate_by-ethnic-group_\d{4}-\d{2}_\d{4}-\d{2}@2x\.png"/);
  });

  it('draws trend (SPC) and heat map charts', async () => {
    const trend = await get('/api/charts/op-dna-rate.png?chart=trend&by=overall&width=700&height=420');
    expect(trend.statusCode).toBe(200);
    expect(pngSize(trend.rawPayload)).toEqual({ width: 700, height: 420 });
    const gap = await get('/api/charts/op-dna-rate.svg?chart=trend&by=imd_quintile');
    expect(gap.statusCode).toBe(200);
    expect(gap.body).toContain('gap between the most and least deprived fifths');
    const heat = await get('/api/charts/op-dna-rate.svg?chart=heatmap&by=imd_quintile&by2=sex');
    expect(heat.statusCode).toBe(200);
    expect(heat.body).toContain('by IMD quintile and sex');
  });
});

describe('GET /api/charts/:metric.svg', () => {
  it('is a well-formed SVG with the title, subtitle, footnotes and alt text', async () => {
    const res = await get('/api/charts/op-dna-rate.svg?by=imd_quintile&from=2025-04-01&to=2026-03-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = res.body;
    assertBalancedXml(svg);
    expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* width="800"/);
    expect(svg).toContain('<title id="parity-chart-title">Outpatient did-not-attend rate by IMD quintile</title>');
    expect(svg).toMatch(/<desc id="parity-chart-desc">Dot chart of Outpatient did-not-attend rate for 6 IMD quintile groups/);
    expect(svg).toMatch(/aria-label="Outpatient did-not-attend rate by IMD quintile\. /);
    expect(svg).toContain('1 Apr 2025 to 31 Mar 2026');
    expect(svg).toContain('Source: Outpatient appointments extracts loaded into Parity; data as at');
    expect(svg).toContain('Disclosure control: NHS secondary-use');
    expect(svg).toContain('IoD2025');
    expect(svg).toContain('Wilson');
    expect(svg).toContain('Contains public sector information licensed under the Open Government Licence v3.0.');
    expect(svg).toContain('font-family="&quot;Source Sans Pro&quot;');
  });

  it('prints the quintile 1 against quintile 5 sentence of the web page under the IMD chart and in its description', async () => {
    const result = (await get('/api/metrics/op-dna-rate/breakdown?by=imd_quintile')).json() as BreakdownResult;
    const [sentence] = describeGap(result);
    expect(sentence).toMatch(/^The most deprived fifth \(IMD quintile 1\) is higher than the least deprived fifth \(quintile 5\), which is worse/);
    const svg = (await get('/api/charts/op-dna-rate.svg?by=imd_quintile')).body;
    const unescape = (t: string) => t.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(unescape(/<desc id="parity-chart-desc">([^<]*)</.exec(svg)![1])).toContain(sentence);
    // The footnotes a PNG shows, wrapped into lines: joined again, they hold the same sentence.
    const footnotes = /<g class="frame-footnotes"[^>]*>(.*?)<\/g>/.exec(svg)![1];
    const lines = [...footnotes.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]));
    expect(lines.join(' ')).toContain(sentence);
    // Other breakdowns have no IMD gap, so no such footnote.
    expect((await get('/api/charts/op-dna-rate.svg?by=sex')).body).not.toContain('most deprived fifth (IMD quintile 1) is');
  });

  it('uses a custom title when given one', async () => {
    const res = await get(`/api/charts/op-dna-rate.svg?by=sex&title=${encodeURIComponent('Missed appointments by sex & <deprivation>')}`);
    expect(res.statusCode).toBe(200);
    assertBalancedXml(res.body);
    expect(res.body).toContain('Missed appointments by sex &amp; &lt;deprivation&gt;');
  });
});

describe('bad chart requests', () => {
  it.each([
    ['/api/charts/op-dna-rate.gif?by=sex', 400, 'invalid_request'],
    ['/api/charts/op-dna-rate.png?by=sex&scale=4', 400, 'invalid_request'],
    ['/api/charts/op-dna-rate.png?by=sex&width=10', 400, 'invalid_request'],
    ['/api/charts/op-dna-rate.png?by=shoe_size', 400, 'invalid_request'],
    ['/api/charts/op-dna-rate.png?by=sex&from=2025-02-31', 400, 'invalid_request'],
    ['/api/charts/op-dna-rate.png?by=sex&colour=red', 400, 'invalid_request'],
    ['/api/charts/op-dna-rate.png?chart=heatmap&by=sex', 400, 'invalid_chart'],
    ['/api/charts/op-dna-rate.png?chart=trend&by=sex', 400, 'invalid_chart'],
    ['/api/charts/op-dna-rate.png?by=sex&height=200', 400, 'too_small'],
    ['/api/charts/no-such-metric.png?by=sex', 404, 'not_found'],
  ])('%s → %i %s', async (url, status, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message.length).toBeGreaterThan(10);
  });
});
