// Hostile input and what the server shows back: injection strings in every parameter, unknown
// parameters, path traversal against the static files, security headers, and errors that never
// leak internals.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { tempDatabase } from '../../helpers/temp-db.ts';
import { multipart } from '../../helpers/test-app.ts';

const INJECTIONS = [
  "' OR '1'='1",
  "x'; DROP TABLE outpatients; --",
  '1 UNION SELECT name, password_hash FROM users',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  'sex\u0000',
  "outpatients' --",
  'A'.repeat(5000),
];

/** Every query-string and path parameter of the API, with the rest of a valid request. */
const PARAMETERS: { base: string; params: string[] }[] = [
  { base: '/api/metrics/op-dna-rate/breakdown?by=sex', params: ['by', 'by2', 'from', 'to', 'specialty', 'site', 'level', 'plus', 'view', 'format'] },
  { base: '/api/metrics/op-dna-rate/breakdowns?by=sex', params: ['by', 'from', 'to', 'specialty', 'site', 'level', 'plus', 'view'] },
  { base: '/api/metrics/op-dna-rate/series?by=sex', params: ['by', 'grain', 'from', 'to', 'specialty', 'site', 'level'] },
  { base: '/api/overview', params: ['from', 'to'] },
  { base: '/api/completeness?dataset=outpatients', params: ['dataset', 'field', 'grain', 'by', 'from', 'to'] },
  { base: '/api/charts/op-dna-rate.svg?by=sex', params: ['by', 'chart', 'from', 'to', 'level', 'width', 'height', 'scale'] },
  { base: '/api/charts/op-dna-rate.png?chart=specialty-comparison&specialty=100', params: ['chart', 'specialty', 'by', 'by2', 'site', 'from', 'to', 'level', 'width', 'height', 'scale', 'view'] },
  { base: '/api/charts/completeness.svg?dataset=outpatients', params: ['dataset', 'field', 'by', 'chart', 'from', 'to', 'width', 'height', 'scale', 'view'] },
  { base: '/api/audit', params: ['actor', 'action', 'outcome', 'target', 'from', 'to', 'limit', 'offset'] },
];
const PATHS = ['/api/report-templates/{}', '/api/metrics/{}', '/api/metrics/{}/breakdown', '/api/extracts/{}', '/api/extracts/{}/quarantine.csv', '/api/users/{}', '/api/charts/{}', '/published/{}'];
const NO_QUERY = ['/api/health', '/api/datasets', '/api/metrics', '/api/metrics/op-dna-rate', '/api/completeness/summary', '/api/specialties', '/api/extracts', '/api/mappings', '/api/users', '/api/auth/me', '/api/published', '/api/report-templates', '/api/settings'];

