import type { TopLevelSpec } from 'vega-lite';
import type { Spc } from '../contracts/results.ts';
import { formatCount, formatInterval, formatMonth, formatValue, withheldText, type UnitLike } from '../text/format.ts';
import { colours } from './palette.ts';
import { base, type ChartOptions } from './shared.ts';

export interface TrendPoint {
  period: string;
  value: number | null;
  lower?: number | null;
  upper?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  suppressed?: boolean;
  suppression?: 'small' | 'secondary' | null;
}

export interface TrendInput {
  points: TrendPoint[];
  spc: Spc | null;
  unit: UnitLike;
  yTitle: string;
  /** A target line (completeness), in the value's unit. */
  target?: number | null;
  /** Start the value axis at zero (default false: SPC charts zoom to the process). */
  zero?: boolean;
}

const spcKinds = ['Special cause — improvement', 'Special cause — concern', 'Special cause — neither', 'Common cause'];
const spcColours = [colours.improvement, colours.concern, colours.neither, colours.common];
const spcShapes = ['diamond', 'square', 'triangle-up', 'circle'];

function kindLabel(kind: 'improvement' | 'concern' | 'neither' | null | undefined): string {
  if (kind === 'improvement') return spcKinds[0];
  if (kind === 'concern') return spcKinds[1];
  if (kind === 'neither') return spcKinds[2];
  return spcKinds[3];
}

const signalText: Record<string, string> = {
  'outside-limits': 'point outside the process limits',
  trend: '7 points rising or falling',
  'two-of-three': '2 of 3 points near a limit',
  shift: '7 points on one side of the mean',
};

/**
 * A statistical process control chart (Making Data Count XmR): the monthly values joined by a
 * line, the mean, the process limits, and special-cause points coloured and shaped as
 * improvement (blue) or concern (orange); common cause in grey. Without enough points for SPC it
 * draws the run chart alone.
 */
export function trendSpec(input: TrendInput, options: ChartOptions = {}): TopLevelSpec {
  const { unit, spc } = input;
  const byPeriod = new Map((spc?.points ?? []).map((p) => [p.period, p]));
  const values = input.points.map((p) => {
    const s = byPeriod.get(p.period);
    return {
      period: p.period,
      value: p.suppressed ? null : p.value,
      month: formatMonth(p.period),
      valueText: p.suppressed ? withheldText(p.suppression) : formatValue(p.value, unit),
      intervalText: p.lower === undefined ? null : formatInterval(p.lower, p.upper, unit),
      countsText: p.numerator === undefined ? null : `${formatCount(p.numerator)} of ${formatCount(p.denominator)}`,
      kind: spc ? kindLabel(s?.kind) : 'Common cause',
      signal: s?.signal ? signalText[s.signal] ?? s.signal : 'none',
    };
  });
  const x = { field: 'period', type: 'temporal' as const, timeUnit: 'utcyearmonth' as const, title: null, axis: { format: '%b %Y', labelAngle: -40, tickCount: 12, labelOverlap: true } };
  const y = { field: 'value', type: 'quantitative' as const, title: input.yTitle, scale: { zero: input.zero ?? false } };
  const tooltip = [
    { field: 'month', title: 'Month' },
    { field: 'valueText', title: 'Value' },
    ...(values.some((v) => v.intervalText) ? [{ field: 'intervalText', title: 'Interval' }] : []),
    ...(values.some((v) => v.countsText) ? [{ field: 'countsText', title: 'Numerator of denominator' }] : []),
    ...(spc ? [{ field: 'kind', title: 'Variation' }, { field: 'signal', title: 'Rule' }] : []),
  ];
  const rule = (value: number, colour: string, dash: number[] | undefined, text: string) => ({
    data: { values: [{ value, text }] },
    mark: { type: 'rule', color: colour, strokeWidth: 1.5, ...(dash ? { strokeDash: dash } : {}) },
    encoding: { y: { field: 'value', type: 'quantitative' }, tooltip: { field: 'text' } },
  });
  const used = new Set(values.filter((v) => v.value !== null).map((v) => v.kind));
  const domain = spcKinds.filter((k) => used.has(k));
  const layers: unknown[] = [];
  if (spc) {
    layers.push(rule(spc.upper, colours.limit, [6, 4], `Upper process limit ${formatValue(spc.upper, unit)}`));
    layers.push(rule(spc.lower, colours.limit, [6, 4], `Lower process limit ${formatValue(spc.lower, unit)}`));
    layers.push(rule(spc.mean, colours.text, undefined, `Mean ${formatValue(spc.mean, unit)}`));
  }
  if (input.target !== null && input.target !== undefined) {
    layers.push(rule(input.target, colours.target, [2, 3], `Target ${formatValue(input.target, unit)}`));
  }
  layers.push({ mark: { type: 'line', color: colours.secondaryText, strokeWidth: 1.5 }, encoding: { x, y } });
  layers.push({
    transform: [{ filter: 'datum.value != null' }],
    mark: { type: 'point', filled: true, size: 60, stroke: colours.text, strokeWidth: 0.75, opacity: 1 },
    encoding: {
      x, y, tooltip,
      color: { field: 'kind', type: 'nominal', title: 'Variation (SPC)', scale: { domain, range: domain.map((k) => spcColours[spcKinds.indexOf(k)]) } },
      shape: { field: 'kind', type: 'nominal', scale: { domain, range: domain.map((k) => spcShapes[spcKinds.indexOf(k)]) } },
    },
  });
  const spec = { ...base(options), height: options.height ?? 260, data: { values }, layer: layers };
  return spec as unknown as TopLevelSpec;
}
