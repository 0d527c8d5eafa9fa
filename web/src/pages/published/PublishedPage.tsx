// `/published` — every chart published from Parity: what, by whom, when, and whether it has been
// withdrawn; links to its page and files; Withdraw (with a confirmation) for analysts and admins.
import { useEffect, useState } from 'react';
import { apiUrl, useApi } from '../../api/client.ts';
import { MetricList } from '../../../../core/contracts/results.ts';
import { allows, useSession } from '../../auth/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Empty, ErrorState, Loading } from '../../components/Status.tsx';
import { breakdownTitle } from '../../../../core/text/compare.ts';
import { formatDate, formatDateTime } from '../../../../core/text/format.ts';
import { Link } from '../../router.tsx';
import { PublishedList, type PublishedSummary } from './api.ts';
import { WithdrawDialog } from './WithdrawDialog.tsx';
import './published.css';

/** "Ethnic group", "Ethnic group × IMD quintile", "Trend: trust overall". */
export function breakdownText(p: Pick<PublishedSummary, 'chart' | 'by' | 'by2'>): string {
  if (p.chart === 'completeness-trend') return 'Completeness: valid share by month, against the target';
  if (p.chart === 'completeness-months') return 'Completeness: records without a valid value, by month';
  if (p.chart === 'completeness-groups') return `Completeness: by ${breakdownTitle(p.by).toLowerCase()}, worst first`;
  if (p.chart === 'specialty-comparison') return 'Specialties compared, one highlighted';
  if (p.chart === 'trend') return p.by === 'imd_quintile' ? 'Trend: IMD quintile 1 − quintile 5 gap' : 'Trend: trust overall';
  if (p.chart === 'heatmap' && p.by2) return `${breakdownTitle(p.by)} × ${breakdownTitle(p.by2)}`;
  return breakdownTitle(p.by);
}

const FILES = ['svg', 'png', 'csv', 'json'] as const;

/**
 * Where a published chart's indicator lives in the app: a completeness indicator
 * (`ethnicity-completeness-waiting-list`) on the completeness page, any other on its own page.
 */
export function indicatorHref(metric: string): string {
  const completeness = /^(ethnicity|sex|age|imd)-completeness-([a-z0-9-]+)$/.exec(metric);
  if (!completeness) return `/indicators/${encodeURIComponent(metric)}`;
  const [, field, dataset] = completeness;
  return `/completeness?dataset=${encodeURIComponent(dataset.replaceAll('-', '_'))}${field === 'ethnicity' ? '' : `&field=${field}`}`;
}

export function PublishedPage() {
  const state = useApi(apiUrl('published'), PublishedList);
  const metrics = useApi(apiUrl('metrics'), MetricList);
  const metricTitle = (metric: string) => (metrics.status === 'ok' ? metrics.data.metrics.find((m) => m.id === metric)?.title : null) ?? metric;
  const session = useSession();
  const canWithdraw = session !== null && session.mode !== 'signed-out' && allows(session, 'analyst');
  const [rows, setRows] = useState<PublishedSummary[] | null>(null);
  const [confirming, setConfirming] = useState<PublishedSummary | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (state.status === 'ok') setRows([...state.data.published].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)));
  }, [state.status, state.data]);

  const withdrawn = (chart: PublishedSummary) => {
    setRows((current) => current?.map((r) => (r.id === chart.id ? chart : r)) ?? null);
    setConfirming(null);
    setMessage(`Withdrew “${chart.title}” (chart ${chart.id}).`);
    state.retry();
  };

  return (
    <>
      <h1>Published charts</h1>
      <p className="lead">
        Charts published from Parity with their figures frozen: each has a permanent page for board papers and intranet pages, and
        SVG, PNG, CSV and JSON files. Publish a chart with the <strong>Publish</strong> button under any indicator, specialty or completeness chart.
      </p>
      <p className="published-status" role="status">
        {message}
      </p>
      {state.status === 'loading' && !rows && <Loading what="the published charts" />}
      {state.status === 'error' && <ErrorState error={state.error} retry={state.retry} what="published charts" />}
      {rows && rows.length === 0 && (
        <Empty title="Nothing published yet">
          <p>
            Open an indicator from the <Link href="/indicators">catalogue</Link> and choose <strong>Publish</strong> under a chart.
          </p>
        </Empty>
      )}
      {rows && rows.length > 0 && (
        <DataTable
          caption={`${rows.length} published chart${rows.length === 1 ? '' : 's'}, newest first (${rows.filter((r) => r.withdrawnAt).length} withdrawn)`}
          rows={rows}
          rowKey={(r) => r.id}
          rowClass={(r) => (r.withdrawnAt ? 'is-withdrawn' : undefined)}
          columns={[
            {
              header: 'Chart',
              rowHeader: true,
              cell: (r) => (
                <>
                  <a href={r.url}>{r.title}</a>
                  <span className="published-id">Chart {r.id}</span>
                </>
              ),
            },
            { header: 'Indicator', cell: (r) => <Link href={indicatorHref(r.metric)}>{metricTitle(r.metric)}</Link> },
            {
              header: 'Breakdown and period',
              cell: (r) => (
                <>
                  {breakdownText(r)}
                  <span className="published-id">{r.period.from && r.period.to ? `${formatDate(r.period.from)} to ${formatDate(r.period.to)}` : 'Whole series'}</span>
                </>
              ),
            },
            {
              header: 'Published',
              cell: (r) => (
                <>
                  {formatDateTime(r.publishedAt)}
                  <span className="published-id">by {r.publishedBy}</span>
                </>
              ),
            },
            {
              header: 'Status',
              cell: (r) =>
                r.withdrawnAt ? (
                  <span className="tag tag-withdrawn">
                    Withdrawn {formatDateTime(r.withdrawnAt)}
                    {r.withdrawnBy ? ` by ${r.withdrawnBy}` : ''}
                  </span>
                ) : (
                  <span className="tag tag-live">Published</span>
                ),
            },
            {
              header: 'Files',
              cell: (r) =>
                r.withdrawnAt ? (
                  <span className="muted">No longer served</span>
                ) : (
                  <ul className="published-files">
                    {FILES.map((f) => (
                      <li key={f}>
                        <a href={`${r.url}.${f}`}>
                          {f.toUpperCase()}
                          <span className="visually-hidden"> of chart {r.id}</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                ),
            },
            ...(canWithdraw
              ? [{
                  header: <span className="visually-hidden">Actions</span>,
                  cell: (r: PublishedSummary) =>
                    r.withdrawnAt ? null : (
                      <button type="button" className="chart-action withdraw-button" onClick={() => setConfirming(r)}>
                        Withdraw<span className="visually-hidden"> “{r.title}” (chart {r.id})</span>
                      </button>
                    ),
                }]
              : []),
          ]}
        />
      )}
      {confirming && <WithdrawDialog chart={confirming} onClose={() => setConfirming(null)} onWithdrawn={withdrawn} />}
    </>
  );
}
