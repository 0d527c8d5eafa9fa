// The upload wizard with a trust's own layouts: a required column unmapped is never "no problems",
// the notice goes once it is mapped, specialty names are read, a report's title lines are skipped,
// and a date and a time held in two columns are offered as one date-time.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, open, serverUrl, visibleText, type TrackedPage } from './helpers.ts';

async function chooseFile(tracked: TrackedPage, dataset: string, path: string) {
  await tracked.page.getByLabel('Dataset', { exact: true }).selectOption(dataset);
  await tracked.page.getByLabel('CSV file').setInputFiles(path);
  await tracked.page.getByRole('heading', { name: /Check before upload/ }).waitFor();
}

async function upload(tracked: TrackedPage) {
  const response = tracked.page.waitForResponse((r) => r.url().endsWith('/api/extracts') && r.request().method() === 'POST', { timeout: 60_000 });
  await tracked.page.getByRole('button', { name: 'Upload', exact: true }).click();
  return (await (await response).json()) as { extractId: string; status: string; rowsLoaded: number; rowsQuarantined: number; columnMapping: Record<string, string> };
}

const file = (name: string, text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'parity-layouts-')), name);
  writeFileSync(path, text);
  return path;
};

describe('the upload wizard with a local layout', () => {
  afterAll(closeBrowser);

  it('is never green while a required column is unmapped, clears the notice once mapped, and reads specialty names', async () => {
    const path = file('op-names.csv', 'Ref,Pseudo,When,Spec,Outcome\nLAY-1,P-1,02/05/2025,Trauma & Orthopaedics,Attended\nLAY-2,P-2,2025-05-03,110 - Trauma & Orthopaedics,DNA\n');
    const tracked = await newPage();
    const { page } = tracked;
    await open(tracked, '/upload');
    await chooseFile(tracked, 'outpatients', path);
    let text = await visibleText(page);
    expect(text).not.toContain('No problems found');
    expect(text).toContain('The server would refuse this file: required columns appointment_id, patient_id, appointment_date, treatment_function_code, attendance_status have no header');

    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    expect(await visibleText(page)).toContain('in step 4 first');
    const own = { appointment_id: 'Ref', patient_id: 'Pseudo', appointment_date: 'When', treatment_function_code: 'Spec', attendance_status: 'Outcome' };
    for (const [column, header] of Object.entries(own)) await page.getByLabel(`Header in your file for ${column}`).selectOption(header);
    text = await visibleText(page);
    expect(text).not.toContain('in step 4 first');
    expect(text).not.toContain('The server would refuse this file');
    expect(text).toContain('No problems found in all 2 rows.');

    const summary = await upload(tracked);
    expect(summary).toMatchObject({ status: 'loaded', rowsLoaded: 2, rowsQuarantined: 0 });
    expect(tracked.consoleErrors).toEqual([]);
    await tracked.close();
    expect((await fetch(`${serverUrl()}/api/extracts/${summary.extractId}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('finds the header of a report export below its title lines, and says how many lines it skipped', async () => {
    const path = join(import.meta.dirname, '../fixtures/real-layouts/pas-report-preamble.csv');
    const tracked = await newPage();
    const { page } = tracked;
    await open(tracked, '/upload');
    await chooseFile(tracked, 'outpatients', path);
    expect(await page.getByTestId('preamble').innerText()).toContain('The header row is line 5: 4 lines of report title above it are skipped.');
    expect(await page.getByLabel('Header in your file for appointment_id').inputValue()).toBe('Appointment_Ref');

    const summary = await upload(tracked);
    expect(summary).toMatchObject({ status: 'loaded', rowsLoaded: 23, rowsQuarantined: 1 });
    expect(await page.getByTestId('skipped-lines').innerText()).toContain('4 lines of report title above the header row; 2 blank lines');
    expect(tracked.consoleErrors).toEqual([]);
    await tracked.close();
    expect((await fetch(`${serverUrl()}/api/extracts/${summary.extractId}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('offers to combine a date column and a time column into one date-time, and loads the combined times', async () => {
    const path = file('ae-own.csv', 'Ref,Pt,Seen Date,Seen Time\nLAY-AE-1,P-1,2025-05-01,09:15\nLAY-AE-2,P-2,2025-05-02,22:30\n');
    const tracked = await newPage();
    const { page } = tracked;
    await open(tracked, '/upload');
    await chooseFile(tracked, 'ae_attendances', path);
    await page.getByLabel('Header in your file for attendance_id').selectOption('Ref');
    await page.getByLabel('Header in your file for patient_id').selectOption('Pt');
    await page.getByLabel('Header in your file for arrival_datetime').selectOption('Seen Date');
    expect(await page.locator('.date-only').innerText()).toContain('"Seen Date" looks like a date only: read alone, every arrival_datetime would be at 00:00.');
    await page.getByRole('button', { name: 'Combine "Seen Date" and "Seen Time"' }).click();
    expect(await page.locator('#map-arrival_datetime-time').inputValue()).toBe('Seen Time');
    expect(await visibleText(page)).toContain('arrival_datetime is read from "Seen Date" (date) and "Seen Time" (time)');
    expect(await page.locator('.date-only').count()).toBe(0);

    const summary = await upload(tracked);
    expect(summary).toMatchObject({ status: 'loaded', rowsLoaded: 2, rowsQuarantined: 0, columnMapping: { arrival_datetime: 'Seen Date + Seen Time' } });
    expect(tracked.consoleErrors).toEqual([]);
    await tracked.close();
    expect((await fetch(`${serverUrl()}/api/extracts/${summary.extractId}`, { method: 'DELETE' })).status).toBe(200);
  });
});
