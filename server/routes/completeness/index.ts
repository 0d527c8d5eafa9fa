import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { COMPLETENESS_FIELDS } from '../../../metrics/catalogue/completeness.ts';
import { completenessDatasets } from '../../../metrics/engine/completeness.ts';
import { isoDate } from '../../schemas/calendar-date.ts';
import { disclosureOverride, labelUnsuppressed, recordUnsuppressed, viewField } from '../metrics/unsuppressed-view.ts';
import { access } from '../../auth/policy.ts';
import { CompletenessResult, CompletenessSummary, SpecialtyList } from '../../../core/contracts/results.ts';

const datasetIds = completenessDatasets().map((d) => d.id) as [string, ...string[]];
const fields = Object.keys(COMPLETENESS_FIELDS) as [keyof typeof COMPLETENESS_FIELDS, ...(keyof typeof COMPLETENESS_FIELDS)[]];
const completenessQuery = z
  .object({
    dataset: z.enum(datasetIds, { message: `one of ${datasetIds.join(', ')}` }).default('outpatients'),
    field: z.enum(fields, { message: `one of ${fields.join(', ')}` }).default('ethnicity'),
    grain: z.enum(['month', 'quarter']).default('month'),
    by: z.enum(['specialty', 'site']).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...viewField,
  })
  .strict();

const completenessRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/completeness', { config: access.viewer, schema: { querystring: completenessQuery, response: { 200: CompletenessResult } } }, async (request) => {
    const { view, ...q } = request.query;
    const asked = { ...q, by: q.by ?? null };
    const audit = { action: 'completeness.unsuppressed', target: `${asked.dataset}:${asked.field}`, detail: asked };
    const override = await disclosureOverride(request, view, audit);
    const result = await app.metrics.completeness(asked, override);
    if (!override.disclosure) return result;
    await recordUnsuppressed(request, audit);
    return labelUnsuppressed(result);
  });
  const empty = z.object({}).strict();
  app.get('/completeness/summary', { config: access.viewer, schema: { querystring: empty, response: { 200: CompletenessSummary } } }, async () => app.metrics.completenessSummary());
  app.get('/specialties', { config: access.viewer, schema: { querystring: empty, response: { 200: SpecialtyList } } }, async () => app.metrics.specialties());
};
export default completenessRoutes;
