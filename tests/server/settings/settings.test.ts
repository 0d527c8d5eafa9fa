// The settings page's API: admins only; a change is felt by the very next answer (never a cached
// one computed under the old value); bad values are refused saying what is allowed; a reset
// returns to the environment or the default; every change, reset and refusal is audited; saved
// values survive a restart.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { Database } from '../../../db/database.ts';
import { findEditable } from '../../../server/settings/catalogue.ts';
import * as messages from '../../../server/messages.ts';
import { errorBody } from '../../helpers/error-body.ts';
import { addAccount, type SignedIn, signIn } from '../../helpers/accounts.ts';
import { tempDatabase } from '../../helpers/temp-db.ts';
import { multipart } from '../../helpers/test-app.ts';

const ENV = { PARITY_COMPLETENESS_TARGET: '90' };
let temp: Awaited<ReturnType<typeof tempDatabase>>;
let db: Database;
let app: FastifyInstance;
let admin: SignedIn;
let analyst: SignedIn;
let viewer: SignedIn;

const start = (database: Database) => buildApp({ db: database, config: loadConfig(ENV, { dbPath: temp.path }), env: ENV });

/** 30 appointments for men with 3 DNAs (a small count), 40 for women with 20. */
function outpatients(): string {
  const rows = ['appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status,sex,ethnic_category'];
  for (let i = 0; i < 70; i++) {
    const male = i < 30;
    const dna = male ? i < 3 : i < 50;
    rows.push(`A${i},P${i},2025-04-${String((i % 28) + 1).padStart(2, '0')},110,${dna ? 3 : 5},${male ? 1 : 2},${i % 10 === 0 ? 'Z' : 'A'}`);
  }
  return rows.join('\n') + '\n';
}

const put = (s: SignedIn, key: string, value: unknown) => app.inject({ method: 'PUT', url: `/api/settings/${key}`, payload: { value }, headers: s.headers });
const reset = (s: SignedIn, key: string) => app.inject({ method: 'DELETE', url: `/api/settings/${key}`, headers: s.headers });
const list = async () => (await app.inject({ url: '/api/settings', headers: { cookie: admin.cookie } })).json().settings as { key: string; value: unknown; source: { kind: string; by?: string }; editable: boolean; secret: boolean }[];
const setting = async (key: string) => (await list()).find((s) => s.key === key)!;
const audit = async (query: string) => (await app.inject({ url: `/api/audit?${query}`, headers: { cookie: admin.cookie } })).json().entries;
const men = async (s: SignedIn) => {
  const result = (await app.inject({ url: '/api/metrics/op-dna-rate/breakdown?by=sex', headers: { cookie: s.cookie } })).json();
  return { disclosure: result.disclosure, row: result.rows.find((r: { group: string }) => r.group === '1') };
};

beforeAll(async () => {
  temp = await tempDatabase();
  db = temp.db;
  app = await start(db);
  await addAccount(app, 'root', 'admin');
  await addAccount(app, 'ana', 'analyst');
  await addAccount(app, 'vic', 'viewer');
  admin = await signIn(app, 'root');
  analyst = await signIn(app, 'ana');
  viewer = await signIn(app, 'vic');
  const body = multipart({ dataset: 'outpatients' }, { name: 'op.csv', content: outpatients() });
  const upload = await app.inject({ method: 'POST', url: '/api/extracts', payload: body.payload, headers: { ...body.headers, ...admin.headers } });
  expect(upload.json()).toMatchObject({ status: 'loaded', rowsLoaded: 70 });
}, 60_000);
afterAll(async () => {
  await app.close();
  if (db !== temp.db) db.close();
  temp.cleanup();
});

