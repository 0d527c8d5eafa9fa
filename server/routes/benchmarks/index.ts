// The indicators of the loaded benchmark files and what each feeds: an indicator Parity does not
// link to is listed with no links — kept, never dropped (docs/benchmarks.md).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { BenchmarkIndicator } from '../../../core/contracts/benchmarks.ts';
import { access } from '../../auth/policy.ts';

const benchmarksRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const answer = z.object({ indicators: z.array(BenchmarkIndicator), unlinked: z.array(z.string()) });
  app.get('/benchmarks', { config: access.viewer, schema: { querystring: z.object({}).strict(), response: { 200: answer } } }, async () => {
    const indicators = await app.metrics.benchmarkIndicators();
    return { indicators, unlinked: indicators.filter((i) => !i.linkedTo.length).map((i) => i.indicatorId) };
  });
};

export default benchmarksRoutes;
