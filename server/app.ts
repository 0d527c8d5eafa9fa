import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from '@fastify/type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { errorHandler } from './error-handler.ts';
import { IngestService } from './services/ingest-service.ts';
import datasetsRoutes from './routes/datasets/index.ts';
import extractsRoutes from './routes/extracts/index.ts';
import healthRoutes from './routes/health/index.ts';
import webRoutes from './routes/web/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    ingest: IngestService;
  }
}

export interface AppOptions {
  db: Database;
  config: Config;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the application. It never listens: `server.ts` does that, tests use `inject`. */
export async function buildApp({ db, config, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('ingest', new IngestService(db, config));

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(datasetsRoutes, { prefix: '/api' });
  await app.register(extractsRoutes, { prefix: '/api' });
  await app.register(webRoutes);
  return app;
}
