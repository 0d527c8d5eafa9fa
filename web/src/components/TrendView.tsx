// The monthly trend with SPC for the overall value, and for the Q1–Q5 gap when there is one.
import { useMemo } from 'react';
import type { SeriesResult, Spc } from '../../../core/contracts/results.ts';
import { Chart } from '../charts/Chart.tsx';
import { fileSlug, isCompletenessChart, trendData, type ServerChart } from '../charts/chart-files.ts';
import { disclosedSeries } from '../charts/disclosed-data.ts';
import type { CsvTable } from '../lib/csv.ts';
import { valueTitle } from '../../../core/charts/shared.ts';
import { trendSpec, type TrendPoint } from '../../../core/charts/trend.ts';
import { formatCount, formatDifference, formatInterval, formatLongMonth, formatMonth, formatValue, type UnitLike } from '../../../core/text/format.ts';
import { spcSentence, type Grain } from '../../../core/text/spc-words.ts';
import { DataTable } from './DataTable.tsx';
import { VariationBadge } from './VariationBadge.tsx';

const signalWords: Record<string, string> = {
  'outside-limits': 'outside the limits',
  trend: 'run of 7 rising or falling',
  'two-of-three': '2 of 3 near a limit',
  shift: 'run of 7 on one side of the mean',
};

function SpcTable({ points, spc, unit, caption, gap }: { points: TrendPoint[]; spc: Spc | null; unit: UnitLike; caption: string; gap?: boolean }) {
  const byPeriod = new Map((spc?.points ?? []).map((p) => [p.period, p]));
  return (
    <DataTable
      caption={caption}
      rows={points}
      rowKey={(p) => p.period}
      columns={[
        { header: 'Month', cell: (p) => formatMonth(p.period), rowHeader: true },
        { header: 'Value', cell: (p) => (p.suppressed ? '*' : gap ? formatDifference(p.value, unit) : formatValue(p.value, unit)), numeric: true },
        ...(gap ? [] : [
          { header: 'Interval', cell: (p: TrendPoint) => (p.suppressed ? '*' : formatInterval(p.lower, p.upper, unit)), numeric: true },
          { header: 'Numerator', cell: (p: TrendPoint) => formatCount(p.numerator), numeric: true },
          { header: 'Denominator', cell: (p: TrendPoint) => formatCount(p.denominator), numeric: true },
        ]),
        {
          header: 'SPC',
          cell: (p) => {
            const s = byPeriod.get(p.period);
            if (!spc) return '—';
            if (!s?.signal) return 'Common cause';
            return `${s.kind === 'improvement' ? 'Improvement' : s.kind === 'concern' ? 'Concern' : 'Special cause'}: ${signalWords[s.signal] ?? s.signal}`;
          },
        },
      ]}
    />
  );
}


export function SpcChart({ title, points, spc, unit, yTitle, target, gap = false, grain = 'month', server = null, disclosedData = null }: {
  title: string;
  points: TrendPoint[];
  spc: Spc | null;
  unit: UnitLike;
  yTitle: string;
  target?: number | null;
  gap?: boolean;
  grain?: Grain;
  /** The same chart drawn by the server (an indicator's trend or IMD gap, or a completeness trend), for its toolbar. */
  server?: ServerChart | null;
  /** When the points on screen are unsuppressed: the disclosure-controlled figures for the CSV. */
  disclosedData?: (() => Promise<CsvTable>) | null;
}) {
  const spec = useMemo(() => trendSpec({ points, spc, unit, yTitle, target, zero: false }, { width: 'container' }), [points, spc, unit, yTitle, target]);
  const first = points[0]?.period;
  const last = points[points.length - 1]?.period;
  const span = first && last ? `${formatLongMonth(first)} to ${formatLongMonth(last)}` : '';
  const sentence = spcSentence(spc, unit, { gap, grain });
  return (
    <>
      <VariationBadge variation={spc?.variation ?? null} prefix={grain === 'quarter' ? 'Latest quarter' : 'Latest month'} />
      <p className="spc-sentence">{sentence}</p>
      <Chart
        spec={spec}
        label={`${title}, ${span}: statistical process control chart of ${points.length} points. ${sentence} The data table below has every point.`}
        caption={
          <>
            {title}, {span}. Solid line: mean; dashed lines: process limits
            {target !== null && target !== undefined ? '; dotted green line: target' : ''}. Blue diamonds mark special-cause
            improvement, orange squares special-cause concern, grey circles common-cause variation.
          </>
        }
        table={<SpcTable points={points} spc={spc} unit={unit} caption={`${title}, by month`} gap={gap} />}
        exports={{
          title,
          server,
          data: disclosedData ?? (() => trendData(points, spc, gap ? 'imd_q1_minus_q5' : server && !isCompletenessChart(server) ? 'overall' : fileSlug(title))),
          unsuppressed: disclosedData !== null,
        }}
      />
    </>
  );
}

export function TrendView({ series, specialty = null, site = null }: { series: SeriesResult; specialty?: string | null; site?: string | null }) {
  const metric = series.metric;
  const server = (by: 'overall' | 'imd_quintile'): ServerChart => ({ metric: metric.id, chart: 'trend', by, specialty, site });
  const gapPoints: TrendPoint[] | null = series.gap ? series.gap.points.map((p) => ({ period: p.period, value: p.value })) : null;
  // Unsuppressed on screen: each chart's CSV is of the same series with disclosure control applied.
  const disclosed = series.view === 'unsuppressed' ? () => disclosedSeries(series, { specialty, site }) : null;
  const overallData = disclosed && (async () => {
    const s = await disclosed();
    return trendData(s.overall.points, s.overall.spc, 'overall');
  });
  const gapData = disclosed && (async () => {
    const s = await disclosed();
    return trendData((s.gap?.points ?? []).map((p) => ({ period: p.period, value: p.value })), s.gap?.spc ?? null, 'imd_q1_minus_q5');
  });
  if (series.overall.points.length === 0) {
    return <p>No monthly figures in this period: there are no records for the indicator between these dates. Widen the period, or load more extracts.</p>;
  }
  return (
    <div className="grid-2">
      <section className="panel" aria-labelledby="trend-overall">
        <h3 id="trend-overall">Trust overall, by {series.grain}</h3>
        <SpcChart title={`${metric.title}, trust overall`} points={series.overall.points} spc={series.overall.spc} unit={metric} yTitle={valueTitle(metric)} grain={series.grain === 'quarter' ? 'quarter' : 'month'} server={server('overall')} disclosedData={overallData} />
      </section>
      {gapPoints && (
        <section className="panel" aria-labelledby="trend-gap">
          <h3 id="trend-gap">Gap between IMD quintile 1 and quintile 5</h3>
          <SpcChart
            title={`${metric.title}: most deprived minus least deprived fifth`}
            points={gapPoints}
            spc={series.gap?.spc ?? null}
            unit={metric}
            yTitle={metric.unit === '%' ? 'Q1 − Q5 (percentage points)' : `Q1 − Q5 (${metric.unit})`}
            gap
            grain={series.grain === 'quarter' ? 'quarter' : 'month'}
            server={server('imd_quintile')}
            disclosedData={gapData}
          />
        </section>
      )}
    </div>
  );
}
