// Which loaded benchmark indicators feed which catalogue indicators. Rows of an indicator Parity
// does not link to are kept as loaded — a later catalogue version may link them — and listed
// here, so an upload of a whole Fingertips profile says what it will and will not show.
import type { Database, Session } from '../../db/database.ts';
import { CATALOGUE } from '../catalogue/index.ts';
import { benchmarkIds } from './benchmarks.ts';
import type { BenchmarkIndicator } from '../../core/contracts/benchmarks.ts';

/** Benchmark id → the catalogue indicators it feeds. */
function linkIndex(): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const metric of CATALOGUE) for (const id of benchmarkIds(metric).keys()) index.set(id, [...(index.get(id) ?? []), metric.id]);
  return index;
}

/** The indicators loaded (in one extract, or in all), with their rows, areas, periods and links. */
export async function benchmarkIndicators(session: Session, extractId?: string): Promise<BenchmarkIndicator[]> {
  const rows = await session.all<{ id: string; name: string | null; rows: number; areas: number; periods: string[] }>(
    `SELECT b.indicator_id AS id, any_value(b.indicator_name) AS name, count(*)::INTEGER AS rows, count(DISTINCT b.area_code)::INTEGER AS areas,
       list(DISTINCT b.period ORDER BY b.period) AS periods
     FROM benchmarks b JOIN extracts e ON e.id = b.extract_id AND e.status = 'loaded'
     ${extractId ? 'WHERE b.extract_id = ?' : ''}
     GROUP BY b.indicator_id ORDER BY b.indicator_id`,
    extractId ? [extractId] : [],
  );
  const index = linkIndex();
  return rows.map((r) => ({ indicatorId: r.id, indicatorName: r.name, rows: r.rows, areas: r.areas, periods: [...r.periods], linkedTo: index.get(r.id) ?? [] }));
}

/** A benchmarks load's summary with the file's indicators listed (other datasets' summaries unchanged). */
export async function withBenchmarkIndicators<S extends { dataset: string; status: string; extractId: string | null }>(db: Database, summary: S): Promise<S & { benchmarkIndicators?: BenchmarkIndicator[] }> {
  if (summary.dataset !== 'benchmarks' || summary.status === 'rejected' || !summary.extractId) return summary;
  const extractId = summary.extractId;
  return { ...summary, benchmarkIndicators: await db.withSession((s) => benchmarkIndicators(s, extractId)) };
}
