import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { serverWithAccounts, type ServerWithAccounts } from '../helpers/parity-server.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, closeBrowser, launchBrowser, newPage, open, screenshot, seriousAxeViolations, serverUrl, visibleText, type TrackedPage } from './helpers.ts';

const MESSY = 'sample-data/messy/outpatients-messy.csv';
const HEADERS: Record<string, string> = {
  appointment_id: 'Appointment ID',
  patient_id: 'NHS Pseudo ID',
  appointment_date: 'Appt Date',
  treatment_function_code: 'TFC',
  attendance_status: 'Attendance Status',
  first_attendance: 'First or Follow Up',
  age: 'Age',
  sex: 'Sex',
  ethnic_category: 'Ethnicity',
  lsoa_code: 'LSOA',
  imd_decile: '',
  site_code: 'Site',
};

interface Summary { extractId: string; status: string; rowsRead: number; rowsLoaded: number; rowsQuarantined: number; fileError: string | null; errors: { row: number; column: string; message: string }[] }
interface ExtractRow { id: string; status: string; fileName: string }

async function chooseFile(tracked: TrackedPage, dataset: string, path: string) {
  const { page } = tracked;
  await page.getByLabel('Dataset', { exact: true }).selectOption(dataset);
  await page.getByLabel('CSV file').setInputFiles(path);
  await page.getByRole('heading', { name: /Check before upload/ }).waitFor();
}

async function uploadAndWait(tracked: TrackedPage, button: RegExp | string = 'Upload'): Promise<{ status: number; summary: Summary }> {
  const { page } = tracked;
  const response = page.waitForResponse((r) => r.url().endsWith('/api/extracts') && r.request().method() === 'POST', { timeout: 60_000 });
  await page.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
  const answer = await response;
  return { status: answer.status(), summary: (await answer.json()) as Summary };
}

const number = async (tracked: TrackedPage, testId: string) => Number((await tracked.page.getByTestId(testId).innerText()).replace(/,/g, ''));

