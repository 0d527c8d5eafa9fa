// A published chart is public (board papers embed it): it names its publisher only by the name
// typed when publishing, never by the account that signed in. The signed-in list keeps the account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, type SignedIn, signIn } from '../../helpers/accounts.ts';
import { sampleApp } from '../../helpers/sample-app.ts';

const ACCOUNT = 'jo.bloggs';
let t: Awaited<ReturnType<typeof sampleApp>>;
let analyst: SignedIn;
beforeAll(async () => {
  t = await sampleApp(1500);
  await addAccount(t.app, ACCOUNT, 'analyst');
  analyst = await signIn(t.app, ACCOUNT);
});
afterAll(async () => {
  await t?.close();
});

const publish = async (body: Record<string, unknown>) => {
  const response = await t.app.inject({ method: 'POST', url: '/api/published', headers: analyst.headers, payload: { metric: 'op-dna-rate', by: 'sex', ...body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; url: string };
};
/** Every public answer for a publication, fetched without a session. */
const publicAnswers = async (url: string) => {
  const answers: Record<string, string> = {};
  for (const file of ['', '.json', '.csv', '.svg']) answers[file.slice(1) || 'html'] = (await t.app.inject(`${url}${file}`)).body;
  return answers;
};

describe('a published chart with no publisher name given', () => {
  it('does not name the account in its page, JSON, CSV or SVG', async () => {
    const { url } = await publish({});
    const answers = await publicAnswers(url);
    for (const [file, body] of Object.entries(answers)) expect(body, file).not.toContain(ACCOUNT);
    const record = JSON.parse(answers.json);
    expect(record.publishedBy).toBeNull();
    expect(record.document.footnotes.at(-1)).toMatch(/^Published on .* as Parity chart [0-9a-f]{12}: these figures are frozen/);
    expect(answers.svg).toMatch(/Published on .* as Parity chart [0-9a-f]{12}/);
    expect((await t.app.inject(`${url}.png`)).statusCode).toBe(200);
  });

  it('does not name the account that published or withdrew it once withdrawn', async () => {
    const { id, url } = await publish({});
    expect((await t.app.inject({ method: 'DELETE', url: `/api/published/${id}`, headers: analyst.headers })).statusCode).toBe(200);
    const answers = await publicAnswers(url);
    expect(answers.html).toContain('This chart has been withdrawn.');
    for (const [file, body] of Object.entries(answers)) expect(body, file).not.toContain(ACCOUNT);
    expect(JSON.parse(answers.json).error.message).toMatch(/^Published chart [0-9a-f]{12} was withdrawn on .*; it is no longer published\.$/);
  });

  it('is listed with its account for those signed in', async () => {
    const { id } = await publish({});
    expect((await t.app.inject('/api/published')).statusCode).toBe(401);
    const list = (await t.app.inject({ url: '/api/published', headers: { cookie: analyst.cookie } })).json().published;
    expect(list.find((p: { id: string }) => p.id === id)).toMatchObject({ id, publishedBy: ACCOUNT });
  });
});

describe('a published chart with a publisher name', () => {
  it('shows the name given, and nothing of the account', async () => {
    const { url } = await publish({ publishedBy: 'Head of Business Intelligence' });
    const answers = await publicAnswers(url);
    expect(JSON.parse(answers.json).publishedBy).toBe('Head of Business Intelligence');
    expect(answers.svg).toContain('Published by Head of Business Intelligence on');
    expect(answers.html).toContain('Published by Head of Business Intelligence on');
    for (const [file, body] of Object.entries(answers)) expect(body, file).not.toContain(ACCOUNT);
  });

  it('takes the account name out of a record that carries it as its publisher, as charts published before this fix do', async () => {
    const { id, url } = await publish({ publishedBy: ACCOUNT });
    const stored = (await t.db.all<{ record: string }>('SELECT record FROM published_charts WHERE id = ?', [id]))[0].record;
    expect(stored).toContain(`Published by ${ACCOUNT} on`);
    const answers = await publicAnswers(url);
    for (const [file, body] of Object.entries(answers)) expect(body, file).not.toContain(ACCOUNT);
    expect(JSON.parse(answers.json).document.footnotes.at(-1)).toMatch(/^Published on /);
    expect((await t.app.inject(`${url}.json`)).body).toBe(answers.json);
  });
});
