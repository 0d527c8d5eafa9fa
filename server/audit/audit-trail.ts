// Writes the audit log from one place. Every state-changing API route is recorded when its
// answer is sent (so the outcome is known), as are reads a route marks with `config.audit`
// (views of quarantined patient rows). A handler that records a richer entry itself — sign-in,
// user changes — calls `recordAudit`, and the generic entry is skipped.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STATE_CHANGING } from '../auth/policy.ts';
import { type AuditEntry, type Outcome, writeAudit } from './audit-log.ts';

declare module 'fastify' {
  interface FastifyRequest {
    audited: boolean;
  }
}

/** Names for the routes that matter; any other state-changing route is recorded as "METHOD /url". */
const ACTIONS: Record<string, string> = {
  'POST /api/extracts': 'extract.upload',
  'DELETE /api/extracts/:id': 'extract.delete',
  'POST /api/mappings': 'mapping.save',
  'POST /api/published': 'publication.create',
  'DELETE /api/published/:id': 'publication.withdraw',
  'POST /api/auth/logout': 'auth.logout',
  'PUT /api/settings/:key': 'setting.change',
  'DELETE /api/settings/:key': 'setting.reset',
  'POST /api/backup': 'database.backup',
};

/** Fields of a JSON answer worth keeping (never row data, never secrets). */
const KEEP = ['extractId', 'id', 'url', 'dataset', 'status', 'rowsRead', 'rowsLoaded', 'rowsQuarantined', 'replaced', 'fileError', 'metric', 'by', 'chart'];

export function actorOf(request: FastifyRequest): string {
  return request.principal?.name ?? 'anonymous';
}

export async function recordAudit(request: FastifyRequest, entry: Omit<AuditEntry, 'actor' | 'ip'> & { actor?: string }): Promise<void> {
  request.audited = true;
  await writeAudit(request.server.db, { actor: actorOf(request), ip: request.ip, ...entry });
}

function outcomeOf(status: number): Outcome {
  if (status < 400) return 'success';
  return status === 401 || status === 403 ? 'denied' : 'failure';
}

function summary(payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'string' || payload.length > 200_000 || !payload.startsWith('{')) return {};
  try {
    const body = JSON.parse(payload) as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    for (const key of KEEP) if (key in body && (typeof body[key] !== 'object' || body[key] === null)) kept[key] = body[key];
    const error = body.error as { code?: unknown } | undefined;
    if (error && typeof error.code === 'string') kept.error = error.code;
    return kept;
  } catch {
    return {};
  }
}

export function installAuditTrail(app: FastifyInstance): void {
  app.decorateRequest('audited', false);
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.audited) return payload;
    // From the route the request matched, like access control: a request that matched none changed nothing.
    const routeUrl = request.routeOptions.url;
    if (request.is404 || routeUrl === undefined) return payload;
    const marked = request.routeOptions.config?.audit;
    if (!marked && !(STATE_CHANGING.has(request.method) && routeUrl.startsWith('/api/'))) return payload;
    const route = `${request.method} ${routeUrl}`;
    const detail: Record<string, unknown> = { http: reply.statusCode, ...summary(payload) };
    let action = marked ?? ACTIONS[route] ?? route;
    if (action === 'extract.upload' && detail.replaced) action = 'extract.replace';
    const params = (request.params ?? {}) as Record<string, unknown>;
    const target = String(params.id ?? params.name ?? params.key ?? detail.extractId ?? detail.id ?? '') || null;
    try {
      await writeAudit(app.db, { actor: actorOf(request), ip: request.ip, action, target, detail, outcome: outcomeOf(reply.statusCode) });
      request.audited = true;
    } catch (error) {
      request.log.error({ err: error }, 'could not write the audit log');
    }
    return payload;
  });
}
