// Words for benchmarks: one sentence per area, the short verdict a tile or a table cell shows,
// and the reason a figure was not compared (docs/benchmarks.md).
import type { Benchmark, Verdict } from '../contracts/benchmarks.ts';
import { formatInterval, formatValue, type UnitLike } from './format.ts';

const PHRASE: Record<Verdict, (area: string) => string> = {
  better: (a) => `better than ${a}`,
  similar: (a) => `similar to ${a}`,
  worse: (a) => `worse than ${a}`,
  higher: (a) => `higher than ${a}`,
  lower: (a) => `lower than ${a}`,
  'not compared': (a) => `not compared with ${a}`,
};

export const areaLabel = (b: Benchmark) => b.areaName ?? b.areaCode;

/** "worse than England" — the verdict in words. */
export function verdictPhrase(b: Benchmark): string {
  return PHRASE[b.comparison](areaLabel(b));
}

/** "England 6.1% (6.1% to 6.1%), 2024/25" — the benchmark's figure. */
export function benchmarkFigure(b: Benchmark, metric: UnitLike): string {
  if (b.value === null) return `${areaLabel(b)}: no value published for ${b.period}${b.note ? ` (${b.note})` : ''}`;
  const interval = b.lower !== null && b.upper !== null ? ` (${formatInterval(b.lower, b.upper, metric)})` : '';
  return `${areaLabel(b)} ${formatValue(b.value, metric)}${interval}, ${b.period}`;
}

/** One sentence: "Compared with England (6.1% (…), 2024/25), the trust is worse." or why not compared. */
export function benchmarkSentence(b: Benchmark, metric: UnitLike): string {
  if (b.comparison === 'not compared') return `${benchmarkFigure(b, metric)}. Not compared: ${b.reason ?? 'no reason given'}.`;
  return `Compared with ${benchmarkFigure(b, metric)}, the trust is ${verdictPhrase(b)} (the trust's 95% interval against ${areaLabel(b)}'s value).`;
}

/** "Compared with England: worse (6.1%, 2024/25)" — for a tile or a summary line; null without England. */
export function comparedWithEngland(england: Benchmark | null | undefined, metric: UnitLike): string | null {
  if (!england) return null;
  const figure = england.value === null ? 'no value published' : `${formatValue(england.value, metric)}, ${england.period}`;
  const verdict = england.comparison === 'not compared' ? `not compared (${england.reason ?? 'no reason given'})` : england.comparison;
  return `Compared with England: ${verdict} (England ${figure})`;
}
