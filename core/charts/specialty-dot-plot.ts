import type { TopLevelSpec } from 'vega-lite';
import type { BreakdownResult } from '../contracts/results.ts';
import { formatValue } from '../text/format.ts';
import { colours } from './palette.ts';
import { base, groupAxis, rowDatum, valueTitle, type ChartOptions } from './shared.ts';

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
