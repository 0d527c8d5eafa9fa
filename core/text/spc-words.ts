// SPC results in words and icons, as NHS integrated performance reports show them (Making Data
// Count). The icons read only the latest point; the sentences read the whole window, so a shift
// that ended last spring is never reported as "no significant change". Every page, chart file
// and report words SPC through this module.
import type { Spc, SpcSignal } from '../contracts/results.ts';
import { formatDifference, formatLongMonth, formatMonth, formatValue, type UnitLike } from './format.ts';

export type Grain = 'month' | 'quarter';

export const variationWords: Record<string, string> = {
  'common-cause': 'Common cause variation in the latest point',
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

export const TOO_FEW_POINTS = 'Too few points for SPC';
/** The short words for a series too coarse for SPC (Spc.coarse). */
export const COARSE_NOTE = 'Counts too small for SPC to tell: rounding to 5 moves the points as much as they vary.';

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** "ten", "13": words up to twelve, as house style for counts in running text. */
export const countWord = (n: number) => NUMBERS[n] ?? String(n);
const plural = (n: number, noun: string) => `${countWord(n)} ${noun}${n === 1 ? '' : 's'}`;

export const kindWords: Record<SpcSignal['kind'], string> = {
  improvement: 'special cause, improvement',
  concern: 'special cause, concern',
  neither: 'special cause, neither better nor worse',
};

/** How many periods a signal spans, first to last flagged point inclusive. */
function span(s: SpcSignal, grain: Grain): number {
  const [fy, fm] = s.from.split('-').map(Number);
  const [ty, tm] = s.to.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm);
  return Math.max(1, Math.round(months / (grain === 'quarter' ? 3 : 1)) + 1);
}

/** What the signal's points did, without when: "ran above the mean". */
function behaviour(s: SpcSignal, many: boolean): string {
  const high = s.direction === 'high';
  switch (s.rule) {
    case 'outside-limits':
      return `${many ? 'were' : 'was'} ${high ? 'above the upper' : 'below the lower'} process limit`;
    case 'trend':
      return `${high ? 'rose' : 'fell'} one after another`;
    case 'two-of-three':
      return `${many ? 'were' : 'was'} close to the ${high ? 'upper' : 'lower'} process limit`;
    case 'shift':
      return `ran ${high ? 'above' : 'below'} the mean`;
  }
}

/** "ten months from December 2024 to September 2025 ran above the mean — special cause, concern". */
export function signalPhrase(s: SpcSignal, grain: Grain = 'month'): string {
  const noun = grain === 'quarter' ? 'quarter' : 'month';
  const when = (d: string) => (grain === 'quarter' ? `the quarter from ${formatLongMonth(d)}` : formatLongMonth(d));
  let who: string;
  if (s.from === s.to) who = when(s.from);
  else if (s.rule === 'two-of-three' || s.points < span(s, grain))
    who = `${countWord(s.points)} of the ${plural(span(s, grain), noun)} from ${formatLongMonth(s.from)} to ${formatLongMonth(s.to)}`;
  else who = `${plural(s.points, noun)} from ${formatLongMonth(s.from)} to ${formatLongMonth(s.to)}`;
  return `${who} ${behaviour(s, s.points > 1)} — ${kindWords[s.kind]}`;
}

/** "ran above the mean, Dec 2024 to Sep 2025 (concern)": the short form for table cells. */
export function signalNote(s: SpcSignal): string {
  const when = s.from === s.to ? formatMonth(s.from) : `${formatMonth(s.from)} to ${formatMonth(s.to)}`;
  return `${behaviour(s, s.points > 1)}, ${when} (${s.kind === 'neither' ? 'neither better nor worse' : s.kind})`;
}

type SignalSource = Pick<Spc, 'variation' | 'signals'> & Partial<Pick<Spc, 'points' | 'mean' | 'coarse'>>;

/** "±22.6 percentage points": how far rounding alone can move a point, in the value's units. */
const reachWords = (reach: number, unit: UnitLike) => `±${formatDifference(reach, unit).replace(/^[+−]/, '')}`;

