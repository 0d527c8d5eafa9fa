// POST /api/backup {path}: `parity backup FILE` asks the server that holds the database for an
// online copy. Only the local CLI (authenticated by the server's own secret) may ask: a path on the
// server is not something to take from a browser.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../audit/audit-trail.ts';
import { backupDatabase, backupTargetProblem } from '../../backup.ts';
import * as messages from '../../messages.ts';

const body = z.object({ path: z.string().min(1).max(4096) }).strict();
const summary = z.object({ path: z.string(), tables: z.number(), bytes: z.number() });

const backupRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post('/backup', { config: { role: 'admin' }, schema: { body, querystring: z.object({}).strict(), response: { 201: summary } } }, async (request, reply) => {
    if (request.principal?.via !== 'cli') {
      throw messages.backupCliOnly();
    }
    const { path } = request.body;
    const problem = backupTargetProblem(path);
    if (problem) throw messages.invalidBackupPath(problem);
    const result = await backupDatabase(app.db, path);
    await recordAudit(request, { action: 'database.backup', target: path, detail: { tables: result.tables, bytes: result.bytes }, outcome: 'success' });
    return reply.status(201).send(result);
  });
};
export default backupRoutes;
