// The web app's files and its client-side routes: index.html for a page path, a 404 for anything
// the app never draws — a missing file (above all a missing /assets/ chunk after an update) and
// the server's own pages under /reports/ and /published/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { tempDatabase } from '../../helpers/temp-db.ts';

const INDEX = '<!doctype html><title>Parity</title><div id="root"></div>';

let temp: Awaited<ReturnType<typeof tempDatabase>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let dist: string;

beforeAll(async () => {
  temp = await tempDatabase();
  dist = mkdtempSync(join(tmpdir(), 'parity-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log("app")');
  app = await buildApp({ db: temp.db, config: loadConfig({}, { dbPath: temp.path }), webDist: dist + '/' });
});
afterAll(async () => {
  await app.close();
  temp.cleanup();
  rmSync(dist, { recursive: true, force: true });
});

describe('the web app', () => {
  it('serves index.html for the app\'s pages, including deep links and the published-charts list', async () => {
    for (const url of ['/', '/indicators', '/indicators/op-dna-rate?by=sex', '/published', '/specialties/110', '/login']) {
      const response = await app.inject(url);
      expect([url, response.statusCode], url).toEqual([url, 200]);
      expect(response.headers['content-type'], url).toContain('text/html');
      expect(response.body, url).toBe(INDEX);
    }
  });

  it('answers any other path 404: a browser gets the app (its "Page not found"), anything else JSON', async () => {
    for (const url of ['/no-such-page', '/indicators/op-dna-rate/extra', '/Indicators', '/indicators/', '//indicators']) {
      const page = await app.inject({ url, headers: { accept: 'text/html,application/xhtml+xml' } });
      expect([url, page.statusCode]).toEqual([url, 404]);
      expect(page.body, url).toBe(INDEX);
      const other = await app.inject(url);
      expect([url, other.statusCode]).toEqual([url, 404]);
      expect(other.json(), url).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('serves a built file', async () => {
    const response = await app.inject('/assets/app-abc123.js');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('console.log');
  });

  it('answers 404, not index.html, for a missing file under /assets/ or any path with a file extension', async () => {
    for (const url of ['/assets/IndicatorPage-old1234.js', '/assets/styles-gone.css', '/assets/nested/dir/chunk.js', '/favicon-missing.png', '/indicators/op-dna-rate.csv', '/robots.txt?x=1']) {
      const response = await app.inject(url);
      expect([url, response.statusCode]).toEqual([url, 404]);
      expect(response.body, url).not.toContain('<div id="root">');
      expect(response.json(), url).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('leaves /reports/ and /published/ to the server: an unknown path there is a 404, not the app', async () => {
    for (const url of ['/reports', '/reports/nope', '/reports/board/extra', '/published/0123456789ab/extra', '/fonts/nope/x']) {
      const response = await app.inject(url);
      expect([url, response.statusCode]).toEqual([url, 404]);
      expect(response.body, url).not.toContain('<div id="root">');
    }
    // An id that is not one is refused by the route itself.
    expect((await app.inject('/published/')).statusCode).toBe(400);
    expect(app.hasRoute({ method: 'GET', url: '/reports/board' })).toBe(true);
    expect(app.hasRoute({ method: 'GET', url: '/reports/annual' })).toBe(true);
    expect(app.hasRoute({ method: 'GET', url: '/published/:file' })).toBe(true);
  });
});
