import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { COMPLETENESS_FIELDS } from '../../../metrics/catalogue/completeness.ts';
import { completenessDatasets } from '../../../metrics/engine/completeness.ts';
import { isoDate } from '../metrics/query-schemas.ts';

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
  })
  .strict();

const completenessRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/completeness', { schema: { querystring: completenessQuery } }, async (request) =>
    app.metrics.completeness({ ...request.query, by: request.query.by ?? null }),
  );
  const empty = z.object({}).strict();
  app.get('/completeness/summary', { schema: { querystring: empty } }, async () => app.metrics.completenessSummary());
  app.get('/specialties', { schema: { querystring: empty } }, async () => app.metrics.specialties());
};
export default completenessRoutes;
