// `/indicators/:id?by=&from=&to=&level=&specialty=&rows=&cols=` — one indicator: the breakdown
// with intervals and statements, the IMD gap measures, the trend with SPC on the overall value
// and the Q1–Q5 gap, a two-way heat map, and the definition.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { apiUrl, useApi } from '../api/client.ts';
import { BreakdownResult, Metric, SeriesResult, type Gap } from '../../../core/contracts/results.ts';
import { Chart } from '../charts/Chart.tsx';
import { breakdownData } from '../charts/chart-files.ts';
import { disclosedBreakdown } from '../charts/disclosed-data.ts';
import { heatmapSpec } from '../../../core/charts/heatmap.ts';
import { BreakdownTable, BreakdownView } from '../components/BreakdownView.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Meta, disclosureText } from '../components/Meta.tsx';
import { Empty, ErrorState, Loading } from '../components/Status.tsx';
import { TrendView } from '../components/TrendView.tsx';
import { UnsuppressedNotice, UnsuppressedToggle, useUnsuppressedView } from '../components/UnsuppressedView.tsx';
import { breakdownPhrase, breakdownTitle } from '../../../core/text/compare.ts';
import { describeGap } from '../../../core/text/describe.ts';
import { formatCount, formatDateTime, formatDifference, formatPeriod, formatRatio, formatValue, type UnitLike } from '../../../core/text/format.ts';
import { Link, useQuery } from '../router.tsx';
import { domainTitle } from './IndicatorsPage.tsx';

const demographic = ['imd_quintile', 'ethnic_group', 'age_band', 'age_band_broad', 'sex', 'core20', 'imd_decile', 'ethnic_category', 'specialty', 'site'];
const crossable = ['ethnic_group', 'imd_quintile', 'age_band_broad', 'sex', 'core20', 'age_band'];

function choices(metric: Metric): string[] {
  return demographic.filter((b) => metric.breakdowns.includes(b));
}

function defaultBy(metric: Metric): string {
  return choices(metric)[0] ?? 'overall';
}

