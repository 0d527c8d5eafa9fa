// Access is decided on the route a request reaches, not on how its URL is spelled. Every
// registered route is asked for, over a real socket (so the request line goes out exactly as
// written), by nobody and by each role below the one it needs, in every spelling a client can
// send; no spelling may get a better answer than the plain path does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAudit } from '../../../server/audit/audit-log.ts';
import { buildApp } from '../../../server/app.ts';
import type { RouteAccess } from '../../../server/auth/guard.ts';
import { hasRole, type Role } from '../../../server/auth/roles.ts';
import { loadConfig } from '../../../server/config.ts';
import { addAccount, type SignedIn, signIn } from '../../helpers/accounts.ts';
import { tempDatabase } from '../../helpers/temp-db.ts';

type Caller = 'nobody' | Role;
const LOWER_CALLERS: Caller[] = ['nobody', 'viewer', 'analyst'];

let temp: Awaited<ReturnType<typeof tempDatabase>>;
let app: FastifyInstance;
let dist: string;
let port: number;
const sessions: Partial<Record<Role, SignedIn>> = {};

interface Answer {
  status: number;
  location: string | undefined;
  /** Refused before any route was reached: Node's parser or Fastify's URL check, not a handler's 400. */
  unparsed: boolean;
}

/** Sends one request with its request line exactly as given. */
function send(method: string, target: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const lines = [`${method} ${target} HTTP/1.1`, 'Host: localhost', 'Connection: close', 'Content-Length: 0', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(lines.join('\r\n') + '\r\n\r\n');
    });
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [headText, body = ''] = data.split('\r\n\r\n');
      const head = headText.split('\r\n');
      const status = Number(head[0].split(' ')[1]);
      const location = head.find((line) => line.toLowerCase().startsWith('location:'))?.slice(9).trim();
      resolve({ status, location, unparsed: status === 400 && !body.startsWith('{"error":{') });
    });
  });
}

const headersOf = (caller: Caller): Record<string, string> => (caller === 'nobody' ? {} : sessions[caller]!.headers);

/** The route's URL with a plain value in each parameter (`:id`, `:file(^…$)`). */
const concrete = (url: string) => url.replace(/:(\w+)(\([^)]*\))?/g, 'x1');

const encodeAll = (segment: string) => [...segment].map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
const encodeFirst = (segment: string) => (segment ? '%' + segment.charCodeAt(0).toString(16).toUpperCase() + segment.slice(1) : segment);
const flipCase = (segment: string) => [...segment].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');

