// Account administration for admins (the web admin page, and `parity user …` when a server holds
// the database). Every change is audited; a changed or removed account is signed out everywhere.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../audit/audit-trail.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem } from '../../auth/passwords.ts';
import { roleSchema, userNameSchema } from '../../auth/roles.ts';
import { addUser, countAdmins, getUser, listUsers, removeUser, setPasswordHash, setRole } from '../../auth/users.ts';
import * as messages from '../../messages.ts';

const empty = z.object({}).strict();
const nameParams = z.object({ name: userNameSchema }).strict();
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
/** A password account, or (`sso: true`, no password) one that signs in through single sign-on only. */
const newUser = z
  .object({ name: userNameSchema, role: roleSchema, password: password.optional(), sso: z.literal(true).optional() })
  .strict()
  .refine((b) => (b.password === undefined) === (b.sso === true), 'give a password, or sso: true for a single sign-on account');
const change = z
  .object({ role: roleSchema.optional(), password: password.optional() })
  .strict()
  .refine((b) => b.role !== undefined || b.password !== undefined, 'give a role or a password');
const userView = z.object({ name: z.string(), role: roleSchema, source: z.string(), createdAt: z.string(), lastLoginAt: z.string().nullable() });

function checkPassword(value: string) {
  const problem = passwordProblem(value);
  if (problem) throw messages.weakPassword(problem);
}

const usersRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const admin = { role: 'admin' as const };

  app.get('/users', { config: admin, schema: { querystring: empty, response: { 200: z.object({ users: z.array(userView) }) } } }, async () => ({
    users: await listUsers(app.db),
  }));

  app.post('/users', { config: admin, schema: { body: newUser, response: { 201: userView } } }, async (request, reply) => {
    const { name, role, password: newPassword } = request.body;
    if (newPassword !== undefined) checkPassword(newPassword);
    if (await getUser(app.db, name)) throw messages.userExists(name);
    if (newPassword === undefined) await addUser(app.db, { name, role, passwordHash: null, source: 'oidc' });
    else await addUser(app.db, { name, role, passwordHash: await hashPassword(newPassword) });
    await app.auth.refresh();
    await recordAudit(request, { action: 'user.add', target: name, detail: { role, ...(newPassword === undefined ? { source: 'oidc' } : {}) }, outcome: 'success' });
    return reply.status(201).send((await getUser(app.db, name))!);
  });

  app.patch('/users/:name', { config: admin, schema: { params: nameParams, body: change, response: { 200: userView } } }, async (request: FastifyRequest<{ Params: z.infer<typeof nameParams>; Body: z.infer<typeof change> }>) => {
    const { name } = request.params;
    const user = await getUser(app.db, name);
    if (!user) throw messages.userNotFound(name);
    const { role, password: newPassword } = request.body;
    if (newPassword !== undefined) checkPassword(newPassword);
    if (newPassword !== undefined && user.source === 'oidc') {
      throw messages.ssoAccountHasNoPassword(name);
    }
    if (role && role !== 'admin' && user.role === 'admin' && (await countAdmins(app.db)) <= 1) throw messages.lastAdmin();
    if (role) await setRole(app.db, name, role);
    if (newPassword !== undefined) await setPasswordHash(app.db, name, await hashPassword(newPassword));
    await app.auth.sessions.destroyForUser(name);
    const changed = [...(role ? ['role'] : []), ...(newPassword !== undefined ? ['password'] : [])];
    await recordAudit(request, { action: 'user.update', target: name, detail: { changed, ...(role ? { from: user.role, role } : {}) }, outcome: 'success' });
    return (await getUser(app.db, name))!;
  });

  app.delete('/sessions', { config: admin, schema: { querystring: z.object({ user: userNameSchema.optional() }).strict() } }, async (request) => {
    const { user } = request.query;
    if (user) await app.auth.sessions.destroyForUser(user);
    else await app.auth.sessions.destroyAll();
    await recordAudit(request, { action: 'sessions.end', target: user ?? '*', outcome: 'success' });
    return { ended: user ?? 'all' };
  });

  app.delete('/users/:name', { config: admin, schema: { params: nameParams, querystring: empty } }, async (request: FastifyRequest<{ Params: z.infer<typeof nameParams> }>) => {
    const { name } = request.params;
    const user = await getUser(app.db, name);
    if (!user) throw messages.userNotFound(name);
    if (user.role === 'admin' && (await countAdmins(app.db)) <= 1) throw messages.lastAdmin();
    await removeUser(app.db, name);
    app.auth.sessions.forget(name);
    await app.auth.refresh();
    await recordAudit(request, { action: 'user.remove', target: name, detail: { role: user.role }, outcome: 'success' });
    return { name, removed: true };
  });
};
export default usersRoutes;
