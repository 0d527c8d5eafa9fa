// One onRequest hook decides every request: who is asking (session cookie, the local CLI's token,
// or the single user of a local-mode server), whether their role allows the route the request
// matched, and — for requests that change something — whether they came from this site (Origin)
// and carry the session's CSRF token. It runs after routing and reads only the matched route's
// `config`: never `request.url`, whose spelling the router has already normalised away.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import * as messages from '../messages.ts';
import type { AuthService } from './auth-service.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { STATE_CHANGING } from './policy.ts';
import { type Access, hasRole, type Principal } from './roles.ts';
import type { SessionRecord } from './sessions.ts';
import { isLoopbackHost } from './settings.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: 'public', or the least role. A route without it is refused. */
    role?: Access;
    /** An HTML page: a signed-out browser is redirected to the sign-in page instead of answered 401. */
    page?: boolean;
    /** Record every call in the audit log under this action (state-changing calls are recorded anyway). */
    audit?: string;
  }
  interface FastifyRequest {
    principal: Principal | null;
    session: SessionRecord | null;
  }
  interface FastifyInstance {
    /** Every route with the access it declares, as registered (tests walk them all). */
    readonly routeAccess: RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  /** null: the route declares no access, so every request to it is refused. */
  access: Access | null;
  page: boolean;
}

export const CSRF_HEADER = 'x-csrf-token';
export const CLI_TOKEN_HEADER = 'x-parity-cli-token';
export const CLI_USER_HEADER = 'x-parity-cli-user';

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

async function identify(auth: AuthService, request: FastifyRequest): Promise<Principal | null> {
  const cliToken = request.headers[CLI_TOKEN_HEADER];
  if (typeof cliToken === 'string' && isLoopbackHost(request.socket.remoteAddress ?? '') && auth.isCliToken(cliToken)) {
    const user = String(request.headers[CLI_USER_HEADER] ?? 'unknown').replace(/[^A-Za-z0-9._@-]/g, '').slice(0, 64) || 'unknown';
    return { name: `cli:${user}`, role: 'admin', via: 'cli' };
  }
  const cookie = readCookie(request, SESSION_COOKIE);
  if (cookie) {
    const session = await auth.sessions.lookup(cookie);
    if (session) {
      request.session = session;
      return { name: session.userName, role: session.role, via: 'session' };
    }
  }
  if (auth.mode === 'local') return { name: 'local', role: 'admin', via: 'local' };
  return null;
}

/** A browser sends Origin (and Sec-Fetch-Site) with every state-changing request; they must name this site. */
function fromThisSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === `${request.protocol}://${request.host}`;
}

export function installAccessControl(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  // Read when asked, not when added: hooks of inner plugins (the static handler's) set `config` after this one runs.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => void routes.push(route));
  app.decorate('routeAccess', {
    getter: () =>
      routes.flatMap((route) => [route.method].flat().map((method) => ({ method, url: route.url, access: route.config?.role ?? null, page: route.config?.page === true }))),
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (auth.mode === 'local' && !isLoopbackHost(request.hostname)) throw messages.forbiddenHost();
    // No route matched: the not-found handler answers 404 the same way whoever asks, and holds nothing.
    if (request.is404) return;
    const { role: access, page } = request.routeOptions.config;
    if (!access) throw messages.undeclaredAccess();

    request.principal = await identify(auth, request);

    if (STATE_CHANGING.has(request.method)) {
      if (!fromThisSite(request)) throw messages.crossOrigin();
      if (request.principal?.via === 'session' && access !== 'public') {
        const token = request.headers[CSRF_HEADER];
        if (typeof token !== 'string' || !sameText(token, request.session!.csrfToken)) throw messages.missingCsrfToken();
      }
    }

    if (access === 'public') return;
    if (!request.principal) {
      if (auth.mode === 'closed') throw messages.noAccounts();
      if (page && (request.method === 'GET' || request.method === 'HEAD')) {
        return reply.header('cache-control', 'no-store').redirect(`/login?next=${encodeURIComponent(request.url)}`, 302);
      }
      throw messages.unauthenticated();
    }
    if (!hasRole(request.principal.role, access)) throw messages.forbiddenRole(access);
  });
}
