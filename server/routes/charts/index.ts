// Live charts rendered on the server: GET /api/charts/:metricId.svg|png — the same specs the web
// app draws, framed with title, subtitle, footnotes and alt text for board papers.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { buildChartDocument } from '../../charts/document.ts';
import { drawPng, drawSvg } from '../../charts/draw.ts';
import { chartFileParams, chartQuery, sizeOf } from './schemas.ts';

const chartsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/charts/:file', { schema: { params: chartFileParams, querystring: chartQuery } }, async (request, reply) => {
    const { metric, format } = request.params.file;
    const q = request.query;
    const doc = await buildChartDocument(app.metrics, {
      metric,
      chart: q.chart,
      by: q.by,
      by2: q.by2 ?? null,
      from: q.from,
      to: q.to,
      specialty: q.specialty ?? null,
      site: q.site ?? null,
      level: Number(q.level),
      title: q.title ?? null,
    });
    const size = sizeOf(q);
    const name = `${doc.fileName}${size.scale > 1 ? `@${size.scale}x` : ''}.${format}`;
    reply.header('content-disposition', `inline; filename="${name}"`).header('cache-control', 'no-cache');
    if (format === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(await drawSvg(doc, size));
    return reply.type('image/png').send(await drawPng(doc, size));
  });
};
export default chartsRoutes;
