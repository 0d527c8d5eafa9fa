// `/completeness?dataset=&field=&by=` — how completely ethnicity (and sex, age, deprivation) is
// recorded: valid % by month against the target with SPC, the valid / not stated / not known /
// missing / invalid split, the worst specialties or sites, and a summary across datasets.
import { useMemo } from 'react';
import { apiUrl, useApi } from '../api/client.ts';
import { useDataAsAt } from '../api/data-as-at.ts';
import { CompletenessResult, CompletenessSummary, DatasetList, type Counts, type DatasetInfo } from '../../../core/contracts/results.ts';
import { Chart } from '../charts/Chart.tsx';
import { completenessData, fileSlug, trendData, type CompletenessChartKind, type CompletenessServerChart } from '../charts/chart-files.ts';
import { disclosedCompleteness } from '../charts/disclosed-data.ts';
import { completenessStackSpec } from '../../../core/charts/completeness-stack.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Meta } from '../components/Meta.tsx';
import { Empty, ErrorState, Loading } from '../components/Status.tsx';
import { SpcChart } from '../components/TrendView.tsx';
import { UnsuppressedNotice, UnsuppressedToggle, useUnsuppressedView } from '../components/UnsuppressedView.tsx';
import { targetVerdict, targetVerdictLabels } from '../../../core/text/compare.ts';
import { formatCount, formatInterval, formatMonth, formatPercent, formatPeriod } from '../../../core/text/format.ts';
import { Link, useQuery } from '../router.tsx';

const fields = [
  { id: 'ethnicity', label: 'Ethnicity', noun: 'ethnic category', column: 'ethnic_category' },
  { id: 'sex', label: 'Sex', noun: 'sex', column: 'sex' },
  { id: 'age', label: 'Age', noun: 'age', column: 'age' },
  { id: 'imd', label: 'Deprivation (IMD)', noun: 'deprivation quintile (from LSOA)', column: 'lsoa_code' },
] as const;

const categoryHelp: Record<string, Record<string, string>> = {
  ethnicity: { notStated: 'Z — the person was asked and chose not to say', notKnown: '99 — not known (not asked)', missing: 'blank', invalid: 'a value outside the code list' },
  sex: { notStated: '9 — indeterminate', notKnown: 'X / 0 — not known', missing: 'blank', invalid: 'a value outside the code list' },
  age: { notStated: '—', notKnown: '—', missing: 'blank', invalid: 'outside 0–120' },
  imd: { notStated: '—', notKnown: 'LSOA not found in IoD 2019 or 2025', missing: 'blank LSOA', invalid: 'not an LSOA code' },
};

function hasColumn(dataset: DatasetInfo | undefined, column: string) {
  return Boolean(dataset?.columns.some((c) => c.name === column));
}

function percentOf(part: number | null, total: number | null) {
  return part === null ? '*' : total !== null && total > 0 ? formatPercent((part / total) * 100) : '–';
}

function CountsFigures({ counts, target, fieldId }: { counts: Counts; target: number; fieldId: string }) {
  const met = counts.validPercent !== null && counts.validPercent >= target;
  const help = categoryHelp[fieldId] ?? categoryHelp.ethnicity;
  return (
    <dl className="figures">
      <div>
        <dt>Valid</dt>
        <dd>
          {formatPercent(counts.validPercent)}
          <span className="ci">
            95% interval {formatInterval(counts.lower ?? null, counts.upper ?? null, { unit: '%' })} · target {formatPercent(target, 0)} {met ? '(met)' : '(not met)'}
          </span>
        </dd>
      </div>
      <div>
        <dt>Not stated</dt>
        <dd>
          {percentOf(counts.notStated, counts.total)}
          <span className="ci">
            {formatCount(counts.notStated)} records · {help.notStated}
          </span>
        </dd>
      </div>
      <div>
        <dt>Not known</dt>
        <dd>
          {percentOf(counts.notKnown, counts.total)}
          <span className="ci">
            {formatCount(counts.notKnown)} records · {help.notKnown}
          </span>
        </dd>
      </div>
      <div>
        <dt>Missing</dt>
        <dd>
          {percentOf(counts.missing, counts.total)}
          <span className="ci">
            {formatCount(counts.missing)} records · {help.missing}
          </span>
        </dd>
      </div>
      <div>
        <dt>Invalid</dt>
        <dd>
          {percentOf(counts.invalid, counts.total)}
          <span className="ci">
            {formatCount(counts.invalid)} records · {help.invalid}
          </span>
        </dd>
      </div>
    </dl>
  );
}

