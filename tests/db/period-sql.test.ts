// The loader's SQL reading of period labels agrees with the browser's (core/datasets/period-label.ts)
// on every pattern, on the near misses, and on the labels neither should accept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { literal } from '../../db/sql.ts';
import { canonicalPeriodSql, periodEndSql, periodLabelSql, periodStartSql } from '../../db/period-sql.ts';
import { canonicalPeriodLabel, conventionOf, parsePeriodLabel } from '../../core/datasets/period-label.ts';

let db: Database;
beforeAll(async () => (db = await Database.open(':memory:')));
afterAll(() => db.close());

const LABELS = [
  '2023/24', '1999/00', '2023', '2021 - 23', '2021-23', '2021 – 23', '2098 - 00', '2021/22 - 23/24', '2021/22-23/24', '2023/24 Q1', '2023/24 Q4',
  '2023-04-01 to 2024-03-31', '  2023/24  ', '2023/25', '2023/24 Q5', '2023 - 23', '2021/22 - 23/25', '2024-02-30 to 2025-01-01',
  '2025-04-01 to 2024-03-31', 'FY2023', '2023/2024', 'Q1 2023', '',
];

async function sqlSpans(): Promise<({ label: string; start: string; end: string } | null)[]> {
  const rows = LABELS.map((v, i) => `(${i}, ${literal(v)})`).join(', ');
  const p = canonicalPeriodSql('v');
  const answer = await db.all<{ label: string | null; s: string | null; e: string | null }>(
    `SELECT ${periodLabelSql('v')} AS label, strftime((${periodStartSql(p)}), '%Y-%m-%d') AS s, strftime((${periodEndSql(p)}), '%Y-%m-%d') AS e
     FROM (VALUES ${rows}) t(i, v) ORDER BY i`,
  );
  return answer.map((r) => (r.label === null ? null : { label: r.label, start: r.s!, end: r.e! }));
}

describe('period labels', () => {
  it('are read the same by the loader and the browser', async () => {
    const sql = await sqlSpans();
    const js = LABELS.map((l) => {
      const span = parsePeriodLabel(l);
      return span ? { label: canonicalPeriodLabel(l), ...span } : null;
    });
    expect(sql).toEqual(js);
  });

  it('place Fingertips periods on the calendar and name their convention', () => {
    const of = (l: string) => {
      const span = parsePeriodLabel(l)!;
      return [span.start, span.end, conventionOf(span)];
    };
    expect(of('2023/24')).toEqual(['2023-04-01', '2024-03-31', 'financial-year']);
    expect(of('2023')).toEqual(['2023-01-01', '2023-12-31', 'calendar-year']);
    expect(of('2021 - 23')).toEqual(['2021-01-01', '2023-12-31', 'rolling-3-years']);
    expect(of('2021/22 - 23/24')).toEqual(['2021-04-01', '2024-03-31', 'rolling-3-years']);
    expect(of('2023/24 Q4')).toEqual(['2024-01-01', '2024-03-31', 'quarter']);
    expect(of('1999/00')).toEqual(['1999-04-01', '2000-03-31', 'financial-year']);
    for (const bad of ['2023/25', '2023/24 Q5', '2023 - 23', 'FY2023', '2023/2024', '']) expect(parsePeriodLabel(bad), bad).toBeNull();
  });
});
