import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { auditFilters, auditQuery, auditRow, queryAudit } from '../../audit/audit-log.ts';
import { toCsv } from '../../csv.ts';

/** The most rows one CSV export carries; narrow the filters for more. */
const CSV_LIMIT = 100_000;

const auditRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/audit',
    { config: { role: 'admin' }, schema: { querystring: auditQuery, response: { 200: z.object({ entries: z.array(auditRow), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }) } } },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      return { ...(await queryAudit(app.db, filters, { limit, offset })), limit, offset };
    },
  );

  app.get('/audit.csv', { config: { role: 'admin', audit: 'audit.export' }, schema: { querystring: auditFilters } }, async (request, reply) => {
    const { entries } = await queryAudit(app.db, request.query, { limit: CSV_LIMIT, offset: 0 });
    const csv = toCsv(
      ['id', 'at', 'actor', 'ip', 'action', 'target', 'outcome', 'detail'],
      entries.map((e) => [e.id, e.at, e.actor, e.ip, e.action, e.target, e.outcome, JSON.stringify(e.detail)]),
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="parity-audit_${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(csv);
  });
};
export default auditRoutes;
