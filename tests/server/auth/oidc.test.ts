// Single sign-on through OpenID Connect against a real provider (oidc-provider on 127.0.0.1): the
// whole flow driven by hand — Parity through inject, the provider through fetch — roles from the
// token, refusals and their audit entries, state and redirect checks, and an unreachable provider.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { loadOidcSettings, SettingsError } from '../../../server/auth/oidc-settings.ts';
import { loadSecuritySettings } from '../../../server/auth/settings.ts';
import { addUser, getUser } from '../../../server/auth/users.ts';
import { loadConfig } from '../../../server/config.ts';
import { addAccount, PASSWORD, signIn } from '../../helpers/accounts.ts';
import { signInAtProvider, startTestProvider, type TestProvider } from '../../helpers/oidc-provider.ts';
import { PARITY_BIN, runCli } from '../../helpers/run-cli.ts';
import { tempDatabase } from '../../helpers/temp-db.ts';
import { errorBody } from '../../helpers/error-body.ts';
import * as messages from '../../../server/messages.ts';
import { HOSTILE_NEXT } from '../../fixtures/hostile-next.ts';
import { NEXT_MESSAGE } from '../../../core/same-site-path.ts';

const REDIRECT_URI = 'http://localhost:8080/api/auth/oidc/callback';
const people = {
  ada: { preferred_username: 'ada@trust.nhs.uk', name: 'Ada', roles: ['Parity.Viewer', 'Parity.Admin'] },
  ana: { preferred_username: 'Ana@Trust.nhs.uk', roles: 'analyst' },
  vic: { email: 'vic@trust.nhs.uk', roles: ['viewer'] },
  nora: { preferred_username: 'nora@trust.nhs.uk' },
  fin: { preferred_username: 'fin@trust.nhs.uk', roles: ['Finance.Approver'] },
  anon: { roles: ['viewer'] },
  lena: { preferred_username: 'lena', roles: ['admin'] },
};

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({ redirectUris: [REDIRECT_URI], people });
});
afterAll(() => provider.close());

const apps: { app: FastifyInstance; cleanup: () => void }[] = [];
afterEach(async () => {
  for (const { app, cleanup } of apps.splice(0)) {
    await app.close();
    cleanup();
  }
});

async function ssoApp(env: Record<string, string> = provider.env(REDIRECT_URI)) {
  const temp = await tempDatabase();
  const app = await buildApp({ db: temp.db, config: loadConfig({}, { dbPath: temp.path }), security: loadSecuritySettings(env) });
  apps.push({ app, cleanup: temp.cleanup });
  return app;
}

const cookieFrom = (setCookie: string | string[] | undefined, name: string) =>
  ([] as string[]).concat(setCookie ?? []).find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? null;

/** Starts a sign-in at Parity, signs in at the provider as `login`, and calls Parity's callback. */
async function ssoSignIn(app: FastifyInstance, login: string, next = '/') {
  const start = await app.inject({ url: `/api/auth/oidc/login?next=${encodeURIComponent(next)}` });
  expect(start.statusCode).toBe(302);
  const stateCookie = cookieFrom(start.headers['set-cookie'], 'parity_oidc_state')!;
  expect(stateCookie).toBeTruthy();
  const callback = await signInAtProvider(String(start.headers.location), login);
  expect(callback.href.startsWith(REDIRECT_URI)).toBe(true);
  const response = await app.inject({ url: callback.pathname + callback.search, headers: { cookie: stateCookie } });
  const session = cookieFrom(response.headers['set-cookie'], 'parity_session');
  return { start, callback, stateCookie, response, session };
}

const me = async (app: FastifyInstance, session: string | null) => (await app.inject({ url: '/api/auth/me', headers: session ? { cookie: session } : {} })).json();

