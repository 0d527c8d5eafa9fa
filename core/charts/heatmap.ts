import type { TopLevelSpec } from 'vega-lite';
import type { BreakdownResult } from '../contracts/results.ts';
import { breakdownTitle } from '../text/compare.ts';
import { formatNumber } from '../text/format.ts';
import { colours, heatmapScheme } from './palette.ts';
import { base, groupAxis, rowDatum, valueTitle, type ChartOptions } from './shared.ts';

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
