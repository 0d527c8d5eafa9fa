// Plain-English statements about results (pure). They claim a difference only when the
// intervals do not overlap, and otherwise say "no clear difference".
import type { BreakdownResult, Figure, Gap, Row, Tile } from '../contracts/results.ts';
import { core20Verdict, intervalsApart, type Polarity } from './compare.ts';
import { formatDifference, formatInterval, formatRatio, formatValue, type UnitLike } from './format.ts';

function direction(diff: 'higher' | 'lower', polarity: Polarity): string {
  if (polarity === 'context') return '';
  return diff === polarity ? ' (better)' : ' (worse)';
}

/** One sentence comparing Core20 (IMD quintile 1) with everyone else, for an overview tile. */
export function describeCore20(tile: Pick<Tile, 'metric' | 'core20' | 'rest'>): string {
  const { metric, core20, rest } = tile;
  if (!core20 || !rest) return 'The data has no deprivation breakdown for this indicator, so Core20 cannot be compared.';
  if (core20.suppressed || rest.suppressed || core20.value === null || rest.value === null) {
    return 'Too few people in one of the groups to compare: the figures are suppressed.';
  }
  // The same verdict as the overview's "At a glance" and the board report (core20Verdict).
  const verdict = core20Verdict(core20, rest, metric.polarity);
  if (verdict === 'none') return 'The intervals are not available, so no comparison is made.';
  if (verdict === 'similar') return 'No clear difference between Core20 and the rest: the intervals overlap.';
  const apart = intervalsApart(core20, rest)!;
  const worseOrBetter = verdict === 'better' ? ', which is better' : verdict === 'worse' ? ', which is worse' : '';
  return `Core20 is ${apart} than the rest${worseOrBetter}; the intervals do not overlap.`;
}

function rowSentence(row: Row, overall: Figure, metric: UnitLike & { polarity: Polarity }, level: number, overallName: string): string {
  const value = `${formatValue(row.value, metric)} (${level}% interval ${formatInterval(row.lower, row.upper, metric)})`;
  const comparison = row.comparison === 'higher' || row.comparison === 'lower' ? row.comparison : null;
  if (!comparison) return `${row.label}: ${value}.`;
  return `${row.label}: ${value} — ${comparison} than the ${overallName} of ${formatValue(overall.value, metric)}${direction(comparison, metric.polarity)}; the intervals do not overlap.`;
}

export interface Statements {
  differences: string[];
  similar: string | null;
  suppressed: string | null;
  notCompared: string | null;
}

/** Statements for a one-way breakdown: each difference in its own sentence, the rest grouped. */
export function describeBreakdown(result: Pick<BreakdownResult, 'metric' | 'overall' | 'rows' | 'level'>, overallName = 'trust overall'): Statements {
  const { metric, overall, rows, level } = result;
  const differences = rows
    .filter((r) => !r.suppressed && (r.comparison === 'higher' || r.comparison === 'lower'))
    .map((r) => rowSentence(r, overall, metric, level, overallName));
  const similar = rows.filter((r) => !r.suppressed && r.comparison === 'similar').map((r) => r.label);
  const small = rows.filter((r) => r.suppressed && r.suppression !== 'secondary').map((r) => r.label);
  const secondary = rows.filter((r) => r.suppressed && r.suppression === 'secondary').map((r) => r.label);
  const suppressed = [
    small.length ? `Suppressed because the numbers are small: ${list(small)}.` : '',
    secondary.length ? `Withheld so that a small group cannot be worked out from the total: ${list(secondary)}.` : '',
  ].filter(Boolean).join(' ');
  const notCompared = rows.filter((r) => !r.suppressed && r.comparison === null).map((r) => r.label);
  return {
    differences,
    similar: similar.length ? `No clear difference from the ${overallName} for ${list(similar)}: their intervals overlap.` : null,
    suppressed: suppressed || null,
    notCompared: notCompared.length ? `Not compared (no interval): ${list(notCompared)}.` : null,
  };
}

export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Sentences for the IMD gap box. */
export function describeGap(gap: Gap, metric: UnitLike & { polarity: Polarity }, level: number): string[] {
  const out: string[] = [];
  if (gap.absolute !== null) {
    const word = gap.absolute > 0 ? 'higher' : gap.absolute < 0 ? 'lower' : 'the same';
    out.push(gap.absolute === 0
      ? 'The most deprived fifth (IMD quintile 1) and the least deprived fifth (quintile 5) have the same value.'
      : `The most deprived fifth (IMD quintile 1) is ${formatDifference(Math.abs(gap.absolute), metric).replace(/^\+/, '')} ${word} than the least deprived fifth (quintile 5)${gap.relative !== null ? `, a ratio of ${formatRatio(gap.relative)}` : ''}.`);
  }
  if (gap.sii !== null) {
    // SII and RII read the same way as the Q1 − Q5 gap: most deprived minus (or over) least deprived.
    const clear = gap.siiLower !== null && gap.siiUpper !== null && (gap.siiLower > 0 || gap.siiUpper < 0);
    const side = gap.sii > 0 ? 'higher' : 'lower';
    out.push(`The slope index of inequality is ${formatDifference(gap.sii, metric)} (${level}% interval ${formatDifference(gap.siiLower, metric)} to ${formatDifference(gap.siiUpper, metric)}): the modelled difference between the most and the least deprived ends of the whole gradient, most minus least deprived, like the Q1 − Q5 gap; ${clear ? `the interval excludes zero, so the value is ${side} towards the most deprived end` : 'the interval includes zero, so there is no clear gradient across deprivation'}.`);
  }
  if (gap.rii !== null) {
    const clear = gap.riiLower !== null && gap.riiUpper !== null && (gap.riiLower > 1 || gap.riiUpper < 1);
    out.push(`The relative index of inequality is ${formatRatio(gap.rii)} (${level}% interval ${formatRatio(gap.riiLower)} to ${formatRatio(gap.riiUpper)}): the modelled value at the most deprived end divided by that at the least deprived end; ${clear ? 'the interval excludes 1' : 'the interval includes 1, so no clear relative difference'}.`);
  }
  return out;
}
