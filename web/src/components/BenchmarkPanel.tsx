// The benchmarks of one breakdown in words: a sentence per area (England first) with its verdict or
// why it was not compared, and, where England publishes the same groups, the trust's gradient and
// England's side by side — "is our deprivation gap wider than the national one?".
import type { BreakdownResult } from '../../../core/contracts/results.ts';
import { chartBenchmark } from '../../../core/charts/benchmark-layers.ts';
import { areaLabel, benchmarkSentence } from '../../../core/text/benchmarks.ts';
import { breakdownTitle } from '../../../core/text/compare.ts';
import { formatInterval, formatValue } from '../../../core/text/format.ts';
import { DataTable, type Column } from './DataTable.tsx';

interface GradientRow {
  label: string;
  trust: string;
  benchmark: string;
}

export function BenchmarkPanel({ result }: { result: BreakdownResult }) {
  const benchmarks = result.benchmarks ?? [];
  if (!benchmarks.length) return null;
  const drawn = chartBenchmark(benchmarks);
  const groups = new Map((drawn?.groups ?? []).map((g) => [g.group, g]));
  const gradient: GradientRow[] = groups.size
    ? result.rows.map((r) => {
        const g = groups.get(r.group);
        return {
          label: r.label,
          trust: r.suppressed ? '*' : `${formatValue(r.value, result.metric)} (${formatInterval(r.lower, r.upper, result.metric)})`,
          benchmark: g ? `${formatValue(g.value, result.metric)} (${formatInterval(g.lower, g.upper, result.metric)})` : '—',
        };
      })
    : [];
  const columns: Column<GradientRow>[] = [
    { header: breakdownTitle(result.by), cell: (r) => r.label, rowHeader: true },
    { header: `Trust (${result.level}% interval)`, cell: (r) => r.trust, numeric: true },
    { header: drawn ? `${areaLabel(drawn)} ${drawn.period} (95% interval)` : 'Benchmark', cell: (r) => r.benchmark, numeric: true },
  ];
  return (
    <section className="benchmarks" aria-label="Benchmarks" data-testid="benchmarks">
      <ul className="statements">
        {benchmarks.map((b) => (
          <li key={`${b.areaCode}-${b.period}`} data-area={b.areaCode} data-comparison={b.comparison}>
            {benchmarkSentence(b, result.metric)} <span className="source">Source: {b.source}.</span>
          </li>
        ))}
      </ul>
      {drawn && gradient.length > 0 && (
        <DataTable caption={`The trust's gradient beside ${areaLabel(drawn)}'s, ${drawn.period}`} columns={columns} rows={gradient} rowKey={(r) => r.label} />
      )}
    </section>
  );
}
