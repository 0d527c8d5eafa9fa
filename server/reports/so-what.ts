// Page one of the board report: for each indicator one line that says "so what" — Core20 against
// the rest, where the deprivation gap went over the window, what SPC found (icons and every
// signal) and whether ethnicity is recorded well enough to trust the ethnic breakdowns. Pure: the
// figures come in, the words go out.
import { core20Verdict, core20VerdictLabels, targetVerdict, targetVerdictLabels, type Core20Verdict, type TargetVerdict } from '../../core/text/compare.ts';
import { formatDifference, formatMonth, formatValue } from '../../core/text/format.ts';
import { COARSE_NOTE, signalNote, spcSentence, splitSignals, TOO_FEW_POINTS } from '../../core/text/spc-words.ts';
import type { SpcSignal } from '../../core/contracts/results.ts';
import type { PublicMetric, SpcView } from '../../metrics/engine/result-types.ts';

interface Figure {
  value: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
}

export interface CompletenessFigure {
  datasetTitle: string;
  validPercent: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
}

export interface SoWhatInput {
  metric: PublicMetric;
  core20: Figure | null;
  rest: Figure | null;
  spc: SpcView | null;
  /** SPC on the Q1 − Q5 gap; `hasGap` false when the indicator has no IMD series at all. */
  gapSpc: SpcView | null;
  hasGap: boolean;
  /** Ethnicity recording of the indicator's dataset; null for published (aggregate) figures. */
  completeness: CompletenessFigure | null;
  target: number;
}

export type GapDirection = 'widening' | 'narrowing' | 'no-change' | 'too-few' | 'too-coarse' | 'none';
export type CompletenessStatus = TargetVerdict | 'not-applicable';

export interface SoWhatLine {
  metric: PublicMetric;
  core20: { verdict: Core20Verdict; text: string };
  gap: { direction: GapDirection; text: string };
  /** `coarse`: rounding swamps the series, so its icon is not read (Spc.coarse). */
  spc: { variation: string | null; assurance: string | null; signals: SpcSignal[]; text: string; coarse: boolean };
  completeness: { status: CompletenessStatus; text: string };
}

export const gapDirectionLabels: Record<GapDirection, string> = {
  widening: 'Widening',
  narrowing: 'Narrowing',
  'no-change': 'No significant change',
  'too-few': 'Too few points to tell',
  'too-coarse': 'Counts too small to tell',
  none: 'No deprivation gap',
};

/** The completeness verdict in the one wording of a CI against a target; published figures are the publisher's. */
export const completenessLabels: Record<CompletenessStatus, string> = { ...targetVerdictLabels, 'not-applicable': 'Published figures' };

export function completenessStatus(c: CompletenessFigure | null, target: number): CompletenessStatus {
  return c ? targetVerdict(c, target) : 'not-applicable';
}

const span = (s: { from: string; to: string }) => (s.from === s.to ? formatMonth(s.from) : `${formatMonth(s.from)}–${formatMonth(s.to)}`);
/** Page one names at most this many signals per series, and says how many more the chart shows. */
const MAX_SIGNALS = 3;

/** The signals in the short words of table cells, the latest last; the oldest counted when there are many. */
function signalList(signals: SpcSignal[], max = MAX_SIGNALS): string {
  const shown = signals.slice(-max).map(signalNote);
  const more = signals.length - shown.length;
  return `${more > 0 ? `${more} earlier signal${more === 1 ? '' : 's'} (see the chart), then ` : ''}${shown.join('; ')}`;
}

const windowOf = (spc: SpcView) => span({ from: spc.points[0]?.period ?? '', to: spc.points[spc.points.length - 1]?.period ?? '' });

/** The SPC words for a line. One call, so the report and the charts say the same thing. */
export function spcWords(spc: SpcView | null, metric: PublicMetric, gap = false): string {
  return spcSentence(spc, metric, { gap, grain: metric.grain });
}