/** Every other way of writing `path` that a client can put on the request line. */
export function spellings(path: string): string[] {
  const segments = path.split('/').slice(1);
  const join = (parts: string[]) => '/' + parts.join('/');
  const each = (f: (s: string) => string) => join(segments.map(f));
  const first = (f: (s: string) => string) => join([f(segments[0]), ...segments.slice(1)]);
  const last = segments.length - 1;
  const variants = [
    first(encodeFirst), // /%61pi/…
    each(encodeFirst),
    each(encodeAll),
    first((s) => s.toUpperCase()),
    each(flipCase),
    segments.join('%2F').replace(/^/, '/'), // one segment: /api%2Fusers
    segments.join('%2f').replace(/^/, '/'),
    '/' + path, // //api/…
    path.replace(/\/([^/]*)$/, '//$1'),
    '/.' + path, // /./api/…
    path.replace(/\/([^/]*)$/, '/./$1'),
    '/x' + '/..' + path,
    path.replace(/\/([^/]*)$/, '/x/../$1'),
    path.replace(/\/([^/]*)$/, '/x/%2e%2e/$1'),
    path + '#',
    path + '#.css',
    path + '%23.css',
    path + '?',
    path + '?.css',
    path + '?x=1#.css',
    path + '.',
    path + '/',
    path + ';.css',
    path + '%00',
    path + '%20',
    path.replace(/\//g, '\\'),
    join([...segments.slice(0, last), segments[last] + '.']),
    `http://localhost${path}`,
    `http://localhost${first(encodeFirst)}`,
  ];
  return [...new Set(variants)].filter((v) => v !== path);
}

const denied = (answer: Answer) => answer.status === 401 || answer.status === 403 || answer.status === 503 || (answer.status === 302 && answer.location?.startsWith('/login'));

beforeAll(async () => {
  temp = await tempDatabase();
  dist = mkdtempSync(join(tmpdir(), 'parity-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Parity</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log("app")');
  app = await buildApp({ db: temp.db, config: loadConfig({}, { dbPath: temp.path }), webDist: dist + '/' });
  for (const role of ['viewer', 'analyst', 'admin'] as const) {
    await addAccount(app, `${role}1`, role);
    sessions[role] = await signIn(app, `${role}1`);
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app.close();
  temp.cleanup();
  rmSync(dist, { recursive: true, force: true });
});

describe('access by matched route', () => {
  it('every route declares who may call it; only health, sign-in, published charts, fonts and built files are public', () => {
    expect(app.routeAccess.filter((r) => r.access === null)).toEqual([]);
    const publicRoutes = app.routeAccess.filter((r) => r.access === 'public' && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    const expected = ['GET /api/health', 'POST /api/auth/login', 'GET /api/auth/me', 'GET /api/auth/providers', 'GET /published/:file', 'GET /fonts/:file', 'GET /login', 'GET /index.html', 'GET /favicon.svg', 'GET /assets/app-abc123.js'];
    expect(publicRoutes.filter((r) => !expected.includes(r))).toEqual([]);
  });

  it('no spelling of any protected route answers better than the plain path, for nobody and each lower role', async () => {
    const cases: { route: RouteAccess; caller: Caller }[] = [];
    for (const route of app.routeAccess) {
      if (route.access === 'public' || route.access === null) continue;
      for (const caller of LOWER_CALLERS) if (caller === 'nobody' || !hasRole(caller, route.access)) cases.push({ route, caller });
    }
    expect(cases.length).toBeGreaterThan(100);
    // A spelling that is itself the plain path of a public route (`/published/` for the `/published` page) is another route.
    const publicPatterns = app.routeAccess.filter((r) => r.access === 'public').map((r) => new RegExp(`^${r.url.replace(/\./g, '\\.').replace(/:\w+(\([^)]*\))?/g, '[^/]*')}$`));
    const leaks: string[] = [];
    let asked = 0;
    for (const { route, caller } of cases) {
      const path = concrete(route.url);
      const plain = await send(route.method, path, headersOf(caller));
      if (!denied(plain)) leaks.push(`${caller} ${route.method} ${path}: plain path answered ${plain.status}`);
      const others = spellings(path).filter((spelling) => !publicPatterns.some((p) => p.test(spelling)));
      const answers = await Promise.all(others.map(async (spelling) => [spelling, await send(route.method, spelling, headersOf(caller))] as const));
      for (const [spelling, answer] of answers) {
        asked++;
        // The same refusal, or nothing there at all.
        if (answer.status !== 404 && !answer.unparsed && (answer.status !== plain.status || !denied(answer))) {
          leaks.push(`${caller} ${route.method} ${spelling}: ${answer.status} where ${path} answers ${plain.status}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(asked).toBeGreaterThan(2000);
  });

  it('an unmatched path answers the same whoever asks and however it is spelled', async () => {
    for (const path of ['/api/no-such-thing', '/no-such-page', '/assets/gone.js']) {
      const answers = new Set<number | 'unparsed'>();
      for (const caller of ['nobody', 'viewer', 'admin'] as const) {
        for (const spelling of [path, ...spellings(path)]) {
          const answer = await send('GET', spelling, headersOf(caller));
          answers.add(answer.unparsed ? 'unparsed' : answer.status);
        }
      }
      expect([path, [...answers].filter((a) => a !== 'unparsed')]).toEqual([path, [404]]);
    }
  });
});

describe('the attacks that were possible', () => {
  const json = { 'content-type': 'application/json' };

  it('nobody cannot read the audit log or a quarantine through /%61pi/', async () => {
    expect((await send('GET', '/%61pi/audit.csv', {})).status).toBe(401);
    expect((await send('GET', '/%61pi/extracts/outpatients-0000abcd/quarantine.csv', {})).status).toBe(401);
    expect((await send('GET', 'http://localhost/api/audit.csv', {})).status).toBe(401);
  });

  it('a viewer cannot create an admin or switch disclosure control off through any spelling', async () => {
    const body = JSON.stringify({ name: 'mallory', role: 'admin', password: 'a long enough password' });
    for (const target of ['/%61pi/users', '/%61pi/users#.css', '/api/users#.css', '/api/%75sers']) {
      const response = await app.inject({ method: 'POST', url: target, payload: body, headers: { ...json, ...sessions.viewer!.headers } });
      expect([target, response.statusCode]).toEqual([target, 403]);
    }
    for (const target of ['/%61pi/settings/disclosure', '/api/settings/%64isclosure']) {
      const response = await app.inject({ method: 'PUT', url: target, payload: { value: 'none' }, headers: sessions.viewer!.headers });
      expect([target, response.statusCode]).toEqual([target, 403]);
    }
    const users = await app.inject({ url: '/api/users', headers: sessions.admin!.headers });
    expect(users.json().users.map((u: { name: string }) => u.name)).not.toContain('mallory');
  });

  it('an analyst cannot delete an extract through /%61pi/, and the refusal is in the audit log', async () => {
    const response = await send('DELETE', '/%61pi/extracts/outpatients-0000abcd', sessions.analyst!.headers);
    expect(response.status).toBe(403);
    const { entries } = await queryAudit(app.db, { action: 'extract.delete' }, { limit: 10, offset: 0 });
    expect(entries).toContainEqual(expect.objectContaining({ actor: 'analyst1', action: 'extract.delete', target: 'outpatients-0000abcd', outcome: 'denied' }));
  });
});
