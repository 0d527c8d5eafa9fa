// Single sign-on in a real browser: a Parity server configured for OpenID Connect against a test
// provider (oidc-provider, in this process, on 127.0.0.1). The browser opens Parity as
// http://localhost:PORT and meets the provider at http://127.0.0.1:PORT — two different sites, as
// Parity and Entra ID are, so the provider's redirect back is a cross-site navigation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.ts';
import { freePort, parityCli, type ParityServer, startParityServer } from '../helpers/parity-server.ts';
import { closeBrowser, launchBrowser, screenshot, seriousAxeViolations } from './helpers.ts';

const LABEL = 'Sign in with NHS.net (test provider)';

describe('single sign-on through OpenID Connect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-sso-'));
  let provider: TestProvider | null = null;
  let server: ParityServer | null = null;
  let url = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const port = await freePort();
    url = `http://localhost:${port}`;
    const redirectUri = `${url}/api/auth/oidc/callback`;
    provider = await startTestProvider({
      redirectUris: [redirectUri],
      people: {
        ada: { preferred_username: 'ada@trust.nhs.uk', name: 'Ada', roles: ['Parity.Analyst'] },
        nora: { preferred_username: 'nora@trust.nhs.uk', name: 'Nora' },
      },
    });
    const db = join(dir, 'parity.duckdb');
    // One small extract, so the first start does not load the whole sample trust; no account at all.
    parityCli(db, ['ingest', 'sample-data/messy/outpatients-messy.csv', '--dataset', 'outpatients']);
    server = await startParityServer(db, provider.env(redirectUri), port);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.stop();
    await provider?.close();
    rmSync(dir, { recursive: true, force: true });
    await closeBrowser();
  });

  const fresh = async () => {
    const browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const visited: string[] = [];
    // Every page request of the tab, redirects included.
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) visited.push(request.url());
    });
    return { page, errors, visited };
  };

  /** The provider's development login form: any login name, any password. */
  const signInAtProvider = async (page: Page, login: string) => {
    await page.waitForURL((u) => u.origin === provider!.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
  };

  it('signs in from the button on the sign-in page and lands on the dashboard, signed in', async () => {
    const { page, errors, visited } = await fresh();
    await page.goto(`${url}/`);
    await page.waitForURL(/\/login\?next=%2F$/);
    const button = page.getByRole('link', { name: LABEL });
    await button.waitFor();
    expect(await page.getByRole('form', { name: 'Sign in with a Parity account' }).isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'login-sso');

    // From the keyboard: focus the button and press Enter.
    await button.focus();
    await page.keyboard.press('Enter');
    await signInAtProvider(page, 'ada');

    await page.waitForURL(`${url}/`);
    await page.getByRole('heading', { name: 'Core20PLUS5 overview' }).waitFor();
    await page.locator('header').getByText('Signed in as ada@trust.nhs.uk (analyst)').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).innerText()).toContain('Upload');
    // The session cookie went with the first request after the provider: no detour by the sign-in page.
    const back = visited.findIndex((u) => u.startsWith(`${url}/api/auth/oidc/callback`));
    expect(back).toBeGreaterThan(0);
    expect(visited.slice(back + 1)).toEqual([`${url}/`]);
    expect((await page.request.get(`${url}/api/auth/me`)).status()).toBe(200);
    expect(errors).toEqual([]);
  });

  it('tells a person whose account has no Parity role to ask an administrator', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${url}/indicators`);
    await page.getByRole('link', { name: LABEL }).click();
    await signInAtProvider(page, 'nora');
    await page.waitForURL(`${url}/login?error=no_role`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toBe('Your account has not been given access to Parity — ask an administrator.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-error');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'login-sso-no-role');
    expect((await page.request.get(`${url}/api/auth/me`)).status()).toBe(401);
    expect(errors).toEqual([]);
  });
});