/**
 * The sentence for a series whose rounded counts swamp its variation: SPC cannot tell common from
 * special cause, so it claims neither "no significant change" nor the signals as findings.
 */
function coarseSentence(spc: Spc, what: string, noun: string, unit: UnitLike): string {
  const signals = signalsOf(spc).length;
  const marked = signals ? `; the ${plural(signals, 'signal')} the chart marks may be rounding alone` : '';
  return `${what} cannot be read for special causes: its counts are rounded to 5 before SPC, and rounding alone can move a ${noun}'s value by ${reachWords(spc.coarse ?? 0, unit)}, as much as it usually moves from ${noun} to ${noun}, so no statement about change over time is made${marked}.`;
}

/**
 * The window's signals. A chart frozen before results listed them has only each point's
 * highest-priority rule: runs of points with the same rule and side are read as its signals.
 */
export function signalsOf(spc: SignalSource): SpcSignal[] {
  if (spc.signals) return spc.signals;
  const points = spc.points ?? [];
  const out: SpcSignal[] = [];
  points.forEach((p, i) => {
    if (!p.signal || !p.kind || p.value === null) return;
    const previous = points[i - 1]?.value;
    const high = p.signal === 'trend' ? previous === null || previous === undefined || p.value >= previous : p.value >= (spc.mean ?? 0);
    const direction = high ? 'high' : 'low';
    const open = out[out.length - 1];
    if (open && open.rule === p.signal && open.direction === direction && open.to === points[i - 1]?.period) {
      open.to = p.period;
      open.points += 1;
    } else out.push({ rule: p.signal, from: p.period, to: p.period, direction, kind: p.kind, points: 1 });
  });
  return out;
}

/**
 * Signals that include the latest point, and those that ended before it. A special-cause icon
 * means the latest point is flagged, so the signals ending last are the latest; with a
 * common-cause icon every signal is earlier.
 */
export function splitSignals(spc: SignalSource): { latest: SpcSignal[]; earlier: SpcSignal[] } {
  const signals = signalsOf(spc);
  if (!spc.variation || spc.variation === 'common-cause') return { latest: [], earlier: signals };
  const last = signals.reduce((m, s) => (s.to > m ? s.to : m), '');
  return { latest: signals.filter((s) => s.to === last), earlier: signals.filter((s) => s.to !== last) };
}

function latestWords(spc: Spc): string {
  const v = spc.variation;
  if (!v || v === 'common-cause') return 'common cause variation';
  const kind = v.includes('improvement') ? 'improvement' : v.includes('concern') ? 'concern' : 'neither better nor worse';
  return `special cause variation (${kind}, ${v.endsWith('-high') ? 'high' : 'low'})`;
}

/**
 * One sentence about the process: what the latest point shows, what happened earlier in the
 * window, the mean and limits, and the assurance against a target.
 */
export function spcSentence(spc: Spc | null, unit: UnitLike, options: { gap?: boolean; grain?: string } = {}): string {
  const gap = options.gap ?? false;
  // Results carry their grain as a string; anything but quarterly reads as monthly.
  const grain: Grain = options.grain === 'quarter' ? 'quarter' : 'month';
  const noun = grain === 'quarter' ? 'quarter' : 'month';
  if (!spc) return `Fewer than 12 points: too few for process limits, so no statement about change over time is made.`;
  const f = (v: number) => (gap ? formatDifference(v, unit) : formatValue(v, unit));
  const what = gap ? 'The gap' : 'The value';
  const limits = `Mean ${f(spc.mean)}; process limits ${f(spc.lower)} to ${f(spc.upper)}.`;
  if (spc.coarse != null) return `${coarseSentence(spc, what, noun, unit)} ${limits}`;
  const { latest, earlier } = splitSignals(spc);
  const parts: string[] = [];
  if (latest.length === 0 && earlier.length === 0) {
    parts.push(`${what} shows only common cause variation, in the latest ${noun} and throughout the ${plural(spc.points.length, noun)} shown: no significant change`);
  } else {
    let head = `${what} shows ${latestWords(spc)} in the latest ${noun}`;
    if (latest.length) head += `: ${latest.map((s) => signalPhrase(s, grain)).join('; ')}`;
    parts.push(head);
    if (earlier.length) parts.push(`earlier, ${earlier.map((s) => signalPhrase(s, grain)).join('; ')}`);
  }
  const assurance = spc.assurance ? ` Against the target of ${f(spc.target ?? 0)}: ${assuranceWords[spc.assurance].toLowerCase()}.` : '';
  return `${parts.join('; ')}. ${limits}${assurance}${spc.warning ? ` ${spc.warning}` : ''}`;
}

