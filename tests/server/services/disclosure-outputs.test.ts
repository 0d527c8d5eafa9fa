// Every way a figure leaves Parity, under the default profile: each route the app declares is
// either listed here with the requests that fetch its figures, or listed as carrying none, so a
// new route fails this test until someone says which it is. Each output is read the way its
// reader would read it (JSON, Arrow, CSV, the words of an SVG or HTML page) and must hold only
// rounded counts and values that those counts give (metrics/engine/disclosure-check.ts), and
// the same request must give the same figures in the API, the chart file and the board report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclosureFaults } from '../../../metrics/engine/disclosure-check.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { sampleApp } from '../../helpers/sample-app.ts';

const PROFILE = 'nhs-secondary-use';
const PERIOD = 'from=2025-04-01&to=2026-03-31';
const SAMPLE = `by=ethnic_category&${PERIOD}`;

type Read = 'json' | 'arrow' | 'csv' | 'text' | 'binary';
/** A route's figures, fetched: [url, how to read the answer]. `null`: the route returns no figures, and why. */
type Outputs = ((publishedId: string) => [string, Read][]) | { none: string };

const OUTPUTS: Record<string, Outputs> = {
  'GET /api/metrics/:id/breakdown': () => [[`/api/metrics/op-dna-rate/breakdown?${SAMPLE}`, 'json'], [`/api/metrics/op-dna-rate/breakdown?${SAMPLE}`, 'arrow'], [`/api/metrics/op-dna-rate/breakdown?by=ethnic_category&by2=sex&${PERIOD}`, 'json'], [`/api/metrics/elective-admission-rate/breakdown?by=imd_quintile`, 'json']],
  'GET /api/metrics/:id/breakdowns': () => [[`/api/metrics/op-dna-rate/breakdowns?by=imd_quintile,ethnic_group,sex,overall&${PERIOD}`, 'json']],
  'GET /api/metrics/:id/series': () => [['/api/metrics/op-dna-rate/series?by=imd_quintile', 'json'], ['/api/metrics/elective-admission-rate/series?by=overall', 'json']],
  'GET /api/overview': () => [['/api/overview', 'json']],
  'GET /api/completeness': () => [['/api/completeness?by=specialty', 'json'], ['/api/completeness?dataset=admissions&field=imd&by=site', 'json']],
  'GET /api/completeness/summary': () => [['/api/completeness/summary', 'json']],
  'GET /api/specialties': () => [['/api/specialties', 'json']],
  'GET /api/charts/:file': () => [[`/api/charts/op-dna-rate.svg?${SAMPLE}`, 'text'], ['/api/charts/op-dna-rate.svg?chart=trend&by=imd_quintile', 'text'], [`/api/charts/op-dna-rate.png?${SAMPLE}`, 'binary']],
  'GET /api/charts/completeness.svg': () => [['/api/charts/completeness.svg?by=specialty', 'text']],
  'GET /api/charts/completeness.png': () => [['/api/charts/completeness.png', 'binary']],
  'GET /published/:file': (id) => [[`/published/${id}.json`, 'json'], [`/published/${id}.csv`, 'csv'], [`/published/${id}.svg`, 'text'], [`/published/${id}`, 'text']],
  'GET /reports/board': () => [[`/reports/board?indicators=op-dna-rate,elective-admission-rate&breakdowns=ethnic_category&breakdowns=imd_quintile&${PERIOD}`, 'text']],
  'GET /reports/annual': () => [['/reports/annual', 'text']],
  'GET /api/reports/annual.csv': () => [['/api/reports/annual.csv', 'csv']],
  'GET /api/reports/board.pdf': { none: 'the board report page printed by Chromium: its figures are those of /reports/board' },
  'GET /api/reports/annual.pdf': { none: 'the annual pack page printed by Chromium: its figures are those of /reports/annual' },
  'POST /api/published': { none: 'answers the new chart id; the chart is read through /published/:file' },
  'GET /api/published': { none: 'the list of publications: titles, dates and who published, no figures' },
  'DELETE /api/published/:id': { none: 'withdraws a publication' },
  'GET /api/metrics': { none: 'the catalogue' },
  'GET /api/metrics/:id': { none: 'one catalogue entry' },
  'GET /api/datasets': { none: 'dataset declarations' },
  'GET /api/report-templates': { none: 'saved report selections' },
  'POST /api/report-templates': { none: 'saves a report selection' },
  'DELETE /api/report-templates/:name': { none: 'removes a report selection' },
  'GET /fonts/:file': { none: 'font files' },
  'GET /api/health': { none: 'whether the server is up' },
};
/** Accounts, uploads, settings, audit and the web app's pages (which fetch the API above): no figures. */
const NO_FIGURES = /^(POST|GET|PATCH|PUT|DELETE) (\/api\/(auth|users|sessions|audit|settings|backup|extracts|mappings)\b|\/$|\/(indicators|completeness|specialties|upload|extracts|published|login|admin)(\/|$))/;

let t: Awaited<ReturnType<typeof sampleApp>>;
let publishedId = '';

