// The benchmark on a breakdown chart: England's (or the first area's) value as a solid rule, its
// 95% interval as a pale band behind every group, and — where England publishes the same groups
// (deprivation deciles, ethnic groups) — England's value for each group as an open diamond on the
// trust's row, so the two gradients sit side by side.
import { englandOf, type Benchmark } from '../contracts/benchmarks.ts';
import type { Row } from '../contracts/results.ts';
import { formatInterval, formatValue, type UnitLike } from '../text/format.ts';
import { colours } from './palette.ts';

/**
 * The area a chart draws: England when it is there, else the first benchmark listed — never one in
 * another unit (premature births per 1,000 on a percentage axis would be a wrong picture).
 */
export function chartBenchmark(benchmarks: readonly Benchmark[] | undefined): Benchmark | null {
  const drawable = benchmarks?.filter((b) => !b.unit) ?? [];
  return englandOf(drawable) ?? drawable[0] ?? null;
}

export function benchmarkName(b: Benchmark): string {
  return b.areaName ?? b.areaCode;
}

export function benchmarkLayers(benchmark: Benchmark | null, rows: readonly Row[], metric: UnitLike, y: object): object[] {
  if (!benchmark || benchmark.value === null) return [];
  const name = benchmarkName(benchmark);
  const text = `${name} ${benchmark.period}: ${formatValue(benchmark.value, metric)}`;
  const interval = benchmark.lower !== null && benchmark.upper !== null ? formatInterval(benchmark.lower, benchmark.upper, metric) : 'no interval published';
  const layers: object[] = [];
  if (benchmark.lower !== null && benchmark.upper !== null) {
    layers.push({
      data: { values: [{ lower: benchmark.lower, upper: benchmark.upper, text, interval }] },
      mark: { type: 'rect', color: colours.target, opacity: 0.15 },
      encoding: { x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' }, tooltip: [{ field: 'text', title: 'Benchmark' }, { field: 'interval', title: '95% interval' }] },
    });
  }
  layers.push({
    data: { values: [{ value: benchmark.value, text, interval }] },
    mark: { type: 'rule', strokeWidth: 2, color: colours.target },
    encoding: { x: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'text', title: 'Benchmark' }, { field: 'interval', title: '95% interval' }] },
  });
  const labels = new Map(rows.map((r) => [r.group, r.label]));
  const points = (benchmark.groups ?? []).filter((g) => g.value !== null && labels.has(g.group)).map((g) => ({
    label: labels.get(g.group)!,
    value: g.value,
    text: `${name} ${benchmark.period}, ${labels.get(g.group)}: ${formatValue(g.value, metric)}`,
    interval: g.lower !== null && g.upper !== null ? formatInterval(g.lower, g.upper, metric) : 'no interval published',
  }));
  if (points.length) {
    layers.push({
      data: { values: points },
      mark: { type: 'point', shape: 'diamond', filled: false, size: 120, strokeWidth: 2, color: colours.target },
      encoding: { y, x: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'text', title: 'Benchmark' }, { field: 'interval', title: '95% interval' }] },
    });
  }
  return layers;
}
