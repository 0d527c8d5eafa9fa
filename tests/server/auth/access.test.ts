// Who may call what: local mode with no accounts, then every route without a session (401), with
// a role below the one it needs (403) and with that role (neither).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../server/auth/roles.ts';
import { addAccount, type SignedIn, signIn } from '../../helpers/accounts.ts';
import { multipart, testApp } from '../../helpers/test-app.ts';
import * as messages from '../../../server/messages.ts';
import { errorBody } from '../../helpers/error-body.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface RouteCase {
  method: Method;
  url: string;
  needs: Role;
  payload?: () => { payload: unknown; headers?: Record<string, string> };
}

const ID = 'outpatients-0000abcd';
const upload = () => multipart({ dataset: 'outpatients' }, { name: 'x.csv', content: 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status\nA1,P1,2025-04-01,110,5\n' });

/** Every API route but the public ones (health, sign-in, me, providers), with the least role it needs. */
const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/api/datasets', needs: 'viewer' },
  { method: 'GET', url: '/api/metrics', needs: 'viewer' },
  { method: 'GET', url: '/api/metrics/op-dna-rate', needs: 'viewer' },
  { method: 'GET', url: '/api/metrics/op-dna-rate/breakdown?by=sex', needs: 'viewer' },
  { method: 'GET', url: '/api/metrics/op-dna-rate/series', needs: 'viewer' },
  { method: 'GET', url: '/api/overview', needs: 'viewer' },
  { method: 'GET', url: '/api/completeness', needs: 'viewer' },
  { method: 'GET', url: '/api/completeness/summary', needs: 'viewer' },
  { method: 'GET', url: '/api/specialties', needs: 'viewer' },
  { method: 'GET', url: '/api/charts/op-dna-rate.svg?by=sex', needs: 'viewer' },
  { method: 'GET', url: '/api/charts/op-dna-rate.png?chart=specialty-comparison&specialty=100', needs: 'viewer' },
  { method: 'GET', url: '/api/charts/completeness.svg?dataset=outpatients', needs: 'viewer' },
  { method: 'GET', url: '/api/charts/completeness.png?dataset=outpatients&chart=completeness-months', needs: 'viewer' },
  { method: 'POST', url: '/api/auth/logout', needs: 'viewer' },
  { method: 'GET', url: '/api/extracts', needs: 'analyst' },
  { method: 'GET', url: `/api/extracts/${ID}`, needs: 'analyst' },
  { method: 'GET', url: `/api/extracts/${ID}/quarantine.csv`, needs: 'analyst' },
  { method: 'POST', url: '/api/extracts', needs: 'analyst', payload: upload },
  { method: 'GET', url: '/api/mappings', needs: 'analyst' },
  { method: 'POST', url: '/api/mappings', needs: 'analyst', payload: () => ({ payload: { name: 'm', dataset: 'outpatients', columns: {} } }) },
  { method: 'DELETE', url: `/api/extracts/${ID}`, needs: 'admin' },
  { method: 'GET', url: '/api/users', needs: 'admin' },
  { method: 'POST', url: '/api/users', needs: 'admin', payload: () => ({ payload: { name: 'new-user', role: 'viewer', password: 'a long enough password' } }) },
  { method: 'PATCH', url: '/api/users/nobody', needs: 'admin', payload: () => ({ payload: { role: 'viewer' } }) },
  { method: 'DELETE', url: '/api/users/nobody', needs: 'admin' },
  { method: 'DELETE', url: '/api/sessions?user=nobody', needs: 'admin' },
  { method: 'GET', url: '/api/audit', needs: 'admin' },
  { method: 'GET', url: '/api/audit.csv', needs: 'admin' },
  { method: 'GET', url: '/api/metrics/op-dna-rate/breakdowns?by=sex,age_band', needs: 'viewer' },
  { method: 'GET', url: '/api/published', needs: 'viewer' },
  { method: 'POST', url: '/api/published', needs: 'analyst', payload: () => ({ payload: { metric: 'op-dna-rate', chart: 'breakdown', by: 'sex' } }) },
  { method: 'DELETE', url: '/api/published/pc-00000000', needs: 'analyst' },
  { method: 'GET', url: '/api/report-templates', needs: 'viewer' },
  { method: 'POST', url: '/api/report-templates', needs: 'analyst', payload: () => ({ payload: { name: 'Quarterly', indicators: ['op-dna-rate'], breakdowns: ['sex'] } }) },
  { method: 'DELETE', url: '/api/report-templates/nothing-here', needs: 'analyst' },
  { method: 'GET', url: '/api/reports/annual.csv?indicators=op-dna-rate&breakdowns=sex', needs: 'viewer' },
  // A bad query is enough: access is decided before the PDF would be drawn.
  { method: 'GET', url: '/api/reports/board.pdf?unknown=1', needs: 'viewer' },
  { method: 'GET', url: '/api/reports/annual.pdf?unknown=1', needs: 'viewer' },
  { method: 'GET', url: '/api/settings', needs: 'admin' },
  { method: 'PUT', url: '/api/settings/completeness-target', needs: 'admin', payload: () => ({ payload: { value: '95' } }) },
  { method: 'DELETE', url: '/api/settings/completeness-target', needs: 'admin' },
  // Only the local CLI may ask for a backup: an admin's session passes access control, then gets 403 cli_only.
  { method: 'POST', url: '/api/backup', needs: 'admin', payload: () => ({ payload: { path: '/nonexistent/folder/copy.duckdb' } }) },
];

/** Routes anyone may call. */
const PUBLIC = ['GET /api/health', 'POST /api/auth/login', 'GET /api/auth/me', 'GET /api/auth/providers'];

let t: Awaited<ReturnType<typeof testApp>>;
const sessions: Partial<Record<Role, SignedIn>> = {};

const call = (route: RouteCase, headers: Record<string, string> = {}) => {
  const body = route.payload?.();
  return t.app.inject({ method: route.method, url: route.url, payload: body?.payload as string, headers: { ...body?.headers, ...headers } });
};

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('local mode: no accounts, loopback host', () => {
  it('answers every route without a session, and /api/auth/me says so', async () => {
    expect((await t.app.inject('/api/auth/me')).json()).toEqual({ mode: 'local' });
    expect((await t.app.inject('/api/extracts')).statusCode).toBe(200);
    expect((await t.app.inject('/api/users')).statusCode).toBe(200);
  });

  it('answers only to localhost (a rebound DNS name gets 403)', async () => {
    const response = await t.app.inject({ url: '/api/extracts', headers: { host: 'attacker.example:8080' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden_host');
  });

  it('refuses a state-changing request sent by another site', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/mappings', payload: { name: 'm', dataset: 'outpatients', columns: {} }, headers: { origin: 'https://attacker.example' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('cross_origin');
  });
});

describe('with accounts', () => {
  beforeAll(async () => {
    for (const role of ['viewer', 'analyst', 'admin'] as const) {
      await addAccount(t.app, `${role}1`, role);
      sessions[role] = await signIn(t.app, `${role}1`);
    }
  });

  it('the table above names every API route with the access it declares', () => {
    const pattern = (url: string) => new RegExp(`^${url.replace(/\./g, '\\.').replace(/:[a-z]+/g, '[^/]+')}$`);
    const apiRoutes = t.app.routeAccess.filter((route) => route.url.startsWith('/api/') && route.method !== 'HEAD');
    const missing = apiRoutes
      .filter((route) => !PUBLIC.includes(`${route.method} ${route.url}`))
      .filter((route) => !ROUTES.some((c) => c.method === route.method && pattern(route.url).test(c.url.split('?')[0]) && c.needs === route.access))
      .map((route) => `${route.method} ${route.url} (${route.access})`);
    expect(missing).toEqual([]);
    const publicRoutes = apiRoutes.filter((route) => route.access === 'public').map((route) => `${route.method} ${route.url}`);
    expect(publicRoutes.sort()).toEqual([...PUBLIC].sort());
  });

  it('every route declares who may call it', () => {
    expect(t.app.routeAccess.filter((route) => route.access === null)).toEqual([]);
  });

  it('leaves health, sign-in and the sign-in options public', async () => {
    expect((await t.app.inject('/api/health')).statusCode).toBe(200);
    expect((await t.app.inject('/api/auth/providers')).json()).toMatchObject({ mode: 'accounts', password: true });
    expect((await t.app.inject('/api/auth/me')).statusCode).toBe(401);
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.url}`, r] as const))('%s: 401 without a session', async (_name, route) => {
    const response = await call(route);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: errorBody(messages.unauthenticated()) });
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.url} (${r.needs})`, r] as const))('%s: 403 below its role, allowed with it', async (_name, route) => {
    const roles = ['viewer', 'analyst', 'admin'] as const;
    for (const role of roles) {
      // Signing out ends the session, so that route gets a session of its own.
      const session = route.url === '/api/auth/logout' ? await signIn(t.app, `${role}1`) : sessions[role]!;
      const response = await call(route, session.headers);
      const allowed = roles.indexOf(role) >= roles.indexOf(route.needs);
      if (allowed && route.url === '/api/backup') expect(response.json().error.code).toBe('cli_only');
      else if (allowed) expect([role, response.statusCode]).not.toEqual([role, expect.toBeOneOf([401, 403])]);
      else {
        expect([role, response.statusCode]).toEqual([role, 403]);
        expect(response.json().error.code).toBe('forbidden');
      }
    }
  });

  it('sends a signed-out browser to the sign-in page, but serves the sign-in page itself', async () => {
    const page = await t.app.inject('/indicators/op-dna-rate?by=sex');
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe(`/login?next=${encodeURIComponent('/indicators/op-dna-rate?by=sex')}`);
    expect((await t.app.inject('/login')).statusCode).not.toBe(302);
    expect((await t.app.inject({ url: '/indicators', headers: { cookie: sessions.viewer!.cookie } })).statusCode).not.toBe(302);
  });

  it('ignores a forged or unknown session cookie', async () => {
    for (const cookie of ['parity_session=' + 'A'.repeat(43), 'parity_session=../../etc', 'parity_session=']) {
      expect((await t.app.inject({ url: '/api/metrics', headers: { cookie } })).statusCode).toBe(401);
    }
  });

  it('accepts the local CLI secret only from this machine', async () => {
    await t.close();
    const { buildApp } = await import('../../../server/app.ts');
    const { loadConfig } = await import('../../../server/config.ts');
    const { tempDatabase } = await import('../../helpers/temp-db.ts');
    const temp = await tempDatabase();
    const app = await buildApp({ db: temp.db, config: loadConfig({}, { dbPath: temp.path }), cliToken: 'x'.repeat(43) });
    await addAccount(app, 'admin1', 'admin');
    const headers = { 'x-parity-cli-token': 'x'.repeat(43), 'x-parity-cli-user': 'ops' };
    expect((await app.inject({ url: '/api/users', headers })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/users', headers: { ...headers, 'x-parity-cli-token': 'y'.repeat(43) } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/users', headers, remoteAddress: '10.0.0.8' })).statusCode).toBe(401);
    await app.close();
    temp.cleanup();
    t = await testApp();
  });
});
