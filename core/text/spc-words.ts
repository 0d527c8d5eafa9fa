// SPC results in words and icons, as NHS integrated performance reports show them (Making Data
// Count): the variation icon from the latest point, the assurance icon from the target.
import type { Spc } from '../contracts/results.ts';
import { formatDifference, formatValue, type UnitLike } from './format.ts';

export const variationWords: Record<string, string> = {
  'common-cause': 'Common cause variation: no significant change',
  'special-cause-improvement-high': 'Special cause variation — improvement (high)',
  'special-cause-improvement-low': 'Special cause variation — improvement (low)',
  'special-cause-concern-high': 'Special cause variation — concern (high)',
  'special-cause-concern-low': 'Special cause variation — concern (low)',
  'special-cause-neither-high': 'Special cause variation — higher (neither better nor worse)',
  'special-cause-neither-low': 'Special cause variation — lower (neither better nor worse)',
};

export const assuranceWords: Record<string, string> = {
  pass: 'Consistently meets the target',
  fail: 'Consistently misses the target',
  inconsistent: 'Inconsistent: hits and misses the target at random',
};

/** One sentence about the process: what the latest point shows, and whether it is reliable. */
export function spcSentence(spc: Spc | null, unit: UnitLike, gap = false): string {
  if (!spc) return 'Fewer than 12 points: too few for process limits, so no statement about change over time is made.';
  const f = (v: number) => (gap ? formatDifference(v, unit) : formatValue(v, unit));
  const latest = spc.points[spc.points.length - 1];
  const what = gap ? 'The gap' : 'The value';
  const variation = spc.variation === 'common-cause'
    ? `${what} shows only common cause variation around a mean of ${f(spc.mean)} (process limits ${f(spc.lower)} to ${f(spc.upper)}): no significant change.`
    : `${what} shows special cause variation (${(spc.variation ? variationWords[spc.variation] : undefined)?.split('— ')[1] ?? spc.variation}) in the latest ${latest ? 'period' : 'periods'}; mean ${f(spc.mean)}, process limits ${f(spc.lower)} to ${f(spc.upper)}.`;
  const assurance = spc.assurance ? ` Against the target of ${f(spc.target ?? 0)}: ${assuranceWords[spc.assurance].toLowerCase()}.` : '';
  return `${variation}${assurance}${spc.warning ? ` ${spc.warning}` : ''}`;
}
