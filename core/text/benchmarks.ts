// Words for benchmarks: one sentence per area, the short verdict a tile or a table cell shows,
// and the reason a figure was not compared (docs/benchmarks.md).
import type { Benchmark, Verdict } from '../contracts/benchmarks.ts';
import { formatInterval, formatValue, type UnitLike } from './format.ts';

type Polar = UnitLike & { polarity: 'higher' | 'lower' | 'context' };

const PHRASE: Record<Verdict, (area: string) => string> = {
  better: (a) => `better than ${a}`,
  similar: (a) => `similar to ${a}`,
  worse: (a) => `worse than ${a}`,
  higher: (a) => `higher than ${a}`,
  lower: (a) => `lower than ${a}`,
  'not compared': (a) => `not compared with ${a}`,
};

export const areaLabel = (b: Benchmark) => b.areaName ?? b.areaCode;

/** The unit a benchmark's numbers are in: its own when the linked indicator uses another. */
export function benchmarkUnit<M extends UnitLike>(b: Benchmark, metric: M): M {
  return b.unit && b.unit !== metric.unit ? { ...metric, unit: b.unit } : metric;
}

/** "worse than England" — the verdict in words. */
export function verdictPhrase(b: Benchmark): string {
  return PHRASE[b.comparison](areaLabel(b));
}

/** "England 2024/25: 6.1% (95% interval 6.1 to 6.2%)" — the benchmark's figure. */
export function benchmarkFigure(b: Benchmark, indicator: UnitLike): string {
  const metric = benchmarkUnit(b, indicator);
  if (b.value === null) return `${areaLabel(b)} ${b.period}: no value published${b.note ? ` (${b.note})` : ''}`;
  const interval = b.lower !== null && b.upper !== null ? ` (95% interval ${formatInterval(b.lower, b.upper, metric)})` : '';
  return `${areaLabel(b)} ${b.period}: ${formatValue(b.value, metric)}${interval}`;
}

/** "England 2024/25: 6.1% (…). The trust is worse than England: its interval lies wholly above England's value." */
export function benchmarkSentence(b: Benchmark, metric: Polar): string {
  if (b.comparison === 'not compared') return `${benchmarkFigure(b, metric)}. Not compared: ${b.reason ?? 'no reason given'}.`;
  // Better or worse is above or below the value as the indicator's polarity says.
  const above = b.comparison === 'higher' || (b.comparison === 'better' && metric.polarity === 'higher') || (b.comparison === 'worse' && metric.polarity === 'lower');
  const why = b.comparison === 'similar' ? `its interval includes ${areaLabel(b)}'s value` : `its interval lies wholly ${above ? 'above' : 'below'} ${areaLabel(b)}'s value`;
  return `${benchmarkFigure(b, metric)}. The trust is ${verdictPhrase(b)}: ${why}.`;
}

/** "Compared with England: worse (6.1%, 2024/25)" — for a tile or a summary line; null without England. */
export function comparedWithEngland(england: Benchmark | null | undefined, metric: UnitLike): string | null {
  if (!england) return null;
  const figure = england.value === null ? 'no value published' : `${formatValue(england.value, benchmarkUnit(england, metric))}, ${england.period}`;
  const verdict = england.comparison === 'not compared' ? `not compared (${england.reason ?? 'no reason given'})` : england.comparison;
  return `Compared with England: ${verdict} (England ${figure})`;
}

/** "Compared with England: 2 worse, 1 similar; 1 not compared; 24 have no England figure loaded." — a report's summary line. */
export function englandRollup(englands: readonly (Benchmark | null)[]): string | null {
  const present = englands.filter((b): b is Benchmark => b !== null);
  if (!present.length) return null;
  const order = ['worse', 'better', 'higher', 'lower', 'similar', 'not compared'] as const;
  const counts = order.map((v) => [v, present.filter((b) => b.comparison === v).length] as const).filter(([, n]) => n > 0);
  const missing = englands.length - present.length;
  return `Compared with England: ${counts.map(([v, n]) => `${n} ${v}`).join(', ')}${missing ? `; ${missing} with no England figure loaded` : ''}.`;
}
