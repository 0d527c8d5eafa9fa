import type { Extract, ExtractDetail } from '../../../core/contracts/extracts.ts';
import type { Database } from '../../../db/database.ts';
import { toCsv } from '../../csv.ts';
import { quarantineMasker } from '../../security/mask.ts';

type ExtractView = Extract;

const SELECT = `SELECT id, dataset, file_name AS "fileName", sha256, uploaded_by AS "uploadedBy",
  strftime(uploaded_at, '%Y-%m-%dT%H:%M:%SZ') AS "uploadedAt", rows_read AS "rowsRead", rows_loaded AS "rowsLoaded",
  rows_quarantined AS "rowsQuarantined", status, replaces, column_mapping, encoding, delimiter,
  period_from::VARCHAR AS "periodFrom", period_to::VARCHAR AS "periodTo", data_quality FROM extracts`;

type Row = Omit<ExtractView, 'columnMapping' | 'dataQuality'> & { column_mapping: string; data_quality: string };
const view = ({ column_mapping, data_quality, ...rest }: Row): ExtractView => ({
  ...rest,
  columnMapping: JSON.parse(column_mapping),
  dataQuality: JSON.parse(data_quality),
});

export async function listExtracts(db: Database): Promise<ExtractView[]> {
  return (await db.all<Row>(`${SELECT} ORDER BY uploaded_at DESC, id`)).map(view);
}

/** Quarantined rows, declared columns only and identifiers masked (security/mask.ts): the only patient-level rows the API shows. */
async function quarantined(db: Database, extract: ExtractView, limit: number | null) {
  const rows = await db.all<{ row: number; raw: string; reasons: string[] }>(
    `SELECT source_row AS row, raw_row AS raw, reasons FROM quarantine WHERE extract_id = ? ORDER BY source_row${limit ? ` LIMIT ${Math.trunc(limit)}` : ''}`,
    [extract.id],
  );
  const mask = quarantineMasker(extract.dataset, extract.columnMapping);
  return rows.map((q) => ({ row: q.row, ...mask({ values: JSON.parse(q.raw), reasons: q.reasons }) }));
}

/** One extract with the first quarantined rows. */
export async function getExtract(db: Database, id: string): Promise<ExtractDetail | null> {
  const [row] = await db.all<Row>(`${SELECT} WHERE id = ?`, [id]);
  if (!row) return null;
  const extract = view(row);
  return { ...extract, quarantine: await quarantined(db, extract, 200) };
}

export async function quarantineCsv(db: Database, extract: ExtractView): Promise<string> {
  const rows = await quarantined(db, extract, null);
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  return toCsv(
    ['row', 'reasons', ...headers],
    rows.map((r) => [r.row, r.reasons.join('; '), ...headers.map((h) => r.values[h] ?? '')]),
  );
}
