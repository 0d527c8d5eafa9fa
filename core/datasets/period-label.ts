// The period labels benchmark files use, as OHID Fingertips writes them in "Time period":
// "2023/24" (financial year), "2023" (calendar year), "2021 - 23" (three calendar years),
// "2021/22 - 23/24" (three financial years), "2023/24 Q1" (a quarter of a financial year), plus
// an explicit "2023-04-01 to 2024-03-31" for other sources. The loader parses the same patterns
// in SQL (db/period-sql.ts); this module is the browser's copy, for the upload preview, and the
// reference the tests hold both to.

export interface PeriodSpan {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
}

/** The patterns, as full-match regular expressions that both JavaScript and DuckDB accept. */
export const PERIOD_PATTERNS = {
  financialYear: '([0-9]{4})/([0-9]{2})',
  calendarYear: '([0-9]{4})',
  calendarYears: '([0-9]{4}) - ([0-9]{2})',
  financialYears: '([0-9]{4})/([0-9]{2}) - ([0-9]{2})/([0-9]{2})',
  financialQuarter: '([0-9]{4})/([0-9]{2}) Q([1-4])',
  dates: '([0-9]{4}-[0-9]{2}-[0-9]{2}) to ([0-9]{4}-[0-9]{2}-[0-9]{2})',
} as const;

/** Dashes of any kind become "-", runs of spaces one space; a range's dash has a space either side. */
export const RANGE_DASH = '^([0-9]{4}(?:/[0-9]{2})?) ?- ?([0-9]{2}(?:/[0-9]{2})?)$';

export function canonicalPeriodLabel(text: string): string {
  const spaced = text.replace(/[\u2012-\u2015\u2212]/g, '-').replace(/\s+/g, ' ').trim();
  return spaced.replace(new RegExp(RANGE_DASH), '$1 - $2');
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** The year ending in `yy` that is the first at or after `from`. */
const yearAfter = (from: number, yy: number) => {
  const y = from - (from % 100) + yy;
  return y < from ? y + 100 : y;
};
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function realDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

/** The first and last day a label covers, or null when it is not one of the patterns (or inconsistent, as "2023/25"). */
export function parsePeriodLabel(text: string): PeriodSpan | null {
  const label = canonicalPeriodLabel(text);
  const match = (pattern: string) => new RegExp(`^${pattern}$`).exec(label);
  let m: RegExpExecArray | null;
  if ((m = match(PERIOD_PATTERNS.financialYear))) {
    const y = +m[1];
    return (y + 1) % 100 === +m[2] ? { start: ymd(y, 4, 1), end: ymd(y + 1, 3, 31) } : null;
  }
  if ((m = match(PERIOD_PATTERNS.calendarYear))) return { start: ymd(+m[1], 1, 1), end: ymd(+m[1], 12, 31) };
  if ((m = match(PERIOD_PATTERNS.calendarYears))) {
    const y = +m[1];
    const last = yearAfter(y, +m[2]);
    return last > y ? { start: ymd(y, 1, 1), end: ymd(last, 12, 31) } : null;
  }
  if ((m = match(PERIOD_PATTERNS.financialYears))) {
    const y = +m[1];
    const lastStart = yearAfter(y, +m[3]);
    const consistent = (y + 1) % 100 === +m[2] && (lastStart + 1) % 100 === +m[4] && lastStart > y;
    return consistent ? { start: ymd(y, 4, 1), end: ymd(lastStart + 1, 3, 31) } : null;
  }
  if ((m = match(PERIOD_PATTERNS.financialQuarter))) {
    const y = +m[1];
    if ((y + 1) % 100 !== +m[2]) return null;
    const first = 4 + 3 * (+m[3] - 1); // April, July, October, January (of the next year)
    const year = first > 12 ? y + 1 : y;
    const month = first > 12 ? first - 12 : first;
    return { start: ymd(year, month, 1), end: ymd(year, month + 2, lastDay(year, month + 2)) };
  }
  if ((m = match(PERIOD_PATTERNS.dates))) {
    return realDate(m[1]) && realDate(m[2]) && m[1] <= m[2] ? { start: m[1], end: m[2] } : null;
  }
  return null;
}

export type PeriodConvention = 'financial-year' | 'calendar-year' | 'rolling-3-years' | 'quarter' | 'other';

/** What kind of period a span is, by its length and its first month. */
export function conventionOf(span: PeriodSpan): PeriodConvention {
  const [y1, m1, d1] = span.start.split('-').map(Number);
  const [y2, m2, d2] = span.end.split('-').map(Number);
  const months = (y2 - y1) * 12 + (m2 - m1) + 1;
  const whole = d1 === 1 && d2 === lastDay(y2, m2);
  if (!whole) return 'other';
  if (months === 12) return m1 === 4 ? 'financial-year' : m1 === 1 ? 'calendar-year' : 'other';
  if (months === 36 && (m1 === 4 || m1 === 1)) return 'rolling-3-years';
  if (months === 3) return 'quarter';
  return 'other';
}
