import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { CATALOGUE } from '../../../metrics/catalogue/index.ts';
import { publicMetric } from '../../../metrics/engine/public-metric.ts';
import { ARROW_STREAM, rowsToArrow } from './arrow.ts';
import { breakdownQuery, breakdownsQuery, metricParams, periodQuery, seriesQuery } from './query-schemas.ts';
import { disclosureOverride, labelUnsuppressed, recordUnsuppressed, viewMessages } from './unsuppressed-view.ts';
import { access } from '../../auth/policy.ts';
import { BreakdownResult, BreakdownResults, Metric, MetricList, OverviewResult, SeriesResult } from '../../../core/contracts/results.ts';

const metricsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const metrics = () => app.metrics;

  const view = (m: Parameters<typeof publicMetric>[0]) => ({ ...publicMetric(m), breakdowns: metrics().allowedBreakdowns(m) });
  const noQuery = { querystring: z.object({}).strict() };
  app.get('/metrics', { config: access.viewer, schema: { ...noQuery, response: { 200: MetricList } } }, async () => ({ metrics: CATALOGUE.map(view), plusGroups: app.config.plusGroups.map(({ id, label }) => ({ id, label })) }));

  app.get('/metrics/:id', { config: access.viewer, schema: { params: metricParams, ...noQuery, response: { 200: Metric } } }, async (request) => view(metrics().metric(request.params.id)));

  /** The period, filters and confidence level every metrics request takes, as the engine takes them. */
  const filtersOf = (q: { from?: string; to?: string; specialty?: string; site?: string; plus?: string; level: string }) => ({
    from: q.from,
    to: q.to,
    specialty: q.specialty ?? null,
    site: q.site ?? null,
    plus: q.plus ?? null,
    level: Number(q.level),
  });

  /** The audit entry of an unsuppressed request: the metric, and the breakdown and filters asked for. */
  const unsuppressedAudit = (id: string, endpoint: string, detail: object) => ({ action: 'metrics.unsuppressed', target: id, detail: { endpoint, ...detail } });

  app.get('/metrics/:id/breakdown', { config: access.viewer, schema: { params: metricParams, querystring: breakdownQuery, response: { 200: BreakdownResult } } }, async (request, reply) => {
    const q = request.query;
    const arrow = request.headers.accept?.includes(ARROW_STREAM) ?? false;
    if (q.view && arrow) throw viewMessages.arrow();
    const asked = { by: q.by, by2: q.by2 ?? null, ...filtersOf(q) };
    const audit = unsuppressedAudit(request.params.id, 'breakdown', asked);
    const override = await disclosureOverride(request, q.view, audit);
    const result = await metrics().breakdown(request.params.id, asked, override);
    // A Buffer is sent as it is: the JSON response schema does not apply to the Arrow stream.
    if (arrow) return (reply as FastifyReply).type(ARROW_STREAM).send(Buffer.from(rowsToArrow(result.rows)));
    if (!override.disclosure) return result;
    await recordUnsuppressed(request, audit);
    return labelUnsuppressed(result);
  });

  app.get('/metrics/:id/breakdowns', { config: access.viewer, schema: { params: metricParams, querystring: breakdownsQuery, response: { 200: BreakdownResults } } }, async (request) => {
    const { by, view, ...q } = request.query;
    const asked = filtersOf(q);
    const audit = unsuppressedAudit(request.params.id, 'breakdowns', { by, ...asked });
    const override = await disclosureOverride(request, view, audit);
    const answer = await metrics().breakdowns(request.params.id, asked, by, override);
    if (!override.disclosure) return answer;
    await recordUnsuppressed(request, audit);
    return labelUnsuppressed({ results: answer.results.map(labelUnsuppressed) });
  });

  app.get('/metrics/:id/series', { config: access.viewer, schema: { params: metricParams, querystring: seriesQuery, response: { 200: SeriesResult } } }, async (request) => {
    const q = request.query;
    const metric = metrics().metric(request.params.id);
    const asked = { by: q.by, grain: q.grain ?? metric.grain, ...filtersOf(q) };
    const audit = unsuppressedAudit(metric.id, 'series', asked);
    const override = await disclosureOverride(request, q.view, audit);
    const result = await metrics().series(metric.id, asked, override);
    if (!override.disclosure) return result;
    await recordUnsuppressed(request, audit);
    return labelUnsuppressed(result);
  });

  app.get('/overview', { config: access.viewer, schema: { querystring: periodQuery, response: { 200: OverviewResult } } }, async (request) => metrics().overview(request.query));
};
export default metricsRoutes;
