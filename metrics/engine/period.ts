import type { Session } from '../../db/database.ts';
import { ident } from '../../db/sql.ts';
import type { MetricDefinition } from '../catalogue/schema.ts';

export interface Period {
  from: string;
  to: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The newest date a metric's dataset holds, or null when nothing is loaded. */
export async function latestDate(session: Session, metric: MetricDefinition): Promise<string | null> {
  const where = metric.kind === 'external' ? 'WHERE indicator_id = $id' : '';
  const params = metric.kind === 'external' ? { id: metric.id } : undefined;
  const [row] = await session.all<{ latest: string | null }>(
    `SELECT strftime(max(${ident(metric.periodColumn)})::DATE, '%Y-%m-%d') AS latest FROM ${ident(metric.dataset)} ${where}`,
    params,
  );
  return row?.latest ?? null;
}

/**
 * The period a request covers. Without dates: the latest twelve whole months of data, so the
 * default view is a year whatever the extract's span (series default to three years, enough
 * points for SPC). A partial request is completed the same way.
 */
export function resolvePeriod(requested: Partial<Period>, latest: string | null, months = 12): Period {
  const today = iso(new Date());
  const end = requested.to ?? endOfMonth(latest ?? today);
  const start = requested.from ?? addMonths(startOfMonth(end), 1 - months);
  return { from: start, to: end };
}

function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function endOfMonth(date: string): string {
  const d = new Date(`${startOfMonth(date)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return iso(d);
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return iso(d);
}

/** The request's period, reading the newest date only when the end was not given (it is a full scan). */
export async function periodFor(session: Session, metric: MetricDefinition, requested: Partial<Period>, months = 12): Promise<Period> {
  return resolvePeriod(requested, requested.to ? null : await latestDate(session, metric), months);
}
