// Vega-Lite specs for every Parity chart are pure functions of API results, one file each beside
// this one: no DOM, no React. The web app embeds them with vega-embed; the server compiles the
// same specs to SVG/PNG for board papers, so a chart on screen and a chart in a paper are the same
// chart. This file holds what they share: the font, the options, the base config (title, axes,
// legend), and how a result row becomes a datum compared with the overall.
import type { Row } from '../contracts/results.ts';
import { assess, assessmentLabel, type Assessment } from '../text/compare.ts';
import { formatCount, formatInterval, formatValue, withheldText, type UnitLike } from '../text/format.ts';
import { colours } from './palette.ts';

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

export type MetricLike = UnitLike & { title: string; polarity: 'higher' | 'lower' | 'context' };

export function base(options: ChartOptions) {
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
/** The value axis' title: the indicator and its unit, once ("… per 100,000", never "… per 100,000 (per 100,000)"). */
export function valueTitle(metric: MetricLike): string {
  if (!metric.unit || metric.title.toLowerCase().includes(metric.unit.toLowerCase())) return metric.title;
  return `${metric.title} (${metric.unit})`;
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

export function rowDatum(row: Row, metric: MetricLike, order: number, overallName = 'trust overall') {
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
    withheldLabel: row.suppression === 'secondary' ? '† suppressed (protects a small number)' : '* suppressed (small numbers)',
    assessment: assessmentLabel(a, overallName),
    valueText: row.suppressed ? withheldText(row.suppression) : formatValue(row.value, metric),
    intervalText: row.suppressed ? '–' : formatInterval(row.lower, row.upper, metric),
    countsText: `${formatCount(row.numerator)} of ${formatCount(row.denominator)}`,
  };
}

export function legendFor(used: Assessment[], overallName: string) {
  const order: Assessment[] = ['better', 'worse', 'higher', 'lower', 'similar', 'not-compared'];
  const present = order.filter((a) => used.includes(a));
  return {
    domain: present.map((a) => assessmentLabel(a, overallName)),
    colours: present.map((a) => assessmentColours[a]),
    shapes: present.map((a) => assessmentShapes[a]),
  };
}
