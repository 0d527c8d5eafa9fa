// `/specialties/:code?metric=&by=` — one specialty for its clinicians: first the inequality inside
// the specialty (Core20 against the rest, then by ethnicity, deprivation, age and sex), then each
// indicator for this specialty against the trust, and a dot plot placing it among the others.
import { useEffect, useMemo } from 'react';
import { apiUrl, useApi, type ApiState } from '../api/client.ts';
import { BreakdownResult, MetricList, SpecialtyList, type Metric } from '../../../core/contracts/results.ts';
import { Chart } from '../charts/Chart.tsx';
import { breakdownData } from '../charts/chart-files.ts';
import { specialtyDotPlotSpec } from '../../../core/charts/specialty-dot-plot.ts';
import { BreakdownTable, BreakdownView } from '../components/BreakdownView.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Meta } from '../components/Meta.tsx';
import { Empty, ErrorState, Loading } from '../components/Status.tsx';
import { assess, assessmentLabels, breakdownPhrase, breakdownTitle, core20Verdict, core20VerdictLabels, inSentence } from '../../../core/text/compare.ts';
import { formatInterval, formatPeriod, formatValue } from '../../../core/text/format.ts';
import { Link, useQuery } from '../router.tsx';

const preferred = ['rtt-over-18-weeks', 'op-dna-rate', 'op-virtual-share', 'elective-admission-rate'];
const demographics = ['ethnic_group', 'imd_quintile', 'age_band_broad', 'age_band', 'sex'];

function specialtyMetrics(metrics: Metric[]): Metric[] {
  const withSpecialty = metrics.filter((m) => m.breakdowns.includes('specialty') && m.kind !== 'completeness' && m.domain !== 'data quality');
  const rank = (m: Metric) => (preferred.includes(m.id) ? preferred.indexOf(m.id) : 50);
  return withSpecialty.sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title)).slice(0, 6);
}

export function SpecialtyPage({ code }: { code: string }) {
  const specialties = useApi(apiUrl('specialties'), SpecialtyList);
  const catalogue = useApi(apiUrl('metrics'), MetricList);
  const specialty = specialties.status === 'ok' ? specialties.data.specialties.find((s) => s.code === code) : undefined;
  const name = specialty?.name ?? (specialties.status === 'ok' ? `Treatment function ${code}` : code);
  useEffect(() => {
    if (specialties.status === 'ok') document.title = `${name} — Parity`;
  }, [specialties.status, name]);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/specialties">Specialties</Link>
      </p>
      <h1>
        {name} <span className="muted">({code})</span>
      </h1>
      {specialties.status === 'ok' && !specialty && (
        <Empty title="No activity for this treatment function">
          <p>
            No outpatient, admission or waiting-list record has treatment function code {code}.{' '}
            <Link href="/specialties">Choose a specialty from the list</Link>.
          </p>
        </Empty>
      )}
      {catalogue.status === 'loading' && <Loading what="the indicators" />}
      {catalogue.status === 'error' && <ErrorState error={catalogue.error} retry={catalogue.retry} what="indicator catalogue" />}
      {catalogue.status === 'ok' && (specialty || specialties.status !== 'ok') && (
        <Specialty code={code} name={name} metrics={specialtyMetrics(catalogue.data.metrics)} />
      )}
    </>
  );
}

function useBySpecialty(metric: Metric | undefined): ApiState<BreakdownResult> & { retry: () => void } {
  return useApi(metric ? apiUrl(`metrics/${encodeURIComponent(metric.id)}/breakdown`, { by: 'specialty' }) : null, BreakdownResult);
}

