// The result of one upload, as `parity ingest --json` prints it, `POST /api/extracts` answers it
// (and declares it as its response schema) and the upload page parses it (docs/ingestion.md).
import * as z from 'zod/mini';
import { BenchmarkIndicator } from './benchmarks.ts';

const count = z.int();

export const IngestSummary = z.object({
  extractId: z.nullable(z.string()),
  dataset: z.string(),
  status: z.enum(['loaded', 'duplicate', 'rejected']),
  rowsRead: count,
  rowsLoaded: count,
  rowsQuarantined: count,
  errors: z.array(z.object({ row: count, column: z.string(), message: z.string() })),
  fileError: z.nullable(z.string()),
  /** Optional columns whose invalid values were kept as blanks: column → count. */
  dataQuality: z.record(z.string(), count),
  encoding: z.nullable(z.string()),
  delimiter: z.nullable(z.string()),
  columnMapping: z.record(z.string(), z.string()),
  /** The file's columns the dataset does not declare ("NHS Number", a second "patient_id" as "patient_id (2)"): neither loaded nor kept in the quarantine. */
  ignoredColumns: z.array(z.string()),
  replaced: z.nullable(z.string()),
  /** A benchmarks load: the file's indicators and the catalogue indicators each feeds (an empty list: kept, not shown). */
  benchmarkIndicators: z.optional(z.array(BenchmarkIndicator)),
  /** Lines that are not data rows, skipped and not counted in rowsRead: blank (empty, spaces or separators only, as Excel writes) and a report footer after the last data row. */
  skippedLines: z.object({ blank: count, footer: count }),
  /** What Parity chose in reading the file: a header preferred over another, a date and a time combined, areas outside England. */
  notes: z.array(z.string()),
});
export type IngestSummary = z.infer<typeof IngestSummary>;
