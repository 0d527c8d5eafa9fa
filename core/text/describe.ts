// Plain-English statements about results (pure). They claim a difference only when the
// intervals do not overlap, and otherwise say "no clear difference".
import type { BreakdownResult, Figure, Gap, Row, Tile } from '../contracts/results.ts';
import { core20Verdict, intervalsApart, quintileGapVerdict, type GroupVerdict, type Polarity } from './compare.ts';
import { formatCount, formatDifference, formatInterval, formatRatio, formatValue, type UnitLike } from './format.ts';

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
  return `${groupSentence('Core20', 'the rest', core20Verdict(core20, rest, metric.polarity), intervalsApart(core20, rest))}.`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The one wording of a group-against-group verdict (Core20 and the rest, quintile 1 and quintile
 * 5), without the full stop: "Core20 is higher than the rest, which is worse; the intervals do
 * not overlap" or "No clear difference between … : the intervals overlap".
 */
function groupSentence(a: string, b: string, verdict: GroupVerdict, apart: ReturnType<typeof intervalsApart>): string {
  if (verdict === 'none' || apart === null) return 'The intervals are not available, so no comparison is made';
  if (verdict === 'similar' || apart === 'similar') return `No clear difference between ${a} and ${b}: the intervals overlap`;
  const worseOrBetter = verdict === 'better' ? ', which is better' : verdict === 'worse' ? ', which is worse' : '';
  return `${capitalise(a)} is ${apart} than ${b}${worseOrBetter}; the intervals do not overlap`;
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

const Q1 = 'the most deprived fifth (IMD quintile 1)';
const Q5 = 'the least deprived fifth (quintile 5)';

/**
 * Sentences for the IMD gap: quintile 1 against quintile 5 (a difference claimed only when their
 * intervals do not overlap, in the words of Core20 against the rest), then the SII and the RII.
 * Every figure reads most minus (or over) least deprived. The web page, the chart file and the
 * reports all print these sentences.
 */
export function describeGap(result: {
  gap: Gap | null;
  rows: readonly Pick<Row, 'group' | 'value' | 'lower' | 'upper' | 'suppressed'>[];
  metric: UnitLike & { polarity: Polarity };
  level: number;
}): string[] {
  const { gap, rows, metric, level } = result;
  if (!gap) return [];
  const out: string[] = [];
  if (gap.absolute !== null) {
    const q = (g: string) => rows.find((r) => r.group === g) ?? null;
    const verdict = quintileGapVerdict(rows, metric.polarity);
    const apart = verdict === 'none' ? null : intervalsApart(q('1')!, q('5')!);
    const figure = `the gap, most minus least deprived, is ${formatDifference(gap.absolute, metric)}${gap.relative !== null ? ` (a ratio of ${formatRatio(gap.relative)})` : ''}`;
    out.push(verdict === 'none'
      ? `The intervals of ${Q1} and ${Q5} are not available, so no comparison is made. ${capitalise(figure)}.`
      : `${groupSentence(Q1, Q5, verdict, apart)}. ${capitalise(figure)}.`);
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

/**
 * Beside a population rate's trust overall when some events have an unknown group: why the
 * overall can sit above every group, and the rate over records of known group.
 */
export function describeKnownRecords(result: Pick<BreakdownResult, 'metric' | 'overall' | 'overallKnown' | 'by'>, level = 95): string | null {
  const known = result.overallKnown;
  if (!known) return null;
  const what = result.by === 'ethnic_group' || result.by === 'ethnic_category' ? 'ethnic group' : 'deprivation';
  const events = known.unknownEvents === null ? 'a few events' : `${formatCount(known.unknownEvents)} event${known.unknownEvents === 1 ? '' : 's'}`;
  const rate = known.suppressed || known.value === null ? 'withheld (small numbers)' : `${formatValue(known.value, result.metric)} (${level}% interval ${formatInterval(known.lower, known.upper, result.metric)})`;
  return `The trust overall (${formatValue(result.overall.value, result.metric)}) includes ${events} with unknown ${what}, which have no population of their own; over records of known ${what} the rate is ${rate}.`;
}
