// Vega-Lite specs for every Parity chart, as pure functions of API results: no DOM, no React.
// The web app embeds them with vega-embed; the server compiles the same specs to SVG/PNG for
// board papers, so a chart on screen and a chart in a paper are the same chart.
import type { TopLevelSpec } from 'vega-lite';
import type { BreakdownResult, Counts, Row, Spc } from '../contracts/results.ts';
import { assess, assessmentLabel, breakdownTitle, type Assessment } from '../text/compare.ts';
import { formatCount, formatInterval, formatMonth, formatNumber, formatPercent, formatValue, type UnitLike } from '../text/format.ts';
import { colours, completenessColours, heatmapScheme } from './palette.ts';

/**
 * The chart font: Source Sans Pro (SIL Open Font License), shipped in the `source-sans-pro` package.
 * The web app loads it with @font-face from the server's /fonts/ (styles.css) and the server renders
 * with the same files (server/charts/fonts.ts), so a chart on screen and in a paper match.
 */
export const chartFontFamily = 'Source Sans Pro';
export const defaultFont = `"${chartFontFamily}", "Segoe UI", Arial, sans-serif`;

export interface ChartOptions {
  /** Pixels, or 'container' to fill the element the chart is embedded in (web only). */
  width?: number | 'container';
  height?: number;
  title?: string;
  subtitle?: string | string[];
  font?: string;
  /** What the overall figure is called: "Trust overall" (default), or e.g. "Cardiology overall" when filtered. */
  overallLabel?: string;
}

type MetricLike = UnitLike & { title: string; polarity: 'higher' | 'lower' | 'context' };

function base(options: ChartOptions) {
  const font = options.font ?? defaultFont;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(options.title ? { title: { text: options.title, subtitle: options.subtitle, anchor: 'start' as const, color: colours.text, subtitleColor: colours.secondaryText, fontSize: 15 } } : {}),
    width: options.width ?? 600,
    autosize: { type: 'fit-x' as const, contains: 'padding' as const },
    background: '#ffffff',
    config: {
      font,
      view: { stroke: null },
      axis: {
        labelColor: colours.text, titleColor: colours.text, labelFontSize: 12, titleFontSize: 12,
        titleFontWeight: 600 as const, gridColor: colours.grid, domainColor: colours.border, tickColor: colours.border,
      },
      legend: { labelColor: colours.text, titleColor: colours.text, labelFontSize: 12, titleFontSize: 12, titleLimit: 480, orient: 'bottom' as const, direction: 'horizontal' as const, columns: 3, labelLimit: 260 },
      text: { color: colours.text, fontSize: 12 },
    },
  };
}

/**
 * The axis of group names (a band axis). A long name is cut at `limit` pixels with an ellipsis (the
 * data table has it whole), and the axis reserves room for the longest label it may draw
 * (`maxExtent`: Vega's default is 200 px, so longer labels ran under the axis title), with the
 * title set clear of the labels. 264 px fits the longest ethnic category at 12 px.
 */
export function groupAxis(limit = 264) {
  return { labelLimit: limit, maxExtent: limit + 10, titlePadding: 10 };
}

/**
 * Whether group names are long enough (about 200 px at 12 px: Source Sans Pro averages under
 * 5.6 px a character) to take room from the plot. A bottom legend starts where the plot starts,
 * so beside long names it gets fewer columns, or it would run past the right edge at tablet width.
 */
export function hasLongLabels(labels: string[]): boolean {
  return labels.some((l) => l.length * 5.6 > 200);
}

/** The axis title for a metric's values: "Outpatient did-not-attend rate (%)". */
export function valueTitle(metric: MetricLike): string {
  return metric.unit ? `${metric.title} (${metric.unit})` : metric.title;
}

const assessmentColours: Record<Assessment, string> = {
  better: colours.improvement,
  worse: colours.concern,
  higher: colours.neither,
  lower: colours.neither,
  similar: colours.common,
  suppressed: colours.suppressed,
  'not-compared': colours.common,
};
const assessmentShapes: Record<Assessment, string> = {
  better: 'diamond',
  worse: 'square',
  higher: 'triangle-up',
  lower: 'triangle-down',
  similar: 'circle',
  suppressed: 'circle',
  'not-compared': 'circle',
};