describe('upload wizard and extracts', () => {
  afterAll(closeBrowser);

  it('previews, maps and checks the messy extract, loads it, shows its quarantine, downloads it and deletes it', async () => {
    const tracked = await newPage();
    const { page } = tracked;
    await open(tracked, '/upload');
    expect(await visibleText(page)).toContain('Choose the dataset');

    // The file input is reachable from the keyboard (the drop zone is not the only way in).
    await page.getByLabel('Dataset', { exact: true }).focus();
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'upload-file');
    }
    expect(reached).toBe(true);
    const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(focusRing).toBe('solid');

    await chooseFile(tracked, 'outpatients', MESSY);
    let text = await visibleText(page);
    expect(text).toContain('Required columns: appointment_id patient_id appointment_date treatment_function_code attendance_status');
    expect(text).toContain('Read as UTF-8 (with a byte-order mark), comma-separated, 11 columns.');

    // Preview: the first 20 rows, line numbers as the quarantine counts them, the bad date flagged.
    expect(await page.locator('.preview-table tbody tr').count()).toBe(20);
    const line12 = page.locator('.preview-table tbody tr').nth(10);
    expect(await line12.locator('th').innerText()).toMatch(/^12/);
    expect(await line12.locator('td.cell-quarantine').first().innerText()).toContain('31/02/2025');

    // Proposed mapping: every header matched by alias, ignoring case and punctuation.
    for (const [column, header] of Object.entries(HEADERS)) {
      expect(await page.getByLabel(`Header in your file for ${column}`).inputValue(), column).toBe(header);
    }
    expect(text).toContain('Every header of the file is used.');

    // Problems before upload: a small file is checked whole, and the page names the 13 rows the server will quarantine.
    const predicted = [12, 13, 14, 15, 22, 23, 24, 25, 26, 32, 34, 36, 44];
    expect(text).toContain(`In all 60 rows: 13 rows would be quarantined (lines ${predicted.join(', ')})`);
    const problems = await page.locator('.problems-table').innerText();
    expect(problems).toContain("'31/02/2025' is not a real date");
    expect(problems).toContain("'Rescheduled' is not one of the allowed codes");
    expect(problems).toContain("'130' is not a whole number in the allowed range");
    await screenshot(page, 'upload-preview');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Upload: the page shows the server's own numbers, and the invariant.
    const { status, summary } = await uploadAndWait(tracked);
    expect(status).toBe(201);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 60, rowsLoaded: 47, rowsQuarantined: 13 });
    await page.getByRole('heading', { name: `Loaded: ${summary.extractId}` }).waitFor();
    expect({ read: await number(tracked, 'rows-read'), loaded: await number(tracked, 'rows-loaded'), quarantined: await number(tracked, 'rows-quarantined') })
      .toEqual({ read: summary.rowsRead, loaded: summary.rowsLoaded, quarantined: summary.rowsQuarantined });
    text = await visibleText(page);
    expect(text).toContain('47 loaded, 13 quarantined of 60 rows read');
    expect(text).toContain('Every row is accounted for: 60 read = 47 loaded + 13 quarantined.');
    expect([...new Set(summary.errors.map((e) => e.row))]).toEqual(predicted);
    const firstError = await page.locator('#errors-caption').locator('xpath=..').locator('tbody tr').first().innerText();
    expect(firstError).toMatch(/^12\s+appointment_date\s+'31\/02\/2025' is not a real date/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-title');
    await screenshot(page, 'upload-result');

    // The same file again is a duplicate, explained.
    await page.getByRole('button', { name: 'Upload another file' }).click();
    await page.getByLabel('CSV file').setInputFiles(MESSY);
    await page.getByRole('heading', { name: /Check before upload/ }).waitFor();
    const again = await uploadAndWait(tracked);
    expect(again.status).toBe(200);
    expect(again.summary).toMatchObject({ status: 'duplicate', extractId: summary.extractId });
    await page.getByRole('heading', { name: 'Already loaded: nothing changed' }).waitFor();
    expect(await visibleText(page)).toContain(`This exact file was already loaded as ${summary.extractId} (outpatients-messy.csv, loaded`);

    // The extract, its quarantine with reasons, and the CSV download.
    await page.getByRole('link', { name: summary.extractId, exact: true }).click();
    await page.waitForURL(new RegExp(`/extracts\\?id=${summary.extractId}$`));
    await page.getByRole('heading', { name: new RegExp(`outpatients-messy.csv ${summary.extractId}`) }).waitFor();
    const quarantine = page.locator('.quarantine-table tbody tr');
    expect(await quarantine.count()).toBe(13);
    const reasons = await page.locator('.quarantine-table').innerText();
    expect(reasons).toContain("attendance_status: 'Rescheduled' is not one of the allowed codes");
    expect(reasons).toContain('appointment_id: duplicate of row 11 in this file');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the 13 quarantined rows (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${summary.extractId}_quarantine.csv`);
    const csv = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8'), { skipEmptyLines: true }).data;
    expect(csv[0].slice(0, 2)).toEqual(['row', 'reasons']);
    expect(csv.length - 1).toBe(13);
    expect(csv.slice(1).map((r) => Number(r[0]))).toEqual([12, 13, 14, 15, 22, 23, 24, 25, 26, 32, 34, 36, 44]);
    await screenshot(page, 'upload-extracts');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Delete, after a confirmation that names the extract and its rows. Escape backs out.
    await page.getByRole('button', { name: 'Delete this extract' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete extract ${summary.extractId}?` });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Delete this extract' }).click();
    await dialog.waitFor();
    const dialogText = await dialog.innerText();
    expect(dialogText).toContain('47 loaded rows');
    expect(dialogText).toContain('outpatients-messy.csv');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await screenshot(page, 'upload-delete-dialog');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Delete 47 rows' }).click();
    await page.getByText(`Deleted ${summary.extractId} (outpatients-messy.csv): 47 rows removed.`).waitFor();
    await page.waitForURL(/\/extracts$/);
    await page.locator('.extracts-table').getByText(summary.extractId).waitFor({ state: 'detached' });
    const after = await api<ExtractRow[]>('/api/extracts');
    expect(after.find((e) => e.id === summary.extractId)?.status).toBe('deleted');

    expect(tracked.consoleErrors).toEqual([]);
    expect(tracked.outsideRequests).toEqual([]);
    await tracked.close();
  });

  it("shows the server's refusal and what to fix when no row of a file can be loaded", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-upload-'));
    const path = join(dir, 'all-bad.csv');
    writeFileSync(path, 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status\nA1,P1,31/02/2025,110,5\nA2,P2,2025-13-01,110,5\n');
    const tracked = await newPage({ width: 768 });
    const { page } = tracked;
    await open(tracked, '/upload');
    await chooseFile(tracked, 'outpatients', path);
    expect(await visibleText(page)).toContain('In all 2 rows: 2 rows would be quarantined (lines 2, 3)');
    const { status, summary } = await uploadAndWait(tracked);
    expect(status).toBe(422);
    await page.getByRole('heading', { name: 'Not loaded: the file was refused' }).waitFor();
    const alert = await page.locator('.result [role="alert"]').innerText();
    expect(alert).toContain(summary.fileError!);
    expect(alert).toContain('Fix it in the export and upload the file again');
    await screenshot(page, 'upload-refused-768');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Chromium logs every 4xx answer; the 422 is the documented answer for a refused file.
    expect(tracked.consoleErrors.filter((m) => !/status of 422/.test(m))).toEqual([]);
    await tracked.close();
  });

  it('maps a file with its own headers by hand, saves the mapping, and reuses it on the next upload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-upload-'));
    const path = join(dir, 'own-layout.csv');
    writeFileSync(path, 'Ref;Pseudo;When;Spec;Outcome\nOWN-1;P-1;02/05/2025;110;Attended\nOWN-2;P-2;2025-05-03;330;DNA\n');
    const tracked = await newPage();
    const { page } = tracked;
    await open(tracked, '/upload');
    await chooseFile(tracked, 'outpatients', path);
    expect(await visibleText(page)).toContain('Read as UTF-8, semicolon-separated, 5 columns.');
    const missing = await page.locator('.missing-required').innerText();
    expect(missing).toContain('Required columns with no header: appointment_id, patient_id, appointment_date, treatment_function_code, attendance_status');

    // Uploading now would be refused: the page says so and sends nothing.
    let posted = 0;
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/extracts')) posted++; });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    expect(await visibleText(page)).toContain('Choose the header that holds appointment_id, patient_id, appointment_date, treatment_function_code, attendance_status in step 4 first');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('map-appointment_id');
    expect(posted).toBe(0);

    const own = { appointment_id: 'Ref', patient_id: 'Pseudo', appointment_date: 'When', treatment_function_code: 'Spec', attendance_status: 'Outcome' };
    for (const [column, header] of Object.entries(own)) await page.getByLabel(`Header in your file for ${column}`).selectOption(header);
    expect(await visibleText(page)).toContain('No problems found in all 2 rows.');
    await page.getByLabel('Save this mapping as…').fill('Own layout e2e');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('Saved as "Own layout e2e"').waitFor();
    const saved = await api<{ name: string; dataset: string; columns: Record<string, string> }[]>('/api/mappings');
    expect(saved.find((m) => m.name === 'Own layout e2e')).toMatchObject({ dataset: 'outpatients', columns: own });

    // A fresh visit: choosing the saved mapping fills in the headers.
    await open(tracked, '/upload');
    await chooseFile(tracked, 'outpatients', path);
    await page.getByLabel('Saved mapping').selectOption('Own layout e2e');
    for (const [column, header] of Object.entries(own)) expect(await page.getByLabel(`Header in your file for ${column}`).inputValue()).toBe(header);
    const { status, summary } = await uploadAndWait(tracked);
    expect(status).toBe(201);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 2, rowsQuarantined: 0 });
    expect(await visibleText(page)).toContain('2 loaded, 0 quarantined of 2 rows read');
    await screenshot(page, 'upload-own-mapping');
    expect(tracked.consoleErrors).toEqual([]);
    await tracked.close();
    expect((await fetch(`${serverUrl()}/api/extracts/${summary.extractId}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('reads a Windows-1252 file and loads every row with its £ and accents, then replaces it with a corrected file', async () => {
    const tracked = await newPage();
    const { page } = tracked;
    await open(tracked, '/upload');
    await chooseFile(tracked, 'outpatients', 'sample-data/messy/outpatients-messy-cp1252.csv');
    const text = await visibleText(page);
    expect(text).toContain('Read as Windows-1252, comma-separated');
    expect(await page.locator('.preview-table').innerText()).toMatch(/£/);
    expect(text).toContain('No problems found in all 8 rows.');
    const { status, summary } = await uploadAndWait(tracked);
    expect(status).toBe(201);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 8, rowsLoaded: 8, rowsQuarantined: 0 });
    await page.getByRole('heading', { name: `Loaded: ${summary.extractId}` }).waitFor();
    expect(await visibleText(page)).toContain('8 loaded, 0 quarantined of 8 rows read');

    // Replace it with a corrected file, starting from the extract's page.
    const dir = mkdtempSync(join(tmpdir(), 'parity-upload-'));
    const corrected = join(dir, 'corrected.csv');
    writeFileSync(corrected, 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status\nCOR-1,P-1,2025-06-02,110,5\nCOR-2,P-2,2025-06-03,120,3\n');
    await page.getByRole('link', { name: 'Open the extract' }).click();
    await page.getByRole('link', { name: 'Replace with a corrected file' }).click();
    await page.waitForURL(new RegExp(`/upload\\?dataset=outpatients&replace=${summary.extractId}$`));
    await page.getByLabel('CSV file').setInputFiles(corrected);
    await page.getByRole('heading', { name: /Check before upload/ }).waitFor();
    expect(await page.getByLabel('Replace an existing extract').inputValue()).toBe(summary.extractId);
    const replaced = await uploadAndWait(tracked, 'Upload and replace');
    expect(replaced.status).toBe(201);
    expect(replaced.summary).toMatchObject({ status: 'loaded', rowsLoaded: 2, replaced: summary.extractId });
    await page.getByRole('heading', { name: `Loaded: ${replaced.summary.extractId}` }).waitFor();
    expect(await visibleText(page)).toContain(`It replaces extract ${summary.extractId}, whose rows were removed in the same step.`);
    const list = await api<ExtractRow[]>('/api/extracts');
    expect(list.find((e) => e.id === summary.extractId)?.status).toBe('replaced');
    expect(tracked.consoleErrors).toEqual([]);
    await tracked.close();
    expect((await fetch(`${serverUrl()}/api/extracts/${replaced.summary.extractId}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('shows the upload moving on a progress bar, then the server at work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-upload-'));
    const path = join(dir, 'progress.csv');
    const lines = ['appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status'];
    for (let i = 0; i < 6000; i++) lines.push(`PRG-${String(i).padStart(6, '0')},P-${i},2025-05-${String((i % 28) + 1).padStart(2, '0')},110,5`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const tracked = await newPage();
    const { page } = tracked;
    await open(tracked, '/upload');
    await chooseFile(tracked, 'outpatients', path);

    // A slow link (64 KB/s for a 220 KB file), so the bar has time to move.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 64 * 1024 });
    const response = page.waitForResponse((r) => r.url().endsWith('/api/extracts') && r.request().method() === 'POST', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('progress#upload-progress-bar');
      return bar !== null && bar.value > 0 && bar.value < bar.max;
    }, undefined, { timeout: 30_000 });
    expect(await page.getByText(/^Sending progress\.csv: \d+% \(/).count()).toBe(1);
    await screenshot(page, 'upload-progress');
    const summary = (await (await response).json()) as Summary;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 6000, rowsLoaded: 6000, rowsQuarantined: 0 });
    await page.getByRole('heading', { name: `Loaded: ${summary.extractId}` }).waitFor();
    expect(await visibleText(page)).toContain('6,000 loaded, 0 quarantined of 6,000 rows read');
    expect(tracked.consoleErrors).toEqual([]);
    await tracked.close();
    expect((await fetch(`${serverUrl()}/api/extracts/${summary.extractId}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('takes a file dropped on the drop zone', async () => {
    const tracked = await newPage({ width: 768 });
    const { page } = tracked;
    await open(tracked, '/upload');
    await page.getByLabel('Dataset', { exact: true }).selectOption('outpatients');
    await page.evaluate(() => {
      const file = new File(['appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status\nDRP-1,P-1,2025-04-01,110,5\n'], 'dropped.csv', { type: 'text/csv' });
      const data = new DataTransfer();
      data.items.add(file);
      const zone = document.querySelector('.drop-zone')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByRole('heading', { name: /Check before upload/ }).waitFor();
    const text = await visibleText(page);
    expect(text).toContain('Chosen: dropped.csv');
    expect(text).toContain('No problems found in the only row.');
    expect(await page.getByLabel('CSV file').evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe('dropped.csv');
    expect(tracked.consoleErrors).toEqual([]);
    await tracked.close();
  });

  it('opens the wizard from Replace with the dataset and the extract to replace chosen', async () => {
    const tracked = await newPage({ width: 768 });
    const { page } = tracked;
    const target = (await api<(ExtractRow & { dataset: string })[]>('/api/extracts')).find((e) => e.dataset === 'maternity' && e.status === 'loaded')!;
    await open(tracked, '/extracts');
    await page.getByRole('link', { name: `Replace ${target.fileName} (${target.id})` }).click();
    await page.waitForURL(new RegExp(`/upload\\?dataset=maternity&replace=${target.id}$`));
    expect(await page.getByLabel('Dataset', { exact: true }).inputValue()).toBe('maternity');
    await page.getByLabel('Replace an existing extract').locator(`option[value="${target.id}"]`).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Replace an existing extract').inputValue()).toBe(target.id);
    expect(await visibleText(page)).toContain(`rows of ${target.fileName} are removed and the new file's rows loaded, in one step`);
    await screenshot(page, 'upload-replace-768');
    await open(tracked, '/extracts');
    await screenshot(page, 'upload-extracts-list-768');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(tracked.consoleErrors).toEqual([]);
    expect(tracked.outsideRequests).toEqual([]);
    await tracked.close();
  });
});

