import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from '@fastify/type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from '../db/database.ts';
import { errorHandler } from './error-handler.ts';
import { installAuditTrail } from './audit/audit-trail.ts';
import { AuthService } from './auth/auth-service.ts';
import { installAccessControl } from './auth/guard.ts';
import { loadSecuritySettings, type SecuritySettings } from './auth/settings.ts';
import { installSecurityHeaders } from './security/headers.ts';
import { ensureScratchDir, scratchDirFor } from './scratch-dir.ts';
import { IngestService } from './services/ingest-service.ts';
import { MetricsService } from './services/metrics-service.ts';
import { LiveSettings, withLiveSessionLimits, withLiveSettings } from './settings/live-settings.ts';
import datasetsRoutes from './routes/datasets/index.ts';
import extractsRoutes from './routes/extracts/index.ts';
import benchmarksRoutes from './routes/benchmarks/index.ts';
import completenessRoutes from './routes/completeness/index.ts';
import healthRoutes from './routes/health/index.ts';
import metricsRoutes from './routes/metrics/index.ts';
import chartsRoutes from './routes/charts/index.ts';
import publishedRoutes from './routes/published/index.ts';
import reportsRoutes from './routes/reports/index.ts';
import webRoutes from './routes/web/index.ts';
import authRoutes from './routes/auth/index.ts';
import usersRoutes from './routes/users/index.ts';
import auditRoutes from './routes/audit/index.ts';
import settingsRoutes from './routes/settings/index.ts';
import backupRoutes from './routes/backup/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    ingest: IngestService;
    metrics: MetricsService;
    auth: AuthService;
    settings: LiveSettings;
  }
}

export interface AppOptions {
  db: Database;
  config: Config;
  logger?: FastifyServerOptions['logger'];
  /** Off only to measure the engine itself (bench/query.ts). */
  cacheResults?: boolean;
  /** Access-control settings (default: from an empty environment). */
  security?: SecuritySettings;
  /** The secret a local `parity` command sends to act on this server (see server-info.ts). */
  cliToken?: string | null;
  /** The built web app (default web/dist). */
  webDist?: string;
  /** The environment `config` was read from, to say where each setting comes from (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

/** Builds the application. It never listens: `server.ts` does that, tests use `inject`. */
export async function buildApp({ db, config, logger = false, cacheResults = true, security = loadSecuritySettings({}), cliToken = null, webDist, env = process.env }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: 1024 * 1024, trustProxy: security.trustProxy }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('db', db);
  // A value saved on the settings page overrides the environment; services read it live.
  const settings = await LiveSettings.load(db, { config, security }, { env, warn: (message) => app.log.warn(message) });
  app.decorate('settings', settings);
  app.decorate('config', withLiveSettings(config, settings));
  const scratchDir = scratchDirFor(config.dbPath);
  await ensureScratchDir(scratchDir);
  app.decorate('ingest', new IngestService(db, config, scratchDir));
  app.decorate('metrics', new MetricsService(db, app.config, cacheResults));
  const auth = new AuthService(db, withLiveSessionLimits(security, settings), config.host, cliToken);
  await auth.refresh();
  await auth.restoreSignInFailures();
  await auth.sessions.purgeExpired();
  app.decorate('auth', auth);
  installSecurityHeaders(app, { frameAncestors: security.frameAncestors });
  installAccessControl(app, auth);
  installAuditTrail(app);

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api' });
  await app.register(usersRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(settingsRoutes, { prefix: '/api' });
  await app.register(backupRoutes, { prefix: '/api' });
  await app.register(datasetsRoutes, { prefix: '/api' });
  await app.register(extractsRoutes, { prefix: '/api' });
  await app.register(metricsRoutes, { prefix: '/api' });
  await app.register(completenessRoutes, { prefix: '/api' });
  await app.register(benchmarksRoutes, { prefix: '/api' });
  await app.register(chartsRoutes, { prefix: '/api' });
  await app.register(publishedRoutes);
  await app.register(reportsRoutes);
  await app.register(webRoutes, { distDir: webDist });
  return app;
}