/** Words that would mean internals reached the caller. */
const LEAKS = /duckdb|parser error|binder error|catalog error|select |stack|\bat [\w.]+ \(|node_modules|\/work\/|\.ts:\d+/i;

let temp: Awaited<ReturnType<typeof tempDatabase>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let dist: string;

beforeAll(async () => {
  temp = await tempDatabase();
  dist = mkdtempSync(join(tmpdir(), 'parity-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Parity</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app")');
  app = await buildApp({ db: temp.db, config: loadConfig({}, { dbPath: temp.path }), webDist: dist + '/' });
  app.get('/api/test-failure', { config: { role: 'viewer' } }, async () => {
    throw new Error('Binder Error: column "password_hash" in SELECT * FROM users at /work/main/server/x.ts:12');
  });
});
afterAll(async () => {
  await app.close();
  temp.cleanup();
  rmSync(dist, { recursive: true, force: true });
});

describe('hostile parameters', () => {
  it('answers 400 for an injection string in any query parameter, without echoing internals', async () => {
    for (const { base, params } of PARAMETERS) {
      for (const param of params) {
        for (const value of INJECTIONS) {
          const url = `${base}${base.includes('?') ? '&' : '?'}${param === 'by' && base.includes('by=') ? '' : ''}${param}=${encodeURIComponent(value)}`;
          const target = base.includes(`${param}=`) ? url.replace(new RegExp(`${param}=[^&]*&?`), '') : url;
          const response = await app.inject(target);
          expect([target.slice(0, 120), response.statusCode]).toEqual([target.slice(0, 120), 400]);
          expect(response.body).not.toMatch(LEAKS);
        }
      }
    }
  });

  it('answers 400 or 404 (414 when too long) for an injection string in any path parameter', async () => {
    for (const path of PATHS) {
      for (const value of INJECTIONS) {
        const url = path.replace('{}', encodeURIComponent(value));
        const response = await app.inject(url);
        expect([url.slice(0, 120), response.statusCode]).toEqual([url.slice(0, 120), expect.toBeOneOf([400, 404, 414])]);
        expect(response.body).not.toMatch(LEAKS);
      }
    }
  });

  it('answers 400 for an unknown query parameter on every route', async () => {
    for (const path of [...NO_QUERY, ...PARAMETERS.map((p) => p.base)]) {
      const url = `${path}${path.includes('?') ? '&' : '?'}debug=1`;
      const response = await app.inject(url);
      expect([url, response.statusCode]).toEqual([url, 400]);
    }
  });

  it('answers 400 for unknown or SQL-looking fields in every JSON body and upload', async () => {
    const bodies: [string, string, unknown][] = [
      ['POST', '/api/auth/login', { name: 'a', password: 'b', admin: true }],
      ['POST', '/api/auth/login', { name: "admin' --", password: 'x' }],
      ['POST', '/api/users', { name: "x'; DROP TABLE users; --", role: 'admin', password: 'a long enough password' }],
      ['POST', '/api/users', { name: 'eve', role: 'superuser', password: 'a long enough password' }],
      ['POST', '/api/users', { name: 'eve', role: 'viewer', password: 'a long enough password', isAdmin: true }],
      ['PATCH', '/api/users/eve', { role: 'admin', name: 'mallory' }],
      ['POST', '/api/mappings', { name: "m'; --", dataset: 'outpatients', columns: {} }],
      ['POST', '/api/mappings', { name: 'm', dataset: 'outpatients', columns: {}, extra: 1 }],
      ['POST', '/api/published', { metric: "op-dna-rate' OR 1=1", by: 'sex', chart: 'breakdown' }],
      ['POST', '/api/published', { metric: 'op-dna-rate', chart: 'specialty-comparison', specialty: "100' OR 1=1" }],
      ['POST', '/api/published', { metric: 'op-dna-rate', chart: 'specialty-comparison', specialty: '100', site: 'RXX01' }],
      ['POST', '/api/published', { chart: 'completeness-trend', dataset: "outpatients' OR 1=1" }],
      ['POST', '/api/published', { chart: 'completeness-trend', dataset: 'outpatients', field: 'ethnicity; DROP TABLE published_charts' }],
      ['PUT', '/api/settings/disclosure', { value: "none'; --" }],
      ['PUT', '/api/settings/completeness-target', { value: '95; DROP TABLE settings' }],
      ['PUT', '/api/settings/completeness-target', { value: 95, by: 'me' }],
    ];
    for (const [method, url, payload] of bodies) {
      const response = await app.inject({ method: method as 'POST', url, payload: payload as object });
      expect([url, JSON.stringify(payload), response.statusCode]).toEqual([url, JSON.stringify(payload), expect.toBeOneOf([400, 401])]);
      expect(response.body).not.toMatch(LEAKS);
    }
    const uploads: Record<string, string>[] = [{ dataset: "outpatients' --" }, { dataset: 'outpatients', replace: "x' OR 1=1" }, { dataset: 'outpatients', sneaky: '1' }, { dataset: 'outpatients', mapping: '/etc/passwd' }];
    for (const fields of uploads) {
      const body = multipart(fields, { name: 'x.csv', content: 'a\n1\n' });
      const response = await app.inject({ method: 'POST', url: '/api/extracts', payload: body.payload, headers: body.headers });
      expect([JSON.stringify(fields), response.statusCode]).toEqual([JSON.stringify(fields), expect.toBeOneOf([400, 422])]);
      expect(response.body).not.toMatch(LEAKS);
      expect(response.body).not.toContain('root:');
    }
  });

  it('refuses a JSON body over 1 MB', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/mappings', payload: { name: 'm', dataset: 'outpatients', columns: { a: 'x'.repeat(1_100_000) } } });
    expect(response.statusCode).toBe(413);
  });
});

describe('static files', () => {
  it('cannot be made to serve anything outside the web app folder', async () => {
    for (const url of [
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/assets/....//....//package.json',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/assets/%252e%252e%252fpackage.json',
    ]) {
      const response = await app.inject(url);
      expect(response.body, url).not.toContain('"devDependencies"');
      expect(response.body, url).not.toContain('root:');
    }
    expect((await app.inject('/assets/app.js')).body).toContain('console.log');
  });
});

describe('headers', () => {
  it('sends a CSP naming no outside origin, and the other security headers, on pages, assets, API answers and errors', async () => {
    for (const url of ['/', '/indicators', '/assets/app.js', '/api/health', '/api/metrics/nope', '/api/nope']) {
      const response = await app.inject(url);
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toMatch(/default-src '(self|none)'/);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toMatch(/https?:|\*/);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
    expect((await app.inject('/api/health')).headers['cache-control']).toBe('no-store');
  });

  it('lets published charts be embedded in other sites', async () => {
    const response = await app.inject('/published/0123456789ab');
    expect(String(response.headers['content-security-policy'])).toContain('frame-ancestors *');
    expect(response.headers['x-frame-options']).toBeUndefined();
  });
});

describe('errors', () => {
  it('answers a failure with a generic 500 that carries no SQL, path or stack', async () => {
    const response = await app.inject('/api/test-failure');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'internal', message: 'Something went wrong on the server. The error has been logged.' } });
  });

  it('answers a database failure the same way', async () => {
    const t2 = await tempDatabase();
    const broken = await buildApp({ db: t2.db, config: loadConfig({}, { dbPath: t2.path }) });
    await t2.db.run('DROP TABLE extracts');
    const response = await broken.inject('/api/health');
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(LEAKS);
    await broken.close();
    t2.cleanup();
  });
});