/** Short words for a table cell beside the latest-point icon: the earlier signals, or null. */
export function earlierSignalsNote(spc: SignalSource | null): string | null {
  if (!spc) return null;
  if (spc.coarse != null) return COARSE_NOTE;
  const { earlier } = splitSignals(spc);
  if (earlier.length === 0) return null;
  return `Earlier: ${earlier.map(signalNote).join('; ')}.`;
}

export interface RollupItem {
  title: string;
  /** null: the series has too few points for SPC. */
  spc: SignalSource | null;
}

export interface Rollup {
  concern: string[];
  improvement: string[];
  neither: string[];
  /** Common cause in the latest point but at least one signal earlier in the window. */
  earlier: string[];
  /** No signal anywhere in the window. */
  common: string[];
  tooFew: string[];
  /** Counts too small (after rounding) for SPC to tell common from special cause. */
  coarse: string[];
}

/** Counts indicators by their latest point and by signals earlier in the window, the same way everywhere. */
export function spcRollup(items: RollupItem[]): Rollup {
  const r: Rollup = { concern: [], improvement: [], neither: [], earlier: [], common: [], tooFew: [], coarse: [] };
  for (const { title, spc } of items) {
    if (!spc) r.tooFew.push(title);
    else if (spc.coarse != null) r.coarse.push(title);
    else if (spc.variation?.startsWith('special-cause-concern')) r.concern.push(title);
    else if (spc.variation?.startsWith('special-cause-improvement')) r.improvement.push(title);
    else if (spc.variation?.startsWith('special-cause-neither')) r.neither.push(title);
    else if (signalsOf(spc).length > 0) r.earlier.push(title);
    else r.common.push(title);
  }
  return r;
}

/**
 * The roll-up in one sentence: "The monthly gap: special cause concern in the latest month on
 * two indicators (A, B); …; ten had too few points for SPC."
 */
export function rollupSentence(items: RollupItem[], subject: string, grain?: Grain): string {
  const r = spcRollup(items);
  // Indicators of mixed grain (monthly and quarterly) share one roll-up: "the latest point".
  const noun = grain ?? 'point';
  const list = (titles: string[]) => (titles.length ? ` (${titles.join(', ')})` : '');
  const n = (titles: string[]) => plural(titles.length, 'indicator');
  const parts: string[] = [];
  const latest = r.concern.length + r.improvement.length + r.neither.length;
  if (latest > 0) {
    const bits = [
      r.concern.length ? `concern on ${n(r.concern)}${list(r.concern)}` : '',
      r.improvement.length ? `improvement on ${n(r.improvement)}${list(r.improvement)}` : '',
      r.neither.length ? `a change with no better direction on ${n(r.neither)}${list(r.neither)}` : '',
    ].filter(Boolean);
    parts.push(`special cause ${bits.join(', ')} in the latest ${noun}`);
  }
  if (r.earlier.length) parts.push(`common cause in the latest ${noun} but special cause earlier in the window on ${n(r.earlier)}${list(r.earlier)}`);
  if (r.common.length) parts.push(`only common cause variation on ${n(r.common)}`);
  if (r.tooFew.length) parts.push(`${n(r.tooFew)} had too few points for SPC${list(r.tooFew)}`);
  if (r.coarse.length) parts.push(`on ${n(r.coarse)} the counts are too small for SPC to tell${list(r.coarse)}`);
  if (parts.length === 0) return `${subject}: no indicator to assess.`;
  return `${subject}: ${parts.join('; ')}.`;
}
