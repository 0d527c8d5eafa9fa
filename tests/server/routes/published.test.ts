import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { multipart } from '../../helpers/test-app.ts';
import { assertBalancedXml, pngSize, sharedSampleApp } from '../../helpers/sample-app.ts';

const t = sharedSampleApp();
const { get, publish } = t;

describe('published charts', () => {
  it('never change after a new extract is loaded: the JSON, SVG and CSV are byte-identical', async () => {
    const period = { from: '2025-04-01', to: '2026-03-31' };
    const res = await publish({ metric: 'op-dna-rate', by: 'imd_quintile', ...period, publishedBy: 'Head of Business Intelligence' });
    expect(res.statusCode).toBe(201);
    const { id, url } = res.json();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(url).toBe(`/published/${id}`);

    const before = { json: await get(`${url}.json`), svg: await get(`${url}.svg`), csv: await get(`${url}.csv`), live: await get(`/api/metrics/op-dna-rate/breakdown?by=imd_quintile&from=${period.from}&to=${period.to}`) };
    expect(before.json.statusCode).toBe(200);
    const record = before.json.json();
    expect(record).toMatchObject({ id, publishedBy: 'Head of Business Intelligence', metric: { id: 'op-dna-rate', version: 1 }, disclosure: 'nhs-secondary-use' });
    expect(record.document.result.rows.length).toBeGreaterThan(4);
    expect(record.document.spec.data.values.length).toBe(record.document.result.rows.length);

    // New data arrives: the messy April 2025 outpatient extract, through the same loader as any upload.
    const upload = multipart({ dataset: 'outpatients' }, { name: 'outpatients-messy.csv', content: readFileSync('sample-data/messy/outpatients-messy.csv') });
    const loaded = await t.app.inject({ method: 'POST', url: '/api/extracts', ...upload });
    expect(loaded.json()).toMatchObject({ status: 'loaded', rowsLoaded: 47 });
    const live = await get(`/api/metrics/op-dna-rate/breakdown?by=imd_quintile&from=${period.from}&to=${period.to}`);
    expect(live.body).not.toBe(before.live.body);

    const after = { json: await get(`${url}.json`), svg: await get(`${url}.svg`), csv: await get(`${url}.csv`) };
    expect(after.json.rawPayload.equals(before.json.rawPayload)).toBe(true);
    expect(after.svg.rawPayload.equals(before.svg.rawPayload)).toBe(true);
    expect(after.csv.rawPayload.equals(before.csv.rawPayload)).toBe(true);
  });

  it('serves an embeddable page, a PNG of the requested size, an SVG and a CSV with named interval columns', async () => {
    const res = await publish({ metric: 'op-dna-rate', by: 'sex', title: '=HYPERLINK("http://x") DNA by sex' });
    const { url } = res.json();
    const page = await get(url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(page.body).toContain('<table class="data">');
    expect(page.body).toContain('Open Government Licence v3.0');
    expect(page.body).not.toMatch(/<script/i);
    expect(page.body).toContain('/fonts/SourceSansPro-Regular.woff2');
    expect((await get('/fonts/SourceSansPro-Regular.woff2')).statusCode).toBe(200);

    const png = await get(`${url}.png?width=600&height=500&scale=2`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(pngSize(png.rawPayload)).toEqual({ width: 1200, height: 1000 });
    const svg = await get(`${url}.svg`);
    assertBalancedXml(svg.body);
    expect(svg.body).toContain('=HYPERLINK(&quot;http://x&quot;) DNA by sex');
    expect(svg.body).toMatch(/Published on .* as Parity chart [0-9a-f]{12}/);

    const csv = await get(`${url}.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="op-dna-rate_by-sex_\d{4}-\d{2}_\d{4}-\d{2}_published-[0-9a-f]{12}\.csv"/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^metric,breakdown,group,label,numerator,denominator,value,lower_95,upper_95,/);
    expect(lines.at(-1)).toMatch(/^op-dna-rate,sex,overall,Trust overall,/);
  });

  it('can be withdrawn: the page then says so and when, the files answer 410, the list shows it', async () => {
    const { id, url } = (await publish({ metric: 'rtt-over-18-weeks', by: 'ethnic_group', chart: 'breakdown' })).json();
    const withdrawn = await t.app.inject({ method: 'DELETE', url: `/api/published/${id}` });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().withdrawnAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    const page = await get(url);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('This chart has been withdrawn.');
    expect(page.body).toMatch(/withdrawn on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
    for (const ext of ['json', 'svg', 'png', 'csv']) {
      const r = await get(`${url}.${ext}`);
      expect(r.statusCode).toBe(410);
      expect(r.json().error.code).toBe('withdrawn');
    }
    const list = (await get('/api/published')).json().published;
    const entry = list.find((p: { id: string }) => p.id === id);
    expect(entry).toMatchObject({ id, metric: 'rtt-over-18-weeks', by: 'ethnic_group', chart: 'breakdown', withdrawnAt: withdrawn.json().withdrawnAt });
    expect(list.length).toBeGreaterThanOrEqual(3);
  });

  it('publishes trend and heat map charts too', async () => {
    const trend = await publish({ metric: 'op-dna-rate', chart: 'trend', by: 'imd_quintile' });
    expect(trend.statusCode).toBe(201);
    expect((await get(`${trend.json().url}.svg`)).body).toContain('gap between the most and least deprived fifths');
    const heat = await publish({ metric: 'op-dna-rate', chart: 'heatmap', by: 'age_band_broad', by2: 'sex' });
    expect(heat.statusCode).toBe(201);
    expect((await get(heat.json().url)).statusCode).toBe(200);
  });

  it.each([
    [{ by: 'sex' }, 400, 'invalid_request'],
    [{ metric: 'op-dna-rate', by: 'postcode' }, 400, 'invalid_request'],
    [{ metric: 'op-dna-rate', by: 'sex', colour: 'red' }, 400, 'invalid_request'],
    [{ metric: 'op-dna-rate', by: 'sex', from: '2025-13-01' }, 400, 'invalid_request'],
    [{ metric: 'op-dna-rate', chart: 'heatmap', by: 'sex' }, 400, 'invalid_chart'],
    [{ metric: 'no-such-metric', by: 'sex' }, 404, 'not_found'],
  ])('refuses %j with %i %s', async (body, status, code) => {
    const res = await publish(body);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await get('/published/0123456789ab')).statusCode).toBe(404);
    expect((await get('/published/0123456789ab.png')).statusCode).toBe(404);
    expect((await get('/published/not-an-id')).statusCode).toBe(400);
    expect((await get('/published/0123456789ab.gif')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/published/0123456789ab' })).statusCode).toBe(404);
  });
});
