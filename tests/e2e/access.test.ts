// Signing in and out, role-aware navigation and the admin page, on a server with accounts; and
// none of it on the shared local-mode server.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, open, screenshot, seriousAxeViolations, serverUrl } from './helpers.ts';

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
  const dir = mkdtempSync(join(tmpdir(), 'parity-access-'));
  const db = join(dir, 'parity.duckdb');
  let server: ChildProcess | null = null;
  let url = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const cli = (args: string[], input?: string) => {
      const run = spawnSync(process.execPath, ['bin/parity.js', ...args, '--db', db], { input, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`parity ${args.join(' ')} failed: ${run.stderr}`);
    };
    // One small extract, so the first start does not load the whole sample trust.
    cli(['ingest', 'sample-data/messy/outpatients-messy.csv', '--dataset', 'outpatients']);
    cli(['user', 'add', 'ada', '--role', 'admin', '--password-stdin'], 'ada has a long password\n');
    cli(['user', 'add', 'vic', '--role', 'viewer', '--password-stdin'], 'vic has a long password\n');
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['bin/parity.js', 'serve', '--port', String(port), '--db', db], { stdio: 'ignore', env: { ...process.env, HOST: '127.0.0.1' } });
    for (let i = 0; i < 240; i++) {
      if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the server with accounts did not start');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
    await closeBrowser();
  });

  const fresh = async () => {
    const browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  };

  const signIn = async (page: Awaited<ReturnType<typeof fresh>>['page'], name: string, password: string) => {
    await page.getByLabel('User name').fill(name);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('sends a signed-out visitor to sign in, announces a wrong password, and returns to the page asked for', async () => {
    const { page, errors } = await fresh();
    await page.goto('/indicators');
    await page.waitForURL(/\/login\?next=%2Findicators$/);
    await page.getByRole('heading', { name: 'Sign in to Parity' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await signIn(page, 'vic', 'not the password at all');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('do not match an account');
    await screenshot(page, 'login-error');
    await signIn(page, 'vic', 'vic has a long password');
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
    await signIn(page, 'ada', 'ada has a long password');
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