async function loginAudit(app: FastifyInstance) {
  const rows = await app.db.all<{ actor: string; target: string | null; detail: string; outcome: string }>(
    `SELECT actor, target, detail, outcome FROM audit_log WHERE action = 'auth.login' ORDER BY id`,
  );
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

describe('a server with single sign-on', () => {
  it('names the provider on /api/auth/providers and needs a session even before any account exists', async () => {
    const app = await ssoApp();
    const providers = await app.inject({ url: '/api/auth/providers' });
    expect(providers.json()).toEqual({
      mode: 'accounts',
      password: true,
      oidc: { label: 'Sign in with NHS.net (test provider)', loginUrl: '/api/auth/oidc/login' },
    });
    expect((await app.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/metrics' })).statusCode).toBe(401);
    const page = await app.inject({ url: '/indicators' });
    expect([page.statusCode, page.headers.location]).toEqual([302, '/login?next=%2Findicators']);
  });

  it('reports no provider when single sign-on is not configured', async () => {
    const app = await ssoApp({});
    expect((await app.inject({ url: '/api/auth/providers' })).json().oidc).toBeNull();
    expect((await app.inject({ url: '/api/auth/oidc/login' })).statusCode).toBe(404);
  });

  it('sends the browser to the provider with PKCE, state and nonce, remembering the state in a Lax cookie', async () => {
    const app = await ssoApp();
    const start = await app.inject({ url: '/api/auth/oidc/login?next=%2Findicators' });
    const location = new URL(String(start.headers.location));
    expect(location.origin).toBe(provider.issuer);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid profile email',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const cookie = ([] as string[]).concat(start.headers['set-cookie'] ?? [])[0];
    expect(cookie).toBe(`parity_oidc_state=${location.searchParams.get('state')}; Path=/api/auth/oidc/; HttpOnly; SameSite=Lax; Max-Age=600`);
  });

  it('signs a person in with the highest Parity role their token names, as an account with no password', async () => {
    const app = await ssoApp();
    for (const [login, name, role] of [
      ['ada', 'ada@trust.nhs.uk', 'admin'],
      ['ana', 'ana@trust.nhs.uk', 'analyst'],
      ['vic', 'vic@trust.nhs.uk', 'viewer'],
    ] as const) {
      const { response, session } = await ssoSignIn(app, login);
      expect(response.statusCode).toBe(200);
      expect(session).toMatch(/^parity_session=[A-Za-z0-9_-]{43}$/);
      const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
      expect(cookies.find((c) => c.startsWith('parity_session='))).toContain('SameSite=Strict');
      expect(cookies).toContain('parity_oidc_state=; Path=/api/auth/oidc/; HttpOnly; SameSite=Lax; Max-Age=0');
      expect(await me(app, session)).toMatchObject({ mode: 'accounts', user: { name, role } });
      expect(await getUser(app.db, name)).toMatchObject({ name, role, source: 'oidc', passwordHash: null, lastLoginAt: expect.any(String) });
    }
    const audit = await loginAudit(app);
    expect(audit.map((a) => [a.actor, a.outcome, a.detail.source, a.detail.role])).toEqual([
      ['ada@trust.nhs.uk', 'success', 'oidc', 'admin'],
      ['ana@trust.nhs.uk', 'success', 'oidc', 'analyst'],
      ['vic@trust.nhs.uk', 'success', 'oidc', 'viewer'],
    ]);
  });

  it('moves on to the page asked for through a page of this site, so the Strict session cookie is sent', async () => {
    const app = await ssoApp();
    const { response } = await ssoSignIn(app, 'vic', '/indicators?by=ethnicity&x="y"');
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<meta http-equiv="refresh" content="0;url=/indicators?by=ethnicity&#38;x=&#34;y&#34;">');
    expect(response.body).toContain('<a href="/indicators?by=ethnicity&#38;x=&#34;y&#34;">Continue to Parity</a>');
  });

  it('refuses a next that is not a path on this site', async () => {
    const app = await ssoApp();
    for (const next of HOSTILE_NEXT.filter((n) => n !== '')) {
      const response = await app.inject({ url: `/api/auth/oidc/login?next=${encodeURIComponent(next)}` });
      expect(response.statusCode, JSON.stringify(next)).toBe(400);
      expect(response.json().error.message, JSON.stringify(next)).toContain(NEXT_MESSAGE);
      expect(response.headers.location).toBeUndefined();
    }
    expect((await app.inject({ url: '/api/auth/oidc/login?next=%2F&extra=1' })).statusCode).toBe(400);
  });

  it('refuses a token that names no Parity role when no account exists, says why, and audits it', async () => {
    const app = await ssoApp();
    for (const login of ['nora', 'fin']) {
      const { response, session } = await ssoSignIn(app, login);
      expect([response.statusCode, response.headers.location, session]).toEqual([303, '/login?error=no_role', null]);
    }
    expect(await getUser(app.db, 'nora@trust.nhs.uk')).toBeNull();
    const audit = await loginAudit(app);
    expect(audit.map((a) => [a.actor, a.target, a.outcome, a.detail])).toEqual([
      ['nora@trust.nhs.uk', 'nora@trust.nhs.uk', 'failure', { source: 'oidc', reason: 'no_role' }],
      ['fin@trust.nhs.uk', 'fin@trust.nhs.uk', 'failure', { source: 'oidc', reason: 'no_role' }],
    ]);
  });

  it('keeps the role of an account added beforehand when the token names none, and follows the token when it does', async () => {
    const app = await ssoApp();
    await addUser(app.db, { name: 'nora@trust.nhs.uk', role: 'analyst', passwordHash: null, source: 'oidc' });
    await addUser(app.db, { name: 'ada@trust.nhs.uk', role: 'viewer', passwordHash: null, source: 'oidc' });
    const nora = await ssoSignIn(app, 'nora');
    expect((await me(app, nora.session)).user).toEqual({ name: 'nora@trust.nhs.uk', role: 'analyst' });

    const first = await ssoSignIn(app, 'ada');
    expect((await me(app, first.session)).user.role).toBe('admin');
    expect((await getUser(app.db, 'ada@trust.nhs.uk'))!.role).toBe('admin');
    expect((await loginAudit(app)).at(-1)!.detail).toEqual({ role: 'admin', method: 'oidc', source: 'oidc', from: 'viewer' });
  });

  it('gives PARITY_OIDC_DEFAULT_ROLE to a first sign-in whose token names no role', async () => {
    const app = await ssoApp({ ...provider.env(REDIRECT_URI), PARITY_OIDC_DEFAULT_ROLE: 'viewer' });
    const { session } = await ssoSignIn(app, 'nora');
    expect((await me(app, session)).user).toEqual({ name: 'nora@trust.nhs.uk', role: 'viewer' });
  });

  it('refuses a tampered state, a callback without this browser’s state cookie, and a replayed callback', async () => {
    const app = await ssoApp();
    const start = await app.inject({ url: '/api/auth/oidc/login' });
    const stateCookie = cookieFrom(start.headers['set-cookie'], 'parity_oidc_state')!;
    const callback = await signInAtProvider(String(start.headers.location), 'ada');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')!.slice(0, -2)}xx`);
    const refused = (url: URL, cookie?: string) => app.inject({ url: url.pathname + url.search, headers: cookie ? { cookie } : {} });

    for (const response of [await refused(tampered, stateCookie), await refused(callback)]) {
      expect([response.statusCode, response.headers.location]).toEqual([303, '/login?error=state']);
      expect(cookieFrom(response.headers['set-cookie'], 'parity_session')).toBeNull();
    }
    // Each refusal used the pending sign-in up, so even the genuine callback is now refused.
    expect((await refused(callback, stateCookie)).headers.location).toBe('/login?error=state');

    const good = await ssoSignIn(app, 'ada');
    expect(good.response.statusCode).toBe(200);
    const replay = await refused(good.callback, good.stateCookie);
    expect([replay.statusCode, replay.headers.location]).toEqual([303, '/login?error=state']);
    const reasons = (await loginAudit(app)).map((a) => [a.outcome, a.detail.reason ?? a.detail.method]);
    expect(reasons).toEqual([
      ['failure', 'bad_state'],
      ['failure', 'bad_state'],
      ['failure', 'bad_state'],
      ['success', 'oidc'],
      ['failure', 'bad_state'],
    ]);
  });

  it('refuses an error answer from the provider, such as a person who declined', async () => {
    const app = await ssoApp();
    const start = await app.inject({ url: '/api/auth/oidc/login' });
    const state = new URL(String(start.headers.location)).searchParams.get('state')!;
    const response = await app.inject({
      url: `/api/auth/oidc/callback?error=access_denied&error_description=declined&state=${state}`,
      headers: { cookie: cookieFrom(start.headers['set-cookie'], 'parity_oidc_state')! },
    });
    expect([response.statusCode, response.headers.location]).toEqual([303, '/login?error=idp']);
    expect((await loginAudit(app))[0].detail).toEqual({ source: 'oidc', reason: 'idp_error', error: 'access_denied', description: 'declined' });
  });

  it('refuses a callback whose code the provider does not know', async () => {
    const app = await ssoApp();
    const { callback, stateCookie } = await (async () => {
      const start = await app.inject({ url: '/api/auth/oidc/login' });
      return { callback: await signInAtProvider(String(start.headers.location), 'ada'), stateCookie: cookieFrom(start.headers['set-cookie'], 'parity_oidc_state')! };
    })();
    callback.searchParams.set('code', 'not-a-code-the-provider-issued');
    const response = await app.inject({ url: callback.pathname + callback.search, headers: { cookie: stateCookie } });
    expect(response.headers.location).toBe('/login?error=idp');
    expect((await loginAudit(app))[0].detail).toMatchObject({ source: 'oidc', reason: 'token_rejected', error: 'invalid_grant' });
  });

  it('never takes over a password account, and refuses a token without a usable user name', async () => {
    const app = await ssoApp();
    await addAccount(app, 'lena', 'viewer');
    expect((await ssoSignIn(app, 'lena')).response.headers.location).toBe('/login?error=local_account');
    expect((await getUser(app.db, 'lena'))!).toMatchObject({ role: 'viewer', source: 'local' });
    expect((await ssoSignIn(app, 'anon')).response.headers.location).toBe('/login?error=name');
    expect((await loginAudit(app)).map((a) => a.detail.reason)).toEqual(['local_account', 'no_name']);
  });

  it('refuses password sign-in for a single sign-on account, with the answer a wrong password gets', async () => {
    const app = await ssoApp();
    await ssoSignIn(app, 'ada');
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'ada@trust.nhs.uk', password: PASSWORD } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_credentials');
    expect((await loginAudit(app)).at(-1)).toMatchObject({ outcome: 'failure', detail: { reason: 'sso_account' } });
  });

  it('does not count refused single sign-ons against password sign-in after a restart', async () => {
    const temp = await tempDatabase();
    const build = () => buildApp({ db: temp.db, config: loadConfig({}, { dbPath: temp.path }), security: loadSecuritySettings(provider.env(REDIRECT_URI)) });
    const first = await build();
    await addAccount(first, 'lena', 'viewer');
    for (let i = 0; i < 6; i++) expect((await first.inject({ url: '/api/auth/oidc/callback?code=x&state=forged' })).headers.location).toBe('/login?error=state');
    await first.close();
    const second = await build();
    apps.push({ app: second, cleanup: temp.cleanup });
    expect((await second.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'lena', password: PASSWORD } })).statusCode).toBe(200);
  });

  it('answers 503 on sign-in while the provider cannot be reached, and everything else keeps working', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const app = await ssoApp({ ...provider.env(REDIRECT_URI), PARITY_OIDC_ISSUER: `http://127.0.0.1:${closedPort}` });
    const api = await app.inject({ url: '/api/auth/oidc/login' });
    expect(api.statusCode).toBe(503);
    expect(api.json().error).toEqual(errorBody(messages.ssoUnavailable()));
    const browser = await app.inject({ url: '/api/auth/oidc/login', headers: { accept: 'text/html,*/*' } });
    expect([browser.statusCode, browser.headers.location]).toEqual([303, '/login?error=unavailable']);
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/providers' })).json().oidc).not.toBeNull();
    await addAccount(app, 'lena', 'viewer');
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'lena', password: PASSWORD } })).statusCode).toBe(200);
  });
});

