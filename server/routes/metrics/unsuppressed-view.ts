// The analyst view (docs/security.md, "Roles"): `view=unsuppressed` asks the on-screen endpoints
// for figures without disclosure control. Analysts and admins only (and the single user of a
// local-mode server, who holds the extracts anyway), never by default, never in a file. Every
// answer is written to the audit log before it is sent: the log is the accountability for seeing
// small numbers, so if it cannot be written the figures are not shown.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DisclosureProfile } from '../../../metrics/statistics/index.ts';
import { recordAudit } from '../../audit/audit-trail.ts';
import { hasRole } from '../../auth/roles.ts';
import * as messages from '../../messages.ts';

/** What an unsuppressed answer says about itself, so no client can take it for a disclosed one. */
export const UNSUPPRESSED = { view: 'unsuppressed', disclosure: 'none', disclosureLabel: 'Not applied — analyst view, not for sharing' } as const;

export const viewMessages = {
  forbidden: messages.unsuppressedForbidden,
  notForFiles: 'files and publications always apply the disclosure profile; view=unsuppressed is for figures on screen only',
  arrow: messages.unsuppressedExport,
};

/** The query field of an on-screen endpoint. */
export const viewField = {
  view: z.enum(['unsuppressed'], { message: 'unsuppressed, or leave it out for disclosure-controlled figures' }).optional(),
};

/** The query field of an export: present only to refuse `view` with the reason, not as an unknown key. */
export const noViewField = { view: z.never({ message: viewMessages.notForFiles }).optional() };

/** What the request asked to see (breakdown, filters), for the audit log. */
export type ViewDetail = Record<string, unknown>;

/**
 * The disclosure override for a request: none unless it asked for `view=unsuppressed`; then the
 * caller must be an analyst or admin (a viewer's attempt is recorded as denied).
 */
export async function disclosureOverride(request: FastifyRequest, view: 'unsuppressed' | undefined, audit: { action: string; target: string; detail: ViewDetail }): Promise<{ disclosure?: DisclosureProfile }> {
  if (view !== 'unsuppressed') return {};
  if (!request.principal || !hasRole(request.principal.role, 'analyst')) {
    await recordAudit(request, { action: audit.action, target: audit.target, detail: compact(audit.detail), outcome: 'denied' });
    throw viewMessages.forbidden();
  }
  return { disclosure: 'none' };
}

/** Records that unsuppressed figures were computed for the caller, before they are sent. */
export async function recordUnsuppressed(request: FastifyRequest, audit: { action: string; target: string; detail: ViewDetail }): Promise<void> {
  await recordAudit(request, { action: audit.action, target: audit.target, detail: compact(audit.detail), outcome: 'success' });
}

/** The answer, labelled as unsuppressed (a new object: the cached result is shared). */
export function labelUnsuppressed<T extends object>(result: T): T & typeof UNSUPPRESSED {
  return { ...result, ...UNSUPPRESSED };
}

/** Only what was given: no empty filters in the log. */
function compact(detail: ViewDetail): ViewDetail {
  return Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined && v !== null));
}
