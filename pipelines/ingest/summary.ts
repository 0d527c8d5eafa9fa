import { z } from 'zod';

/** The result of one upload, as `parity ingest --json` prints it and `POST /api/extracts` answers it. */
export const ingestSummary = z.object({
  extractId: z.string().nullable(),
  dataset: z.string(),
  status: z.enum(['loaded', 'duplicate', 'rejected']),
  rowsRead: z.number().int(),
  rowsLoaded: z.number().int(),
  rowsQuarantined: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  fileError: z.string().nullable(),
  /** Optional columns whose invalid values were kept as blanks: column → count. */
  dataQuality: z.record(z.string(), z.number().int()),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  columnMapping: z.record(z.string(), z.string()),
  /** The file's columns the dataset does not declare ("NHS Number", a second "patient_id" as "patient_id (2)"): neither loaded nor kept in the quarantine. */
  ignoredColumns: z.array(z.string()),
  replaced: z.string().nullable(),
  /** Lines that are not data rows, skipped and not counted in rowsRead: blank (empty, spaces or separators only, as Excel writes) and a report footer after the last data row. */
  skippedLines: z.object({ blank: z.number().int(), footer: z.number().int() }),
  /** What Parity chose in reading the file: a header preferred over another, a date and a time combined, areas outside England. */
  notes: z.array(z.string()),
});
export type IngestSummary = z.infer<typeof ingestSummary>;

export function rejectedSummary(dataset: string, fileError: string): IngestSummary {
  return {
    extractId: null,
    dataset,
    status: 'rejected',
    rowsRead: 0,
    rowsLoaded: 0,
    rowsQuarantined: 0,
    errors: [],
    fileError,
    dataQuality: {},
    encoding: null,
    delimiter: null,
    columnMapping: {},
    ignoredColumns: [],
    replaced: null,
    skippedLines: { blank: 0, footer: 0 },
    notes: [],
  };
}

/** Splits a stored reason "column: message" for the summary's `errors`. */
export function splitReason(row: number, reason: string): IngestSummary['errors'][number] {
  const at = reason.indexOf(': ');
  return at > 0 ? { row, column: reason.slice(0, at), message: reason.slice(at + 2) } : { row, column: 'row', message: reason };
}
