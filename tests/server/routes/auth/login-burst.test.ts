// Sign-in under a burst, over real HTTP: parallel guesses at one account are counted before their
// password is checked, and a flood of sign-ins cannot hold up the rest of the server.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addAccount, PASSWORD } from '../../../helpers/accounts.ts';
import { testApp } from '../../../helpers/test-app.ts';

/** How many passwords reached verifyPassword: the real one, counted. */
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../server/auth/passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../server/auth/passwords.ts')>();
  return {
    ...real,
    verifyPassword: (password: string, stored: string) => {
      checks.count++;
      return real.verifyPassword(password, stored);
    },
  };
});

interface Answer {
  status: number;
  retryAfter: string | undefined;
  code: string | undefined;
  ms: number;
}

let t: Awaited<ReturnType<typeof testApp>>;
let base: URL;
beforeEach(async () => {
  t = await testApp();
  await addAccount(t.app, 'ana', 'analyst');
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = new URL(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`);
  checks.count = 0;
});
afterEach(() => t.close());

/**
 * One request on its own connection. `from` is the loopback address it is sent from (any of
 * 127.0.0.0/8 on Linux), so the server sees many clients while all traffic stays on this machine.
 */
function send(method: 'GET' | 'POST', path: string, body?: unknown, from = '127.0.0.1'): Promise<Answer> {
  const started = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: base.hostname, port: base.port, path, method, localAddress: from, agent: false, headers: payload ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let code: string | undefined;
          try {
            code = JSON.parse(text).error?.code;
          } catch {
            code = undefined;
          }
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], code, ms: performance.now() - started });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const signIn = (name: string, password: string, from?: string) => send('POST', '/api/auth/login', { name, password }, from);
const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;

describe('signing in under a burst', () => {
  it('checks at most 5 of 80 parallel guesses at one account and answers the rest 429 with Retry-After', async () => {
    const answers = await Promise.all(Array.from({ length: 80 }, (_, i) => signIn('ana', `wrong password number ${i}`)));
    const checked = count(answers, 401) + count(answers, 200);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(checks.count).toBe(checked);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(80 - checked);
    for (const answer of limited) {
      expect(answer.code).toBe('too_many_attempts');
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    const audit = await t.db.all<{ reason: string; n: number }>(
      `SELECT json_extract_string(detail, '$.reason') AS reason, count(*)::INTEGER AS n FROM audit_log WHERE action = 'auth.login' GROUP BY ALL`,
    );
    expect(Object.fromEntries(audit.map((r) => [r.reason, r.n]))).toEqual({ wrong_password: checked, rate_limited: 80 - checked });
    // The guesses used up the account's attempts: the right password is refused too, without a check.
    expect((await signIn('ana', PASSWORD, '127.0.0.2')).status).toBe(429);
    expect(checks.count).toBe(checked);
  });

  it('answers /api/health within 3 s (unbounded hashing took 20 s or more) while 240 sign-ins with different names from 48 addresses arrive at once', async () => {
    const from = (i: number) => `127.0.1.${(i % 48) + 1}`;
    const burst = Promise.all(Array.from({ length: 240 }, (_, i) => signIn(`guess${i}`, 'not anybody’s password', from(i))));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const health = await send('GET', '/api/health');
    const answers = await burst;
    expect(health.status).toBe(200);
    // A generous bound: these machines have 2 cores shared with other jobs; the failure it guards against is tens of seconds.
    expect(health.ms).toBeLessThan(3000);
    // Every sign-in was answered: checked (401), or turned away at once because too many were waiting (503).
    expect(count(answers, 401) + count(answers, 503)).toBe(240);
    expect(count(answers, 503)).toBeGreaterThan(0);
    for (const answer of answers.filter((a) => a.status === 503)) {
      expect(answer.code).toBe('busy');
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    // A refused sign-in guessed nothing: an address whose 5 tries were all turned away can still sign in.
    const untried = Array.from({ length: 48 }, (_, a) => from(a)).find((address) => answers.every((answer, i) => from(i) !== address || answer.status === 503));
    expect(untried).toBeDefined();
    expect((await signIn('ana', PASSWORD, untried)).status).toBe(200);
  });
});
