// Security headers on every response. The Content-Security-Policy names no origin but this one:
// the app needs nothing from outside, and nothing from outside may run in it.
import type { FastifyInstance } from 'fastify';

/** No 'unsafe-eval': the web app draws charts with Vega's expression interpreter (web/src/charts/Chart.tsx). */
export const PAGE_SCRIPT_SRC = "script-src 'self'";

const common = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

export function contentSecurityPolicy(path: string, frameAncestors: string): string {
  if (path.startsWith('/api/')) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const ancestors = path.startsWith('/published/') ? frameAncestors : "'none'";
  return [...common, PAGE_SCRIPT_SRC, `frame-ancestors ${ancestors}`].join('; ');
}

export function installSecurityHeaders(app: FastifyInstance, options: { frameAncestors: string }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    // The matched route decides, as for access: '' for a path no route matched (a page's headers).
    const path = request.routeOptions.url ?? '';
    const embeddable = path.startsWith('/published/');
    reply.header('content-security-policy', contentSecurityPolicy(path, options.frameAncestors));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', embeddable ? 'cross-origin' : 'same-origin');
    if (!embeddable) reply.header('x-frame-options', 'DENY');
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (path.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