function countsColumns<T extends Counts>() {
  return [
    { header: 'Records', cell: (r: T) => formatCount(r.total), numeric: true },
    { header: 'Valid %', cell: (r: T) => formatPercent(r.validPercent), numeric: true },
    { header: 'Not stated', cell: (r: T) => formatCount(r.notStated), numeric: true },
    { header: 'Not known', cell: (r: T) => formatCount(r.notKnown), numeric: true },
    { header: 'Missing', cell: (r: T) => formatCount(r.missing), numeric: true },
    { header: 'Invalid', cell: (r: T) => formatCount(r.invalid), numeric: true },
  ];
}

function assuranceText(assurance: string | null | undefined, target: number): string {
  if (assurance === 'pass') return `Assurance: the process limits are above the ${formatPercent(target, 0)} target, so the target will be met consistently if nothing changes.`;
  if (assurance === 'fail') return `Assurance: the process limits are below the ${formatPercent(target, 0)} target, so the target will not be met without a change in how data is recorded.`;
  if (assurance === 'inconsistent') return `Assurance: the ${formatPercent(target, 0)} target lies between the process limits, so it will be met in some months and missed in others.`;
  return '';
}

export function CompletenessPage() {
  const [query, setQuery] = useQuery();
  const datasets = useApi(apiUrl('datasets'), DatasetList);
  const patientLevel = datasets.status === 'ok' ? datasets.data.filter((d) => d.patientLevel !== false && hasColumn(d, 'ethnic_category')) : [];
  const datasetId = query.get('dataset') ?? 'outpatients';
  const dataset = patientLevel.find((d) => d.id === datasetId);
  const fieldId = fields.some((f) => f.id === query.get('field')) ? query.get('field')! : 'ethnicity';
  const field = fields.find((f) => f.id === fieldId)!;
  const byOptions = [
    ...(hasColumn(dataset, 'treatment_function_code') ? [{ id: 'specialty', label: 'Specialty' }] : []),
    ...(hasColumn(dataset, 'site_code') ? [{ id: 'site', label: 'Site' }] : []),
  ];
  const by = byOptions.find((b) => b.id === query.get('by'))?.id ?? byOptions[0]?.id ?? null;
  const ready = datasets.status === 'ok';
  const unsuppressed = useUnsuppressedView();
  const main = useApi(ready && unsuppressed.ready ? apiUrl('completeness', { dataset: datasetId, field: fieldId, by, view: unsuppressed.param }) : null, CompletenessResult);
  const summary = useApi(apiUrl('completeness/summary'), CompletenessSummary);

  return (
    <>
      <h1>Recording completeness</h1>
      <p className="lead">
        The share of records with a valid {field.noun}, separating “not stated” from “not known”, missing and invalid values.
        Unknown demographics hide inequalities: this is a measure in its own right.
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor="dataset">Dataset</label>
          <select id="dataset" value={datasetId} onChange={(e) => setQuery({ dataset: e.target.value, by: null })} disabled={!ready}>
            {(patientLevel.length ? patientLevel : [{ id: datasetId, title: datasetId }]).map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="segmented">
          <legend>Field</legend>
          <div className="segmented-options">
            {fields.map((f) => (
              <label key={f.id}>
                <input type="radio" name="field" value={f.id} checked={f.id === fieldId} onChange={() => setQuery({ field: f.id === 'ethnicity' ? null : f.id })} />
                {f.label}
              </label>
            ))}
          </div>
        </fieldset>
        {byOptions.length > 0 && (
          <fieldset className="segmented">
            <legend>Compare by</legend>
            <div className="segmented-options">
              {byOptions.map((b) => (
                <label key={b.id}>
                  <input type="radio" name="by" value={b.id} checked={b.id === by} onChange={() => setQuery({ by: b.id })} />
                  {b.label}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </div>
      <UnsuppressedToggle view={unsuppressed} />
      <UnsuppressedNotice view={unsuppressed} />
      {datasets.status === 'error' && <ErrorState error={datasets.error} retry={datasets.retry} what="list of datasets" />}
      {(datasets.status === 'loading' || main.status === 'loading') && <Loading what="completeness figures" />}
      {main.status === 'error' && <ErrorState error={main.error} retry={main.retry} what="completeness figures" />}
      {main.status === 'ok' && <Completeness data={main.data} fieldId={fieldId} fieldNoun={field.noun} byLabel={byOptions.find((b) => b.id === by)?.label ?? null} />}

      <section className="panel" aria-labelledby="summary-heading">
        <h2 id="summary-heading">All datasets and fields</h2>
        <p className="muted">
          Each dataset&apos;s latest 12 months, to its latest record (the period is in each row), so the counts differ from the
          figures above, which cover the period chosen. Select a row to see it by month. A target is met or missed only when the
          95% interval lies wholly above or below it.
        </p>
        {summary.status === 'loading' && <Loading what="the summary" />}
        {summary.status === 'error' && <ErrorState error={summary.error} retry={summary.retry} what="completeness summary" />}
        {summary.status === 'ok' && (
          <DataTable
            caption={`Completeness of demographic fields, against the ${formatPercent(summary.data.target, 0)} target`}
            rows={summary.data.rows}
            rowKey={(r) => `${r.dataset}-${r.field}`}
            rowClass={(r) => (r.dataset === datasetId && r.field === fieldId ? 'is-highlight' : undefined)}
            columns={[
              { header: 'Dataset', cell: (r) => r.datasetTitle, rowHeader: true },
              { header: 'Period', cell: (r) => (r.period ? formatPeriod(r.period) : '–') },
              {
                header: 'Field',
                cell: (r) => (
                  <Link href={`/completeness?dataset=${encodeURIComponent(r.dataset)}${r.field === 'ethnicity' ? '' : `&field=${encodeURIComponent(r.field)}`}`}>
                    {fields.find((f) => f.id === r.field)?.label ?? r.field}
                    <span className="visually-hidden"> in {r.datasetTitle}</span>
                  </Link>
                ),
              },
              ...countsColumns(),
              {
                header: 'Target',
                cell: (r) => targetVerdictLabels[targetVerdict(r, summary.data.target)],
              },
            ]}
          />
        )}
      </section>
    </>
  );
}

function Completeness({ data, fieldId, fieldNoun, byLabel }: { data: CompletenessResult; fieldId: string; fieldNoun: string; byLabel: string | null }) {
  const dataAsAt = useDataAsAt(data.dataAsAt, data.dataset);
  const periodItems = useMemo(() => data.periods.map((p) => ({ ...p, label: formatMonth(p.period) })), [data.periods]);
  const stackByPeriod = useMemo(() => completenessStackSpec(periodItems, { width: 'container', orientation: 'periods', groupTitle: 'Month', withoutValid: true }), [periodItems]);
  const groupItems = useMemo(() => data.groups.map((g) => ({ ...g, label: g.label })), [data.groups]);
  const stackByGroup = useMemo(() => completenessStackSpec(groupItems, { width: 'container', groupTitle: byLabel ?? 'Group' }), [groupItems, byLabel]);
  if (data.overall.total === 0 || (data.overall.total === null && data.periods.length === 0)) {
    return (
      <Empty title="No records in this dataset">
        <p>
          Nothing has been loaded for {data.datasetTitle ?? data.dataset} yet. Load an extract on the <Link href="/upload">Upload</Link> page, or pick
          another dataset.
        </p>
      </Empty>
    );
  }
  const title = data.datasetTitle ?? data.dataset;
  // Unsuppressed on screen: each chart's CSV is of the same figures with disclosure control applied.
  const unsuppressed = data.view === 'unsuppressed';
  const validPoints = (d: CompletenessResult) => d.periods.map((p) => ({ period: p.period, value: p.validPercent, lower: p.lower ?? null, upper: p.upper ?? null, numerator: p.valid, denominator: p.total }));
  const disclosedTrend = unsuppressed ? async () => {
    const d = await disclosedCompleteness(data);
    return trendData(validPoints(d), d.spc, fileSlug(`${title}: records with a valid ${fieldNoun}`));
  } : null;
  // The server draws the same three charts with title and footnotes, always disclosure-controlled:
  // their PNG, SVG, copy and publication, even while the screen shows unsuppressed figures.
  const server = (chart: CompletenessChartKind): CompletenessServerChart => ({ chart, dataset: data.dataset, field: data.field, by: data.by ?? null, from: data.period?.from, to: data.period?.to });
  const disclosedPeriods = async () => completenessData((await disclosedCompleteness(data)).periods.map((p) => ({ ...p, label: formatMonth(p.period) })), 'month');
  const disclosedGroups = async () => completenessData((await disclosedCompleteness(data)).groups, 'group');
  return (
    <>
      <Meta period={data.period ?? (data.periods.length ? { from: data.periods[0].period, to: data.periods[data.periods.length - 1].period } : null)} dataAsAt={dataAsAt} disclosure={data.disclosure ?? null} disclosureLabel={data.disclosureLabel} extra={[{ term: 'Records', value: formatCount(data.overall.total) }, { term: 'Target', value: formatPercent(data.target, 0) }]} />
      <CountsFigures counts={data.overall} target={data.target} fieldId={fieldId} />
      <div className="grid-2">
        <section className="panel" aria-labelledby="valid-trend">
          <h2 id="valid-trend">Valid {fieldNoun} by month, against the target</h2>
          {data.spc?.assurance && <p>{assuranceText(data.spc.assurance, data.target)}</p>}
          <SpcChart
            title={`${title}: records with a valid ${fieldNoun}`}
            points={validPoints(data)}
            spc={data.spc}
            unit={{ unit: '%' }}
            yTitle={`Valid ${fieldNoun} (%)`}
            target={data.target}
            server={server('completeness-trend')}
            disclosedData={disclosedTrend}
          />
        </section>
        <section className="panel" aria-labelledby="split-trend">
          <h2 id="split-trend">Records without a valid {fieldNoun}, by month</h2>
          <Chart
            spec={stackByPeriod}
            label={`${title}: stacked bars of the share of records with ${fieldNoun} not stated, not known, missing or invalid, for each of ${data.periods.length} months. The data table below has every figure.`}
            caption={<>Each bar is the share of one month's records without a valid {fieldNoun}, split into not stated, not known, missing and invalid; the rest of each month is valid.</>}
            table={
              <DataTable
                caption={`${title}: ${fieldNoun} recording by month`}
                rows={data.periods}
                rowKey={(p) => p.period}
                columns={[{ header: 'Month', cell: (p) => formatMonth(p.period), rowHeader: true }, ...countsColumns()]}
              />
            }
            exports={{ title: `${title}: records without a valid ${fieldNoun}, by month`, server: server('completeness-months'), data: unsuppressed ? disclosedPeriods : () => completenessData(periodItems, 'month'), unsuppressed }}
          />
        </section>
      </div>
      {byLabel && (
        <section className="panel" aria-labelledby="by-group">
          <h2 id="by-group">By {byLabel.toLowerCase()}, worst first</h2>
          {data.groups.length === 0 ? (
            <p>No {byLabel.toLowerCase()} is recorded on these records.</p>
          ) : (
            <Chart
              spec={stackByGroup}
              label={`${title}: ${fieldNoun} recording by ${byLabel.toLowerCase()}, ${data.groups.length} groups, worst first. Lowest valid share: ${data.groups[0].label} at ${formatPercent(data.groups[0].validPercent)}. The table below has every figure.`}
              caption={<>Each bar is one {byLabel.toLowerCase()}'s records {data.period ? `from ${formatPeriod(data.period)}` : ''}, ordered from the lowest valid share.</>}
              tableOpen={data.groups.length <= 12}
              table={
                <DataTable
                  caption={`${title}: ${fieldNoun} recording by ${byLabel.toLowerCase()}`}
                  rows={data.groups}
                  rowKey={(g) => g.group}
                  columns={[{ header: byLabel, cell: (g) => g.label, rowHeader: true }, ...countsColumns()]}
                />
              }
              exports={{ title: `${title}: ${fieldNoun} recording by ${byLabel.toLowerCase()}`, server: server('completeness-groups'), data: unsuppressed ? disclosedGroups : () => completenessData(groupItems, 'group'), unsuppressed }}
            />
          )}
        </section>
      )}
    </>
  );
}
