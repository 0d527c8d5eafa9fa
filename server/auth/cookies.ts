// The session cookie (httpOnly, SameSite=Strict, Path=/, Secure whenever the request came over TLS)
// and the short-lived cookie of a single sign-on in progress.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'parity_session';

export function readCookie(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function attributes(request: FastifyRequest, maxAgeSeconds: number): string {
  return `Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${request.protocol === 'https' ? '; Secure' : ''}`;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeMs: number): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=${token}; ${attributes(request, Math.floor(maxAgeMs / 1000))}`);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=; ${attributes(request, 0)}`);
}

/**
 * A sign-in in progress at the identity provider: its `state`, for ten minutes, on the OIDC paths
 * only. SameSite=Lax, not Strict: the provider sends the browser back with a cross-site navigation,
 * on which a Strict cookie would not be sent.
 */
export const OIDC_STATE_COOKIE = 'parity_oidc_state';
const OIDC_COOKIE_PATH = '/api/auth/oidc/';

function oidcAttributes(request: FastifyRequest, maxAgeSeconds: number): string {
  return `Path=${OIDC_COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${request.protocol === 'https' ? '; Secure' : ''}`;
}

export function setOidcStateCookie(request: FastifyRequest, reply: FastifyReply, state: string, maxAgeMs: number): void {
  reply.header('set-cookie', `${OIDC_STATE_COOKIE}=${state}; ${oidcAttributes(request, Math.floor(maxAgeMs / 1000))}`);
}

export function clearOidcStateCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', `${OIDC_STATE_COOKIE}=; ${oidcAttributes(request, 0)}`);
}
