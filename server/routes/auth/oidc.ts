// Single sign-on through OpenID Connect: `GET /api/auth/oidc/login?next=/path` sends the browser to
// the identity provider; `GET /api/auth/oidc/callback` is where the provider sends it back. A good
// callback makes a session exactly as a password sign-in does; any failure is audited and sends the
// browser to the sign-in page with `?error=CODE` (web/src/auth/sso-errors.ts says what each means).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../audit/audit-trail.ts';
import { clearOidcStateCookie, OIDC_STATE_COOKIE, readCookie, SESSION_COOKIE, setOidcStateCookie, setSessionCookie } from '../../auth/cookies.ts';
import { oidcAccount, type OidcRefusal } from '../../auth/oidc-account.ts';
import { type OidcSignIn, OidcUnavailable } from '../../auth/oidc-client.ts';
import { PENDING_TTL_MS } from '../../auth/oidc-pending.ts';
import { recordLogin } from '../../auth/users.ts';
import * as messages from '../../messages.ts';
import { NEXT_MESSAGE, sameSitePath } from '../../../core/same-site-path.ts';

/** A path on this site, by the sign-in page's own rule (web/src/lib/same-site-path.ts). */
const nextPath = z.string().refine((next) => sameSitePath(next) !== null, NEXT_MESSAGE);

const loginQuery = z.object({ next: nextPath.default('/') }).strict();

/** What a provider may send back (RFC 6749 §4.1.2, RFC 9207's iss, Entra ID's session_state). */
const callbackQuery = z
  .object({
    code: z.string().max(4096).optional(),
    state: z.string().max(256).optional(),
    iss: z.string().max(2048).optional(),
    session_state: z.string().max(256).optional(),
    error: z.string().max(256).optional(),
    error_description: z.string().max(2048).optional(),
    error_uri: z.string().max(2048).optional(),
  })
  .strict();

/** Why a single sign-on failed (in the audit log) → the code the sign-in page explains. */
type Failure = 'bad_state' | 'idp_error' | 'idp_unreachable' | 'token_rejected' | OidcRefusal;
const PAGE_ERROR: Record<Failure, string> = {
  bad_state: 'state',
  idp_error: 'idp',
  idp_unreachable: 'unavailable',
  token_rejected: 'idp',
  no_name: 'name',
  no_role: 'no_role',
  local_account: 'local_account',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a good callback. The provider's redirect to the callback is a cross-site
 * navigation, and so would be a plain redirect onward from it: the browser would withhold the new
 * SameSite=Strict session cookie and the user would land on the sign-in page. A page of this site
 * that moves on by itself (a meta refresh, as the CSP allows no script here) makes the next
 * request same-site, so the cookie goes with it.
 */
function continuePage(next: string): string {
  const href = escapeHtml(next);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Signed in to Parity</title></head>
<body><p>You are signed in. <a href="${href}">Continue to Parity</a>.</p></body></html>
`;
}

const wantsHtml = (request: FastifyRequest) => String(request.headers.accept ?? '').includes('text/html');

function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error).slice(0, 300) };
  const code = (error as { code?: unknown; error?: unknown }).error ?? (error as { code?: unknown }).code;
  return { error: typeof code === 'string' ? code : error.name, message: error.message.slice(0, 300) };
}

const oidcRoutes = (oidc: OidcSignIn): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    // Read the provider's metadata at start, so a misconfigured issuer shows in the log at once
    // rather than at the first sign-in. Not awaited: Parity starts whether or not the provider answers.
    app.addHook('onReady', async () => {
      void oidc.configuration().catch((error: Error) => app.log.warn(`Single sign-on is unavailable until the provider answers: ${error.message}`));
    });

    app.get('/auth/oidc/login', { config: { role: 'public' }, schema: { querystring: loginQuery } }, async (request, reply) => {
      let started: Awaited<ReturnType<OidcSignIn['start']>>;
      try {
        started = await oidc.start(request.query.next);
      } catch (error) {
        if (!(error instanceof OidcUnavailable)) throw error;
        request.log.warn(error.message);
        // A browser that followed the sign-in button gets the sign-in page with the reason, not JSON.
        if (wantsHtml(request)) return reply.header('cache-control', 'no-store').redirect('/login?error=unavailable', 303);
        throw messages.ssoUnavailable();
      }
      setOidcStateCookie(request, reply, started.state, PENDING_TTL_MS);
      return reply.header('cache-control', 'no-store').redirect(started.url.href, 302);
    });

    app.get('/auth/oidc/callback', { config: { role: 'public' }, schema: { querystring: callbackQuery } }, async (request, reply) => {
      clearOidcStateCookie(request, reply);
      reply.header('cache-control', 'no-store');
      const query = request.query;
      const fail = async (reason: Failure, name: string | null, detail: Record<string, unknown> = {}) => {
        await recordAudit(request, {
          actor: name ?? 'anonymous',
          action: 'auth.login',
          target: name,
          detail: { source: 'oidc', reason, ...detail },
          outcome: 'failure',
        });
        return reply.redirect(`/login?error=${PAGE_ERROR[reason]}`, 303);
      };

      const pending = query.state ? oidc.pending.take(query.state, readCookie(request, OIDC_STATE_COOKIE)) : null;
      if (!query.state || !pending) return fail('bad_state', null);
      if (query.error) return fail('idp_error', null, { error: query.error, description: query.error_description?.slice(0, 300) });

      let claims;
      try {
        // The query exactly as the provider sent it: openid-client checks every parameter (iss included).
        claims = await oidc.finish(new URLSearchParams(request.url.split('?')[1] ?? ''), pending, query.state);
      } catch (error) {
        request.log.warn({ err: error }, 'single sign-on: the provider’s answer was refused');
        return fail(error instanceof OidcUnavailable ? 'idp_unreachable' : 'token_rejected', null, describe(error));
      }

      const account = await oidcAccount(app.db, claims, oidc.settings);
      if (!account.ok) return fail(account.reason, account.name);
      await app.auth.refresh();
      // A changed role ends the sessions that carry the old one, as a role change by an admin does.
      if (account.previousRole) await app.auth.sessions.destroyForUser(account.name);
      const old = readCookie(request, SESSION_COOKIE);
      if (old) await app.auth.sessions.destroy(old);
      const user = { name: account.name, role: account.role };
      const { token } = await app.auth.sessions.create(user, { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') });
      await recordLogin(app.db, user.name);
      request.principal = { ...user, via: 'session' };
      await recordAudit(request, {
        action: 'auth.login',
        target: user.name,
        detail: { role: user.role, method: 'oidc', source: 'oidc', ...(account.created ? { created: true } : {}), ...(account.previousRole ? { from: account.previousRole } : {}) },
        outcome: 'success',
      });
      setSessionCookie(request, reply, token, app.auth.settings.sessionMaxMs);
      return reply.type('text/html; charset=utf-8').send(continuePage(pending.next));
    });
  };

export default oidcRoutes;