describe('who may see and change settings', () => {
  it('refuses viewers and analysts, and records the refused change', async () => {
    for (const s of [viewer, analyst]) {
      expect((await app.inject({ url: '/api/settings', headers: { cookie: s.cookie } })).statusCode).toBe(403);
      expect((await put(s, 'disclosure', 'none')).statusCode).toBe(403);
      expect((await reset(s, 'disclosure')).statusCode).toBe(403);
    }
    expect((await men(admin)).row.suppressed).toBe(true);
    const [last] = await audit('action=setting.change&actor=ana');
    expect(last).toMatchObject({ target: 'disclosure', outcome: 'denied' });
  });

  it('refuses a change without the CSRF token', async () => {
    const response = await app.inject({ method: 'PUT', url: '/api/settings/disclosure', payload: { value: 'none' }, headers: { cookie: admin.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf');
  });
});

describe('the settings list', () => {
  it('gives every setting with its value, where it comes from, and no secret', async () => {
    const settings = await list();
    expect(await setting('disclosure')).toMatchObject({ value: 'nhs-secondary-use', source: { kind: 'default' }, editable: true });
    expect(await setting('completeness-target')).toMatchObject({ value: 90, source: { kind: 'environment' }, env: 'PARITY_COMPLETENESS_TARGET' });
    expect(await setting('port')).toMatchObject({ editable: false, env: 'PORT' });
    expect(await setting('oidc-client-secret')).toMatchObject({ secret: true, value: 'not set' });
    expect(await setting('oidc-issuer')).toMatchObject({ editable: false, env: 'PARITY_OIDC_ISSUER', value: null });
    expect(await setting('oidc-roles-claim')).toMatchObject({ value: 'roles', source: { kind: 'default' } });
    expect(settings.filter((s) => s.secret).every((s) => s.value === 'set' || s.value === 'not set')).toBe(true);
  });
});

describe('changing the disclosure profile', () => {
  it('applies to the very next answer, even one asked for just before the change', async () => {
    expect(await men(viewer)).toMatchObject({ disclosure: 'nhs-secondary-use', row: { suppressed: true, numerator: null } });
    const changed = await put(admin, 'disclosure', 'none');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ value: 'none', source: { kind: 'saved', by: 'root' } });
    expect(await men(viewer)).toMatchObject({ disclosure: 'none', row: { suppressed: false, numerator: 3, denominator: 30 } });
    await put(admin, 'disclosure', 'threshold-10');
    expect(await men(viewer)).toMatchObject({ disclosure: 'threshold-10', row: { suppressed: true } });
  });

  it('records each change with who, from where, and the values before and after', async () => {
    const [latest, earlier] = await audit('action=setting.change&target=disclosure&outcome=success');
    expect(latest).toMatchObject({ actor: 'root', ip: '127.0.0.1', detail: { from: 'none', to: 'threshold-10' } });
    expect(earlier.detail).toEqual({ from: 'nhs-secondary-use', to: 'none' });
  });

  it('returns to the default on reset, and records the reset', async () => {
    const response = await reset(admin, 'disclosure');
    expect(response.json()).toMatchObject({ value: 'nhs-secondary-use', source: { kind: 'default' } });
    expect((await men(viewer)).disclosure).toBe('nhs-secondary-use');
    const [entry] = await audit('action=setting.reset');
    expect(entry).toMatchObject({ actor: 'root', target: 'disclosure', outcome: 'success', detail: { from: 'threshold-10', to: 'nhs-secondary-use' } });
  });
});

describe('the completeness target', () => {
  const summary = async () => (await app.inject({ url: '/api/completeness/summary', headers: { cookie: viewer.cookie } })).json();
  const completeness = async () => (await app.inject({ url: '/api/completeness?dataset=outpatients&field=ethnicity', headers: { cookie: viewer.cookie } })).json();

  it('shows in the completeness summary and page at once', async () => {
    expect((await summary()).target).toBe(90);
    expect((await completeness()).target).toBe(90);
    expect((await put(admin, 'completeness-target', 97.5)).statusCode).toBe(200);
    expect((await summary()).target).toBe(97.5);
    expect((await completeness()).target).toBe(97.5);
  });

  it('returns to the environment value on reset', async () => {
    expect((await reset(admin, 'completeness-target')).json()).toMatchObject({ value: 90, source: { kind: 'environment' } });
    expect((await summary()).target).toBe(90);
  });
});

describe('refused values', () => {
  it('answers 400 saying what is allowed, and records the attempt', async () => {
    const cases: [string, unknown][] = [
      ['completeness-target', 101],
      ['completeness-target', 'ninety'],
      ['disclosure', 'off'],
      ['session-idle-minutes', 2.5],
      ['session-max-hours', 0],
    ];
    for (const [key, value] of cases) {
      const response = await put(admin, key, value);
      expect(response.statusCode, `${key}=${value}`).toBe(400);
      expect(response.json().error).toEqual(errorBody(messages.invalidSetting(findEditable(key)!)));
    }
    const [entry] = await audit('action=setting.change&outcome=failure');
    expect(entry).toMatchObject({ actor: 'root', target: 'session-max-hours', detail: { tried: '0', error: 'invalid_setting' } });
    expect((await setting('completeness-target')).value).toBe(90);
  });

  it('refuses settings that need a restart, and unknown ones', async () => {
    const port = await put(admin, 'port', 9000);
    expect(port.statusCode).toBe(400);
    expect(port.json().error.code).toBe('read_only_setting');
    expect((await put(admin, 'no-such-setting', 1)).statusCode).toBe(404);
    expect((await app.inject({ method: 'PUT', url: '/api/settings/disclosure', payload: { value: 'none', extra: 1 }, headers: admin.headers })).statusCode).toBe(400);
  });
});

describe('session limits', () => {
  it('give sessions signed in afterwards the new longest life', async () => {
    await put(admin, 'session-max-hours', 2);
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'vic', password: 'correct horse battery staple' } });
    expect(String(response.headers['set-cookie'])).toContain('Max-Age=7200');
    await reset(admin, 'session-max-hours');
  });
});

describe('after a restart', () => {
  it('keeps saved values, with who saved them', async () => {
    await put(admin, 'disclosure', 'none');
    await put(admin, 'completeness-target', 80);
    await app.close();
    db.close();
    db = await Database.open(temp.path);
    app = await start(db);
    admin = await signIn(app, 'root');
    viewer = await signIn(app, 'vic');
    expect(await setting('disclosure')).toMatchObject({ value: 'none', source: { kind: 'saved', by: 'root' } });
    expect((await men(viewer)).row).toMatchObject({ numerator: 3, suppressed: false });
    expect((await app.inject({ url: '/api/completeness/summary', headers: { cookie: viewer.cookie } })).json().target).toBe(80);
  });
});
