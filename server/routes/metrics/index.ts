import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { CATALOGUE } from '../../../metrics/catalogue/index.ts';
import { publicMetric } from '../../../metrics/engine/public-metric.ts';
import { ARROW_STREAM, rowsToArrow } from './arrow.ts';
import { breakdownQuery, breakdownsQuery, metricParams, periodQuery, seriesQuery } from './query-schemas.ts';

const metricsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const metrics = () => app.metrics;

  const view = (m: Parameters<typeof publicMetric>[0]) => ({ ...publicMetric(m), breakdowns: metrics().allowedBreakdowns(m) });
  const noQuery = { querystring: z.object({}).strict() };
  app.get('/metrics', { schema: noQuery }, async () => ({ metrics: CATALOGUE.map(view), plusGroups: app.config.plusGroups.map(({ id, label }) => ({ id, label })) }));

  app.get('/metrics/:id', { schema: { params: metricParams, ...noQuery } }, async (request) => view(metrics().metric(request.params.id)));

  app.get('/metrics/:id/breakdown', { schema: { params: metricParams, querystring: breakdownQuery } }, async (request, reply) => {
    const q = request.query;
    const result = await metrics().breakdown(request.params.id, {
      by: q.by,
      by2: q.by2 ?? null,
      from: q.from,
      to: q.to,
      specialty: q.specialty ?? null,
      site: q.site ?? null,
      plus: q.plus ?? null,
      level: Number(q.level),
    });
    if (request.headers.accept?.includes(ARROW_STREAM)) return reply.type(ARROW_STREAM).send(Buffer.from(rowsToArrow(result.rows)));
    return result;
  });

  app.get('/metrics/:id/breakdowns', { schema: { params: metricParams, querystring: breakdownsQuery } }, async (request) => {
    const { by, ...q } = request.query;
    return metrics().breakdowns(
      request.params.id,
      { from: q.from, to: q.to, specialty: q.specialty ?? null, site: q.site ?? null, plus: q.plus ?? null, level: Number(q.level) },
      by,
    );
  });

  app.get('/metrics/:id/series', { schema: { params: metricParams, querystring: seriesQuery } }, async (request) => {
    const q = request.query;
    const metric = metrics().metric(request.params.id);
    return metrics().series(metric.id, {
      by: q.by,
      grain: q.grain ?? metric.grain,
      from: q.from,
      to: q.to,
      specialty: q.specialty ?? null,
      site: q.site ?? null,
      plus: q.plus ?? null,
      level: Number(q.level),
    });
  });

  app.get('/overview', { schema: { querystring: periodQuery } }, async (request) => metrics().overview(request.query));
};
export default metricsRoutes;