function Filters({ metric, by, from, to, level, period, setQuery }: {
  metric: Metric;
  by: string;
  from: string;
  to: string;
  level: string;
  period: { from: string; to: string } | null;
  setQuery: (changes: Record<string, string | null>) => void;
}) {
  const [draft, setDraft] = useState({ from, to });
  useEffect(() => setDraft({ from, to }), [from, to]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ from: draft.from || null, to: draft.to || null });
  };
  return (
    <div className="filters">
      <fieldset className="segmented">
        <legend>Break down by</legend>
        <div className="segmented-options">
          {choices(metric).map((b) => (
            <label key={b}>
              <input type="radio" name="by" value={b} checked={by === b} onChange={() => setQuery({ by: b })} />
              {breakdownTitle(b)}
            </label>
          ))}
        </div>
      </fieldset>
      <form className="filters-period" onSubmit={submit} style={{ display: 'flex', gap: 12, alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" type="date" value={draft.from || period?.from || ''} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input id="to" type="date" value={draft.to || period?.to || ''} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit" className="button button-secondary">
          Apply period
        </button>
        {(from || to) && (
          <button type="button" className="button button-secondary" onClick={() => setQuery({ from: null, to: null })}>
            Latest 12 months
          </button>
        )}
      </form>
      <div className="field">
        <label htmlFor="level">Confidence level</label>
        <select id="level" value={level} onChange={(e) => setQuery({ level: e.target.value === '95' ? null : e.target.value })}>
          <option value="95">95%</option>
          <option value="99.8">99.8%</option>
        </select>
      </div>
    </div>
  );
}

function signed(v: number | null, unit: UnitLike) {
  return formatDifference(v, unit);
}

function GapBox({ result, gap, metric, level }: { result: BreakdownResult; gap: Gap; metric: Metric; level: number }) {
  return (
    <>
      <dl className="figures">
        <div>
          <dt>Absolute gap (Q1 − Q5)</dt>
          <dd>{signed(gap.absolute, metric)}</dd>
        </div>
        <div>
          <dt>Relative gap (Q1 ÷ Q5)</dt>
          <dd>{formatRatio(gap.relative)}</dd>
        </div>
        <div>
          <dt>Slope index of inequality (most − least deprived)</dt>
          <dd>
            {signed(gap.sii, metric)}
            <span className="ci">
              {level}% interval {signed(gap.siiLower, metric)} to {signed(gap.siiUpper, metric)}
            </span>
          </dd>
        </div>
        <div>
          <dt>Relative index of inequality (most ÷ least deprived)</dt>
          <dd>
            {formatRatio(gap.rii)}
            <span className="ci">
              {level}% interval {formatRatio(gap.riiLower)} to {formatRatio(gap.riiUpper)}
            </span>
          </dd>
        </div>
      </dl>
      <ul className="statements">
        {describeGap(result).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <p className="muted">
        Sign convention: the gap, the slope index and the relative index all compare the most deprived with the least
        deprived — a positive gap or slope index, or a relative index above 1, means the value is higher among the most
        deprived (quintile 1).
      </p>
    </>
  );
}

function Heatmap({ metric, rows, cols, baseQuery, setQuery }: {
  metric: Metric;
  rows: string;
  cols: string;
  baseQuery: Record<string, string | null>;
  setQuery: (changes: Record<string, string | null>) => void;
}) {
  const options = crossable.filter((b) => metric.breakdowns.includes(b));
  const state = useApi(apiUrl(`metrics/${encodeURIComponent(metric.id)}/breakdown`, { ...baseQuery, by: rows, by2: cols }), BreakdownResult);
  const spec = useMemo(() => (state.status === 'ok' ? heatmapSpec(state.data, { width: 'container' }) : null), [state.status, state.data]);
  const unsuppressed = state.status === 'ok' && state.data.view === 'unsuppressed';
  return (
    <>
      <div className="filters">
        <div className="field">
          <label htmlFor="hm-rows">Rows</label>
          <select id="hm-rows" value={rows} onChange={(e) => setQuery({ rows: e.target.value })}>
            {options.map((b) => (
              <option key={b} value={b} disabled={b === cols}>
                {breakdownTitle(b)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="hm-cols">Columns</label>
          <select id="hm-cols" value={cols} onChange={(e) => setQuery({ cols: e.target.value })}>
            {options.map((b) => (
              <option key={b} value={b} disabled={b === rows}>
                {breakdownTitle(b)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {state.status === 'loading' && <Loading what="the two-way table" />}
      {state.status === 'error' && <ErrorState error={state.error} retry={state.retry} what="two-way table" />}
      {state.status === 'ok' && spec && (
        state.data.rows.every((r) => r.suppressed) ? (
          <Empty title="Every cell is suppressed">
            <p>Each combination has too few records to publish. Widen the period, or choose broader groups (for example age group instead of age band).</p>
          </Empty>
        ) : (
          <Chart
            spec={spec}
            label={`${metric.title} by ${breakdownPhrase(rows)} and ${breakdownPhrase(cols)}: heat map of ${state.data.rows.length} cells; ${state.data.rows.filter((r) => r.suppressed).length} suppressed. The data table below has every cell.`}
            caption={
              <>
                {metric.title} by {breakdownPhrase(rows)} and {breakdownPhrase(cols)}, {formatPeriod(state.data.period)}.
                Darker cells have higher values; the value is written in each cell. Grey cells marked * are suppressed because the numbers are small.
              </>
            }
            table={
              <DataTable
                caption={`${metric.title} by ${breakdownPhrase(rows)} and ${breakdownPhrase(cols)}`}
                rows={state.data.rows}
                rowKey={(r, i) => `${r.group}-${r.group2}-${i}`}
                columns={[
                  { header: breakdownTitle(rows), cell: (r) => r.label, rowHeader: true },
                  { header: breakdownTitle(cols), cell: (r) => r.label2 ?? '' },
                  { header: `Value (${metric.unit})`, cell: (r) => (r.suppressed ? '*' : formatValue(r.value, metric)), numeric: true },
                  { header: 'Numerator', cell: (r) => formatCount(r.numerator), numeric: true },
                  { header: 'Denominator', cell: (r) => formatCount(r.denominator), numeric: true },
                ]}
              />
            }
            exports={{
              title: `${metric.title} by ${breakdownPhrase(rows)} and ${breakdownPhrase(cols)}`,
              server: {
                metric: metric.id, chart: 'heatmap', by: rows, by2: cols, from: state.data.period.from, to: state.data.period.to,
                specialty: state.data.filters?.specialty ?? null, site: state.data.filters?.site ?? null, level: state.data.level,
              },
              // Unsuppressed on screen: the CSV is of the disclosure-controlled figures.
              data: unsuppressed ? async () => breakdownData(await disclosedBreakdown(state.data)) : () => breakdownData(state.data),
              unsuppressed,
            }}
          />
        )
      )}
    </>
  );
}

export function IndicatorPage({ id }: { id: string }) {
  const metricState = useApi(apiUrl(`metrics/${encodeURIComponent(id)}`), Metric);
  useEffect(() => {
    if (metricState.status === 'ok') document.title = `${metricState.data.title} — Parity`;
  }, [metricState.status, metricState.data]);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/indicators">Indicators</Link>
        {metricState.status === 'ok' && <> › {domainTitle(metricState.data.domain)}</>}
      </p>
      {metricState.status === 'loading' && (
        <>
          <h1>Indicator</h1>
          <Loading what="the indicator" />
        </>
      )}
      {metricState.status === 'error' && (
        <>
          <h1>Indicator</h1>
          <ErrorState error={metricState.error} retry={metricState.retry} what="indicator" />
          <p>
            <Link href="/indicators">Choose an indicator from the catalogue</Link>
          </p>
        </>
      )}
      {metricState.status === 'ok' && <Indicator metric={metricState.data} />}
    </>
  );
}

function Indicator({ metric }: { metric: Metric }) {
  const [query, setQuery] = useQuery();
  const by = query.get('by') && metric.breakdowns.includes(query.get('by')!) ? query.get('by')! : defaultBy(metric);
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const level = query.get('level') === '99.8' ? '99.8' : '95';
  const specialty = query.get('specialty');
  const site = query.get('site');
  const unsuppressed = useUnsuppressedView();
  // `view` rides on every on-screen request; none is made until it is known whether the account may have it.
  const when = (url: string) => (unsuppressed.ready ? url : null);
  const base = { from: from || null, to: to || null, specialty, site };
  const path = `metrics/${encodeURIComponent(metric.id)}`;
  const main = useApi(when(apiUrl(`${path}/breakdown`, { by, ...base, level: level === '95' ? null : level, view: unsuppressed.param })), BreakdownResult);
  const hasImd = metric.breakdowns.includes('imd_quintile');
  const imd = useApi(hasImd && by !== 'imd_quintile' ? when(apiUrl(`${path}/breakdown`, { by: 'imd_quintile', ...base, level: level === '95' ? null : level, view: unsuppressed.param })) : null, BreakdownResult);
  const imdResult = by === 'imd_quintile' ? main : imd;
  const series = useApi(when(apiUrl(`${path}/series`, { by: hasImd ? 'imd_quintile' : 'overall', grain: metric.grain, specialty, site, view: unsuppressed.param })), SeriesResult);
  const crossOptions = crossable.filter((b) => metric.breakdowns.includes(b));
  const rows = query.get('rows') && crossOptions.includes(query.get('rows')!) ? query.get('rows')! : crossOptions.includes('ethnic_group') ? 'ethnic_group' : crossOptions[0];
  const colsDefault = crossOptions.find((b) => b !== rows && b === 'imd_quintile') ?? crossOptions.find((b) => b !== rows);
  const cols = query.get('cols') && crossOptions.includes(query.get('cols')!) && query.get('cols') !== rows ? query.get('cols')! : colsDefault;
  const result = main.status === 'ok' ? main.data : null;

  return (
    <>
      <h1>{metric.title}</h1>
      <p className="lead">{metric.description}</p>
      {(specialty || site) && (
        <div className="callout">
          <p>
            Showing {specialty ? `specialty ${specialty}` : ''}
            {specialty && site ? ' at ' : ''}
            {site ? `site ${site}` : ''} only.{' '}
            <Link href={`/indicators/${encodeURIComponent(metric.id)}?by=${by}`}>Show the whole trust</Link>
          </p>
        </div>
      )}
      <Filters metric={metric} by={by} from={from} to={to} level={level} period={result?.period ?? null} setQuery={setQuery} />
      <UnsuppressedToggle view={unsuppressed} />
      <UnsuppressedNotice view={unsuppressed} />
      {result && (
        <Meta
          period={result.period}
          dataAsAt={result.dataAsAt ?? null}
          disclosure={result.disclosure}
          disclosureLabel={result.disclosureLabel}
          extra={[{
            term: specialty || site ? 'Selection overall' : 'Trust overall',
            value: result.notComputable ? 'not computable' : `${formatValue(result.overall.value, metric)} (${formatCount(result.overall.numerator)} of ${formatCount(result.overall.denominator)})`,
          }]}
        />
      )}

      <section className="panel" aria-labelledby="breakdown-heading">
        <h2 id="breakdown-heading">By {breakdownPhrase(by)}</h2>
        {main.status === 'loading' && <Loading what={`the breakdown by ${breakdownPhrase(by)}`} />}
        {main.status === 'error' && <ErrorState error={main.error} retry={main.retry} what="breakdown" />}
        {result?.notComputable && (
          <div className="callout callout-warning" role="alert" data-testid="not-computable">
            <p><strong>No figure: this indicator cannot be computed from the data loaded.</strong></p>
            <p>{result.notComputable.message}</p>
            <p>
              Open the extract{result.notComputable.extractIds.length === 1 ? '' : 's'}:{' '}
              {result.notComputable.extractIds.map((id, i) => (
                <span key={id}>{i > 0 && ', '}<Link href={`/extracts/${encodeURIComponent(id)}`}>{id}</Link></span>
              ))}
              , or load a corrected file on the <Link href="/upload">Upload</Link> page with "Replace an existing extract".
            </p>
          </div>
        )}
        {result && !result.notComputable && result.rows.length === 0 && (
          <Empty title="No records in this period">
            <p>
              There are no {metric.dataset.replace(/_/g, ' ')} records for this indicator between {formatPeriod(result.period)}. Choose
              another period, or load the {metric.dataset.replace(/_/g, ' ')} extract on the <Link href="/upload">Upload</Link> page.
            </p>
          </Empty>
        )}
        {result && result.rows.length > 0 && (
          <>
            <BreakdownView result={result} overallLabel={specialty || site ? 'Selection overall' : 'Trust overall'} />
          </>
        )}
      </section>

      {hasImd && (
        <section className="panel" aria-labelledby="gap-heading">
          <h2 id="gap-heading">Gap between the most and least deprived</h2>
          {imdResult.status === 'loading' && <Loading what="the deprivation gap" />}
          {imdResult.status === 'error' && <ErrorState error={imdResult.error} retry={imdResult.retry} what="deprivation gap" />}
          {imdResult.status === 'ok' && imdResult.data.gap && <GapBox result={imdResult.data} gap={imdResult.data.gap} metric={metric} level={imdResult.data.level} />}
          {by !== 'imd_quintile' && imdResult.status === 'ok' && (
            <details className="disclosure">
              <summary>Show the IMD quintile table</summary>
              <BreakdownTable result={imdResult.data} caption={`${metric.title} by IMD quintile, ${formatPeriod(imdResult.data.period)}`} />
            </details>
          )}
          {imdResult.status === 'ok' && !imdResult.data.gap && (
            <p>The gap cannot be measured: quintile 1 or quintile 5 is suppressed or has no records in this period.</p>
          )}
        </section>
      )}

      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Trend, with statistical process control</h2>
        <p className="muted">
          Making Data Count XmR charts: the mean and process limits come from the monthly values; special-cause points are
          coloured blue for improvement and orange for concern. The gap chart watches whether the difference between the most
          and least deprived fifth is narrowing.
        </p>
        {series.status === 'loading' && <Loading what="the trend" />}
        {series.status === 'error' && <ErrorState error={series.error} retry={series.retry} what="trend" />}
        {series.status === 'ok' && <TrendView series={series.data} specialty={specialty} site={site} />}
      </section>

      {rows && cols && unsuppressed.ready && (
        <section className="panel" aria-labelledby="cross-heading">
          <h2 id="cross-heading">Two-way breakdown</h2>
          <Heatmap metric={metric} rows={rows} cols={cols} baseQuery={{ ...base, view: unsuppressed.param }} setQuery={setQuery} />
        </section>
      )}

      <section className="panel" aria-labelledby="about-heading">
        <h2 id="about-heading">About this indicator</h2>
        <dl className="definition">
          <dt>Definition</dt>
          <dd>{metric.definition}</dd>
          <dt>Method</dt>
          <dd>
            {metric.method}; {statisticText(metric.statistic)}. Values are in {metric.unit === '%' ? 'per cent' : metric.unit}.
          </dd>
          <dt>Direction</dt>
          <dd>{metric.polarity === 'higher' ? 'Higher is better.' : metric.polarity === 'lower' ? 'Lower is better.' : 'Neither direction is better in itself: read it in context.'}</dd>
          <dt>Source</dt>
          <dd>
            {metric.kind === 'external' ? 'A national publication, loaded as aggregate figures' : `The ${metric.dataset.replace(/_/g, ' ')} extract`}
            {metric.area ? `; Core20PLUS5 area: ${metric.area}` : ''}. Definition version {metric.version}.
          </dd>
          {result && (
            <>
              <dt>Disclosure control</dt>
              <dd>{disclosureText(result.disclosure, result.disclosureLabel)}</dd>
              <dt>Data as at</dt>
              <dd>{formatDateTime(result.dataAsAt ?? null)}</dd>
            </>
          )}
        </dl>
      </section>
    </>
  );
}

function statisticText(statistic: string): string {
  switch (statistic) {
    case 'percentage':
      return 'a percentage with Wilson score intervals';
    case 'crude-rate':
      return 'a crude rate with exact Poisson (under 10 events) or Byar’s intervals';
    case 'dsr':
      return 'a directly standardised rate (European Standard Population 2013) with Dobson intervals';
    case 'median':
      return 'a median';
    default:
      return statistic;
  }
}
