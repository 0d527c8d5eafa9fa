// The analyst view: `view=unsuppressed` shows analysts and admins the true small counts on screen,
// refuses viewers, is audited, never shares a cache entry with disclosed figures, and never
// reaches a file — chart images, Arrow, publications and their CSVs stay disclosure-controlled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, type SignedIn, signIn } from '../../../helpers/accounts.ts';
import { testApp } from '../../../helpers/test-app.ts';
import { sampleApp } from '../../../helpers/sample-app.ts';
import * as messages from '../../../../server/messages.ts';
import { errorBody } from '../../../helpers/error-body.ts';

interface Row {
  group: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

const BREAKDOWN = '/api/metrics/op-dna-rate/breakdown?by=ethnic_category';
const isSmall = (n: number | null) => n !== null && n >= 1 && n <= 7;

let t: Awaited<ReturnType<typeof sampleApp>>;
let viewer: SignedIn;
let analyst: SignedIn;
let admin: SignedIn;

const get = (url: string, who: SignedIn, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { cookie: who.cookie, ...headers } });
const audit = async (query: string) => (await get(`/api/audit${query}`, admin)).json().entries as { actor: string; action: string; target: string; outcome: string; detail: Record<string, unknown> }[];

beforeAll(async () => {
  t = await sampleApp();
  await addAccount(t.app, 'vic', 'viewer');
  await addAccount(t.app, 'ana', 'analyst');
  await addAccount(t.app, 'root', 'admin');
  [viewer, analyst, admin] = await Promise.all([signIn(t.app, 'vic'), signIn(t.app, 'ana'), signIn(t.app, 'root')]);
});
afterAll(() => t?.close());

