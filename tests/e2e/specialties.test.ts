import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownResult } from '../../core/contracts/results.ts';
import { core20VerdictLabels } from '../../core/text/compare.ts';
import { formatValue } from '../../core/text/format.ts';
import { api, closeBrowser, newPage, open, openDataTables, screenshot, seriousAxeViolations, visibleText, waitForCharts, type TrackedPage } from './helpers.ts';

interface Specialties {
  specialties: { code: string; name: string; activity: number }[];
}

describe('specialty pages', () => {
  let tracked: TrackedPage;
  let list: Specialties;

  beforeAll(async () => {
    list = await api<Specialties>('/api/specialties');
    tracked = await newPage();
  });
  afterAll(async () => {
    await tracked.close();
    await closeBrowser();
  });

  it('lists the specialties and filters them as you type', async () => {
    await open(tracked, '/specialties');
    await tracked.page.waitForSelector('table');
    expect(await tracked.page.locator('tbody tr').count()).toBe(list.specialties.length);
    const target = list.specialties.find((s) => s.name.length > 5)!;
    await tracked.page.getByLabel('Find a specialty').fill(target.name.slice(0, 5));
    await tracked.page.waitForURL(/q=/);
    const rows = await tracked.page.locator('tbody th').allInnerTexts();
    expect(rows.length).toBeLessThan(list.specialties.length);
    expect(rows).toContain(target.name);
    expect(await seriousAxeViolations(tracked.page)).toEqual([]);
    await screenshot(tracked.page, 'specialties-1280');
  });

  it('finds specialties by the abbreviations clinicians use: ENT, T&O, ObGyn and A&E', async () => {
    const names = (codes: string[]) => list.specialties.filter((s) => codes.includes(s.code)).map((s) => s.name);
    const search = async (q: string) => {
      await tracked.page.getByLabel('Find a specialty').fill(q);
      await tracked.page.waitForFunction((text) => new URL(location.href).searchParams.get('q') === text, q);
      return tracked.page.locator('tbody th').allInnerTexts();
    };
    await open(tracked, '/specialties');
    await tracked.page.waitForSelector('table');
    expect(await search('ENT')).toEqual(['Ear, Nose & Throat']);
    expect(await search('T&O')).toEqual(['Trauma & Orthopaedics']);
    expect(await search('t and o')).toEqual(['Trauma & Orthopaedics']);
    expect((await search('ObGyn')).sort()).toEqual(names(['501', '502', '503']).sort());
    expect(names(['501', '502']).length).toBe(2);
    // The sample trust records no treatment function 180 (A&E attendances carry none), so the
    // list is served here with one A&E row added: the search on the page is what is checked.
    await tracked.page.route('**/api/specialties', (route) => route.fulfill({ json: { specialties: [...list.specialties, { code: '180', name: 'Accident & Emergency', activity: 1 }] } }));
    await open(tracked, '/specialties');
    await tracked.page.waitForSelector('table');
    expect(await search('A&E')).toEqual(['Accident & Emergency']);
    await tracked.page.unroute('**/api/specialties');
    expect(tracked.consoleErrors).toEqual([]);
  });

  it('leads with the inequality inside the specialty — Core20 against the rest, then by ethnic group — before the comparison with the trust', async () => {
    const top = list.specialties[0];
    await open(tracked, `/specialties/${top.code}`);
    await waitForCharts(tracked.page, 2);
    const headings = await tracked.page.locator('main h1, main h2').allInnerTexts();
    expect(headings.map((h) => h.replace(/\s+/g, ' ').replace(/:.*/, ''))).toEqual([
      `${top.name} (${top.code})`,
      `Inequality inside ${top.name}`,
      'At a glance',
      `${top.name} among all specialties`,
    ]);
    // What a reader meets, in page order: Core20 against the rest, the breakdown by ethnic group,
    // then the specialty against the whole trust, then against the other specialties.
    const text = await visibleText(tracked.page);
    const verdicts = Object.values(core20VerdictLabels).map((l) => text.indexOf(`${l} in ${top.name}`)).filter((i) => i >= 0);
    expect(verdicts.length, 'the Core20 line').toBe(1);
    const marks = [
      verdicts[0],
      text.indexOf(`in ${top.name}, by ethnic group`),
      text.indexOf(`${top.name} against the whole trust`),
      text.indexOf(`${top.name} among all specialties`),
    ];
    expect(marks.every((i) => i >= 0), JSON.stringify(marks)).toBe(true);
    expect([...marks].sort((a, b) => a - b)).toEqual(marks);
    expect(await tracked.page.getByRole('radio', { name: 'Ethnic group' }).isChecked()).toBe(true);
  });

  it('shows one specialty by ethnicity and places it among the others', async () => {
    const top = list.specialties[0];
    await open(tracked, `/specialties/${top.code}?metric=op-dna-rate`);
    await waitForCharts(tracked.page, 2);
    const bySpecialty = await api<BreakdownResult>(`/api/metrics/op-dna-rate/breakdown?by=specialty`);
    const mine = bySpecialty.rows.find((r) => r.group === top.code)!;
    const text = await visibleText(tracked.page);
    expect(text).toContain(top.name);
    expect(text).toContain(formatValue(mine.value, bySpecialty.metric));
    // The dot plot draws every unsuppressed specialty.
    const dots = await tracked.page.locator('section:has(#among-heading) svg .mark-symbol.role-mark path').count();
    expect(dots).toBe(bySpecialty.rows.filter((r) => !r.suppressed && r.value !== null).length);
    const breakdown = await api<BreakdownResult>(`/api/metrics/op-dna-rate/breakdown?by=ethnic_group&specialty=${top.code}`);
    await openDataTables(tracked.page);
    const row = breakdown.rows.find((r) => !r.suppressed && r.value !== null)!;
    expect(await visibleText(tracked.page)).toContain(formatValue(row.value, breakdown.metric));
    expect(tracked.consoleErrors).toEqual([]);
    expect(tracked.outsideRequests).toEqual([]);
    expect(await seriousAxeViolations(tracked.page)).toEqual([]);
    await tracked.page.goto(`${tracked.page.url()}`, { waitUntil: 'networkidle' });
    await waitForCharts(tracked.page, 2);
    await screenshot(tracked.page, 'specialty-1280');
  });

  it('saves the dot plot from the server with its title and footnotes, and publishes it', async () => {
    const top = list.specialties[0];
    const serverCharts: string[] = [];
    const listener = (r: { url(): string }) => {
      if (r.url().includes('/api/charts/')) serverCharts.push(r.url());
    };
    tracked.page.on('request', listener);
    await open(tracked, `/specialties/${top.code}?metric=op-dna-rate`);
    await waitForCharts(tracked.page, 2);
    const among = tracked.page.locator('section:has(#among-heading) figure.chart');
    const [file] = await Promise.all([tracked.page.waitForEvent('download', { timeout: 30_000 }), among.getByRole('button', { name: 'Download SVG' }).click()]);
    const svg = readFileSync(await file.path()).toString('utf8');
    const bySpecialty = await api<BreakdownResult>('/api/metrics/op-dna-rate/breakdown?by=specialty');
    expect(svg).toMatch(new RegExp(`<title id="parity-chart-title">Outpatient did-not-attend rate: [^<]*\\(${top.code}\\) among ${bySpecialty.rows.length} specialties</title>`));
    expect(svg).toContain('Open Government Licence');
    expect(file.suggestedFilename()).toMatch(new RegExp(`^op-dna-rate_by-specialty_tf-${top.code}-highlighted_\\d{4}-\\d{2}_\\d{4}-\\d{2}\\.svg$`));
    const chartUrl = new URL(serverCharts[0]);
    expect([chartUrl.pathname, chartUrl.searchParams.get('chart'), chartUrl.searchParams.get('specialty')]).toEqual(['/api/charts/op-dna-rate.svg', 'specialty-comparison', top.code]);

    const posted = tracked.page.waitForResponse((r) => r.url().endsWith('/api/published') && r.request().method() === 'POST');
    await among.getByRole('button', { name: 'Publish' }).click();
    const answer = await posted;
    expect(answer.status()).toBe(201);
    expect(JSON.parse(answer.request().postData() ?? '{}')).toMatchObject({ metric: 'op-dna-rate', chart: 'specialty-comparison', specialty: top.code });
    const link = among.getByLabel('Permanent link');
    await link.waitFor();
    const id = (await link.inputValue()).split('/').pop();
    await open(tracked, '/published');
    const row = tracked.page.locator('tbody tr').filter({ hasText: `Chart ${id}` });
    await row.waitFor();
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('Specialties compared, one highlighted');
    tracked.page.off('request', listener);
    expect(tracked.consoleErrors).toEqual([]);
  });
});
