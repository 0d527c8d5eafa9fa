// Number and date formatting shared by the pages and the chart specs (pure; no DOM).

export interface UnitLike {
  unit: string;
  statistic?: string;
}

const nf = (digits: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const formatters = new Map<number, Intl.NumberFormat>();
function fmt(value: number, digits: number): string {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = nf(digits)));
  return f.format(value);
}

/** Decimal places for a metric's values: one, whatever the unit (%, per 100,000, weeks). */
export function digitsFor(_metric: UnitLike): number {
  return 1;
}

/** "12.3" — the number alone. */
export function formatNumber(value: number | null | undefined, metric: UnitLike, digits = digitsFor(metric)): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return fmt(value, digits);
}

/** "12.3%", "1,234.5 per 100,000", "14.2 weeks". */
export function formatValue(value: number | null | undefined, metric: UnitLike, digits = digitsFor(metric)): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'not available';
  const n = fmt(value, digits);
  if (metric.unit === '%') return `${n}%`;
  return metric.unit ? `${n} ${metric.unit}` : n;
}

/** "11.0 to 13.6%" — an interval in the metric's unit. */
export function formatInterval(lower: number | null | undefined, upper: number | null | undefined, metric: UnitLike): string {
  if (lower === null || lower === undefined || upper === null || upper === undefined) return 'not available';
  const l = fmt(lower, digitsFor(metric));
  const u = fmt(upper, digitsFor(metric));
  return metric.unit === '%' ? `${l} to ${u}%` : `${l} to ${u}`;
}

/** A difference between two values: percentage points for percentages. */
export function formatDifference(value: number | null | undefined, metric: UnitLike): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'not available';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const n = fmt(Math.abs(value), digitsFor(metric));
  if (metric.unit === '%') return `${sign}${n} percentage points`;
  return metric.unit ? `${sign}${n} ${metric.unit}` : `${sign}${n}`;
}

export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'not available';
  return fmt(value, 2);
}

/**
 * Why a figure is withheld, in words: its own small numbers, or (secondary suppression) to stop a
 * small figure being worked out from the others and the total.
 */
export function withheldText(suppression: 'small' | 'secondary' | null | undefined): string {
  return suppression === 'secondary' ? 'Suppressed (protects a small number)' : 'Suppressed (small numbers)';
}

/** The mark a withheld figure shows in a table: * for small numbers, † for secondary suppression. */
export function withheldMark(suppression: 'small' | 'secondary' | null | undefined): string {
  return suppression === 'secondary' ? '†' : '*';
}

/** Counts as published: null (suppressed) shows as "*". */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '*';
  return fmt(value, 0);
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'not available';
  return `${fmt(value, digits)}%`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const longMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(date: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** "1 Apr 2024". */
export function formatDate(date: string | null | undefined): string {
  if (!date) return 'not known';
  const p = parts(date);
  return p ? `${p[2]} ${months[p[1] - 1]} ${p[0]}` : date;
}

/** "Apr 2024" for a period's first day. */
export function formatMonth(date: string): string {
  const p = parts(date);
  return p ? `${months[p[1] - 1]} ${p[0]}` : date;
}

/** "April 2024" for a period's first day. */
export function formatLongMonth(date: string): string {
  const p = parts(date);
  return p ? `${longMonths[p[1] - 1]} ${p[0]}` : date;
}

/** "1 Apr 2024 to 31 Mar 2025", or a single date for a census. */
export function formatPeriod(period: { from: string; to: string }): string {
  return period.from === period.to ? formatDate(period.from) : `${formatDate(period.from)} to ${formatDate(period.to)}`;
}

/** "25 Nov 2026, 14:05" for a load time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return 'not known';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}, ${hh}:${mm}`;
}
