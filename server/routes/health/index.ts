import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { VERSION } from '../../version.ts';

const healthRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health',
    { config: { role: 'public' }, schema: { querystring: z.object({}).strict(), response: { 200: z.object({ status: z.literal('ok'), version: z.string(), extracts: z.number().int() }) } } },
    async () => {
      const [row] = await app.db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM extracts WHERE status = 'loaded'`);
      return { status: 'ok' as const, version: VERSION, extracts: row.n };
    },
  );
};
export default healthRoutes;
