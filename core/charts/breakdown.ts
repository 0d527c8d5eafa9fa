import type { TopLevelSpec } from 'vega-lite';
import type { BreakdownResult } from '../contracts/results.ts';
import { assess, breakdownTitle } from '../text/compare.ts';
import { formatValue } from '../text/format.ts';
import { colours } from './palette.ts';
import { base, groupAxis, hasLongLabels, legendFor, rowDatum, valueTitle, type ChartOptions } from './shared.ts';

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
        encoding: { y, x: { value: 0 }, text: { field: 'withheldLabel' } },
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