function rowDatum(row: Row, metric: MetricLike, order: number, overallName = 'trust overall') {
  const a = assess(row, metric.polarity);
  return {
    group: row.group,
    label: row.label,
    group2: row.group2 ?? null,
    label2: row.label2 ?? null,
    order,
    value: row.suppressed ? null : row.value,
    lower: row.suppressed ? null : row.lower,
    upper: row.suppressed ? null : row.upper,
    suppressed: row.suppressed,
    assessment: assessmentLabel(a, overallName),
    valueText: row.suppressed ? 'Suppressed (small numbers)' : formatValue(row.value, metric),
    intervalText: row.suppressed ? '–' : formatInterval(row.lower, row.upper, metric),
    countsText: `${formatCount(row.numerator)} of ${formatCount(row.denominator)}`,
  };
}

function legendFor(used: Assessment[], overallName: string) {
  const order: Assessment[] = ['better', 'worse', 'higher', 'lower', 'similar', 'not-compared'];
  const present = order.filter((a) => used.includes(a));
  return {
    domain: present.map((a) => assessmentLabel(a, overallName)),
    colours: present.map((a) => assessmentColours[a]),
    shapes: present.map((a) => assessmentShapes[a]),
  };
}

/**
 * One value per group with its confidence interval as an error bar, a dashed rule at the trust
 * overall, and each point coloured and shaped by how it compares with the overall. Suppressed
 * groups keep their row and say so.
 */
export function breakdownSpec(result: Pick<BreakdownResult, 'metric' | 'by' | 'overall' | 'rows' | 'level'>, options: ChartOptions = {}): TopLevelSpec {
  const metric = result.metric;
  const overallLabel = options.overallLabel ?? 'Trust overall';
  const overallName = overallLabel === 'Trust overall' ? 'trust overall' : overallLabel;
  const rows = result.rows.map((r, i) => rowDatum(r, metric, i, overallName));
  const labels = rows.map((r) => r.label);
  const used = result.rows.filter((r) => !r.suppressed && r.value !== null).map((r) => assess(r, metric.polarity));
  const legend = legendFor(used, overallName);
  const y = { field: 'label', type: 'nominal' as const, title: breakdownTitle(result.by), sort: labels, scale: { domain: labels }, axis: groupAxis() };
  const x = { field: 'value', type: 'quantitative' as const, title: valueTitle(metric), axis: { tickCount: 6 } };
  const tooltip = [
    { field: 'label', title: breakdownTitle(result.by) },
    { field: 'valueText', title: 'Value' },
    { field: 'intervalText', title: `${result.level}% interval` },
    { field: 'countsText', title: 'Numerator of denominator' },
    { field: 'assessment', title: `Compared with ${overallName}` },
  ];
  const overall = result.overall.suppressed ? null : result.overall.value;
  const spec = {
    ...base(options),
    height: { step: 30 },
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: 'datum.lower != null && datum.upper != null' }],
        mark: { type: 'rule', strokeWidth: 2.5, color: colours.limit },
        encoding: { y, x: { field: 'lower', type: 'quantitative', title: valueTitle(metric) }, x2: { field: 'upper' }, tooltip },
      },
      {
        transform: [{ filter: 'datum.value != null' }],
        mark: { type: 'point', filled: true, size: 110, stroke: colours.text, strokeWidth: 1, opacity: 1 },
        encoding: {
          y,
          x,
          color: {
            field: 'assessment', type: 'nominal', title: `Compared with ${overallName} (${result.level}% intervals)`,
            scale: { domain: legend.domain, range: legend.colours }, legend: { columns: hasLongLabels(labels) ? 2 : 3 },
          },
          shape: { field: 'assessment', type: 'nominal', scale: { domain: legend.domain, range: legend.shapes } },
          tooltip,
        },
      },
      {
        transform: [{ filter: 'datum.suppressed' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, color: colours.secondaryText, fontStyle: 'italic' },
        encoding: { y, x: { value: 0 }, text: { value: '* suppressed (small numbers)' } },
      },
      ...(overall === null ? [] : [{
        data: { values: [{ value: overall, text: `${overallLabel} ${formatValue(overall, metric)}` }] },
        mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 1.5, color: colours.text },
        encoding: { x: { field: 'value', type: 'quantitative' }, tooltip: { field: 'text' } },
      }]),
    ],
  };
  return spec as unknown as TopLevelSpec;
}

