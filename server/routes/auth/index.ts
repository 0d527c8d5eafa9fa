import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../audit/audit-trail.ts';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setSessionCookie } from '../../auth/cookies.ts';
import { BUSY_RETRY_SECONDS } from '../../auth/hash-gate.ts';
import { decoyHash, MAX_PASSWORD_LENGTH, verifyPassword } from '../../auth/passwords.ts';
import { OIDC_LOGIN_PATH } from '../../auth/oidc-settings.ts';
import { roleSchema } from '../../auth/roles.ts';
import { getUser, recordLogin } from '../../auth/users.ts';
import { AppError } from '../../errors.ts';
import * as messages from '../../messages.ts';
import oidcRoutes from './oidc.ts';

const loginBody = z
  .object({
    name: z.string().trim().toLowerCase().min(1).max(64),
    password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  })
  .strict();
const empty = z.object({}).strict();
const signedIn = z.object({
  mode: z.literal('accounts'),
  user: z.object({ name: z.string(), role: roleSchema }),
  csrfToken: z.string(),
});
const me = z.union([z.object({ mode: z.literal('local') }), signedIn]);
const providers = z.object({
  mode: z.enum(['local', 'accounts', 'closed']),
  password: z.boolean(),
  /** Single sign-on through OpenID Connect: the button's text and where it leads (add `?next=/path`). */
  oidc: z.object({ label: z.string(), loginUrl: z.string() }).nullable(),
});

const authRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/auth/login',
    { config: { role: 'public' }, schema: { body: loginBody, response: { 200: signedIn } } },
    async (request, reply) => {
      const { name, password } = request.body;
      // The attempt takes its slot before the password is checked, so a burst cannot outrun the limit.
      const admission = app.auth.limiter.reserve([`ip:${request.ip}`, `user:${name}`]);
      if (!admission.allowed) {
        await recordAudit(request, { actor: name, action: 'auth.login', target: name, detail: { reason: 'rate_limited' }, outcome: 'denied' });
        reply.header('retry-after', String(admission.retryAfter));
        throw admission.inFlight ? messages.tooManyAtOnce() : messages.tooManySignIns(admission.retryAfter);
      }
      const { reservation } = admission;
      let user: Awaited<ReturnType<typeof getUser>>;
      try {
        user = await getUser(app.db, name);
        // An unknown name costs the same scrypt as a known one, so timing does not tell them apart.
        let ok: boolean;
        try {
          ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
        } catch (error) {
          // Too many hashes waiting server-wide: refused at once, and the password was not checked.
          if (error instanceof AppError && error.code === 'busy') {
            await recordAudit(request, { actor: name, action: 'auth.login', target: name, detail: { reason: 'busy' }, outcome: 'denied' });
            reply.header('retry-after', String(BUSY_RETRY_SECONDS));
          }
          throw error;
        }
        if (!user || !user.passwordHash || !ok) {
          reservation.fail();
          // A single sign-on account has no password; it gets the same answer as a wrong one.
          const reason = !user ? 'unknown_user' : user.source === 'oidc' ? 'sso_account' : 'wrong_password';
          await recordAudit(request, { actor: name, action: 'auth.login', target: name, detail: { reason }, outcome: 'failure' });
          throw messages.invalidCredentials();
        }
      } finally {
        // Right password, or never checked (busy, a database error): the slots are given back.
        reservation.release();
      }
      app.auth.limiter.reset(`user:${name}`);
      const old = readCookie(request, SESSION_COOKIE);
      if (old) await app.auth.sessions.destroy(old);
      const { token, session } = await app.auth.sessions.create(user, { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') });
      await recordLogin(app.db, user.name);
      request.principal = { name: user.name, role: user.role, via: 'session' };
      await recordAudit(request, { action: 'auth.login', target: user.name, detail: { role: user.role, method: 'password' }, outcome: 'success' });
      setSessionCookie(request, reply, token, app.auth.settings.sessionMaxMs);
      return { mode: 'accounts' as const, user: { name: user.name, role: user.role }, csrfToken: session.csrfToken };
    },
  );

  app.post('/auth/logout', { config: { role: 'viewer' }, schema: { body: empty.nullish(), querystring: empty } }, async (request, reply) => {
    const cookie = readCookie(request, SESSION_COOKIE);
    if (cookie) await app.auth.sessions.destroy(cookie);
    if (request.session) await recordAudit(request, { action: 'auth.logout', target: request.session.userName, outcome: 'success' });
    else request.audited = true;
    clearSessionCookie(request, reply);
    return reply.status(204).send();
  });

  app.get('/auth/me', { config: { role: 'public' }, schema: { querystring: empty, response: { 200: me } } }, async (request) => {
    if (app.auth.mode === 'local') return { mode: 'local' as const };
    if (!request.session || !request.principal) {
      throw messages.unauthenticated();
    }
    return { mode: 'accounts' as const, user: { name: request.principal.name, role: request.principal.role }, csrfToken: request.session.csrfToken };
  });

  app.get('/auth/providers', { config: { role: 'public' }, schema: { querystring: empty, response: { 200: providers } } }, async () => ({
    mode: app.auth.mode,
    password: true,
    oidc: app.auth.oidc ? { label: app.auth.oidc.settings.label, loginUrl: OIDC_LOGIN_PATH } : null,
  }));

  if (app.auth.oidc) await app.register(oidcRoutes(app.auth.oidc));
};
export default authRoutes;
