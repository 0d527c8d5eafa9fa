// The audit log: sign-ins and failures, sign-out, uploads, replacements, deletions, user changes
// and views of quarantined rows, each with who, when, from where and the outcome; the admin API
// filters and pages it, and its CSV export cannot smuggle a spreadsheet formula.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, type SignedIn, signIn } from '../../helpers/accounts.ts';
import { multipart, testApp } from '../../helpers/test-app.ts';

const HEADER = 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status';
let t: Awaited<ReturnType<typeof testApp>>;
let admin: SignedIn;
let analyst: SignedIn;

const audit = async (query = '') => (await t.app.inject({ url: `/api/audit${query}`, headers: { cookie: admin.cookie } })).json();
const upload = (s: SignedIn, content: string | Buffer, fields: Record<string, string> = {}) => {
  const body = multipart({ dataset: 'outpatients', ...fields }, { name: 'op.csv', content });
  return t.app.inject({ method: 'POST', url: '/api/extracts', payload: body.payload, headers: { ...body.headers, ...s.headers } });
};

beforeAll(async () => {
  t = await testApp();
  await addAccount(t.app, 'root', 'admin');
  await addAccount(t.app, 'ana', 'analyst');
  admin = await signIn(t.app, 'root');
  analyst = await signIn(t.app, 'ana');
});
afterAll(() => t.close());