export interface TrendPoint {
  period: string;
  value: number | null;
  lower?: number | null;
  upper?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  suppressed?: boolean;
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
      valueText: p.suppressed ? 'Suppressed (small numbers)' : formatValue(p.value, unit),
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

/**
 * A two-way table as a heat map: one cell per pair of groups, shaded by value, with the value
 * written in the cell. Suppressed cells are pale grey and marked "*".
 */
export function heatmapSpec(result: Pick<BreakdownResult, 'metric' | 'by' | 'by2' | 'rows' | 'level'>, options: ChartOptions = {}): TopLevelSpec {
  const metric = result.metric;
  const rows = result.rows.map((r, i) => {
    const datum = rowDatum(r, metric, i);
    return {
      ...datum,
      cellText: r.suppressed ? '*' : formatNumber(r.value, metric),
      // What a screen reader says for the cell (Vega-Lite's default reads a suppressed value as "null").
      cellDescription: `${datum.label}, ${datum.label2 ?? ''}: ${datum.valueText}${r.suppressed ? '' : `, ${result.level}% interval ${datum.intervalText}`}, ${datum.countsText}`,
    };
  });
  const labels1 = [...new Set(rows.map((r) => r.label))];
  const labels2 = [...new Set(rows.map((r) => r.label2 ?? ''))];
  const shown = rows.map((r) => r.value).filter((v): v is number => v !== null);
  const min = shown.length ? Math.min(...shown) : 0;
  const max = shown.length ? Math.max(...shown) : 1;
  const darkAbove = min + (max - min) * 0.55;
  const x = { field: 'label2', type: 'nominal' as const, title: breakdownTitle(result.by2 ?? ''), sort: labels2, axis: { labelAngle: 0, orient: 'top' as const, labelLimit: 120 } };
  const y = { field: 'label', type: 'nominal' as const, title: breakdownTitle(result.by), sort: labels1, axis: groupAxis(220) };
  const tooltip = [
    { field: 'label', title: breakdownTitle(result.by) },
    { field: 'label2', title: breakdownTitle(result.by2 ?? '') },
    { field: 'valueText', title: 'Value' },
    { field: 'intervalText', title: `${result.level}% interval` },
    { field: 'countsText', title: 'Numerator of denominator' },
  ];
  const spec = {
    ...base(options),
    height: { step: 34 },
    data: { values: rows },
    encoding: { x, y },
    layer: [
      {
        // 'show': Vega-Lite otherwise drops cells whose value is null, leaving suppressed cells blank.
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2, invalid: 'show' },
        encoding: {
          color: {
            condition: { test: 'datum.value == null', value: colours.suppressed },
            field: 'value', type: 'quantitative', title: valueTitle(metric),
            scale: { scheme: heatmapScheme, domain: [min, max] },
            legend: { orient: 'bottom', direction: 'horizontal', gradientLength: 240 },
          },
          description: { field: 'cellDescription' },
          tooltip,
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'cellText' },
          color: { condition: { test: `datum.value != null && datum.value > ${darkAbove}`, value: '#ffffff' }, value: colours.text },
          tooltip,
        },
      },
    ],
  };
  return spec as unknown as TopLevelSpec;
}

export const completenessCategories = ['Valid', 'Not stated', 'Not known', 'Missing', 'Invalid'] as const;

export interface CompletenessItem extends Counts {
  label: string;
  /** First day of the period, for a bar per month. */
  period?: string;
}

function shareOf(part: number | null, total: number | null): number | null {
  return part === null || total === null || total <= 0 ? null : (part / total) * 100;
}

function completenessLong(items: CompletenessItem[], categories: readonly string[]) {
  return items.flatMap((item, i) => {
    const counts = [item.valid, item.notStated, item.notKnown, item.missing, item.invalid];
    // Shares of the counts shown, not of the total: under disclosure control each count is rounded
    // on its own, so shares of the rounded total can add up to more than 100%.
    const shown = counts.reduce<number | null>((sum, n) => (n === null ? sum : (sum ?? 0) + n), null);
    return completenessCategories.map((category, c) => ({
      label: item.label,
      period: item.period ?? null,
      item: i,
      category,
      order: c,
      count: counts[c],
      share: shareOf(counts[c], shown) ?? 0,
      countText: formatCount(counts[c]),
      shareText: formatPercent(shareOf(counts[c], shown)),
      totalText: formatCount(item.total),
    })).filter((d) => categories.includes(d.category));
  });
}

/**
 * Stacked bars of valid / not stated / not known / missing / invalid records: one bar per group
 * (horizontal) or per period (vertical, `orientation: 'periods'`). With `withoutValid` only the
 * four kinds of unusable record are stacked, on an axis zoomed to them.
 */
