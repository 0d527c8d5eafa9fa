// Signing in and out, role-aware navigation and the admin page, on a server with accounts; and
// none of it on the shared local-mode server.
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverWithAccounts, type ServerWithAccounts } from '../helpers/parity-server.ts';
import { closeBrowser, newPage, open, pageOn, screenshot, seriousAxeViolations, serverUrl, submitSignIn } from './helpers.ts';

describe('local mode (no accounts)', () => {
  it('shows no sign-in controls and no admin link', async () => {
    const tracked = await newPage();
    await open(tracked, '/');
    const header = await tracked.page.locator('header').innerText();
    expect(header).toContain('Upload');
    expect(header).not.toContain('Sign out');
    expect(header).not.toContain('Admin');
    expect(await (await fetch(`${serverUrl()}/api/auth/me`)).json()).toEqual({ mode: 'local' });
    await tracked.close();
  });
});

describe('a server with accounts', () => {
  let server: ServerWithAccounts | null = null;
  let url = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await serverWithAccounts([
      { name: 'ada', role: 'admin', password: 'ada has a long password' },
      { name: 'vic', role: 'viewer', password: 'vic has a long password' },
    ]);
    url = server.url;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.close();
    await closeBrowser();
  });

  const fresh = async () => {
    const { context, page, errors } = await pageOn(url);
    contexts.push(context);
    return { page, errors };
  };

  it('sends a signed-out visitor to sign in, announces a wrong password, and returns to the page asked for', async () => {
    const { page, errors } = await fresh();
    await page.goto('/indicators');
    await page.waitForURL(/\/login\?next=%2Findicators$/);
    await page.getByRole('heading', { name: 'Sign in to Parity' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await submitSignIn(page, 'vic', 'not the password at all');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('do not match an account');
    await screenshot(page, 'login-error');
    await submitSignIn(page, 'vic', 'vic has a long password');
    await page.waitForURL(/\/indicators$/);
    const header = page.locator('header');
    await header.getByText('Signed in as vic (viewer)').waitFor();
    const nav = await page.getByRole('navigation', { name: 'Main' }).innerText();
    expect(nav).toContain('Indicators');
    expect(nav).not.toContain('Upload');
    expect(nav).not.toContain('Extracts');
    expect(nav).not.toContain('Admin');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    expect((await page.request.get('/api/metrics')).status()).toBe(401);
    expect(errors).toEqual([]);
  });

  it('lets an admin add an account, change its role and read the audit log with a CSV download', async () => {
    const { page, errors } = await fresh();
    await page.goto('/login');
    await submitSignIn(page, 'ada', 'ada has a long password');
    await page.waitForURL(/\/$/);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    await page.getByLabel('User name').fill('newbie');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByLabel('Password').fill('newbie has a long password');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('status').getByText('Added newbie.').waitFor();
    await page.getByLabel('Role of newbie').selectOption('analyst');
    await page.getByRole('status').getByText('newbie is now analyst').waitFor();

    const audit = page.locator('.audit-table');
    await page.getByLabel('Action').selectOption('user');
    await expect.poll(() => audit.innerText()).toContain('user.update');
    expect(await audit.innerText()).toContain('user.add');
    await page.getByLabel('Action').selectOption('auth');
    await expect.poll(() => audit.innerText()).toContain('auth.login');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'admin');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,at,actor,ip,action,target,outcome,detail');
    expect(csv).toContain('auth.login');
    expect(errors).toEqual([]);
  });
});