describe('who may see unsuppressed figures', () => {
  it.each([
    BREAKDOWN,
    '/api/metrics/op-dna-rate/breakdowns?by=ethnic_category,sex',
    '/api/metrics/op-dna-rate/series?by=imd_quintile',
    '/api/completeness?dataset=outpatients&field=ethnicity&by=specialty',
  ])('refuses a viewer with 403 forbidden: %s', async (url) => {
    const refused = await get(`${url}&view=unsuppressed`, viewer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect((await get(url, viewer)).statusCode).toBe(200);
  });

  it('gives an analyst the true small counts that the disclosed answer withholds, labelled as unsuppressed', async () => {
    const disclosed = (await get(BREAKDOWN, analyst)).json();
    const unsuppressed = (await get(`${BREAKDOWN}&view=unsuppressed`, analyst)).json();
    expect(disclosed).toMatchObject({ disclosure: 'nhs-secondary-use' });
    expect(disclosed.view).toBeUndefined();
    expect(unsuppressed).toMatchObject({ view: 'unsuppressed', disclosure: 'none', disclosureLabel: 'Not applied — analyst view, not for sharing' });

    const withheld = (disclosed.rows as Row[]).filter((r) => r.suppressed);
    expect(withheld.length).toBeGreaterThan(0);
    expect(withheld.every((r) => r.numerator === null && r.value === null)).toBe(true);
    const shown = new Map((unsuppressed.rows as Row[]).map((r) => [r.group, r]));
    for (const row of withheld) {
      const real = shown.get(row.group)!;
      expect(real).toMatchObject({ suppressed: false, numerator: expect.any(Number), denominator: expect.any(Number), value: expect.any(Number) });
    }
    // At least one withheld group really is small (primary suppression), and its count is exact.
    expect(withheld.some((r) => isSmall(shown.get(r.group)!.numerator))).toBe(true);
    expect((unsuppressed.rows as Row[]).some((r) => r.denominator! % 5 !== 0)).toBe(true);
  });

  it('labels each result of several breakdowns, and the series and completeness answers', async () => {
    const several = (await get('/api/metrics/op-dna-rate/breakdowns?by=ethnic_category,sex&view=unsuppressed', analyst)).json();
    expect(several.view).toBe('unsuppressed');
    expect(several.results.map((r: { view: string; disclosure: string }) => [r.view, r.disclosure])).toEqual([['unsuppressed', 'none'], ['unsuppressed', 'none']]);
    expect((several.results[0].rows as Row[]).some((r) => r.suppressed)).toBe(false);

    const series = (await get('/api/metrics/op-dna-rate/series?by=imd_quintile&view=unsuppressed', admin)).json();
    expect(series).toMatchObject({ view: 'unsuppressed', disclosure: 'none' });
    const points = (series.groups as { points: Row[] }[]).flatMap((g) => g.points);
    expect(points.some((p) => p.suppressed)).toBe(false);

    const completeness = (await get('/api/completeness?dataset=outpatients&field=ethnicity&by=specialty&view=unsuppressed', analyst)).json();
    expect(completeness).toMatchObject({ view: 'unsuppressed', disclosure: 'none' });
    const disclosedCompleteness = (await get('/api/completeness?dataset=outpatients&field=ethnicity&by=specialty', analyst)).json();
    const withheld = (disclosedCompleteness.groups as { group: string; notKnown: number | null }[]).filter((g) => g.notKnown === null);
    expect(withheld.length).toBeGreaterThan(0);
    const real = new Map((completeness.groups as { group: string; notKnown: number | null }[]).map((g) => [g.group, g.notKnown]));
    expect(withheld.every((g) => typeof real.get(g.group) === 'number')).toBe(true);
  });

  it('is never the default, and accepts no other value', async () => {
    const bad = await get(`${BREAKDOWN}&view=raw`, analyst);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_request');
  });
});

describe('the result cache keeps the two apart', () => {
  const request = (level: number) => ({ by: 'ethnic_category' as const, by2: null, specialty: '110', site: null, plus: null, level });
  const suppressedRows = (r: { rows: Row[] }) => r.rows.filter((x) => x.suppressed).length;

  it('never answers a disclosed request from an unsuppressed entry', async () => {
    const unsuppressed = await t.app.metrics.breakdown('op-dna-rate', request(95), { disclosure: 'none' });
    const disclosed = await t.app.metrics.breakdown('op-dna-rate', request(95));
    expect(suppressedRows(unsuppressed)).toBe(0);
    expect(disclosed.disclosure).toBe('nhs-secondary-use');
    expect(suppressedRows(disclosed)).toBeGreaterThan(0);
  });

  it('never answers an unsuppressed request from a disclosed entry', async () => {
    const disclosed = await t.app.metrics.breakdown('op-dna-rate', request(99.8));
    const unsuppressed = await t.app.metrics.breakdown('op-dna-rate', request(99.8), { disclosure: 'none' });
    expect(suppressedRows(disclosed)).toBeGreaterThan(0);
    expect(unsuppressed.disclosure).toBe('none');
    expect(suppressedRows(unsuppressed)).toBe(0);
  });

  it('keeps them apart through the API too: a viewer asking after an analyst still gets withheld cells', async () => {
    const url = '/api/metrics/op-dna-rate/breakdown?by=ethnic_group&by2=imd_quintile';
    expect(suppressedRows((await get(`${url}&view=unsuppressed`, analyst)).json())).toBe(0);
    expect(suppressedRows((await get(url, viewer)).json())).toBeGreaterThan(0);
  });
});

describe("an analyst's files stay disclosure-controlled", () => {
  it('refuses view=unsuppressed on a chart image, an Arrow download and a publication, saying why', async () => {
    const svg = await get('/api/charts/op-dna-rate.svg?by=ethnic_category&view=unsuppressed', analyst);
    expect(svg.statusCode).toBe(400);
    expect(svg.json().error.message).toContain('always apply the disclosure profile');

    const arrow = await get(`${BREAKDOWN}&view=unsuppressed`, analyst, { accept: 'application/vnd.apache.arrow.stream' });
    expect(arrow.statusCode).toBe(400);
    expect(arrow.json().error).toEqual(errorBody(messages.unsuppressedExport()));

    const publish = await t.app.inject({ method: 'POST', url: '/api/published', payload: { metric: 'op-dna-rate', by: 'ethnic_category', view: 'unsuppressed' }, headers: analyst.headers });
    expect(publish.statusCode).toBe(400);
    expect(publish.json().error.message).toContain('always apply the disclosure profile');

    for (const url of ['/reports/board?indicators=op-dna-rate&view=unsuppressed', '/api/reports/annual.csv?view=unsuppressed']) {
      expect((await get(url, analyst)).statusCode).toBe(400);
    }
  });

  it('draws, publishes and writes the CSV of the chart the analyst just saw unsuppressed with the small cells withheld', async () => {
    const unsuppressed = (await get(`${BREAKDOWN}&view=unsuppressed`, analyst)).json();
    const small = (unsuppressed.rows as (Row & { label: string })[]).find((r) => isSmall(r.numerator))!;
    expect(small).toBeDefined();

    const svg = await get('/api/charts/op-dna-rate.svg?by=ethnic_category', analyst);
    expect(svg.statusCode).toBe(200);
    expect(svg.body).toContain('Disclosure control: NHS secondary-use');
    expect(svg.body).not.toContain('Not applied');

    const published = (await t.app.inject({ method: 'POST', url: '/api/published', payload: { metric: 'op-dna-rate', by: 'ethnic_category' }, headers: analyst.headers })).json();
    expect(published.published.disclosure).toBe('nhs-secondary-use');
    const csv = (await t.app.inject(`/published/${published.id}.csv`)).body.split(/\r?\n/);
    const header = csv[0].split(',');
    const line = csv.find((l) => l.includes(`,${small.group},`))!.split(',');
    expect(line[header.indexOf('numerator')]).toBe('');
    expect(line[header.indexOf('suppressed')]).toBe('true');

    const arrow = await get(BREAKDOWN, analyst, { accept: 'application/vnd.apache.arrow.stream' });
    expect(arrow.statusCode).toBe(200);
    const { tableFromIPC } = await import('apache-arrow');
    const rows = tableFromIPC(arrow.rawPayload).toArray().map((r) => r.toJSON() as Row);
    expect(rows.find((r) => r.group === small.group)).toMatchObject({ suppressed: true, numerator: null });
  });
});

describe('the audit log', () => {
  it('records each unsuppressed view with the metric, breakdown and filters, and each refusal', async () => {
    await get('/api/metrics/op-dna-rate/breakdown?by=sex&specialty=110&view=unsuppressed', analyst);
    await get('/api/metrics/op-dna-rate/breakdown?by=sex&specialty=110&view=unsuppressed', viewer);
    const entries = await audit('?action=metrics.unsuppressed&limit=2');
    expect(entries.map((e) => [e.actor, e.target, e.outcome])).toEqual([
      ['vic', 'op-dna-rate', 'denied'],
      ['ana', 'op-dna-rate', 'success'],
    ]);
    expect(entries[1].detail).toEqual({ endpoint: 'breakdown', by: 'sex', specialty: '110', level: 95 });
    const completeness = await audit('?action=completeness.unsuppressed&actor=ana&limit=1');
    expect(completeness[0]).toMatchObject({ target: 'outpatients:ethnicity', outcome: 'success', detail: { dataset: 'outpatients', field: 'ethnicity', by: 'specialty' } });
  });

  it('records nothing for disclosed figures', async () => {
    const before = (await audit('?action=metrics.unsuppressed&limit=500')).length;
    await get(BREAKDOWN, analyst);
    expect((await audit('?action=metrics.unsuppressed&limit=500')).length).toBe(before);
  });
});

describe('local mode', () => {
  it('lets the single user of a local server see unsuppressed figures, audited as local', async () => {
    const local = await testApp();
    try {
      const answer = await local.app.inject('/api/metrics/op-dna-rate/breakdown?by=sex&view=unsuppressed');
      expect(answer.statusCode).toBe(200);
      expect(answer.json().view).toBe('unsuppressed');
      const entries = (await local.app.inject('/api/audit?action=metrics.unsuppressed')).json().entries;
      expect(entries[0]).toMatchObject({ actor: 'local', target: 'op-dna-rate', outcome: 'success' });
    } finally {
      await local.close();
    }
  });
});