export function completenessStackSpec(items: CompletenessItem[], options: ChartOptions & { orientation?: 'groups' | 'periods'; groupTitle?: string; withoutValid?: boolean } = {}): TopLevelSpec {
  const categories = options.withoutValid ? completenessCategories.slice(1) : completenessCategories;
  const values = completenessLong(items, categories);
  const labels = items.map((i) => i.label);
  const share = {
    field: 'share', type: 'quantitative' as const, stack: 'zero' as const,
    title: options.withoutValid ? 'Share of records not validly recorded (%)' : 'Share of records (%)',
    ...(options.withoutValid ? {} : { scale: { domain: [0, 100] } }), axis: { tickCount: 5 },
  };
  const group = options.orientation === 'periods' && items.every((i) => i.period)
    ? { field: 'period', type: 'temporal' as const, timeUnit: 'utcyearmonth' as const, title: null, axis: { format: '%b %Y', labelAngle: -40, labelOverlap: true } }
    : { field: 'label', type: 'nominal' as const, title: options.groupTitle ?? null, sort: labels, axis: options.orientation === 'periods' ? { labelLimit: 220, labelAngle: -40 } : groupAxis() };
  const colour = {
    field: 'category', type: 'nominal' as const, title: 'Recorded as',
    scale: { domain: [...categories], range: categories.map((c) => completenessColours[c as keyof typeof completenessColours]) },
    legend: { columns: options.orientation !== 'periods' && hasLongLabels(labels) ? 3 : 5 },
  };
  const tooltip = [
    { field: 'label', title: options.groupTitle ?? 'Group' },
    { field: 'category', title: 'Recorded as' },
    { field: 'countText', title: 'Records' },
    { field: 'shareText', title: 'Share' },
    { field: 'totalText', title: 'All records' },
  ];
  const encoding = options.orientation === 'periods'
    ? { x: group, y: share, color: colour, order: { field: 'order', type: 'quantitative' as const }, tooltip }
    : { y: group, x: share, color: colour, order: { field: 'order', type: 'quantitative' as const }, tooltip };
  const spec = {
    ...base(options),
    height: options.orientation === 'periods' ? options.height ?? 240 : { step: 24 },
    data: { values },
    mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
    encoding,
  };
  return spec as unknown as TopLevelSpec;
}

/**
 * Where one specialty sits among the others: every specialty's value with its interval, sorted,
 * the chosen one highlighted and labelled in bold, and the trust overall as a dashed rule.
 */
export function specialtyDotPlotSpec(result: Pick<BreakdownResult, 'metric' | 'overall' | 'rows' | 'level'>, highlight: string, options: ChartOptions = {}): TopLevelSpec {
  const metric = result.metric;
  const shown = result.rows.filter((r) => !r.suppressed && r.value !== null);
  const sorted = [...shown].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const values = sorted.map((r, i) => ({ ...rowDatum(r, metric, i), highlight: r.group === highlight ? 'This specialty' : 'Other specialties' }));
  const labels = values.map((v) => v.label);
  const chosen = values.find((v) => v.highlight === 'This specialty')?.label ?? '';
  const y = {
    field: 'label', type: 'nominal' as const, title: null, sort: labels,
    axis: { ...groupAxis(), labelFontWeight: { condition: { test: `datum.value === ${JSON.stringify(chosen)}`, value: 'bold' }, value: 'normal' } },
  };
  const colour = { field: 'highlight', type: 'nominal' as const, title: null, scale: { domain: ['This specialty', 'Other specialties'], range: [colours.highlight, colours.muted] } };
  const tooltip = [
    { field: 'label', title: 'Specialty' },
    { field: 'valueText', title: 'Value' },
    { field: 'intervalText', title: `${result.level}% interval` },
    { field: 'countsText', title: 'Numerator of denominator' },
    { field: 'assessment', title: 'Compared with trust' },
  ];
  const overall = result.overall.suppressed ? null : result.overall.value;
  const spec = {
    ...base(options),
    height: { step: 22 },
    data: { values },
    layer: [
      {
        transform: [{ filter: 'datum.lower != null && datum.upper != null' }],
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y, x: { field: 'lower', type: 'quantitative', title: valueTitle(metric) }, x2: { field: 'upper' }, color: colour, tooltip },
      },
      {
        mark: { type: 'point', filled: true, stroke: colours.text, strokeWidth: 0.75, opacity: 1 },
        encoding: {
          y, x: { field: 'value', type: 'quantitative' }, color: colour, tooltip,
          size: { condition: { test: "datum.highlight === 'This specialty'", value: 160 }, value: 60 },
        },
      },
      ...(overall === null ? [] : [{
        data: { values: [{ value: overall, text: `Trust overall ${formatValue(overall, metric)}` }] },
        mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 1.5, color: colours.text },
        encoding: { x: { field: 'value', type: 'quantitative' }, tooltip: { field: 'text' } },
      }]),
    ],
  };
  return spec as unknown as TopLevelSpec;
}