function core20Line(i: SoWhatInput): SoWhatLine['core20'] {
  const verdict = core20Verdict(i.core20, i.rest, i.metric.polarity);
  if (!i.core20 || !i.rest) return { verdict, text: 'Not compared: no deprivation breakdown for this indicator' };
  if (verdict === 'none') return { verdict, text: 'Not compared: too few records in a group (suppressed)' };
  const figures = `${formatValue(i.core20.value, i.metric)} against ${formatValue(i.rest.value, i.metric)} for the rest`;
  return { verdict, text: `${core20VerdictLabels[verdict]}: ${figures}` };
}

function gapLine(i: SoWhatInput): SoWhatLine['gap'] {
  if (!i.hasGap) return { direction: 'none', text: 'No deprivation gap: the indicator has no IMD breakdown' };
  if (!i.gapSpc) return { direction: 'too-few', text: 'Too few months with a gap for process limits, so no direction is claimed' };
  if (i.gapSpc.coarse != null) return { direction: 'too-coarse', text: `${gapDirectionLabels['too-coarse']}: rounding the counts to 5 moves the gap as much as it varies, so no direction is claimed` };
  const signals = i.gapSpc.signals ?? [];
  const mean = formatDifference(i.gapSpc.mean, i.metric);
  if (signals.length === 0) return { direction: 'no-change', text: `No significant change: common cause variation around ${mean}, ${windowOf(i.gapSpc)}` };
  // The latest signal says where the gap went; a gap moving away from zero is widening.
  const last = signals[signals.length - 1];
  const points = i.gapSpc.points.filter((p) => p.period >= last.from && p.period <= last.to);
  const level = points.length ? points.reduce((s, p) => s + (p.value ?? 0), 0) / points.length : i.gapSpc.mean;
  const sign = Math.sign(i.gapSpc.mean || level);
  const away = sign === 0 ? false : (last.direction === 'high') === sign > 0;
  const direction: GapDirection = away ? 'widening' : 'narrowing';
  return { direction, text: `${gapDirectionLabels[direction]}: around a mean of ${mean}, ${windowOf(i.gapSpc)}, the gap ${signalList(signals, 2)}` };
}

function spcLine(i: SoWhatInput): SoWhatLine['spc'] {
  const signals = i.spc?.signals ?? [];
  let text: string;
  if (!i.spc) text = TOO_FEW_POINTS;
  else if (i.spc.coarse != null) text = COARSE_NOTE;
  else if (signals.length === 0) text = `No special cause, ${windowOf(i.spc)}`;
  else {
    // The latest point's signal first (what the icon shows), then what happened earlier.
    const { latest, earlier } = splitSignals(i.spc);
    text = [latest.length ? `Latest: ${signalList(latest, 2)}` : '', earlier.length ? `Earlier: ${signalList(earlier, 2)}` : ''].filter(Boolean).join('. ');
  }
  return { variation: i.spc?.variation ?? null, assurance: i.spc?.assurance ?? null, signals, text, coarse: i.spc?.coarse != null };
}

function completenessLine(i: SoWhatInput): SoWhatLine['completeness'] {
  const status = completenessStatus(i.completeness, i.target);
  if (!i.completeness) return { status, text: 'Published figures: recording is the publisher’s' };
  const share = i.completeness.validPercent === null ? 'not available' : `${formatValue(i.completeness.validPercent, { unit: '%' })}`;
  return { status, text: `${completenessLabels[status]}: ${share} of ${i.completeness.datasetTitle} records have a valid ethnic category (target ${i.target}%)` };
}

export function soWhatLine(i: SoWhatInput): SoWhatLine {
  return { metric: i.metric, core20: core20Line(i), gap: gapLine(i), spc: spcLine(i), completeness: completenessLine(i) };
}

/** Lines grouped by Core20PLUS5 clinical area, in the order the areas first appear; the rest last. */
export function byArea<T extends { metric: { area: string | null } }>(items: T[]): { area: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const area = item.metric.area ? item.metric.area.charAt(0).toUpperCase() + item.metric.area.slice(1) : 'Across the trust';
    groups.set(area, [...(groups.get(area) ?? []), item]);
  }
  const other = groups.get('Across the trust');
  groups.delete('Across the trust');
  return [...groups.entries(), ...(other ? [['Across the trust', other] as const] : [])].map(([area, list]) => ({ area, items: [...list] }));
}
