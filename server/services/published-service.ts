// Published charts: a chart document frozen under a stable id. The stored record (result data,
// spec, metric definition and version, disclosure profile, data as-at date, footnotes) is written
// once and never rewritten; every later rendering reads only that record. What the public sees
// (`/published/:id` and its files) names a publisher only by the name typed when publishing, never
// by the signed-in account: the account is kept for the signed-in list (`GET /api/published`).
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import * as messages from '../messages.ts';
import { formatDateTime } from '../../core/text/format.ts';
import { documentFor, type AnyChartRequest, type ChartDocument } from '../charts/documents/index.ts';
import type { MetricsService } from './metrics-service.ts';

export interface PublishedRecord {
  id: string;
  url: string;
  title: string;
  publishedAt: string;
  /** The name given when publishing (`publishedBy`), or null: never the account's name. */
  publishedBy: string | null;
  metric: { id: string; version: number; definition: ChartDocument['metric'] };
  disclosure: string;
  disclosureLabel: string;
  dataAsAt: string | null;
  request: AnyChartRequest;
  document: ChartDocument;
}

export interface PublishedSummary {
  id: string;
  url: string;
  title: string;
  metric: string;
  metricVersion: number;
  chart: string;
  by: string;
  by2: string | null;
  period: { from: string | null; to: string | null };
  disclosure: string;
  dataAsAt: string | null;
  /** The name given when publishing, else the account that published (signed-in list only). */
  publishedBy: string;
  publishedAt: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

/** What a public answer may say about a publication: no account names. */
export interface PublicStatus {
  id: string;
  title: string;
  publishedAt: string;
  /** The name given when publishing, or null when none was given. */
  publishedBy: string | null;
  withdrawnAt: string | null;
}

interface Row {
  id: string;
  title: string;
  metric_id: string;
  metric_version: number;
  chart: string;
  breakdown: string;
  breakdown2: string | null;
  period_from: string | null;
  period_to: string | null;
  disclosure: string;
  data_as_at: string | null;
  published_by: string;
  account: string | null;
  published_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

const COLUMNS = `id, title, metric_id, metric_version, chart, breakdown, breakdown2, period_from::VARCHAR AS period_from,
  period_to::VARCHAR AS period_to, disclosure, data_as_at, published_by, account, strftime(published_at, '%Y-%m-%dT%H:%M:%SZ') AS published_at,
  strftime(withdrawn_at, '%Y-%m-%dT%H:%M:%SZ') AS withdrawn_at, withdrawn_by`;

const summary = (r: Row): PublishedSummary => ({
  id: r.id,
  url: `/published/${r.id}`,
  title: r.title,
  metric: r.metric_id,
  metricVersion: r.metric_version,
  chart: r.chart,
  by: r.breakdown,
  by2: r.breakdown2,
  period: { from: r.period_from, to: r.period_to },
  disclosure: r.disclosure,
  dataAsAt: r.data_as_at,
  publishedBy: r.published_by,
  publishedAt: r.published_at,
  withdrawnAt: r.withdrawn_at,
  withdrawnBy: r.withdrawn_by,
});

const NOT_RECORDED = 'not recorded';

/** The publisher's name a public answer may show: the one typed when publishing, not the account's. */
const publicName = (r: Pick<Row, 'published_by' | 'account'>): string | null =>
  r.published_by === NOT_RECORDED || r.published_by === r.account ? null : r.published_by;

const publicStatus = (r: Row): PublicStatus => ({ id: r.id, title: r.title, publishedAt: r.published_at, publishedBy: publicName(r), withdrawnAt: r.withdrawn_at });

const publishedFootnote = (name: string | null, at: string, id: string) =>
  `Published${name ? ` by ${name}` : ''} on ${formatDateTime(at)} as Parity chart ${id}: these figures are frozen and do not change when data is reloaded.`;

/**
 * The stored record as the public may see it. A chart published before the account was kept out
 * of public answers carries the account's name as its publisher: that name is taken out of the
 * record and its footnote; every other record is returned exactly as stored.
 */
function publicRecord(row: Row, json: string): { record: PublishedRecord; json: string } {
  const record = JSON.parse(json) as PublishedRecord;
  const name = record.publishedBy;
  if (name === null || name === publicName(row)) return { record, json };
  const signed = `Published by ${name} on `;
  const redacted: PublishedRecord = {
    ...record,
    publishedBy: null,
    document: { ...record.document, footnotes: record.document.footnotes.map((f) => (f.startsWith(signed) ? `Published on ${f.slice(signed.length)}` : f)) },
  };
  return { record: redacted, json: JSON.stringify(redacted) };
}

export class PublishedService {
  constructor(
    private readonly db: Database,
    private readonly metrics: MetricsService,
  ) {}

