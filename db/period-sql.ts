// The SQL twin of core/datasets/period-label.ts: the first and last day of a period label, so a
// benchmark row's period is parsed once, inside the load, by the same patterns the preview uses.
import { PERIOD_PATTERNS, RANGE_DASH } from '../core/datasets/period-label.ts';
import { literal } from './sql.ts';

const full = (label: string, pattern: string) => `regexp_full_match(${label}, ${literal(pattern)})`;
const int = (label: string, from: number, length: number) => `TRY_CAST(substr(${label}, ${from}, ${length}) AS INTEGER)`;
/** The year ending in `yy` that is the first at or after `from` (as in period-label.ts). */
const yearAfter = (from: string, yy: string) => `(CASE WHEN ${from} - ${from} % 100 + ${yy} < ${from} THEN ${from} - ${from} % 100 + ${yy} + 100 ELSE ${from} - ${from} % 100 + ${yy} END)`;

/** Dashes of any kind become "-", runs of spaces one space, a range's dash has a space either side. */
export function canonicalPeriodSql(raw: string): string {
  const spaced = `trim(regexp_replace(regexp_replace(${raw}, '[\u2012-\u2015\u2212]', '-', 'g'), '\\s+', ' ', 'g'))`;
  return `regexp_replace(${spaced}, ${literal(RANGE_DASH)}, '\\1 - \\2')`;
}

/** SQL for the first day (DATE) of canonical label `p`, NULL when it is not a period. */
export function periodStartSql(p: string): string {
  const y = int(p, 1, 4);
  const fyOk = `(${y} + 1) % 100 = ${int(p, 6, 2)}`;
  const quarter = int(p, 10, 1);
  return `CASE
    WHEN ${full(p, PERIOD_PATTERNS.financialYear)} THEN CASE WHEN ${fyOk} THEN make_date(${y}, 4, 1) END
    WHEN ${full(p, PERIOD_PATTERNS.calendarYear)} THEN make_date(${y}, 1, 1)
    WHEN ${full(p, PERIOD_PATTERNS.calendarYears)} THEN CASE WHEN ${yearAfter(y, int(p, 8, 2))} > ${y} THEN make_date(${y}, 1, 1) END
    WHEN ${full(p, PERIOD_PATTERNS.financialYears)} THEN CASE WHEN ${fyOk} AND (${yearAfter(y, int(p, 11, 2))} + 1) % 100 = ${int(p, 14, 2)}
      AND ${yearAfter(y, int(p, 11, 2))} > ${y} THEN make_date(${y}, 4, 1) END
    WHEN ${full(p, PERIOD_PATTERNS.financialQuarter)} THEN CASE WHEN ${fyOk} THEN (make_date(${y}, 4, 1) + to_months(3 * (${quarter} - 1)))::DATE END
    WHEN ${full(p, PERIOD_PATTERNS.dates)} THEN CASE WHEN TRY_CAST(left(${p}, 10) AS DATE) <= TRY_CAST(right(${p}, 10) AS DATE) THEN TRY_CAST(left(${p}, 10) AS DATE) END
  END`;
}

/** SQL for the last day (DATE) of canonical label `p`; meaningful only where periodStartSql is not NULL. */
export function periodEndSql(p: string): string {
  const y = int(p, 1, 4);
  const quarter = int(p, 10, 1);
  return `CASE
    WHEN ${full(p, PERIOD_PATTERNS.financialYear)} THEN make_date(${y} + 1, 3, 31)
    WHEN ${full(p, PERIOD_PATTERNS.calendarYear)} THEN make_date(${y}, 12, 31)
    WHEN ${full(p, PERIOD_PATTERNS.calendarYears)} THEN make_date(${yearAfter(y, int(p, 8, 2))}, 12, 31)
    WHEN ${full(p, PERIOD_PATTERNS.financialYears)} THEN make_date(${yearAfter(y, int(p, 11, 2))} + 1, 3, 31)
    WHEN ${full(p, PERIOD_PATTERNS.financialQuarter)} THEN (make_date(${y}, 4, 1) + to_months(3 * ${quarter}) - INTERVAL 1 DAY)::DATE
    WHEN ${full(p, PERIOD_PATTERNS.dates)} THEN TRY_CAST(right(${p}, 10) AS DATE)
  END`;
}

/** The canonical label of raw text `raw` when it is a period Parity can place, else NULL. */
export function periodLabelSql(raw: string): string {
  const p = canonicalPeriodSql(raw);
  return `CASE WHEN (${periodStartSql(p)}) IS NOT NULL THEN ${p} END`;
}
