// Every JSON route declares its answer with a core/contracts schema, and the serializer sends what
// the schema lets through. These tests capture what each handler returned (before the schema) and
// compare it with what the client received: a field missing from a contract would be stripped
// silently, and a value outside it would turn the answer into a 500.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../helpers/test-app.ts';
import { sampleApp } from '../../helpers/sample-app.ts';

let t: Awaited<ReturnType<typeof sampleApp>>;
let returned: unknown;

beforeAll(async () => {
  t = await sampleApp(1500);
  t.app.addHook('preSerialization', async (_request, _reply, payload) => {
    returned = payload;
    return payload;
  });
});
afterAll(async () => {
  await t?.close();
});

/** The answer, after checking that the client got exactly what the handler returned. */
async function unchanged(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, options: { payload?: unknown; headers?: Record<string, string>; status?: number } = {}) {
  returned = undefined;
  const res = await t.app.inject({ method, url, payload: options.payload as never, headers: options.headers });
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 300)}`).toBe(options.status ?? 200);
  expect(returned, `${method} ${url} returned nothing to serialize`).toBeDefined();
  const sent = JSON.parse(JSON.stringify(returned));
  expect(differences(sent, res.json()), `${method} ${url}`).toEqual([]);
  expect(res.json()).toEqual(sent);
  return res.json();
}

/** Paths where what the handler returned and what the client got differ (first 10). */
function differences(a: unknown, b: unknown, path = '$'): string[] {
  if (a === b) return [];
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return [`${path}: ${JSON.stringify(a)} became ${JSON.stringify(b)}`];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: string[] = [];
  for (const key of keys) {
    const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
    if (!(key in b)) out.push(`${path}.${key}: stripped`);
    else if (!(key in a)) out.push(`${path}.${key}: added`);
    else out.push(...differences(x, y, Array.isArray(a) ? `${path}[]` : `${path}.${key}`));
  }
  return [...new Set(out)].slice(0, 10);
}

const period = 'from=2025-04-01&to=2026-03-31';

describe('response schemas let every answer through unchanged', () => {
  it('completeness: each field, grain, split and the unsuppressed view; the summary; the specialties', async () => {
    for (const q of ['', 'field=sex', 'field=imd&grain=quarter', 'field=age&by=specialty', `by=site&${period}`, 'dataset=admissions&view=unsuppressed']) {
      const body = await unchanged('GET', `/api/completeness?${q}`);
      expect(body.overall.total).toBeGreaterThan(0);
    }
    const summary = await unchanged('GET', '/api/completeness/summary');
    expect(summary.rows.length).toBeGreaterThan(4);
    const specialties = await unchanged('GET', '/api/specialties');
    expect(specialties.specialties[0]).toMatchObject({ code: expect.any(String), name: expect.any(String) });
  });

  it('metrics: breakdowns with gaps, ratios and a second breakdown, series and the overview', async () => {
    await unchanged('GET', `/api/metrics/op-dna-rate/breakdown?by=imd_quintile&${period}`);
    await unchanged('GET', `/api/metrics/op-dna-rate/breakdown?by=ethnic_group&by2=sex&${period}`);
    await unchanged('GET', `/api/metrics/op-dna-rate/series?by=imd_quintile&${period}`);
    await unchanged('GET', '/api/overview');
  });

  it('extracts: an upload loaded, the same file again, a refused file; the list, one extract with its quarantine, a deletion', async () => {
    const messy = readFileSync('sample-data/messy/outpatients-messy.csv');
    const loaded = await unchanged('POST', '/api/extracts', { ...multipart({ dataset: 'outpatients' }, { name: 'messy.csv', content: messy }), status: 201 });
    expect(loaded).toMatchObject({ status: 'loaded', rowsQuarantined: 13 });
    await unchanged('POST', '/api/extracts', { ...multipart({ dataset: 'outpatients' }, { name: 'messy.csv', content: messy }), status: 200 });
    const refused = await unchanged('POST', '/api/extracts', { ...multipart({ dataset: 'outpatients' }, { name: 'bad.csv', content: 'just,some\nother,columns\n' }), status: 422 });
    expect(refused.fileError).toEqual(expect.any(String));

    const list = await unchanged('GET', '/api/extracts');
    expect(list.length).toBeGreaterThan(1);
    const detail = await unchanged('GET', `/api/extracts/${loaded.extractId}`);
    expect(detail.quarantine).toHaveLength(13);
    expect(detail.quarantine[0].reasons.length).toBeGreaterThan(0);
    await unchanged('DELETE', `/api/extracts/${loaded.extractId}`);
  });

  it('datasets: every column with its kind, codes and aliases, and the derived columns', async () => {
    const datasets = await unchanged('GET', '/api/datasets');
    const outpatients = datasets.find((d: { id: string }) => d.id === 'outpatients');
    expect(outpatients.derivedColumns.map((c: { name: string }) => c.name)).toContain('imd_quintile');
  });

  it('mappings: saved and listed', async () => {
    const mapping = { name: 'Our PAS', dataset: 'outpatients', columns: { appointment_id: 'Ref' } };
    await unchanged('POST', '/api/mappings', { payload: mapping, status: 201 });
    const list = await unchanged('GET', '/api/mappings');
    expect(list[0]).toMatchObject({ ...mapping, savedAt: expect.any(String) });
  });

  it('published charts of every family: published, listed, withdrawn', async () => {
    const bodies = [
      { metric: 'op-dna-rate', by: 'imd_quintile', publishedBy: 'Head of BI' },
      { metric: 'op-dna-rate', chart: 'trend', by: 'imd_quintile' },
      { metric: 'op-dna-rate', chart: 'heatmap', by: 'ethnic_group', by2: 'sex' },
      { metric: 'op-dna-rate', chart: 'specialty-comparison', by: 'specialty', specialty: '110' },
      { chart: 'completeness-groups', dataset: 'outpatients', field: 'ethnicity', by: 'specialty' },
    ];
    const ids: string[] = [];
    for (const payload of bodies) ids.push((await unchanged('POST', '/api/published', { payload, status: 201 })).id);
    const list = await unchanged('GET', '/api/published');
    expect(list.published.map((p: { id: string }) => p.id).sort()).toEqual([...ids].sort());
    const withdrawn = await unchanged('DELETE', `/api/published/${ids[0]}`);
    expect(withdrawn.withdrawnAt).toEqual(expect.any(String));
  });

  it('settings: the list, a change and a reset', async () => {
    const list = await unchanged('GET', '/api/settings');
    expect(list.settings.some((s: { secret: boolean }) => s.secret)).toBe(true);
    const changed = await unchanged('PUT', '/api/settings/disclosure', { payload: { value: 'threshold-10' } });
    expect(changed.source).toMatchObject({ kind: 'saved', by: expect.any(String), at: expect.any(String) });
    await unchanged('DELETE', '/api/settings/disclosure');
  });
});
