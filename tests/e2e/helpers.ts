// Shared helpers for the browser tests: the server's URL, one headless Chromium per test file,
// pages that record console errors and any request to another origin, an axe-core scan, and
// screenshots in test-results/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const screenshotDir = `${root}test-results/screenshots`;

/** Where the test server listens, e.g. http://127.0.0.1:41234. */
export function serverUrl(): string {
  return inject('serverUrl');
}

/** GET a JSON document from the test server's API. */
export async function api<T = unknown>(path: string): Promise<T> {
  const response = await fetch(`${serverUrl()}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

let browser: Browser | null = null;

export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

export interface TrackedPage {
  page: Page;
  /** console.error messages and uncaught exceptions. */
  consoleErrors: string[];
  /** Every request to an origin other than the test server (aborted). */
  outsideRequests: string[];
  close: () => Promise<void>;
}

export async function newPage(options: { width?: number; height?: number } = {}): Promise<TrackedPage> {
  const b = await launchBrowser();
  const context = await b.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const outsideRequests: string[] = [];
  const own = new URL(serverUrl());
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`Uncaught: ${error.message}`));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || (['127.0.0.1', 'localhost'].includes(url.hostname) && url.port === own.port);
    if (local) return route.continue();
    outsideRequests.push(url.href);
    return route.abort();
  });
  return { page, consoleErrors, outsideRequests, close: () => context.close() };
}

/** A fresh browser context on another server (one with accounts), with a page that records uncaught errors. */
export async function pageOn(baseURL: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await (await launchBrowser()).newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Fills in and submits the password sign-in form on the page shown. */
export async function submitSignIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByLabel('User name', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Opens a path of the app and waits until the network is quiet. */
export async function open(tracked: TrackedPage, path: string): Promise<void> {
  await tracked.page.goto(`${serverUrl()}${path}`, { waitUntil: 'networkidle' });
}

/** Waits until `count` charts are drawn as SVG with marks in them. */
export async function waitForCharts(page: Page, count = 1): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.chart-canvas[data-state="drawn"] svg .mark-symbol.role-mark path, .chart-canvas[data-state="drawn"] svg .mark-rect.role-mark path, .chart-canvas[data-state="drawn"] svg .mark-rule line').length > 0
      && document.querySelectorAll('.chart-canvas[data-state="drawn"]').length >= n,
    count,
    { timeout: 60_000 },
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core (WCAG 2.1 A and AA rules) and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script>: the Content-Security-Policy refuses inline scripts.
  await page.evaluate(readFileSync(`${root}node_modules/axe-core/axe.min.js`, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = `${screenshotDir}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Opens the "Show data table" disclosures so their tables are visible. */
export async function openDataTables(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details.chart-table')) (d as HTMLDetailsElement).open = true;
  });
}

/** The page's visible text, whitespace collapsed (for "does the user see this figure?"). */
export async function visibleText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}