function Specialty({ code, name, metrics }: { code: string; name: string; metrics: Metric[] }) {
  const [query, setQuery] = useQuery();
  const metric = metrics.find((m) => m.id === query.get('metric')) ?? metrics[0];
  const byChoices = metric ? demographics.filter((b) => metric.breakdowns.includes(b)).filter((b, _, all) => !(b === 'age_band' && all.includes('age_band_broad'))) : [];
  const by = byChoices.find((b) => b === query.get('by')) ?? byChoices[0] ?? 'overall';
  // One by-specialty result per indicator (at most six): the summary table and the dot plot.
  const a = useBySpecialty(metrics[0]);
  const b = useBySpecialty(metrics[1]);
  const c = useBySpecialty(metrics[2]);
  const d = useBySpecialty(metrics[3]);
  const e = useBySpecialty(metrics[4]);
  const f = useBySpecialty(metrics[5]);
  const all = [a, b, c, d, e, f].slice(0, metrics.length);
  const selected = all[metrics.indexOf(metric)];
  // Core20 against the rest inside the specialty leads the page, before any comparison with the trust.
  const core20 = useApi(metric?.breakdowns.includes('core20') ? apiUrl(`metrics/${encodeURIComponent(metric.id)}/breakdown`, { by: 'core20', specialty: code }) : null, BreakdownResult);
  const breakdown = useApi(metric ? apiUrl(`metrics/${encodeURIComponent(metric.id)}/breakdown`, { by, specialty: code }) : null, BreakdownResult);
  const dotSpec = useMemo(() => (selected?.status === 'ok' ? specialtyDotPlotSpec(selected.data, code, { width: 'container' }) : null), [selected?.status, selected?.data, code]);

  if (!metric) {
    return (
      <Empty title="No indicator has a specialty breakdown">
        <p>The indicator catalogue on this server has no indicator that can be broken down by specialty.</p>
      </Empty>
    );
  }
  const glance = metrics.map((m, i) => ({ metric: m, state: all[i] }));
  return (
    <>
      <section className="panel" aria-labelledby="indicator-heading">
        <h2 id="indicator-heading">Inequality inside {name}: {inSentence(metric.title)}</h2>
        <Core20Line state={core20} name={name} />
        <div className="filters">
          <div className="field">
            <label htmlFor="metric">Indicator</label>
            <select id="metric" value={metric.id} onChange={(ev) => setQuery({ metric: ev.target.value })}>
              {metrics.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="segmented">
            <legend>Break down by</legend>
            <div className="segmented-options">
              {byChoices.map((x) => (
                <label key={x}>
                  <input type="radio" name="by" value={x} checked={x === by} onChange={() => setQuery({ by: x })} />
                  {breakdownTitle(x)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        {breakdown.status === 'loading' && <Loading what={`${inSentence(metric.title)} by ${breakdownPhrase(by)}`} />}
        {breakdown.status === 'error' && <ErrorState error={breakdown.error} retry={breakdown.retry} what="breakdown" />}
        {breakdown.status === 'ok' && (
          <>
            <Meta period={breakdown.data.period} dataAsAt={breakdown.data.dataAsAt ?? null} disclosure={breakdown.data.disclosure} disclosureLabel={breakdown.data.disclosureLabel} />
            {breakdown.data.rows.length === 0 || breakdown.data.rows.every((r) => r.suppressed) ? (
              <Empty title="Too few records to break down">
                <p>
                  {breakdown.data.rows.length === 0
                    ? `${name} has no records for this indicator in ${formatPeriod(breakdown.data.period)}.`
                    : `Every group is suppressed because ${name} has few records for this indicator.`}{' '}
                  Try a broader breakdown such as sex, or <Link href={`/indicators/${encodeURIComponent(metric.id)}`}>see the whole trust</Link>.
                </p>
              </Empty>
            ) : (
              <BreakdownView result={breakdown.data} title={`${metric.title} in ${name}, by ${breakdownPhrase(by)}`} overallLabel={`${name} overall`} />
            )}
            <p>
              <Link href={`/indicators/${encodeURIComponent(metric.id)}?by=${by}&specialty=${encodeURIComponent(code)}`}>
                Open the full indicator page for {name} (trend, deprivation gap and two-way table)
              </Link>
            </p>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="glance-heading">
        <h2 id="glance-heading">At a glance</h2>
        <DataTable
          caption={`${name} against the whole trust, latest 12 months (waiting list: latest census)`}
          rows={glance}
          rowKey={(g) => g.metric.id}
          rowClass={(g) => (g.metric.id === metric.id ? 'is-highlight' : undefined)}
          columns={[
            {
              header: 'Indicator',
              rowHeader: true,
              cell: (g) => (
                <Link href={`/specialties/${encodeURIComponent(code)}?metric=${encodeURIComponent(g.metric.id)}${by !== 'overall' ? `&by=${by}` : ''}`} aria-current={g.metric.id === metric.id ? 'true' : undefined}>
                  {g.metric.title}
                </Link>
              ),
            },
            { header: 'This specialty', numeric: true, cell: (g) => glanceCell(g.state, code, 'value') },
            { header: '95% interval', numeric: true, cell: (g) => glanceCell(g.state, code, 'interval') },
            { header: 'Trust overall', numeric: true, cell: (g) => (g.state.status === 'ok' ? formatValue(g.state.data.overall.value, g.metric) : '…') },
            { header: 'Compared with trust', cell: (g) => glanceCell(g.state, code, 'comparison') },
            { header: 'Rank (highest first)', numeric: true, cell: (g) => glanceCell(g.state, code, 'rank') },
          ]}
        />
      </section>

      <section className="panel" aria-labelledby="among-heading">
        <h2 id="among-heading">{name} among all specialties</h2>
        {selected?.status === 'loading' && <Loading what="the comparison with other specialties" />}
        {selected?.status === 'error' && <ErrorState error={selected.error} retry={selected.retry} what="comparison with other specialties" />}
        {selected?.status === 'ok' && dotSpec && (
          <Chart
            spec={dotSpec}
            label={`${metric.title} for every specialty, highest first, with ${name} highlighted: ${glanceText(selected.data, code)}. The data table below has every figure.`}
            caption={
              <>
                {metric.title}, {formatPeriod(selected.data.period)}, every specialty with enough records, highest first. {name} is
                the large blue dot with its label in bold; lines are 95% intervals; the dashed line is the trust overall. Specialties
                with suppressed figures are left out.
              </>
            }
            table={<BreakdownTable result={selected.data} caption={`${metric.title} by specialty, ${formatPeriod(selected.data.period)}`} />}
            exports={{
              title: `${metric.title}: ${name} among all specialties`,
              // The server draws the same dot plot with title and footnotes, and can publish it.
              server: { metric: metric.id, chart: 'specialty-comparison', by: 'specialty', specialty: code, from: selected.data.period.from, to: selected.data.period.to, level: selected.data.level },
              data: () => breakdownData(selected.data),
            }}
          />
        )}
      </section>
    </>
  );
}

function Core20Line({ state, name }: { state: ApiState<BreakdownResult>; name: string }) {
  if (state.status !== 'ok') return null;
  const r = state.data;
  const core20 = r.rows.find((x) => x.group === 'Core20') ?? null;
  const rest = r.rows.find((x) => x.group === 'Rest') ?? null;
  const verdict = core20Verdict(core20, rest, r.metric.polarity);
  if (verdict === 'none' || !core20 || !rest) {
    return <p className="lead">Core20 against the rest cannot be compared in {name}: too few records in one of the groups.</p>;
  }
  return (
    <p className="lead">
      <strong>{core20VerdictLabels[verdict]}</strong> in {name}: {formatValue(core20.value, r.metric)} (95% interval{' '}
      {formatInterval(core20.lower, core20.upper, r.metric)}) for patients from the most deprived fifth of areas against{' '}
      {formatValue(rest.value, r.metric)} ({formatInterval(rest.lower, rest.upper, r.metric)}) for the rest,{' '}
      {formatPeriod(r.period)}.{verdict === 'similar' ? ' The intervals overlap.' : ' The intervals do not overlap.'}
    </p>
  );
}

function rankOf(result: BreakdownResult, code: string): string {
  const shown = result.rows.filter((r) => !r.suppressed && r.value !== null).sort((x, y) => (y.value ?? 0) - (x.value ?? 0));
  const i = shown.findIndex((r) => r.group === code);
  return i === -1 ? '–' : `${i + 1} of ${shown.length}`;
}

function glanceText(result: BreakdownResult, code: string): string {
  const row = result.rows.find((r) => r.group === code);
  if (!row || row.suppressed) return 'this specialty is suppressed or has no records';
  return `${formatValue(row.value, result.metric)}, ${assessmentLabels[assess(row, result.metric.polarity)].toLowerCase()}, rank ${rankOf(result, code)}`;
}

function glanceCell(state: ApiState<BreakdownResult>, code: string, what: 'value' | 'interval' | 'comparison' | 'rank'): string {
  if (state.status === 'loading') return '…';
  if (state.status === 'error') return 'not available';
  const result = state.data;
  const row = result.rows.find((r) => r.group === code);
  if (!row) return what === 'value' ? 'no records' : '–';
  if (row.suppressed) return what === 'value' ? '* (suppressed)' : '–';
  if (what === 'value') return formatValue(row.value, result.metric);
  if (what === 'interval') return formatInterval(row.lower, row.upper, result.metric);
  if (what === 'comparison') return assessmentLabels[assess(row, result.metric.polarity)];
  return rankOf(result, code);
}