describe('accounts added beforehand for single sign-on', () => {
  it('`parity user add NAME --role R --sso` adds an account without a password, which then signs in with that role', async () => {
    const temp = await tempDatabase();
    temp.db.close();
    const added = await runCli(['user', 'add', 'nora@trust.nhs.uk', '--role', 'analyst', '--sso', '--db', temp.path]);
    expect([added.code, added.stderr]).toEqual([0, expect.stringContaining('signs in through single sign-on')]);
    const passwd = spawnSync(process.execPath, [PARITY_BIN, 'user', 'passwd', 'nora@trust.nhs.uk', '--password-stdin', '--db', temp.path], { input: `${PASSWORD}\n`, encoding: 'utf8' });
    expect([passwd.status, passwd.stderr]).toEqual([1, expect.stringContaining('has no password to change')]);
    const list = JSON.parse((await runCli(['user', 'list', '--json', '--db', temp.path])).stdout);
    expect(list).toMatchObject([{ name: 'nora@trust.nhs.uk', role: 'analyst', source: 'oidc' }]);
    temp.cleanup();
  }, 60_000);

  it('an admin can add one through the API (`sso: true`, no password), and cannot give it a password', async () => {
    const app = await ssoApp();
    await addAccount(app, 'lena', 'admin');
    const { headers } = await signIn(app, 'lena');
    const add = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/users', headers, payload });
    expect((await add({ name: 'nora@trust.nhs.uk', role: 'analyst', sso: true })).json()).toMatchObject({ source: 'oidc', role: 'analyst' });
    expect((await add({ name: 'x@trust.nhs.uk', role: 'viewer' })).statusCode).toBe(400);
    expect((await add({ name: 'y@trust.nhs.uk', role: 'viewer', sso: true, password: PASSWORD })).statusCode).toBe(400);
    const patch = await app.inject({ method: 'PATCH', url: '/api/users/nora@trust.nhs.uk', headers, payload: { password: PASSWORD } });
    expect([patch.statusCode, patch.json().error.code]).toEqual([409, 'sso_account']);
    expect((await me(app, (await ssoSignIn(app, 'nora')).session)).user).toEqual({ name: 'nora@trust.nhs.uk', role: 'analyst' });
  });
});

