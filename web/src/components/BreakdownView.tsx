// One breakdown: the chart of values with intervals, the plain-English statements, and the
// table (numerators, denominators, intervals, comparison) as the chart's text alternative.
import type { BreakdownResult, Row } from '../../../core/contracts/results.ts';
import { Chart } from '../charts/Chart.tsx';
import { breakdownData } from '../charts/chart-files.ts';
import { disclosedBreakdown } from '../charts/disclosed-data.ts';
import { breakdownSpec } from '../../../core/charts/breakdown.ts';
import { assess, assessmentLabel, breakdownPhrase, breakdownTitle } from '../../../core/text/compare.ts';
import { describeBreakdown } from '../../../core/text/describe.ts';
import { formatCount, formatInterval, formatPeriod, formatRatio, formatValue, withheldMark } from '../../../core/text/format.ts';
import { DataTable, type Column } from './DataTable.tsx';
import { useMemo } from 'react';

export function BreakdownTable({ result, caption, overallLabel = 'Trust overall' }: { result: BreakdownResult; caption: string; overallLabel?: string }) {
  const overallName = overallLabel === 'Trust overall' ? 'trust overall' : overallLabel;
  const { metric, level } = result;
  const hasRatio = result.rows.some((r) => r.ratio);
  const overallRow: Row = {
    ...result.overall,
    group: '__overall',
    label: overallLabel,
    method: result.overall.method ?? '',
    comparison: null,
  };
  const columns: Column<Row>[] = [
    { header: breakdownTitle(result.by), cell: (r) => r.label, rowHeader: true },
    { header: `Value (${metric.unit})`, cell: (r) => (r.suppressed ? withheldMark(r.suppression) : formatValue(r.value, metric)), numeric: true },
    { header: `${level}% interval`, cell: (r) => (r.suppressed ? withheldMark(r.suppression) : formatInterval(r.lower, r.upper, metric)), numeric: true },
    { header: 'Numerator', cell: (r) => formatCount(r.numerator), numeric: true },
    { header: 'Denominator', cell: (r) => formatCount(r.denominator), numeric: true },
    { header: `Compared with ${overallName}`, cell: (r) => (r.group === '__overall' ? '—' : assessmentLabel(assess(r, metric.polarity), overallName)) },
  ];
  if (hasRatio) {
    columns.push({
      header: `Ratio to ${result.reference?.label ?? 'reference'}`,
      cell: (r) => (r.ratio ? `${formatRatio(r.ratio.value)} (${formatRatio(r.ratio.lower)} to ${formatRatio(r.ratio.upper)})` : '—'),
      numeric: true,
    });
  }
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={[...result.rows, overallRow]}
      rowKey={(r, i) => `${r.group}-${r.group2 ?? ''}-${i}`}
      rowClass={(r) => (r.group === '__overall' ? 'is-highlight' : r.suppressed ? 'is-suppressed' : undefined)}
    />
  );
}

export function Statements({ result, overallName = 'trust overall' }: { result: BreakdownResult; overallName?: string }) {
  const s = describeBreakdown(result, overallName);
  const items = [...s.differences, s.similar, s.suppressed, s.notCompared].filter((x): x is string => Boolean(x));
  if (items.length === 0) return null;
  return (
    <ul className="statements">
      {items.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}

export function BreakdownView({ result, title, overallLabel = 'Trust overall' }: { result: BreakdownResult; title?: string; overallLabel?: string }) {
  const overallName = overallLabel === 'Trust overall' ? 'trust overall' : overallLabel;
  const spec = useMemo(() => breakdownSpec(result, { width: 'container', overallLabel }), [result, overallLabel]);
  const by = breakdownPhrase(result.by);
  const heading = title ?? `${result.metric.title} by ${by}`;
  const shown = result.rows.filter((r) => !r.suppressed && r.value !== null).length;
  const unsuppressed = result.view === 'unsuppressed';
  return (
    <>
      <Statements result={result} overallName={overallName} />
      <Chart
        spec={spec}
        label={`${heading}, ${formatPeriod(result.period)}. Dot chart of ${shown} groups with ${result.level}% intervals; ${overallName} ${formatValue(result.overall.value, result.metric)}. The data table below has every figure.`}
        caption={
          <>
            {heading}, {formatPeriod(result.period)}. Dots are values, lines are {result.level}% confidence intervals, the dashed line
            is the {overallName} ({formatValue(result.overall.value, result.metric)}). Colour and shape say whether a group differs
            from the {overallName}; * marks a suppressed group.
          </>
        }
        table={<BreakdownTable result={result} caption={`${heading}, ${formatPeriod(result.period)}`} overallLabel={overallLabel} />}
        exports={{
          title: heading,
          server: {
            metric: result.metric.id, chart: 'breakdown', by: result.by, from: result.period.from, to: result.period.to,
            specialty: result.filters?.specialty ?? null, site: result.filters?.site ?? null, level: result.level,
          },
          // Unsuppressed on screen: the CSV is of the disclosure-controlled figures.
          data: unsuppressed ? async () => breakdownData(await disclosedBreakdown(result), overallLabel) : () => breakdownData(result, overallLabel),
          unsuppressed,
        }}
      />
      {result.notes.length > 0 && (
        <ul className="notes">
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </>
  );
}
