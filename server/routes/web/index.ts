import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../../errors.ts';

const defaultDistDir = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Serves the built web app; any other non-API path gets index.html so client routes load directly. */
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
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      throw new AppError('not_found', `No such endpoint: ${request.method} ${request.url.split('?')[0]}.`, 404);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
};
export default webRoutes;
