import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { multipart } from '../../helpers/test-app.ts';
import { assertBalancedXml, pngSize, sharedSampleApp } from '../../helpers/sample-app.ts';
import * as messages from '../../../server/messages.ts';
import { errorBody } from '../../helpers/error-body.ts';

const t = sharedSampleApp();
const { get, publish } = t;

type Counts = { total: number | null; valid: number | null; notStated: number | null; notKnown: number | null; missing: number | null; invalid: number | null; validPercent: number | null };
type Completeness = Counts & { period: { from: string; to: string }; overall: Counts; periods: (Counts & { period: string })[]; groups: (Counts & { group: string; label: string })[]; target: number };

/** Lines of a CSV file as cells; a quoted cell may hold commas ("Ear, Nose & Throat"). */
const csvLines = (text: string) => text.trim().split(/\r?\n/).map((l) => [...l.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')));
const cellsOf = (c: Counts) => [c.total, c.valid, c.notStated, c.notKnown, c.missing, c.invalid].map((v) => (v === null ? '' : String(v)));

describe('GET /api/charts/completeness.svg|png', () => {
  it('draws the valid-% trend with a board-paper title, subtitle, footnotes and alt text', async () => {
    const res = await get('/api/charts/completeness.svg?dataset=outpatients&field=ethnicity&chart=completeness-trend');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['content-disposition']).toMatch(/filename="outpatients_ethnicity-completeness_trend_\d{4}-\d{2}_\d{4}-\d{2}\.svg"/);
    const svg = res.body;
    assertBalancedXml(svg);
    expect(svg).toContain('<title id="parity-chart-title">Outpatient appointments: records with a valid ethnic category, by month against the 95% target</title>');
    expect(svg).toMatch(/aria-label="Outpatient appointments: records with a valid ethnic category[^"]*Statistical process control chart of the share of outpatient appointments records with a valid ethnic category, 36 months/);
    const text = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Outpatient appointments · Ethnic category recording');
    expect(text).toMatch(/Source: Outpatient appointments extracts loaded into Parity; data as at \d{1,2} \w{3} \d{4}/);
    expect(text).toContain('Valid ethnic category: a valid ethnic category (A–S)');
    expect(text).toContain('Target: 95% of records with a valid ethnic category');
    expect(text).toContain('7 points on one side of the mean');
    expect(text).toContain('Disclosure control: NHS secondary-use: counts 1–7 suppressed, others rounded to 5');
    expect(text).toContain('Open Government Licence v3.0');
  });

  it('draws the months and the by-specialty charts, and PNGs of the requested size', async () => {
    const months = await get('/api/charts/completeness.svg?dataset=outpatients&field=sex&chart=completeness-months');
    expect(months.statusCode).toBe(200);
    expect(months.body).toContain('<title id="parity-chart-title">Outpatient appointments: records without a valid sex, by month</title>');
    expect(months.body).toContain('not stated, not known, missing or invalid, for each of 36 months');

    const groups = await get('/api/charts/completeness.svg?dataset=outpatients&chart=completeness-groups&by=specialty');
    expect(groups.statusCode).toBe(200);
    expect(groups.body).toContain('<title id="parity-chart-title">Outpatient appointments: ethnic category recording by specialty, worst first</title>');

    const png = await get('/api/charts/completeness.png?dataset=outpatients&chart=completeness-groups&by=site&width=700&height=900&scale=2');
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(pngSize(png.rawPayload)).toEqual({ width: 1400, height: 1800 });
    const natural = await get('/api/charts/completeness.png?dataset=outpatients&scale=2');
    expect(pngSize(natural.rawPayload).width).toBe(1600);
    expect(natural.headers['content-disposition']).toMatch(/_trend_.*@2x\.png"/);
  });

  it('refuses unknown parameters, the unsuppressed view, and a groups chart without a split, saying why', async () => {
    expect((await get('/api/charts/completeness.svg?dataset=outpatients&metric=op-dna-rate')).statusCode).toBe(400);
    const view = await get('/api/charts/completeness.png?dataset=outpatients&view=unsuppressed');
    expect(view.statusCode).toBe(400);
    expect(view.json().error.message).toContain('files and publications always apply the disclosure profile');
    const groups = await get('/api/charts/completeness.svg?dataset=outpatients&chart=completeness-groups');
    expect(groups.statusCode).toBe(400);
    expect(groups.json().error).toEqual(errorBody(messages.completenessGroupsNeedsBy()));
    expect((await get('/api/charts/completeness.svg?dataset=not_a_dataset')).statusCode).toBe(400);
  });
});

describe('publishing a completeness chart', () => {
  it('freezes the figures of /api/completeness, withheld counts stay withheld, and the files never change after another upload', async () => {
    const query = 'dataset=outpatients&field=ethnicity&by=specialty&from=2025-04-01&to=2026-03-31';
    const live = (await get(`/api/completeness?${query}`)).json() as Completeness;
    const withheld = live.groups.find((g) => g.notKnown === null || g.notStated === null || g.missing === null || g.invalid === null);
    expect(withheld, 'a specialty with a withheld count').toBeDefined();

    const res = await publish({ chart: 'completeness-groups', dataset: 'outpatients', field: 'ethnicity', by: 'specialty', from: '2025-04-01', to: '2026-03-31', publishedBy: 'Data quality lead' });
    expect(res.statusCode).toBe(201);
    const { url, published } = res.json();
    expect(published).toMatchObject({ title: 'Outpatient appointments: ethnic category recording by specialty, worst first', metric: 'ethnicity-completeness-outpatients', chart: 'completeness-groups', by: 'specialty', period: { from: '2025-04-01', to: '2026-03-31' } });

    // The data table holds the answer's counts, group by group, with a withheld count left empty.
    const before = { json: await get(`${url}.json`), svg: await get(`${url}.svg`), csv: await get(`${url}.csv`), page: await get(url) };
    const lines = csvLines(before.csv.body);
    const header = lines[0];
    const at = (line: string[], column: string) => line[header.indexOf(column)];
    for (const group of live.groups) {
      const line = lines.find((l) => at(l, 'group') === group.group)!;
      expect(line, group.label).toBeDefined();
      expect(['total', 'valid', 'not_stated', 'not_known', 'missing', 'invalid'].map((c) => at(line, c))).toEqual(cellsOf(group));
    }
    const overall = lines.find((l) => at(l, 'group') === 'overall')!;
    expect(['total', 'valid', 'not_stated', 'not_known', 'missing', 'invalid'].map((c) => at(overall, c))).toEqual(cellsOf(live.overall));
    expect(lines.slice(1).every((l) => at(l, 'disclosure') === 'nhs-secondary-use')).toBe(true);
    const drawn = before.json.json().document.spec.data.values as { label: string; category: string; count: number | null }[];
    expect(drawn.filter((d) => d.label === withheld!.label).map((d) => d.count)).toEqual([withheld!.valid, withheld!.notStated, withheld!.notKnown, withheld!.missing, withheld!.invalid]);
    const pageRow = before.page.body.split('<tr').find((r) => r.includes(`<th scope="row">${withheld!.label.replace(/&/g, '&amp;')}</th>`))!;
    expect(pageRow).toContain('<td>*</td>');
    expect(before.page.body).toContain('<th scope="col">Not known</th>');
    expect(before.svg.body).toContain('as Parity chart');

    const upload = multipart({ dataset: 'outpatients' }, { name: 'outpatients-messy.csv', content: readFileSync('sample-data/messy/outpatients-messy.csv') });
    expect((await t.app.inject({ method: 'POST', url: '/api/extracts', ...upload })).json()).toMatchObject({ status: 'loaded' });
    expect((await get(`/api/completeness?${query}`)).body).not.toBe(JSON.stringify(live));

    const after = { json: await get(`${url}.json`), svg: await get(`${url}.svg`), csv: await get(`${url}.csv`) };
    expect(after.json.rawPayload.equals(before.json.rawPayload)).toBe(true);
    expect(after.svg.rawPayload.equals(before.svg.rawPayload)).toBe(true);
    expect(after.csv.rawPayload.equals(before.csv.rawPayload)).toBe(true);
    const list = (await get('/api/published')).json().published as { id: string; chart: string }[];
    expect(list.some((p) => p.chart === 'completeness-groups')).toBe(true);
  });

  it('publishes the trend as an SPC chart and says which fields belong to which kind of chart', async () => {
    const trend = await publish({ chart: 'completeness-trend', dataset: 'outpatients', field: 'imd' });
    expect(trend.statusCode).toBe(201);
    const png = await get(`${trend.json().url}.png?width=640&height=560`);
    expect(pngSize(png.rawPayload)).toEqual({ width: 640, height: 560 });

    const mixed = await publish({ chart: 'completeness-trend', dataset: 'outpatients', metric: 'op-dna-rate' });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.message).toContain('metric: not taken by a completeness chart');
    const noDataset = await publish({ chart: 'completeness-months' });
    expect(noDataset.json().error.message).toContain('dataset: a completeness chart needs a dataset');
    const indicator = await publish({ metric: 'op-dna-rate', by: 'sex', dataset: 'outpatients' });
    expect(indicator.statusCode).toBe(400);
    expect(indicator.json().error.message).toContain('dataset: only for the completeness charts');
    expect((await publish({ chart: 'completeness-trend', dataset: 'outpatients', view: 'unsuppressed' })).statusCode).toBe(400);
  });
});