beforeAll(async () => {
  t = await sampleApp(3000);
  const res = await t.app.inject({ method: 'POST', url: '/api/published', payload: { metric: 'op-dna-rate', by: 'ethnic_category', from: '2025-04-01', to: '2026-03-31', publishedBy: 'Test' } });
  expect(res.statusCode).toBe(201);
  publishedId = res.json().id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Rows of a CSV file as objects (the files Parity writes quote only where needed). */
function csvRecords(text: string): Record<string, unknown>[] {
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const split = (line: string) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);
  const headers = split(lines[0]);
  const number = (v: string) => (v === '' ? null : /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(v) ? Number(v) : v);
  return lines.slice(1).map((line) => Object.fromEntries(split(line).map((v, i) => [headers[i], number(v)])));
}

/** "1,234 of 5,678" as a page, chart or report shows counts: every count in words. */
function countsInWords(text: string): number[] {
  // Not the SPC rule "2 of 3 (points) near a limit", which footnotes and methods spell out.
  return [...text.replace(/<[^>]+>/g, ' ').matchAll(/(\d[\d,]*) of (\d[\d,]*)(?!\s*(near|points))/g)].flatMap((m) => [m[1], m[2]].map((n) => Number(n.replace(/,/g, ''))));
}

async function fetchAs(url: string, read: Read) {
  const headers = read === 'arrow' ? { accept: 'application/vnd.apache.arrow.stream' } : {};
  const res = await t.app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, url).toBe(200);
  return res;
}

describe('every output path applies disclosure control', () => {
  it('knows every route: each either returns figures (checked below) or is listed as returning none', () => {
    const unknown = t.app.routeAccess
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .filter((route) => !(route in OUTPUTS) && !NO_FIGURES.test(route));
    expect(unknown).toEqual([]);
  });

  it('sends only rounded counts and values computed from them, on every route that returns figures', async () => {
    const faults: string[] = [];
    let counts = 0;
    for (const [route, outputs] of Object.entries(OUTPUTS)) {
      if (!(outputs instanceof Function)) continue;
      for (const [url, read] of outputs(publishedId)) {
        const res = await fetchAs(url, read);
        let body: unknown;
        if (read === 'json') body = res.json();
        else if (read === 'csv') body = csvRecords(res.body);
        else if (read === 'arrow') {
          const { tableFromIPC } = await import('apache-arrow');
          // The Arrow rows carry no metric: give them the breakdown's, so their values are checked too.
          const json = (await fetchAs(url, 'json')).json();
          body = { metric: json.metric, level: json.level, rows: tableFromIPC(res.rawPayload).toArray().map((r) => r.toJSON()) };
        } else if (read === 'text') {
          const words = countsInWords(res.body);
          counts += words.length;
          for (const n of words) if (n % 5 !== 0) faults.push(`${route} ${url}: the count ${n} is shown unrounded`);
          continue;
        } else {
          expect(res.rawPayload.length, url).toBeGreaterThan(1000);
          continue;
        }
        counts += JSON.stringify(body).match(/"(numerator|denominator|total|valid|activity)":\d/g)?.length ?? 0;
        for (const f of disclosureFaults(body, PROFILE)) faults.push(`${route} ${url}: ${f.path}: ${f.problem}`);
      }
    }
    expect(counts).toBeGreaterThan(200);
    expect(faults).toEqual([]);
  }, 300_000);

  it('gives the same figures in the API, the chart file and the board report for the same request', async () => {
    const api = (await fetchAs(`/api/metrics/op-dna-rate/breakdown?${SAMPLE}`, 'json')).json();
    const published = (await fetchAs(`/published/${publishedId}.json`, 'json')).json();
    const csv = csvRecords((await fetchAs(`/published/${publishedId}.csv`, 'csv')).body);
    const board = (await fetchAs(`/reports/board?indicators=op-dna-rate&breakdowns=ethnic_category&${PERIOD}`, 'text')).body;
    const figures = (rows: { group: unknown; numerator: unknown; denominator: unknown; value: unknown }[]) => rows.map((r) => [String(r.group), r.numerator, r.denominator, r.value]);
    expect(figures(published.document.result.rows)).toEqual(figures(api.rows));
    expect(figures(csv.filter((r) => r.group !== 'overall') as never)).toEqual(figures(api.rows));
    const shown = api.rows.filter((r: { suppressed: boolean }) => !r.suppressed);
    expect(shown.length).toBeGreaterThan(3);
    for (const r of shown) expect(board, r.label).toContain(`${r.numerator.toLocaleString('en-GB')} of ${r.denominator.toLocaleString('en-GB')}`);
  });

  it('the CLI report prints the same disclosure-controlled figures', async () => {
    const api = (await fetchAs(`/api/metrics/op-dna-rate/breakdown?${SAMPLE}`, 'json')).json();
    await t.app.close();
    t.db.close();
    const cli = await runCli(['report', 'op-dna-rate', '--by', 'ethnic_category', '--from', '2025-04-01', '--to', '2026-03-31', '--json', '--db', `${t.dir}/parity.duckdb`]);
    expect(cli.code, cli.stderr).toBe(0);
    const result = JSON.parse(cli.stdout);
    expect(result.disclosure).toBe(PROFILE);
    expect(disclosureFaults(result, PROFILE)).toEqual([]);
    expect(result.rows.map((r: { numerator: unknown; value: unknown }) => [r.numerator, r.value])).toEqual(api.rows.map((r: { numerator: unknown; value: unknown }) => [r.numerator, r.value]));
  }, 60_000);
});
