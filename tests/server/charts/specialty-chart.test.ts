import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { multipart } from '../../helpers/test-app.ts';
import { assertBalancedXml, pngSize, sharedSampleApp } from '../../helpers/sample-app.ts';

const t = sharedSampleApp();
const { get, publish } = t;

type Figure = { numerator: number | null; denominator: number | null; value: number | null; lower: number | null; upper: number | null; suppressed: boolean };
type Row = Figure & { group: string; label: string; comparison: string | null };
type Breakdown = { rows: Row[]; overall: Figure; period: { from: string; to: string } };

/** Lines of a CSV file as cells; a quoted cell may hold commas ("Ear, Nose & Throat"). */
const csvLines = (text: string) => text.trim().split(/\r?\n/).map((l) => [...l.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')));
const cellsOf = (f: Figure) => [f.numerator, f.denominator, f.value, f.lower, f.upper].map((v) => (v === null ? '' : String(v)));
const text = (svg: string) => svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/&amp;/g, '&');

describe('GET /api/charts/:metric.svg|png?chart=specialty-comparison', () => {
  it('draws every specialty with the chosen one named in the title, with footnotes and alt text', async () => {
    const live = (await get('/api/metrics/op-dna-rate/breakdown?by=specialty')).json() as Breakdown;
    const res = await get('/api/charts/op-dna-rate.svg?chart=specialty-comparison&specialty=100');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['content-disposition']).toMatch(/filename="op-dna-rate_by-specialty_tf-100-highlighted_\d{4}-\d{2}_\d{4}-\d{2}\.svg"/);
    const svg = res.body;
    assertBalancedXml(svg);
    expect(svg).toContain(`<title id="parity-chart-title">Outpatient did-not-attend rate: General Surgery (100) among ${live.rows.length} specialties</title>`);
    const shown = live.rows.filter((r) => !r.suppressed);
    expect(svg).toMatch(new RegExp(`aria-label="Outpatient did-not-attend rate: General Surgery \\(100\\)[^"]*Dot chart of Outpatient did-not-attend rate for ${shown.length} specialties`));
    const words = text(svg);
    expect(words).toContain('every specialty, General Surgery (100) highlighted · 1 Apr 2025 to 31 Mar 2026');
    expect(words).toMatch(/Source: Outpatient appointments extracts loaded into Parity; data as at \d{1,2} \w{3} \d{4}/);
    expect(words).toContain('Method: Wilson score, 95% confidence intervals');
    expect(words).toContain('Disclosure control: NHS secondary-use: counts 1–7 suppressed, others rounded to 5');
    expect(words).toContain('Specialties whose figures are suppressed for small numbers are not drawn; they are listed in the data table');
    expect(words).toContain('Open Government Licence v3.0');
    // Every drawn specialty is a y-axis label; the chosen one is set in bold.
    for (const row of shown) expect(words, row.label).toContain(row.label);
    expect(svg).toMatch(/font-weight="bold"[^>]*>100 General Surgery</);
  });

  it('claims a difference from the trust only where the intervals do not overlap', async () => {
    const live = (await get('/api/metrics/op-dna-rate/breakdown?by=specialty')).json() as Breakdown;
    const apart = live.rows.find((r) => !r.suppressed && (r.comparison === 'higher' || r.comparison === 'lower'));
    const overlapping = live.rows.find((r) => !r.suppressed && r.comparison === 'similar');
    expect(apart && overlapping, 'a specialty that differs and one that does not').toBeTruthy();
    const differs = (await publish({ metric: 'op-dna-rate', chart: 'specialty-comparison', specialty: apart!.group })).json();
    const similar = (await publish({ metric: 'op-dna-rate', chart: 'specialty-comparison', specialty: overlapping!.group })).json();
    const narrative = async (url: string) => ((await get(`${url}.json`)).json().document.narrative as string[])[0];
    expect(await narrative(differs.url)).toMatch(new RegExp(`— ${apart!.comparison} than the trust overall of .*; the intervals do not overlap\\.$`));
    expect(await narrative(similar.url)).toMatch(/— no clear difference from the trust overall of .*; the intervals overlap\.$/);
  });

  it('draws a PNG of the requested size, and at 2× by default width', async () => {
    const png = await get('/api/charts/rtt-over-18-weeks.png?chart=specialty-comparison&specialty=502&width=700&height=800&scale=2');
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(pngSize(png.rawPayload)).toEqual({ width: 1400, height: 1600 });
    const natural = await get('/api/charts/op-dna-rate.png?chart=specialty-comparison&specialty=100&scale=2');
    expect(pngSize(natural.rawPayload).width).toBe(1600);
    expect(natural.headers['content-disposition']).toMatch(/_tf-100-highlighted_.*@2x\.png"/);
  });

  it('answers 400 naming specialty when it is missing, and refuses what the chart does not take', async () => {
    const missing = await get('/api/charts/op-dna-rate.svg?chart=specialty-comparison');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('specialty: the treatment function code of the specialty to highlight');
    expect((await get('/api/charts/op-dna-rate.svg?chart=specialty-comparison&specialty=100&by=sex')).json().error.message).toContain('by: specialty (or left out)');
    expect((await get('/api/charts/op-dna-rate.svg?chart=specialty-comparison&specialty=100&site=RXX01')).statusCode).toBe(400);
    expect((await get('/api/charts/op-dna-rate.svg?chart=specialty-comparison&specialty=100&view=unsuppressed')).statusCode).toBe(400);
    expect((await get('/api/charts/op-dna-rate.svg?chart=specialty-comparison&specialty=1000')).statusCode).toBe(400);
    expect((await publish({ metric: 'op-dna-rate', chart: 'specialty-comparison' })).json().error.message).toContain('specialty: the treatment function code');
  });
});

describe('publishing the specialty comparison', () => {
  it('freezes the figures of the breakdown by specialty, a suppressed specialty stays withheld, and nothing changes after another upload', async () => {
    const live = (await get('/api/metrics/op-dna-rate/breakdown?by=specialty')).json() as Breakdown;
    const suppressed = live.rows.find((r) => r.suppressed);
    expect(suppressed, 'a suppressed specialty').toBeDefined();

    const res = await publish({ metric: 'op-dna-rate', chart: 'specialty-comparison', specialty: '100', publishedBy: 'Clinical lead' });
    expect(res.statusCode).toBe(201);
    const { url, published } = res.json();
    expect(published).toMatchObject({ title: `Outpatient did-not-attend rate: General Surgery (100) among ${live.rows.length} specialties`, metric: 'op-dna-rate', chart: 'specialty-comparison', by: 'specialty', by2: null });

    const before = { json: await get(`${url}.json`), svg: await get(`${url}.svg`), png: await get(`${url}.png`), csv: await get(`${url}.csv`), page: await get(url) };
    // The data table: every specialty, suppressed ones included, with the breakdown's own figures.
    const lines = csvLines(before.csv.body);
    const header = lines[0];
    const at = (line: string[], column: string) => line[header.indexOf(column)];
    for (const row of live.rows) {
      const line = lines.find((l) => at(l, 'group') === row.group)!;
      expect(line, row.label).toBeDefined();
      expect(['numerator', 'denominator', 'value', 'lower_95', 'upper_95'].map((c) => at(line, c))).toEqual(cellsOf(row));
      expect(at(line, 'compared_with_trust')).toBe(row.comparison ?? '');
    }
    expect(['numerator', 'denominator', 'value', 'lower_95', 'upper_95'].map((c) => at(lines.find((l) => at(l, 'group') === 'overall')!, c))).toEqual(cellsOf(live.overall));
    const withheld = lines.find((l) => at(l, 'group') === suppressed!.group)!;
    expect([at(withheld, 'numerator'), at(withheld, 'denominator'), at(withheld, 'value'), at(withheld, 'suppressed')]).toEqual(['', '', '', 'true']);
    // Not drawn, but listed in the page's table as "*".
    const drawn = before.json.json().document.spec.data.values as { group: string }[];
    expect(drawn.some((d) => d.group === suppressed!.group)).toBe(false);
    const pageRow = before.page.body.split('<tr').find((r) => r.includes(`<th scope="row">${suppressed!.label.replace(/&/g, '&amp;')}</th>`))!;
    expect(pageRow).toContain('<td>*</td>');
    expect(before.page.body).toContain('Suppressed because the numbers are small, and not drawn');
    expect(before.svg.body).toContain('as Parity chart');

    const upload = multipart({ dataset: 'outpatients' }, { name: 'outpatients-messy.csv', content: readFileSync('sample-data/messy/outpatients-messy.csv') });
    expect((await t.app.inject({ method: 'POST', url: '/api/extracts', ...upload })).json()).toMatchObject({ status: 'loaded' });
    expect((await get('/api/metrics/op-dna-rate/breakdown?by=specialty')).body).not.toBe(JSON.stringify(live));

    const after = { json: await get(`${url}.json`), svg: await get(`${url}.svg`), png: await get(`${url}.png`), csv: await get(`${url}.csv`) };
    expect(after.json.rawPayload.equals(before.json.rawPayload)).toBe(true);
    expect(after.svg.rawPayload.equals(before.svg.rawPayload)).toBe(true);
    expect(after.png.rawPayload.equals(before.png.rawPayload)).toBe(true);
    expect(after.csv.rawPayload.equals(before.csv.rawPayload)).toBe(true);
    const list = (await get('/api/published')).json().published as { id: string; chart: string; by: string }[];
    expect(list.find((p) => url.endsWith(p.id))).toMatchObject({ chart: 'specialty-comparison', by: 'specialty' });
  });
});
