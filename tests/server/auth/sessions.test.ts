// Sign-in, the session cookie, CSRF and Origin checks, the sign-in rate limit, sign-out and expiry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, PASSWORD, signIn } from '../../helpers/accounts.ts';
import { testApp } from '../../helpers/test-app.ts';
import { buildApp } from '../../../server/app.ts';
import { loadSecuritySettings } from '../../../server/auth/settings.ts';
import { loadConfig } from '../../../server/config.ts';
import { tempDatabase } from '../../helpers/temp-db.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
  await addAccount(t.app, 'ana', 'analyst');
});
afterEach(() => t.close());

const login = (name: string, password: string, extra: { headers?: Record<string, string>; remoteAddress?: string } = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name, password }, ...extra });

const mapping = { name: 'm', dataset: 'outpatients', columns: {} };

describe('signing in', () => {
  it('sets an httpOnly, SameSite=Strict cookie on Path=/, not Secure over plain HTTP, and keeps only a hash of it', async () => {
    const response = await login('ana', PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ mode: 'accounts', user: { name: 'ana', role: 'analyst' }, csrfToken: expect.any(String) });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^parity_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const token = cookie.split(';')[0].split('=')[1];
    const rows = await t.db.all<{ id_hash: string }>(`SELECT id_hash FROM sessions`);
    expect(rows).toHaveLength(1);
    expect(rows[0].id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].id_hash).not.toContain(token);
  });

  it('marks the cookie Secure when a trusted proxy says the request came over TLS, and ignores the header otherwise', async () => {
    const forwarded = { 'x-forwarded-proto': 'https' };
    expect(String((await login('ana', PASSWORD, { headers: forwarded })).headers['set-cookie'])).not.toContain('Secure');
    const temp = await tempDatabase();
    const app = await buildApp({ db: temp.db, config: loadConfig({}, { dbPath: temp.path }), security: loadSecuritySettings({ PARITY_TRUST_PROXY: '1' }) });
    await addAccount(app, 'ana', 'analyst');
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'ana', password: PASSWORD }, headers: forwarded });
    expect(String(response.headers['set-cookie'])).toContain('; Secure');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    await app.close();
    temp.cleanup();
  });

  it('answers the same 401 for a wrong password and an unknown name, and never a password rule', async () => {
    const wrong = await login('ana', 'not the password at all');
    const unknown = await login('nobody', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('blocks a name after 5 failures in 15 minutes with 429 and Retry-After, from any address', async () => {
    for (let i = 0; i < 5; i++) expect((await login('ana', `wrong password ${i}`, { remoteAddress: `10.0.0.${i + 1}` })).statusCode).toBe(401);
    const blocked = await login('ana', PASSWORD, { remoteAddress: '10.0.0.99' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    expect(blocked.json().error.code).toBe('too_many_attempts');
  });

  it('blocks an address after 5 failures, whatever names it tries', async () => {
    for (let i = 0; i < 5; i++) expect((await login(`guess${i}`, 'wrong password', { remoteAddress: '10.9.9.9' })).statusCode).toBe(401);
    expect((await login('ana', PASSWORD, { remoteAddress: '10.9.9.9' })).statusCode).toBe(429);
    expect((await login('ana', PASSWORD, { remoteAddress: '10.9.9.10' })).statusCode).toBe(200);
  });

  it('still blocks after a restart: the limiter is refilled from the audit log', async () => {
    for (let i = 0; i < 5; i++) expect((await login('ana', `wrong password ${i}`, { remoteAddress: '10.7.7.7' })).statusCode).toBe(401);
    const restarted = await buildApp({ db: t.db, config: t.app.config });
    try {
      const again = (remoteAddress: string, name = 'ana') =>
        restarted.inject({ method: 'POST', url: '/api/auth/login', payload: { name, password: PASSWORD }, remoteAddress });
      const blocked = await again('10.8.8.8');
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
      // The address is blocked too, whatever name it tries.
      expect((await again('10.7.7.7', 'someone')).statusCode).toBe(429);
    } finally {
      await restarted.close();
    }
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await login('ana', PASSWORD, { headers: { origin: 'https://attacker.example' } });
    expect(response.statusCode).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('CSRF', () => {
  it('needs the session token in X-CSRF-Token on every state-changing request', async () => {
    const s = await signIn(t.app, 'ana');
    const post = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/mappings', payload: mapping, headers });
    const missing = await post({ cookie: s.cookie });
    expect([missing.statusCode, missing.json().error.code]).toEqual([403, 'csrf']);
    const wrong = await post({ cookie: s.cookie, 'x-csrf-token': s.csrf.slice(0, -2) + 'xx' });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([403, 'csrf']);
    expect((await post(s.headers)).statusCode).toBe(201);
  });

  it('refuses a request from another origin even with the right token', async () => {
    const s = await signIn(t.app, 'ana');
    const send = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/mappings', payload: mapping, headers: { ...s.headers, ...headers } });
    expect((await send({ origin: 'https://attacker.example' })).statusCode).toBe(403);
    expect((await send({ origin: 'null' })).statusCode).toBe(403);
    expect((await send({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await send({ origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
  });

  it('hands the token out only to its own session, through /api/auth/me', async () => {
    const s = await signIn(t.app, 'ana');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.json()).toEqual({ mode: 'accounts', user: { name: 'ana', role: 'analyst' }, csrfToken: s.csrf });
  });
});

describe('ending sessions', () => {
  it('signs out: the cookie is cleared and no longer works', async () => {
    const s = await signIn(t.app, 'ana');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^parity_session=; .*Max-Age=0/);
    expect((await t.app.inject({ url: '/api/metrics', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('ends a session that has been idle too long', async () => {
    const temp = await tempDatabase();
    const app = await buildApp({ db: temp.db, config: loadConfig({}, { dbPath: temp.path }), security: loadSecuritySettings({}, { sessionIdleMs: 300 }) });
    await addAccount(app, 'ana', 'analyst');
    const s = await signIn(app, 'ana');
    expect((await app.inject({ url: '/api/metrics', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect((await app.inject({ url: '/api/metrics', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    await app.close();
    temp.cleanup();
  });

  it('ends every session of a user whose role or password an admin changes, and of a removed user', async () => {
    await addAccount(t.app, 'boss', 'admin');
    const admin = await signIn(t.app, 'boss');
    const ana = await signIn(t.app, 'ana');
    const patch = await t.app.inject({ method: 'PATCH', url: '/api/users/ana', payload: { role: 'viewer' }, headers: admin.headers });
    expect(patch.json()).toMatchObject({ name: 'ana', role: 'viewer' });
    expect((await t.app.inject({ url: '/api/metrics', headers: { cookie: ana.cookie } })).statusCode).toBe(401);
    const again = await signIn(t.app, 'ana');
    expect((await t.app.inject({ url: '/api/extracts', headers: { cookie: again.cookie } })).statusCode).toBe(403);
    await t.app.inject({ method: 'DELETE', url: '/api/users/ana', headers: admin.headers });
    expect((await t.app.inject({ url: '/api/metrics', headers: { cookie: again.cookie } })).statusCode).toBe(401);
  });

  it('keeps the last admin: it cannot be demoted or removed', async () => {
    await addAccount(t.app, 'boss', 'admin');
    const admin = await signIn(t.app, 'boss');
    expect((await t.app.inject({ method: 'DELETE', url: '/api/users/boss', headers: admin.headers })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/users/boss', payload: { role: 'viewer' }, headers: admin.headers })).statusCode).toBe(409);
  });

  it('refuses a short password for a new account', async () => {
    await addAccount(t.app, 'boss', 'admin');
    const admin = await signIn(t.app, 'boss');
    const response = await t.app.inject({ method: 'POST', url: '/api/users', payload: { name: 'eve', role: 'viewer', password: 'short' }, headers: admin.headers });
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'weak_password']);
  });
});
