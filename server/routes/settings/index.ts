// The settings page's API, for admins: every setting with its value and where it comes from;
// change or reset the few that can change while the server runs. Each change, reset and refused
// value is written to the audit log with the value before and after.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../audit/audit-trail.ts';
import { AppError } from '../../errors.ts';
import { SettingList, SettingView } from '../../../core/contracts/settings.ts';

const empty = z.object({}).strict();
const keyParams = z.object({ key: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a setting key such as disclosure') }).strict();
const change = z.object({ value: z.union([z.string().max(200), z.number()]) }).strict();
type KeyRequest = FastifyRequest<{ Params: z.infer<typeof keyParams> }>;

const settingsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const admin = { role: 'admin' as const };

  app.get('/settings', { config: admin, schema: { querystring: empty, response: { 200: SettingList } } }, async () => ({
    settings: app.settings.list(),
  }));

  app.put('/settings/:key', { config: admin, schema: { params: keyParams, body: change, response: { 200: SettingView } } }, async (request: FastifyRequest<{ Params: z.infer<typeof keyParams>; Body: z.infer<typeof change> }>) => {
    const { key } = request.params;
    const { value } = request.body;
    let checked;
    try {
      checked = app.settings.check(key, value);
    } catch (error) {
      // A refused value is on the record too: who tried what.
      if (error instanceof AppError) await recordAudit(request, { action: 'setting.change', target: key, detail: { tried: String(value).slice(0, 100), error: error.code }, outcome: 'failure' });
      throw error;
    }
    const { from, to, setting } = await app.settings.change(key, checked, request.principal?.name ?? 'anonymous');
    await recordAudit(request, { action: 'setting.change', target: key, detail: { from, to }, outcome: 'success' });
    return setting;
  });

  app.delete('/settings/:key', { config: admin, schema: { params: keyParams, querystring: empty, response: { 200: SettingView } } }, async (request: KeyRequest) => {
    const { key } = request.params;
    const { from, to, setting } = await app.settings.reset(key);
    await recordAudit(request, { action: 'setting.reset', target: key, detail: { from, to }, outcome: 'success' });
    return setting;
  });
};
export default settingsRoutes;
