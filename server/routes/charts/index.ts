// Live charts rendered on the server: GET /api/charts/:metricId.svg|png (chart=specialty-comparison
// with specialty= draws the specialty page's dot plot), and the completeness
// page's charts at GET /api/charts/completeness.svg|png — the same specs the web app draws,
// framed with title, subtitle, footnotes and alt text for board papers.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { buildDocument, requestFromBody, type ChartDocument } from '../../charts/documents/index.ts';
import { drawPng, drawSvg } from '../../charts/draw.ts';
import { chartFileParams, chartQuery, completenessChartQuery, sizeOf } from './schemas.ts';
import { access } from '../../auth/policy.ts';

async function sendChart(reply: FastifyReply, doc: ChartDocument, format: 'svg' | 'png', size: ReturnType<typeof sizeOf>) {
  const name = `${doc.fileName}${size.scale > 1 ? `@${size.scale}x` : ''}.${format}`;
  reply.header('content-disposition', `inline; filename="${name}"`).header('cache-control', 'no-cache');
  if (format === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(await drawSvg(doc, size));
  return reply.type('image/png').send(await drawPng(doc, size));
}

const chartsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/charts/:file', { config: access.viewer, schema: { params: chartFileParams, querystring: chartQuery } }, async (request, reply) => {
    const { metric, format } = request.params.file;
    const q = request.query;
    const doc = await buildDocument(app.metrics, requestFromBody({ ...q, metric, level: Number(q.level) }));
    return sendChart(reply, doc, format, sizeOf(q));
  });

  // Static paths, so they take precedence over /charts/:file ("completeness" is no metric id).
  for (const format of ['svg', 'png'] as const) {
    app.get(`/charts/completeness.${format}`, { config: access.viewer, schema: { querystring: completenessChartQuery } }, async (request, reply) => {
      const q = request.query;
      const doc = await buildDocument(app.metrics, requestFromBody(q));
      return sendChart(reply, doc, format, sizeOf(q));
    });
  }
};
export default chartsRoutes;
