// The settings section of the admin page, on a server with accounts: an admin changes the
// completeness target and sees it on the completeness page and in the audit log; turning
// disclosure control off asks first; the form explains a bad value; axe finds nothing serious.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverWithAccounts, type ServerWithAccounts } from '../helpers/parity-server.ts';
import { closeBrowser, launchBrowser, screenshot, seriousAxeViolations, submitSignIn } from './helpers.ts';

describe('settings on the admin page', () => {
  let server: ServerWithAccounts | null = null;
  let context: BrowserContext | null = null;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serverWithAccounts([{ name: 'ada', role: 'admin', password: 'ada has a long password' }]);
    const browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/login');
    await submitSignIn(page, 'ada', 'ada has a long password');
    await page.waitForURL(/\/$/);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await closeBrowser();
  });

  it('changes the completeness target, which the completeness page and the audit log then show', async () => {
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    const target = page.getByLabel('Ethnicity completeness target');
    expect(await target.inputValue()).toBe('95');
    expect(await page.locator('form.setting').filter({ has: target }).innerText()).toContain('The built-in default');

    await target.fill('101');
    await target.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('a percentage from 0 to 100');
    expect(await target.getAttribute('aria-invalid')).toBe('true');

    await target.fill('88');
    await target.press('Enter');
    await page.getByRole('status').getByText('Saved: Ethnicity completeness target is now 88%.').waitFor();
    const form = page.locator('form.setting').filter({ has: target });
    expect(await form.innerText()).toContain('Changed on this page by ada');
    await form.getByRole('button', { name: 'Reset to 95%' }).waitFor();

    await page.getByLabel('Action').selectOption('setting');
    const audit = page.locator('.audit-table');
    await expect.poll(() => audit.innerText()).toContain('setting.change');
    expect(await audit.innerText()).toContain('"from":95,"to":88');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-settings');

    await page.goto('/completeness');
    await expect.poll(async () => (await page.locator('main').innerText()).replace(/\s+/g, ' ')).toContain('target 88%');
  });

  it('asks before turning disclosure control off, and a cancel changes nothing', async () => {
    await page.goto('/admin');
    const disclosure = page.getByLabel('Disclosure control');
    await disclosure.selectOption('none');
    await page.locator('form.setting').filter({ has: disclosure }).getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'Turn off disclosure control?' });
    await dialog.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-settings-disclosure-off');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const settings = (await (await page.request.get('/api/settings')).json()).settings as { key: string; value: string }[];
    expect(settings.find((s) => s.key === 'disclosure')?.value).toBe('nhs-secondary-use');
  });

  it('shows the deployment settings read-only, and no secret', async () => {
    const table = page.locator('.settings-table');
    const text = await table.innerText();
    expect(text).toContain('PARITY_DB');
    expect(text).toContain('PARITY_MEMORY_LIMIT');
    expect(text).toContain('PARITY_OIDC_CLIENT_SECRET');
    expect(await table.locator('tr', { hasText: 'PARITY_OIDC_CLIENT_SECRET' }).locator('td').first().innerText()).toMatch(/^(set|not set)$/);
    expect(errors).toEqual([]);
  });
});
