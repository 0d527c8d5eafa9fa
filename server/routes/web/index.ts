import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../../errors.ts';

const defaultDistDir = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Paths the web app never draws: the API, files (anything with an extension, such as a missing
 * /assets/ chunk — index.html in its place would fail as a script with a confusing error), the
 * server's own pages under /reports/ and /published/, and the fonts.
 */
export function isServerOnlyPath(path: string): boolean {
  return (
    path === '/api' || path.startsWith('/api/') ||
    path.startsWith('/assets/') ||
    /\/[^/]*\.[A-Za-z0-9]{1,8}$/.test(path) ||
    path === '/reports' || path.startsWith('/reports/') ||
    path.startsWith('/published/') ||
    path.startsWith('/fonts/')
  );
}

/** Serves the built web app; any other GET of a page path gets index.html so client routes load directly. */
const webRoutes: FastifyPluginAsync<{ distDir?: string }> = async (app, options) => {
  const distDir = options.distDir ?? defaultDistDir;
  if (!existsSync(distDir + 'index.html')) {
    app.get('/', async (_req, reply) =>
      reply.type('text/html').send('<!doctype html><title>Parity</title><p>The web app is not built yet. Run <code>npm run build:web</code> (or <code>npm start</code>).</p>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: distDir, prefix: '/', index: 'index.html', wildcard: false, maxAge: '1h' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new AppError('not_found', `No such endpoint: ${request.method} ${path}.`, 404);
    }
    if (path === '/api' || path.startsWith('/api/')) throw new AppError('not_found', `No such endpoint: ${request.method} ${path}.`, 404);
    if (isServerOnlyPath(path)) {
      // Not cached: the file may appear with the next build.
      throw new AppError('not_found', 'There is no such file or page. If a page of Parity asked for it, reload the page: Parity may have been updated.', 404);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
};
export default webRoutes;