describe('the audit log', () => {
  it('records sign-ins, failed sign-ins with the name tried and the address, and sign-out', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'ana', password: 'not the right one' }, remoteAddress: '10.1.2.3' });
    const temp = await signIn(t.app, 'ana');
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: temp.headers });
    const { entries } = await audit('?action=auth');
    expect(entries.slice(0, 3).map((e: { action: string; actor: string; outcome: string }) => [e.action, e.actor, e.outcome])).toEqual([
      ['auth.logout', 'ana', 'success'],
      ['auth.login', 'ana', 'success'],
      ['auth.login', 'ana', 'failure'],
    ]);
    expect(entries[2]).toMatchObject({ ip: '10.1.2.3', detail: { reason: 'wrong_password' }, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('records an upload, its replacement and its deletion under the account that did them', async () => {
    const first = (await upload(analyst, `${HEADER}\nA1,P1,2025-04-01,110,5\n`)).json();
    const second = (await upload(analyst, `${HEADER}\nA1,P1,2025-04-01,110,3\n`, { replace: first.extractId })).json();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/extracts/${second.extractId}`, headers: admin.headers })).statusCode).toBe(200);
    const { entries } = await audit('?action=extract');
    expect(entries.map((e: { action: string; actor: string; target: string }) => [e.action, e.actor, e.target])).toEqual([
      ['extract.delete', 'root', second.extractId],
      ['extract.replace', 'ana', second.extractId],
      ['extract.upload', 'ana', first.extractId],
    ]);
    expect(entries[1].detail).toMatchObject({ http: 201, status: 'loaded', replaced: first.extractId, rowsLoaded: 1 });
    const extract = (await t.app.inject({ url: `/api/extracts/${first.extractId}`, headers: { cookie: analyst.cookie } })).json();
    expect(extract.uploadedBy).toBe('ana');
  });

  it('records refused uploads and requests denied for lack of a role', async () => {
    await upload(analyst, 'a,b\n1,2\n');
    const viewerName = 'vic';
    await addAccount(t.app, viewerName, 'viewer');
    const viewer = await signIn(t.app, viewerName);
    expect((await upload(viewer, `${HEADER}\nA9,P9,2025-04-01,110,5\n`)).statusCode).toBe(403);
    const { entries } = await audit('?action=extract.upload');
    expect(entries[0]).toMatchObject({ actor: 'vic', outcome: 'denied' });
    expect(entries[1]).toMatchObject({ actor: 'ana', outcome: 'failure', detail: { http: 422, status: 'rejected', fileError: expect.stringContaining('Required columns') } });
  });

  it('records user changes without ever recording a password', async () => {
    await t.app.inject({ method: 'POST', url: '/api/users', payload: { name: 'newbie', role: 'viewer', password: 'a very long secret phrase' }, headers: admin.headers });
    await t.app.inject({ method: 'PATCH', url: '/api/users/newbie', payload: { role: 'analyst', password: 'another long secret phrase' }, headers: admin.headers });
    await t.app.inject({ method: 'DELETE', url: '/api/users/newbie', headers: admin.headers });
    const { entries } = await audit('?target=newbie');
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['user.remove', 'user.update', 'user.add']);
    expect(entries[1].detail).toEqual({ changed: ['role', 'password'], from: 'viewer', role: 'analyst' });
    const csv = (await t.app.inject({ url: '/api/audit.csv', headers: { cookie: admin.cookie } })).body;
    expect(csv).not.toContain('secret phrase');
  });

  it('filters by outcome and date, and pages with a total', async () => {
    const page = await audit('?limit=2&offset=1');
    expect(page.entries).toHaveLength(2);
    expect(page.total).toBeGreaterThan(5);
    expect(page.offset).toBe(1);
    const failures = await audit('?outcome=failure');
    expect(failures.entries.every((e: { outcome: string }) => e.outcome === 'failure')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await audit(`?from=${today}&to=${today}`)).total).toBe(page.total);
    expect((await audit('?to=2000-01-01')).total).toBe(0);
  });

  it('exports CSV with formula-looking cells neutralised', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: '=HYPERLINK("http://x")', password: 'whatever it is' } });
    const response = await t.app.inject({ url: '/api/audit.csv', headers: { cookie: admin.cookie } });
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="parity-audit_\d{4}-\d\d-\d\d\.csv"/);
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe('id,at,actor,ip,action,target,outcome,detail');
    const bad = lines.find((l) => l.includes('hyperlink'))!;
    expect(bad).toContain(`"'=hyperlink(""http://x"")"`);
    expect(bad.split(',').some((cell) => /^[=+@-]/.test(cell))).toBe(false);
  });
});

describe('publications', () => {
  it('records a publication and its withdrawal under the analyst who made them', async () => {
    await upload(analyst, readFileSync('sample-data/messy/outpatients-messy.csv'), {});
    const published = await t.app.inject({ method: 'POST', url: '/api/published', payload: { metric: 'op-dna-rate', by: 'sex', chart: 'breakdown' }, headers: analyst.headers });
    expect(published.statusCode).toBe(201);
    const { id } = published.json();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/published/${id}`, headers: analyst.headers })).statusCode).toBe(200);
    const { entries } = await audit('?action=publication');
    expect(entries.map((e: { action: string; actor: string; target: string; outcome: string }) => [e.action, e.actor, e.target, e.outcome])).toEqual([
      ['publication.withdraw', 'ana', id, 'success'],
      ['publication.create', 'ana', id, 'success'],
    ]);
  });
});

describe('quarantined rows', () => {
  it('show identifiers masked, on screen and in the CSV, and each view is recorded', async () => {
    const content = readFileSync('sample-data/messy/outpatients-messy.csv');
    const summary = (await upload(analyst, content)).json();
    const detail = (await t.app.inject({ url: `/api/extracts/${summary.extractId}`, headers: { cookie: analyst.cookie } })).json();
    const text = JSON.stringify(detail.quarantine);
    expect(text).not.toMatch(/PSD-\d{7}/);
    expect(text).not.toMatch(/OPX-\d{5}/);
    expect(text).toMatch(/PSD…\d\d/);
    const csv = (await t.app.inject({ url: `/api/extracts/${summary.extractId}/quarantine.csv`, headers: { cookie: analyst.cookie } })).body;
    expect(csv).not.toMatch(/PSD-\d{7}|OPX-\d{5}/);
    expect(csv.trim().split('\r\n')).toHaveLength(14);
    const { entries } = await audit('?action=quarantine');
    expect(entries.slice(0, 2).map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['quarantine.export', 'ana'],
      ['quarantine.view', 'ana'],
    ]);
  });
});