/** A second server, with accounts: an analyst signed in through a session cookie. */
describe('upload wizard on a server with accounts', () => {
  let server: ServerWithAccounts | null = null;
  let url = '';

  beforeAll(async () => {
    server = await serverWithAccounts([
      { name: 'e2e-admin', role: 'admin', password: 'correct horse battery staple' },
      { name: 'e2e-analyst', role: 'analyst', password: 'analyst horse battery staple' },
    ], { extract: 'sample-data/messy/outpatients-messy-cp1252.csv' });
    url = server.url;
  });

  afterAll(async () => {
    await server?.close();
    await closeBrowser();
  });

  it('sends the CSRF token with an upload and a saved mapping, and shows no Delete to an analyst', async () => {
    const browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const login = await page.request.post('/api/auth/login', { data: { name: 'e2e-analyst', password: 'analyst horse battery staple' } });
    expect(login.status()).toBe(200);

    const path = join(dirname(server!.db), 'analyst.csv');
    writeFileSync(path, 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status\nANA-1,P-1,2025-07-01,110,5\nANA-2,P-2,2025-07-02,130,3\n');
    await page.goto('/upload');
    await page.getByLabel('Dataset', { exact: true }).selectOption('outpatients');
    await page.getByLabel('CSV file').setInputFiles(path);
    await page.getByRole('heading', { name: /Check before upload/ }).waitFor();
    await page.getByLabel('Save this mapping as…').fill('Analyst layout');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('Saved as "Analyst layout"').waitFor();

    const response = page.waitForResponse((r) => r.url().endsWith('/api/extracts') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const answer = await response;
    expect(answer.request().headers()['x-csrf-token']).toMatch(/.{16,}/);
    expect(answer.status()).toBe(201);
    const summary = (await answer.json()) as Summary;
    await page.getByRole('heading', { name: `Loaded: ${summary.extractId}` }).waitFor();

    await page.getByRole('link', { name: 'Open the extract' }).click();
    await page.getByRole('heading', { name: new RegExp(`analyst.csv ${summary.extractId}`) }).waitFor();
    expect(await page.getByText('Deleting an extract needs the admin role.').count()).toBe(1);
    expect(await page.getByRole('button', { name: /Delete/ }).count()).toBe(0);
    expect(await page.locator('.extracts-table').innerText()).toContain(summary.extractId);
    expect(errors).toEqual([]);
    await context.close();
  });
});

