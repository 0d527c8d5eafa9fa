import { z } from 'zod';
import { ColumnReading, GrainReport, ImdReport, NotComputable, SetAside } from '../../core/contracts/ingest.ts';

/** The result of one upload, as `parity ingest --json` prints it and `POST /api/extracts` answers it. */
export const ingestSummary = z.object({
  extractId: z.string().nullable(),
  dataset: z.string(),
  status: z.enum(['loaded', 'duplicate', 'rejected']),
  rowsRead: z.number().int(),
  rowsLoaded: z.number().int(),
  rowsQuarantined: z.number().int(),
  /** Rows read but neither loaded nor quarantined (a spell's later episodes, population totals): rowsRead = rowsLoaded + rowsSetAside + rowsQuarantined. */
  rowsSetAside: z.number().int(),
  setAside: z.array(SetAside),
  /** When one row of the file is not one row of the table (episodes → spells, population rows → cells). */
  grain: z.nullable(GrainReport),
  /** Where the IMD deciles came from, when the file has an LSOA or an IMD column. */
  imd: z.nullable(ImdReport),
  /** How each declared column's values were read. */
  columns: z.array(ColumnReading),
  /** Indicators this extract's values cannot support, with the reason and the fix. */
  notComputable: z.array(NotComputable),
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
    rowsSetAside: 0,
    setAside: [],
    grain: null,
    imd: null,
    columns: [],
    notComputable: [],
    errors: [],
    fileError,
    dataQuality: {},
    encoding: null,
    delimiter: null,
    columnMapping: {},
    ignoredColumns: [],
    replaced: null,
  };
}

/** Splits a stored reason "column: message" for the summary's `errors`. */
export function splitReason(row: number, reason: string): IngestSummary['errors'][number] {
  const at = reason.indexOf(': ');
  return at > 0 ? { row, column: reason.slice(0, at), message: reason.slice(at + 2) } : { row, column: 'row', message: reason };
}
