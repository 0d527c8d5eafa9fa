// The audit trail: who did what, when, from where, and whether it worked. Rows are only ever
// appended; nothing in the application updates or deletes them.
import { z } from 'zod';
import type { Database, SqlParams } from '../../db/database.ts';
import { isoDate } from '../schemas/calendar-date.ts';

export type Outcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  actor: string;
  ip: string | null;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
  outcome: Outcome;
}

export async function writeAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.run(`INSERT INTO audit_log (occurred_at, actor, ip, action, target, detail, outcome) VALUES ((current_timestamp AT TIME ZONE 'UTC'), ?, ?, ?, ?, ?, ?)`, [
    entry.actor.slice(0, 200),
    entry.ip,
    entry.action,
    entry.target?.slice(0, 300) ?? null,
    JSON.stringify(entry.detail ?? {}),
    entry.outcome,
  ]);
}

const token = (what: string) =>
  z.string().regex(/^[A-Za-z0-9 ._@:/-]{1,100}$/, what).refine((v) => !v.includes('..') && !v.includes('--'), what);

/** Filters of GET /api/audit and /api/audit.csv. */
export const auditFilters = z
  .object({
    actor: token('a user name').optional(),
    action: token('an action such as auth.login or extract.upload').optional(),
    outcome: z.enum(['success', 'failure', 'denied']).optional(),
    target: token('a target such as an extract id').optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
export type AuditFilters = z.infer<typeof auditFilters>;

export const auditQuery = auditFilters
  .extend({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();

export const auditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  outcome: z.string(),
});
export type AuditRow = z.infer<typeof auditRow>;

function where(f: AuditFilters): { sql: string; params: SqlParams } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (f.actor) clauses.push('actor = ?') && params.push(f.actor);
  if (f.action) clauses.push('(action = ? OR action LIKE ? || \'.%\')') && params.push(f.action, f.action);
  if (f.outcome) clauses.push('outcome = ?') && params.push(f.outcome);
  if (f.target) clauses.push('target = ?') && params.push(f.target);
  if (f.from) clauses.push('occurred_at >= ?::DATE') && params.push(f.from);
  if (f.to) clauses.push('occurred_at < ?::DATE + INTERVAL 1 DAY') && params.push(f.to);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

type RawRow = Omit<AuditRow, 'detail'> & { detail: string };

export async function queryAudit(db: Database, filters: AuditFilters, page: { limit: number; offset: number }): Promise<{ entries: AuditRow[]; total: number }> {
  const w = where(filters);
  const [count] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM audit_log ${w.sql}`, w.params);
  const rows = await db.all<RawRow>(
    `SELECT id::INTEGER AS id, strftime(occurred_at, '%Y-%m-%dT%H:%M:%SZ') AS at, actor, ip, action, target, detail, outcome
     FROM audit_log ${w.sql} ORDER BY id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
    w.params,
  );
  return { entries: rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) })), total: count.n };
}
