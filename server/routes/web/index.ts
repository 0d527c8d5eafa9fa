import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { PAGES } from '../../../core/pages.ts';
import { access } from '../../auth/policy.ts';
import { pageNotFound } from '../../messages.ts';

const defaultDistDir = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const NOT_BUILT = '<!doctype html><title>Parity</title><p>The web app is not built yet. Run <code>npm run build:web</code> (or <code>npm start</code>).</p>';

/** A browser navigating to the address (not a script, image or API client asking for a resource). */
const wantsPage = (request: FastifyRequest) =>
  (request.method === 'GET' || request.method === 'HEAD') && String(request.headers.accept ?? '').includes('text/html');

/**
 * The built web app: its files, public, each a route of its own registered by the static handler
 * at start; its pages (core/pages.ts), answered with index.html under each page's declared access;
 * and for any other path a 404 that is the same whoever asks and however the path is spelled — a
 * browser gets the app's "Page not found", anything else a JSON error.
 */
const webRoutes: FastifyPluginAsync<{ distDir?: string }> = async (app, options) => {
  const distDir = options.distDir ?? defaultDistDir;
  const built = existsSync(distDir + 'index.html');
  const indexHtml = async () => (built ? readFile(distDir + 'index.html', 'utf8') : NOT_BUILT);
  const sendApp = async (reply: FastifyReply, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await indexHtml());

  if (built) {
    await app.register(async (files) => {
      // Only the static handler's routes are in this context: every built file is public.
      files.addHook('onRoute', (route) => {
        route.config = { ...route.config, ...access.public };
      });
      await files.register(fastifyStatic, { root: distDir, prefix: '/', index: false, wildcard: false, maxAge: '1h' });
    });
  }

  for (const page of PAGES) {
    // A parameter is a plain name or code (`/indicators/op-dna-rate`), never a file name.
    const path = page.path.replace(/:(\w+)/g, ':$1(^[\\w-]+$)');
    app.get(path, { config: page.access === 'public' ? access.publicPage : access.viewerPage }, async (_request, reply) => sendApp(reply));
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (wantsPage(request)) return sendApp(reply, 404);
    throw pageNotFound();
  });
};
export default webRoutes;