  /** Builds the chart from live data and freezes it. */
  async publish(request: AnyChartRequest, who: { publishedBy: string | null; account: string | null }): Promise<PublishedSummary> {
    const entry = documentFor(request);
    const doc = await entry.build(this.metrics, request);
    // Where it is listed: a completeness chart under its specialty/site split, the specialty comparison under specialty.
    const [by, by2] = entry.filedUnder(request, doc);
    const id = randomBytes(6).toString('hex');
    const now = new Date();
    const publishedAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const document: ChartDocument = {
      ...doc,
      footnotes: [...doc.footnotes, publishedFootnote(who.publishedBy, publishedAt, id)],
    };
    const record: PublishedRecord = {
      id,
      url: `/published/${id}`,
      title: doc.title,
      publishedAt,
      publishedBy: who.publishedBy,
      metric: { id: doc.metric.id, version: doc.metric.version, definition: doc.metric },
      disclosure: doc.disclosure,
      disclosureLabel: doc.disclosureLabel,
      dataAsAt: doc.dataAsAt,
      request: doc.request,
      document,
    };
    await this.db.run(
      `INSERT INTO published_charts VALUES (?, ?, ?, ?, ?, ?, ?, ?::DATE, ?::DATE, ?, ?, ?, ?, ?::TIMESTAMP, NULL, NULL, ?)`,
      [id, doc.title, doc.metric.id, doc.metric.version, doc.kind, by, by2, doc.period.from, doc.period.to,
        doc.disclosure, doc.dataAsAt, who.publishedBy ?? who.account ?? NOT_RECORDED, who.account, publishedAt.replace('T', ' ').replace('Z', ''), JSON.stringify(record)],
    );
    return (await this.find(id))!;
  }

  async list(): Promise<PublishedSummary[]> {
    const rows = await this.db.all<Row>(`SELECT ${COLUMNS} FROM published_charts ORDER BY published_at DESC, id`);
    return rows.map(summary);
  }

  async find(id: string): Promise<PublishedSummary | null> {
    const [row] = await this.db.all<Row>(`SELECT ${COLUMNS} FROM published_charts WHERE id = ?`, [id]);
    return row ? summary(row) : null;
  }

  /** The frozen record for the public (the bytes of `.json`: as stored, less any account name), with its status. */
  async record(id: string): Promise<{ status: PublicStatus; record: PublishedRecord; json: string }> {
    const [row] = await this.db.all<Row & { record: string }>(`SELECT ${COLUMNS}, record FROM published_charts WHERE id = ?`, [id]);
    if (!row) throw messages.publishedChartNotFound(id);
    return { status: publicStatus(row), ...publicRecord(row, row.record) };
  }

  async withdraw(id: string, by: string): Promise<PublishedSummary> {
    const found = await this.find(id);
    if (!found) throw messages.publishedChartNotFound(id);
    if (!found.withdrawnAt) {
      const at = new Date().toISOString().replace(/\.\d{3}Z$/, '').replace('T', ' ');
      await this.db.run(`UPDATE published_charts SET withdrawn_at = ?::TIMESTAMP, withdrawn_by = ? WHERE id = ? AND withdrawn_at IS NULL`, [at, by, id]);
    }
    return (await this.find(id))!;
  }
}
