import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { toCsv } from '../../csv.ts';

export const extractView = z.object({
  id: z.string(),
  dataset: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  rowsRead: z.number().int(),
  rowsLoaded: z.number().int(),
  rowsQuarantined: z.number().int(),
  status: z.string(),
  replaces: z.string().nullable(),
  columnMapping: z.record(z.string(), z.string()),
  encoding: z.string(),
  delimiter: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  dataQuality: z.record(z.string(), z.number()),
});
export type ExtractView = z.infer<typeof extractView>;

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

/** One extract with the first quarantined rows (identifiers are the trust's pseudonyms). */
export async function getExtract(db: Database, id: string) {
  const [row] = await db.all<Row>(`${SELECT} WHERE id = ?`, [id]);
  if (!row) return null;
  const quarantine = await db.all<{ row: number; raw: string; reasons: string[] }>(
    `SELECT source_row AS row, raw_row AS raw, reasons FROM quarantine WHERE extract_id = ? ORDER BY source_row LIMIT 200`,
    [id],
  );
  return { ...view(row), quarantine: quarantine.map((q) => ({ row: q.row, reasons: q.reasons, values: JSON.parse(q.raw) })) };
}

export async function quarantineCsv(db: Database, id: string): Promise<string> {
  const rows = await db.all<{ row: number; raw: string; reasons: string[] }>(
    `SELECT source_row AS row, raw_row AS raw, reasons FROM quarantine WHERE extract_id = ? ORDER BY source_row`,
    [id],
  );
  const values = rows.map((r) => JSON.parse(r.raw) as Record<string, string | null>);
  const headers = [...new Set(values.flatMap((v) => Object.keys(v)))];
  return toCsv(
    ['row', 'reasons', ...headers],
    rows.map((r, i) => [r.row, r.reasons.join('; '), ...headers.map((h) => values[i][h] ?? '')]),
  );
}