describe('single sign-on settings', () => {
  const complete = {
    PARITY_OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
    PARITY_OIDC_CLIENT_ID: 'client',
    PARITY_OIDC_CLIENT_SECRET: 'secret',
    PARITY_OIDC_REDIRECT_URI: 'https://parity.trust.nhs.uk/api/auth/oidc/callback',
  };
  const problem = (env: Record<string, string>) => {
    try {
      loadOidcSettings(env);
      return null;
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      return error.message;
    }
  };

  it('is off with no PARITY_OIDC_* variable, and reads the defaults otherwise', () => {
    expect(loadOidcSettings({ PARITY_OIDC_LABEL: '' })).toBeNull();
    expect(loadOidcSettings(complete)).toMatchObject({
      label: 'Sign in with single sign-on',
      scopes: 'openid profile email',
      nameClaim: 'preferred_username',
      rolesClaim: 'roles',
      defaultRole: null,
    });
  });

  it('names what is missing from a half configuration', () => {
    expect(problem({ PARITY_OIDC_ISSUER: complete.PARITY_OIDC_ISSUER })).toContain('set PARITY_OIDC_CLIENT_ID, PARITY_OIDC_CLIENT_SECRET, PARITY_OIDC_REDIRECT_URI');
    expect(problem({ ...complete, PARITY_OIDC_REDIRECT_URI: '' })).toContain('set PARITY_OIDC_REDIRECT_URI');
  });

  it('refuses plain http beyond this machine, a redirect URI that is not the callback, and admin as the default role', () => {
    expect(problem({ ...complete, PARITY_OIDC_ISSUER: 'http://idp.trust.nhs.uk' })).toContain('PARITY_OIDC_ISSUER must use https://');
    expect(problem({ ...complete, PARITY_OIDC_REDIRECT_URI: 'https://parity.trust.nhs.uk/' })).toContain('/api/auth/oidc/callback');
    expect(problem({ ...complete, PARITY_OIDC_DEFAULT_ROLE: 'admin' })).toContain('PARITY_OIDC_DEFAULT_ROLE is not valid');
    expect(problem({ ...complete, PARITY_OIDC_ISSUER: 'http://127.0.0.1:9999' })).toBeNull();
  });

  it('stops `parity serve` before it opens the database', async () => {
    const result = await runCli(['serve', '--port', '1', '--db', '/nonexistent/parity.duckdb'], { PARITY_OIDC_ISSUER: complete.PARITY_OIDC_ISSUER });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PARITY_OIDC_CLIENT_ID');
    expect(result.stderr).not.toContain('    at ');
  }, 30_000);
});
